import ArgumentParser
import Foundation
import HeadwayApp
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
        let workspace = try Workspace.open(model, store)
        let curriculum = workspace.curriculum
        let outcome = try Undo().run(in: workspace)
        let undone = outcome.undone
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
        if let score = outcome.scoreNow { Console.out("AIJRI now \(fixed(score, 1)) as of \(workspace.day).") }
    }
}
