import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayStore

/// `headway log rm N`: an entry no longer counts.
struct LogRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm",
        abstract: "Remove log entry N (journaled; `undo` brings it back).",
        discussion: "Its number is not given to another entry. A unit it completed is no longer complete; a snapshot says so.")

    @OptionGroup var model: ModelOptions
    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("The entry's number (`log list`).", valueName: "n")) var id: Int64

    func run() throws {
        let curriculum = try model.curriculum()
        let id = self.id
        let (result, written, _, _) = try withProfileProgress(model, store, curriculum: curriculum) { p, writes -> (LogEntry, Double, Double?) in
            guard let old = p.record.log(id)?.entry else {
                throw HeadwayError(.data, RecordError.unknownLog(id: id, profile: p.state.profile.name).description)
            }
            let change: RecordChange
            change = try p.record.remove(id, in: p.context)
            writes.change = .removeLog(id: id)
            writes.changeDay = old.date
            writes.changeSnapshot = change.snapshot
            return (old, change.before, p.recordedScore(onOrBefore: change.snapshot?.asOf ?? p.day, pending: writes.snapshots))
        }
        let (old, before, recorded) = result
        for line in signalNotes(written) { Console.out(line) }
        Console.out("Removed #\(id): \(format(old.hours)) h on \(old.unit) (\(old.status.rawValue)) for \(old.date).")
        if let s = written.changeSnapshot?.snapshot {
            Console.out(scoreMoveText(recorded: recorded, before: before, after: s.score) + " \(s.label): \(s.reason).")
        }
    }
}
