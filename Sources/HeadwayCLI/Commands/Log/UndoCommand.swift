import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayStore

/// `headway undo`: revert the last log entry or re-assessment with its snapshot.
struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Revert the last change (log, edit, rm, re-assessment) and its snapshot.",
        discussion: """
            One change at a time, newest first, in one transaction. Snapshots of the field \
            (signal windows) and briefings already written stay as they are.
            """)

    @OptionGroup var model: ModelOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let curriculum = try model.curriculum()
        let db = try store.open()
        let profile = try store.selectedProfile(in: db)
        guard let undone = try storeCall({ try db.undoLastChange(for: profile) { ProfileArchive.logEntryProblem($0, "previous", curriculum) } }) else {
            throw HeadwayError(.no, "nothing to undo: profile \(profile.name) has no change left (the first assessment stays)")
        }
        var what: String
        func describe(_ e: LogEntry) -> String {
            "\(format(e.hours)) h on \(curriculum.graph[e.skill]?.name ?? e.skill) → \(e.level) (\(e.status.rawValue)) for \(e.date)"
        }
        if let log = undone.log, undone.change.kind == .logEdit, let edited = undone.change.previous {
            what = "the edit of log #\(log.id) (back to \(describe(edited)))"
        } else if let log = undone.log, undone.change.kind == .logRemove {
            what = "the removal of log #\(log.id) (\(describe(log.entry)) counts again)"
        } else if let log = undone.log {
            what = "log #\(log.id): \(describe(log.entry))"
        } else if undone.assessment != nil {
            what = "the re-assessment of \(undone.change.asOf)"
        } else {
            what = "change #\(undone.change.id)"
        }
        for s in undone.snapshots { what += " and its snapshot (\(fixed(s.snapshot.score, 1)), \(s.snapshot.reason))" }
        Console.out("Undid \(what).")
        let state = try storeCall { try db.state(of: profile) }
        if let p = try? ProfileProgress(curriculum: curriculum, state: state, day: model.day()) {
            Console.out("AIJRI now \(fixed(p.person.score(at: p.day).result.rounded, 1)) as of \(p.day).")
        }
    }
}
