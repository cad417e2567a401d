import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayCurricula

/// `headway curricula check [DIR]`: every problem of a curricula folder at once.
struct CurriculaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curricula",
        abstract: "Check a curricula folder.",
        subcommands: [Check.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report every problem of a curricula folder (file, line, id); non-zero exit when there is any.")

        @Argument(help: ArgumentHelp("The folder (default: the bundled Curricula/).", valueName: "dir"))
        var directory: String?

        func run() throws {
            let url = try Environment.curriculaURL(directory)
            let (curriculum, problems) = CurriculumLoader.check(url)
            guard let curriculum, problems.isEmpty else {
                throw CLIError(problems.map(\.description).joined(separator: "\n")
                               + "\n\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(url.path)")
            }
            let tasks = curriculum.roles.reduce(0) { $0 + $1.tasks.count }
            let activities = curriculum.graph.skills.reduce(0) { $0 + $1.activities.values.reduce(0) { $0 + $1.count } }
            print("\(url.path): ok — \(curriculum.graph.skills.count) skills in \(curriculum.graph.groups.count) groups, "
                  + "\(curriculum.roles.count) roles (\(tasks) tasks), \(curriculum.signals.count) signals, "
                  + "\(activities) activities; version \(curriculum.version)")
        }
    }
}
