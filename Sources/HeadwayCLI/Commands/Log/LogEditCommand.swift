import ArgumentParser
import Foundation
import HeadwayApp
import HeadwayCore
import HeadwayStore

/// `headway log edit N`: correct an entry's hours, status, day or note.
struct LogEditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", _superCommandName: leafSuperCommand,
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
        let outcome = try EditLog(id: id, hours: hours, status: status, date: date, note: note)
            .run(in: try Workspace.open(model, store, curriculum: curriculum))
        let (old, entry, before, recorded, written) = (outcome.old, outcome.new, outcome.edit.before, outcome.edit.recorded, outcome.edit.written)
        for line in signalNotes(written) { Console.out(line) }
        func show(_ e: LogEntry) -> String { "\(format(e.hours)) h \(e.status.rawValue) on \(e.date)" + (e.note.map { " (“\($0)”)" } ?? "") }
        Console.out("Edited #\(id) (\(entry.unit)): \(show(old)) → \(show(entry)).")
        if let s = written.changeSnapshot?.snapshot {
            Console.out(scoreMoveText(recorded: recorded, before: before, after: s.score) + " \(s.label): \(s.reason).")
        }
    }
}
