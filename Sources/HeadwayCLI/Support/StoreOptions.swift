import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayStore

/// `--db` and `--profile`, on every command that reads or writes the database.
struct StoreOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The database file (default $HEADWAY_DB, else $XDG_DATA_HOME/headway/headway.sqlite).",
            valueName: "path"))
    var db: String?

    @Option(help: ArgumentHelp("Work on this profile instead of the current one.", valueName: "name"))
    var profile: String?

    /// Opens (creating if needed) the database; errors are one line naming the file. With
    /// `checkSchema` false a hand-changed schema is let through (`doctor`, `profile export`).
    func open(checkSchema: Bool = true) throws -> Store {
        let path = Environment.databasePath(db)
        OpenedDatabases.add(path)  // no export of this run may write over it
        do {
            let store = try Store.open(at: path, checkSchema: checkSchema)
            StoresUntilExit.keep(store)
            return store
        } catch let e as StoreError {
            throw HeadwayError(e.exitClass, e.description)
        }
    }

    /// Whether the database file (`--db`, else the default) exists already.
    var databaseExists: Bool { FileManager.default.fileExists(atPath: Environment.databasePath(db)) }

    /// The profile named by `--profile`, else the current one.
    func selectedProfile(in store: Store) throws -> Profile {
        try storeCall {
            if let profile { return try store.profile(named: profile) }
            if let current = try store.currentProfile() { return current }
            let names = try store.profiles().map(\.name)
            // A first-time user has no profile at all: point at the one command that makes one.
            guard !names.isEmpty else {
                throw HeadwayError(.noInput, "no profile yet in \(store.path); `assess` creates one (`assess --sample` to look around)")
            }
            throw HeadwayError(.noInput, "no current profile in \(store.path); pick one with `profile use NAME` (\(names.joined(separator: ", ")))")
        }
    }
}

/// Runs a store call, turning a ``StoreError`` into the CLI's one-line error.
func storeCall<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as StoreError { throw HeadwayError(e.exitClass, e.description) }
}
