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
    /// When a calendar reminds of each week, before it starts; `nil`: no reminder.
    var reminder: Reminder? = .default
    /// The profile's record, for the work already done (a checklist ticks it); `nil` for a
    /// plan computed from an assessment file.
    var record: ProgressRecord? = nil
    /// The day the export is as of.
    var day: Day? = nil

    /// Whether `activity` of `unit` is done by the export's day: logged done (as itself or its
    /// variant), or its unit completed.
    func isDone(_ unit: UnitID, _ activity: String) -> Bool {
        guard let record, let day else { return false }
        if let level = record.levels(at: day)?[unit.skill], level >= unit.level { return true }
        let named = graph[unit.skill]?.activity(unit.level, named: activity)
        return record.doneActivities(of: unit, through: day).contains { $0 == activity || named?.isNamed($0) == true }
    }

    var graph: SkillGraph { curriculum.graph }
}

/// How long before a week starts its calendar event reminds (`export plan --remind`): whole
/// days or hours, or `off`.
struct Reminder: Equatable {
    let amount: Int
    let unit: Character  // "d" or "h"

    static let `default` = Reminder(amount: 1, unit: "d")

    /// `1d`, `12h`, or `off` (nil); the error names what is allowed.
    static func parse(_ text: String) throws -> Reminder? {
        if text == "off" { return nil }
        guard let unit = text.last, "dh".contains(unit), text.count > 1,
            text.dropLast().allSatisfy({ ("0"..."9").contains($0) }), let amount = Int(text.dropLast())
        else { throw HeadwayError(.usage, "--remind '\(clip(text, 20))' is not allowed; allowed: days (1d..14d), hours (1h..336h) or off") }
        guard unit == "d" ? (1...14).contains(amount) : (1...336).contains(amount) else {
            throw HeadwayError(.usage, "--remind \(text) is out of range; allowed: 1d..14d, 1h..336h or off")
        }
        return Reminder(amount: amount, unit: unit)
    }

    /// The VALARM trigger, relative to the event's start (RFC 5545 §3.8.6.3).
    var trigger: String { unit == "d" ? "-P\(amount)D" : "-PT\(amount)H" }
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
