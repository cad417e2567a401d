import ArgumentParser
import HeadwayApp
import HeadwayStore

extension ProfileCommand {
    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rename", _superCommandName: leafSuperCommand, abstract: "Rename a profile; its history follows it.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The current name.") var old: String
        @Argument(help: "The new name.") var new: String

        func run() throws {
            let db = try store.open()
            let p = try storeCall { try RenameProfile(old, to: new).run(in: db) }
            print("Renamed \(old) to \(p.name).")
        }
    }
}
