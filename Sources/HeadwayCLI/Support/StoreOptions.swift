import ArgumentParser
import Foundation
import HeadwayStore

/// `--db` and `--profile`, on every command that reads or writes the database.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The database file (default $HEADWAY_DB, else $XDG_DATA_HOME/headway/headway.sqlite).",
                               valueName: "path"))
    var db: String?

    @Option(help: ArgumentHelp("Work on this profile instead of the current one.", valueName: "name"))
    var profile: String?

    /// Opens (creating if needed) the database; errors are one line naming the file.
    func open() throws -> Store {
        do { return try Store.open(at: Environment.databasePath(db)) } catch let e as StoreError {
            throw CLIError(e.description)
        }
    }

    /// The profile named by `--profile`, else the current one.
    func selectedProfile(in store: Store) throws -> Profile {
        try storeCall {
            if let profile { return try store.profile(named: profile) }
            guard let current = try store.currentProfile() else { throw StoreError.noCurrentProfile(path: store.path) }
            return current
        }
    }
}

/// Runs a store call, turning a ``StoreError`` into the CLI's one-line error.
func storeCall<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as StoreError { throw CLIError(e.description) }
}
