import ArgumentParser
import Foundation
import HeadwayApp
import HeadwayCore
import HeadwayStore

extension ProfileCommand {
    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete", _superCommandName: leafSuperCommand,
            abstract: "Delete a profile and its whole history.",
            discussion: "Asks first on a terminal; in scripts pass --yes.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The profile's name.") var name: String
        @Flag(help: "Do not ask (required when standard input is not a terminal).") var yes = false

        func run() throws {
            let db = try store.open()
            let delete = DeleteProfile(name: name)
            _ = try storeCall { try delete.target(in: db) }  // a typo fails before the question
            if !yes {
                guard Environment.stdinIsTerminal else {
                    throw HeadwayError(.usage, "refusing to delete profile \(name) without confirmation: standard input is not a terminal; pass --yes")
                }
                FileHandle.standardOutput.write(Data("Delete profile \(name) and its whole history? [y/N] ".utf8))
                let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased()
                guard answer == "y" || answer == "yes" else { print("Kept profile \(name)."); return }
            }
            try storeCall { try delete.run(in: db) }
            print("Deleted profile \(name).")
        }
    }
}
