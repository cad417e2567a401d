import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayCurricula

extension CurriculaCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", _superCommandName: leafSuperCommand, abstract: "List the bundled and installed curricula; * marks the active one.")

        @Flag(help: "Print JSON.")
        var json = false

        func run() throws {
            let entries = try CurriculaEntry.all()
            if json { try printJSON(entries); return }
            let width = entries.map(\.version.count).max() ?? 7
            for e in entries {
                print(
                    "\(e.active ? "*" : " ") \(e.version.padding(toLength: width, withPad: " ", startingAt: 0))  "
                        + "\(e.source.padding(toLength: 9, withPad: " ", startingAt: 0))  \(e.changes)")
            }
            if let env = Context.current.environment["HEADWAY_CURRICULA"], !env.isEmpty {
                print("HEADWAY_CURRICULA=\(env) overrides the active curricula in this environment.")
            }
        }
    }
}
