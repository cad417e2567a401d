import ArgumentParser
import Foundation
import HeadwayApp
import HeadwayCore
import HeadwayStore

/// `headway log rm N`: an entry no longer counts.
struct LogRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm", _superCommandName: leafSuperCommand,
        abstract: "Remove log entry N (journaled; `undo` brings it back).",
        discussion: "Its number is not given to another entry. A unit it completed is no longer complete; a snapshot says so.")

    @OptionGroup var model: ModelOptions
    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("The entry's number (`log list`).", valueName: "n")) var id: Int64

    func run() throws {
        let outcome = try RemoveLog(id: id).run(in: try Workspace.open(model, store))
        let (old, before, recorded, written) = (outcome.entry, outcome.edit.before, outcome.edit.recorded, outcome.edit.written)
        for line in signalNotes(written) { Console.out(line) }
        Console.out("Removed #\(id): \(format(old.hours)) h on \(old.unit) (\(old.status.rawValue)) for \(old.date).")
        if let s = written.changeSnapshot?.snapshot {
            Console.out(scoreMoveText(recorded: recorded, before: before, after: s.score) + " \(s.label): \(s.reason).")
        }
    }
}
