import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayCurricula
import HeadwayStore

extension ProfileCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", _superCommandName: leafSuperCommand, abstract: "List profiles; * marks the current one.")
        @OptionGroup var store: StoreOptions
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let db = try store.open()
            let profiles = try storeCall { try db.profiles() }
            if json {
                struct Row: Encodable { let name: String; let current: Bool; let createdAt: String }
                try printJSON(profiles.map { Row(name: $0.name, current: $0.isCurrent, createdAt: $0.createdAt) })
                return
            }
            if profiles.isEmpty { print("No profiles in \(db.path); create one with `headway profile new NAME`."); return }
            for p in profiles { print("\(p.isCurrent ? "*" : " ") \(p.name)") }
        }
    }
}
