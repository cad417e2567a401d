import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayCurricula

extension CurriculaCommand {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check", _superCommandName: leafSuperCommand,
            abstract: "Report every problem of a curricula folder (file, line, id); non-zero exit when there is any.")

        @Argument(help: ArgumentHelp("The folder (default: the active curricula).", valueName: "dir"))
        var directory: String?

        func run() throws {
            let url = try Environment.curriculaURL(directory)
            let curriculum = try checked(url)
            let tasks = curriculum.roles.reduce(0) { $0 + $1.tasks.count }
            let activities = curriculum.graph.skills.reduce(0) { $0 + $1.activities.values.reduce(0) { $0 + $1.count } }
            print(
                "\(url.path): ok — \(curriculum.graph.skills.count) skills in \(curriculum.graph.groups.count) groups, "
                    + "\(curriculum.roles.count) roles (\(tasks) tasks), \(curriculum.signals.count) signals, "
                    + "\(activities) activities; version \(curriculum.version)")
        }
    }
}
