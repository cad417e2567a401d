import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayStore

/// `headway export plan|history|report`: the plan, the history or a report, as a file.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export your plan (\(PlanExport.formatNames.joined(separator: ", "))), "
            + "history (\(HistoryExport.formatNames.joined(separator: ", "))) or an HTML report.",
        discussion: """
            --output FILE replaces FILE atomically (a temporary file in the same folder, then a \
            rename), so a reader never sees it half-written; --output - writes to standard output. \
            With --assessment FILE the plan is computed and nothing is saved; otherwise the current \
            profile's saved plan and history are used (--db, --profile).
            """,
        subcommands: [ExportPlanCommand.self, ExportHistoryCommand.self, ExportReportCommand.self])
}
