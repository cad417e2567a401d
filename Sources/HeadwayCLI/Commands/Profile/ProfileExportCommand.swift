import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayCurricula
import HeadwayStore

extension ProfileCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", _superCommandName: leafSuperCommand,
            abstract: "Write a profile's whole history to one JSON file.",
            discussion: "The document is {\"format\": \"headway-profile\", \"version\": 1, …}; `-` writes to standard output.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The file to write.") var file: String

        func run() throws {
            // A whole history is private: a new file is 0600, a replaced one keeps its mode.
            let output = OutputFile(file, newFileMode: 0o600)
            try output.check(database: Environment.databasePath(store.db))
            // A hand-changed schema is no reason to lose the way out: read what can be read.
            let db = try store.open(checkSchema: false)
            let profile = try store.selectedProfile(in: db)
            let data = try storeCall { try db.export(profile).encoded() }
            if output.isStandardOutput { printJSONText(String(decoding: data, as: UTF8.self)); return }
            try output.replace(with: data)
            print("Exported profile \(profile.name) to \(output.shown).")
        }
    }
}
