import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayCurricula

extension CurriculaCommand {
    struct Use: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "use", _superCommandName: leafSuperCommand,
            abstract: "Make an installed (or the bundled) version active.",
            discussion: "Each profile records the change on its next command.")

        @Argument(help: ArgumentHelp("A version listed by `curricula list`.", valueName: "version"))
        var version: String

        func run() throws {
            let entries = try CurriculaEntry.all()
            guard let entry = entries.first(where: { $0.version == version }) else {
                throw HeadwayError(
                    .noInput,
                    "curricula version '\(clip(version, 40))' is not installed; installed: "
                        + entries.map(\.version).joined(separator: ", "))
            }
            if entry.active { print("Curricula \(version) are already active."); return }
            try activate(entry.source == "bundled" ? nil : version)
            print("Curricula \(version) (\(entry.source)) are now active. Each profile records the change on its next command.")
        }
    }
}
