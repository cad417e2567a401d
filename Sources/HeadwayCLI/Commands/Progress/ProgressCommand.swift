import ArgumentParser
import Foundation
import HeadwayApp
import HeadwayCore
import HeadwayStore

/// `headway progress`: the plan week by week against what was logged, and the outlook.
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress", _superCommandName: leafSuperCommand,
        abstract: "Planned vs logged hours by week, streak, and whether the plan still holds.",
        discussion: """
            Pace is the average of the plan's finished working weeks (a holiday is none; the plan's \
            own hours in week 1). Once \
            two units are complete, your pace factor (hours logged on them over their curriculum \
            hours, 0.5-2) scales the hours left. When the units left do not fit at your pace, it says \
            what covers that (a re-assessment, a unit completed, units that add nothing) or shows the \
            score you would reach and what `replan` would give (computed, not saved).
            """)

    @OptionGroup var model: ModelOptions
    @OptionGroup var store: StoreOptions
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let (report, written, _, _) = try withProfileProgress(model, store) { p, _ in try ProgressReport(p) }
        if json { try printJSON(report); return }
        for line in signalNotes(written) { Console.out(line) }
        Console.out(report.render(style: .current()))
    }
}
