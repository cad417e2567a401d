import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayStore

/// `headway log`: record what you did (the default), or list, correct or remove an entry.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Log work on a unit: log SKILL[:LEVEL] HOURS [done|partial|skipped].",
        discussion: "`log list` shows the entries with their numbers; `log edit N` and `log rm N` correct or remove one (`undo` reverts either).",
        subcommands: [LogAddCommand.self, LogListCommand.self, LogEditCommand.self, LogRemoveCommand.self],
        defaultSubcommand: LogAddCommand.self)
}
