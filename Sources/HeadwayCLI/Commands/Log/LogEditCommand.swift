import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayStore

/// `headway log edit N`: correct an entry's hours, status, day or note.
struct LogEditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Correct log entry N: its hours, status, day or note (journaled; `undo` reverts it).",
        discussion: """
            The entry keeps its number and unit. When the correction moves your score (a unit now \
            complete, or no longer), a snapshot says so; earlier snapshots stay as they were written.
            """)

    @OptionGroup var model: ModelOptions
    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("The entry's number (`log list`).", valueName: "n")) var id: Int64
    @Option(help: LoggedHours.help("Hours spent (more than 0, at most 24 a day).")) var hours: LoggedHours?
    @Option(help: LogStatus.help("done, partial or skipped.")) var status: LogStatus?
    @Option(help: Day.help("The day the work was done.")) var date: Day?
    @Option(help: ArgumentHelp("A note kept with the entry (empty removes it).", valueName: "text")) var note: String?

    func validate() throws {
        if hours == nil && status == nil && date == nil && note == nil {
            throw ValidationError("log edit \(id) needs what to change: --hours, --status, --date or --note")
        }
    }

    func run() throws {
        let curriculum = try model.curriculum()
        let hours = self.hours?.value, status = self.status
        let date = try self.date.map { try LogRequest.checkDate($0, today: model.day()) }
        if let note, note.count > 2000 { throw HeadwayError(.usage, "the note has \(note.count) characters; allowed: at most 2000") }
        let id = self.id, note = self.note
        let (result, written, _, _) = try withProfileProgress(model, store, curriculum: curriculum) { p, writes -> (LogEntry, LogEntry, Double, Double?) in
            guard let old = p.record.log(id)?.entry else {
                throw HeadwayError(.data, RecordError.unknownLog(id: id, profile: p.state.profile.name).description)
            }
            var entry = old
            if let hours { entry.hours = hours }
            if let status { entry.status = status }
            if let date { entry.date = date }
            if let note { entry.note = note.isEmpty ? nil : note }
            guard entry != old else { throw HeadwayError(.no, "log #\(id) already reads so; nothing changed") }
            let change: RecordChange
            change = try p.record.edit(id, to: entry, in: p.context)
            writes.change = .editLog(id: id, entry: entry)
            writes.changeDay = min(old.date, entry.date)
            writes.changeSnapshot = change.snapshot
            return (old, entry, change.before, p.recordedScore(onOrBefore: change.snapshot?.asOf ?? p.day, pending: writes.snapshots))
        }
        let (old, entry, before, recorded) = result
        for line in signalNotes(written) { Console.out(line) }
        func show(_ e: LogEntry) -> String { "\(format(e.hours)) h \(e.status.rawValue) on \(e.date)" + (e.note.map { " (“\($0)”)" } ?? "") }
        Console.out("Edited #\(id) (\(entry.unit)): \(show(old)) → \(show(entry)).")
        if let s = written.changeSnapshot?.snapshot {
            Console.out(scoreMoveText(recorded: recorded, before: before, after: s.score) + " \(s.label): \(s.reason).")
        }
    }
}
