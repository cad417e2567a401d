import ArgumentParser
import Foundation
import HeadwayApp
import HeadwayCore
import HeadwayStore

/// `headway undo`: revert the last change (a log entry, edit, removal, re-assessment or plan).
struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo", _superCommandName: leafSuperCommand,
        abstract: "Revert the last change (log, edit, rm, re-assessment, plan, replan); `redo` writes it again.",
        discussion: """
            One change at a time, newest first, in one transaction; undoing a plan or a replan \
            puts the plan before it back in force. Snapshots of the field (signal windows) and \
            briefings already written stay as they are. --list shows what undo and redo would do.
            """)

    @OptionGroup var model: ModelOptions
    @OptionGroup var store: StoreOptions
    @Flag(help: "List the changes undo would revert, newest first, and what redo would write again.") var list = false

    func run() throws {
        let workspace = try Workspace.open(model, store)
        if list { return try showList(workspace) }
        let outcome = try Undo().run(in: workspace)
        let undone = outcome.undone
        var what: String
        if let plan = undone.plan {
            what = "the \(UndoText.plan(plan))"
            what += undone.restoredPlan.map { "; the \(UndoText.plan($0)) is in force again" } ?? "; no plan is in force now"
        } else if let change = undone.change {
            what = UndoText.change(change, log: undone.log, curriculum: try workspace.curriculum)
        } else {
            what = "nothing"
        }
        for s in undone.snapshots { what += " and its snapshot (\(fixed(s.snapshot.score, 1)), \(s.snapshot.reason))" }
        Console.out("Undid \(what).")
        if let score = outcome.scoreNow { Console.out("AIJRI now \(fixed(score, 1)) as of \(workspace.day).") }
    }

    private func showList(_ w: Workspace) throws {
        let (steps, redo) = try storeCall { try w.store.journal(for: w.profile) }
        if steps.isEmpty {
            Console.out("Nothing to undo: profile \(w.profile.name) has no change or plan left (the first assessment stays).")
        } else {
            Console.out("`undo` reverts, newest first:")
            let curriculum = try w.curriculum
            for (i, step) in steps.enumerated() {
                let text =
                    step.plan.map { UndoText.plan($0) }
                    ?? step.change.map { UndoText.change($0, log: step.log, curriculum: curriculum) } ?? ""
                Console.out("  \(i + 1). \(text)")
            }
        }
        if !redo.isEmpty {
            Console.out("`redo` writes again, next first: " + redo.map(\.kind.rawValue).joined(separator: ", ") + ".")
        }
    }
}

/// `headway redo`: write the last undone change again.
struct RedoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redo", _superCommandName: leafSuperCommand,
        abstract: "Write the last undone change again (until a new change is made).",
        discussion: "A log entry comes back with its number; a plan or replan is in force again.")

    @OptionGroup var model: ModelOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let workspace = try Workspace.open(model, store)
        let outcome = try Redo().run(in: workspace)
        let written = outcome.redone.written
        let curriculum = try workspace.curriculum
        var what: String
        if let plan = written.plan {
            what = "the \(UndoText.plan(plan)); it is in force again"
        } else if let change = written.change {
            what = UndoText.change(change, log: written.log, curriculum: curriculum)
        } else {
            what = outcome.redone.kind.rawValue
        }
        if let s = written.changeSnapshot { what += " and its snapshot (\(fixed(s.snapshot.score, 1)), \(s.snapshot.reason))" }
        Console.out("Redid \(what).")
        if let score = outcome.scoreNow { Console.out("AIJRI now \(fixed(score, 1)) as of \(workspace.day).") }
    }
}

/// How `undo`, `redo` and `undo --list` name a step of the journal.
enum UndoText {
    static func entry(_ e: LogEntry, _ curriculum: Curriculum) -> String {
        "\(format(e.hours)) h on \(curriculum.graph[e.skill]?.name ?? e.skill) → \(e.level) (\(e.status.rawValue)) for \(e.date)"
    }

    static func change(_ change: StoredChange, log: StoredLog?, curriculum: Curriculum) -> String {
        switch change.kind {
        case .logEdit:
            guard let log else { return "the edit of a log entry" }
            return change.previous.map { "the edit of log #\(log.id) (back to \(entry($0, curriculum)))" } ?? "the edit of log #\(log.id)"
        case .logRemove:
            guard let log else { return "the removal of a log entry" }
            return "the removal of log #\(log.id) (\(entry(log.entry, curriculum)) counts again)"
        case .log:
            guard let log else { return "a log entry" }
            return "log #\(log.id): \(entry(log.entry, curriculum))"
        case .reassessment:
            return "the re-assessment of \(change.asOf)"
        }
    }

    static func plan(_ stored: StoredPlan) -> String {
        let p = stored.plan
        let made = stored.madeOn.map { " made \($0)" } ?? ""
        return "plan\(made) from \(p.start) to \(p.end) (\(p.units.count) unit\(p.units.count == 1 ? "" : "s"), projected \(fixed(p.projectedScore, 1)))"
    }
}
