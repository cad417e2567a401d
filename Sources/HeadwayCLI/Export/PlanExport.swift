import Foundation
import HeadwayCore

/// What `export plan` writes from: the plan and what its formats need to name and number it.
struct PlanExport {
    let plan: Plan
    let curriculum: Curriculum
    let role: Role
    /// The profile name, or the assessment file's name for a stateless export.
    let owner: String
    /// The saved plan's id (grows with each plan of the database); 0 for a computed plan.
    let revision: Int
    /// When the file is made, UTC.
    let stamp: Date
    /// The programme's week numbering; `nil`: the plan's own.
    var programme: ProgrammeWeeks? = nil

    var graph: SkillGraph { curriculum.graph }
}

extension PlanExport: ExportInput {
    static let noun = "plan"

    /// Every format `export plan --format` takes, in the order help lists them. A new format
    /// is a type in its own file under `Export/` and one entry here.
    static let formats: [any Exporter<PlanExport>] = [
        CalendarExporter(),
        MarkdownExporter(),
        PlanJSONExporter(),
        PlanCSVExporter()
    ]

    static var defaultFormat: any Exporter<PlanExport> { MarkdownExporter() }
}

/// `export plan --format`'s value.
typealias PlanFormat = ExportFormat<PlanExport>

/// What `export history` writes from: the profile's snapshots, oldest first.
struct HistoryExport {
    let snapshots: [Snapshot]
}

extension HistoryExport: ExportInput {
    static let noun = "history"

    /// Every format `export history --format` takes.
    static let formats: [any Exporter<HistoryExport>] = [HistoryCSVExporter()]

    static var defaultFormat: any Exporter<HistoryExport> { HistoryCSVExporter() }
}

/// `export history --format`'s value.
typealias HistoryFormat = ExportFormat<HistoryExport>
