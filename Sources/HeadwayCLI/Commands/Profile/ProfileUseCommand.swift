import ArgumentParser
import HeadwayApp
import HeadwayStore

extension ProfileCommand {
    struct Use: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "use", _superCommandName: leafSuperCommand, abstract: "Make a profile the current one.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The profile's name.") var name: String

        func run() throws {
            let db = try store.open()
            let p = try storeCall { try UseProfile(name: name).run(in: db) }
            print("Current profile: \(p.name).")
        }
    }
}
