import Foundation
import HeadwayCore

/// `export plan --format csv`: a row per activity of each week (``CSV/plan(_:graph:programme:)``).
struct PlanCSVExporter: Exporter {
    let name = "csv"
    let extensions = ["csv"]
    let summary = "a table: one row per activity of each week, with the week's dates, hours and projected score"

    func render(_ input: PlanExport) -> String { CSV.plan(input.plan, graph: input.graph, programme: input.programme) }
}

/// `export history --format csv`: a row per snapshot (``CSV/history(_:)``).
struct HistoryCSVExporter: Exporter {
    let name = "csv"
    let extensions = ["csv"]
    let summary = "a table: one row per snapshot, oldest first: as_of, score, zone, label, the four parts, reason"

    func render(_ input: HistoryExport) -> String { CSV.history(input.snapshots) }
}

/// RFC 4180 CSV: CRLF line ends; a field with a comma, quote or line break is quoted, its
/// quotes doubled. Control characters (ESC, bidi overrides) are dropped, and a text that a
/// spreadsheet would run as a formula (`=`, `+`, `-`, `@` first; a number such as `-1.5` is
/// not one) gets a `'` in front.
enum CSV {
    static func field(_ raw: String) -> String {
        var value = raw
        if value.unicodeScalars.contains(where: { isUnsafeForTerminal($0) && $0 != "\r" }) {
            value = String(String.UnicodeScalarView(value.unicodeScalars.filter { !isUnsafeForTerminal($0) || $0 == "\r" }))
        }
        if let first = value.first, "=+-@".contains(first), Double(value) == nil { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func render(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// One row per activity of each week's items; an item without activities and a week
    /// without items still get a row, so every week of the plan is there.
    /// `week` is the programme week (`programme`, default: the plan's own numbering).
    static func plan(_ plan: Plan, graph: SkillGraph, programme: ProgrammeWeeks? = nil) -> String {
        let numbering = programme ?? ProgrammeWeeks(plan)
        let header = [
            "week", "week_start", "week_end", "week_hours", "projected_score", "skill", "skill_name", "level",
            "item_hours", "completes", "activity", "activity_hours"
        ]
        var rows: [[String]] = []
        for w in plan.schedule {
            let week = ["\(numbering.number(of: w))", w.start.description, w.start.adding(days: 6).description, fixed(w.hours, 2), fixed(w.projectedScore, 1)]
            if w.items.isEmpty { rows.append(week + ["", "", "", "", "", "", ""]) }
            for item in w.items {
                let unit = [
                    item.skill, graph[item.skill]?.name ?? item.skill, "\(item.level)", fixed(item.hours, 2),
                    item.completes ? "true" : "false"
                ]
                if item.activities.isEmpty { rows.append(week + unit + ["", ""]) }
                for a in item.activities { rows.append(week + unit + [a.text, fixed(a.hours, 2)]) }
            }
        }
        return render(header: header, rows: rows)
    }

    /// One row per snapshot, oldest first: the score as it was shown, its four parts and why.
    static func history(_ snapshots: [Snapshot]) -> String {
        let header = ["as_of", "score", "zone", "label", "base", "evidence", "barriers", "growth", "reason"]
        let rows = snapshots.map { s in
            [
                s.asOf.description, fixed(s.score, 1), s.zone.rawValue, s.label, fixed(s.parts.base, 1), fixed(s.parts.evidence, 1),
                fixed(s.parts.barriers, 1), fixed(s.parts.growth, 1), s.reason.description
            ]
        }
        return render(header: header, rows: rows)
    }
}
