import Foundation
import HeadwayApp
import HeadwayCore

/// `export plan --format md`: the plan as Markdown (``PlanMarkdown``).
struct MarkdownExporter: Exporter {
    let name = "md"
    let extensions = ["md", "markdown"]
    let summary = "Markdown for notes or a pull request: the headline, the units with why, each week as a checklist"
    let isPlainText = true

    func render(_ input: PlanExport) -> String {
        PlanMarkdown(
            plan: input.plan, curriculum: input.curriculum, role: input.role, owner: input.owner, programme: input.programme,
            isDone: input.isDone
        ).render()
    }
}

/// A plan as Markdown to paste into notes or a pull request: the headline, the units with why,
/// then each week as a checklist of activities.
struct PlanMarkdown {
    let plan: Plan
    let curriculum: Curriculum
    let role: Role
    /// The profile name, or the assessment file's name.
    let owner: String
    /// The programme's week numbering (a replan's weeks keep the programme's numbers).
    var programme: ProgrammeWeeks? = nil
    /// Whether an activity is done already: its checkbox is ticked.
    var isDone: (UnitID, String) -> Bool = { _, _ in false }

    var graph: SkillGraph { curriculum.graph }

    func render() -> String {
        var out: [String] = []
        let proof = plan.optimal ? "proven optimal" : "best found, within \(fixed(plan.gap, 2)) points of optimal"
        out.append("# Headway plan: \(inline(owner))")
        out.append("")
        let numbering = programme ?? ProgrammeWeeks(plan)
        let first = numbering.firstWeek(of: plan)
        if first == 1 && numbering.start == plan.start {
            out.append("\(inline(role.name)) · \(plan.weeks) weeks from \(plan.start) to \(plan.end) · \(format(plan.hoursPerWeek)) h/week")
        } else {
            out.append(
                "\(inline(role.name)) · weeks \(first)–\(first + plan.weeks - 1) of the \(numbering.count)-week programme from "
                    + "\(numbering.start) to \(numbering.end), replanned from \(plan.start) · \(format(plan.hoursPerWeek)) h/week")
        }
        out.append("")
        out.append(
            "**AIJRI \(fixed(plan.startScore, 1)) → \(fixed(plan.projectedScore, 1)) projected** "
                + "(\(signed(plan.projectedScore - plan.startScore))), \(format(round(plan.totalHours, 1))) h of "
                + "\(format(round(plan.capacity, 1))) used, \(proof).")
        out.append("")
        out.append("## Units, in order")
        out.append("")
        out.append("| # | Unit | Hours | Points | Why |")
        out.append("|--:|:-----|------:|-------:|:----|")
        for (i, u) in plan.units.enumerated() {
            out.append(
                "| \(i + 1) | \(cell(name(u.skill))) → \(u.level) | \(format(round(u.hours, 1))) | \(signed(u.gain, 2)) | "
                    + "\(cell(Explanation.why(u, graph: graph, role: role))) |")
        }
        if plan.units.isEmpty { out.append("| – | nothing to learn within these hours | 0 | 0.00 | – |") }
        for w in plan.schedule {
            out.append("")
            out.append(
                "## Week \(numbering.number(of: w)) · \(w.start) to \(w.start.adding(days: 6)) · \(format(round(w.hours, 1))) h · projected \(fixed(w.projectedScore, 1))"
            )
            out.append("")
            if w.items.isEmpty { out.append("Nothing new planned: review and consolidate.") }
            for item in w.items {
                out.append("**\(inline(name(item.skill))) → level \(item.level)** (\(format(round(item.hours, 1))) h\(item.completes ? ", completes" : ""))")
                out.append("")
                let unit = UnitID(skill: item.skill, level: item.level)
                for a in item.activities {
                    out.append("- [\(isDone(unit, a.text) ? "x" : " ")] \(inline(a.text)) (\(ActivityView.tag(a.hours, unit, a.text, graph: graph)))")
                    if let e = ActivityView.evidence(unit, a.text, graph: graph) { out.append("  - produce: \(inline(e))") }
                }
                out.append("")
            }
            let resources = curriculum.resources(citedBy: w)
            if !resources.isEmpty {
                out.append("Learn from:")
                out.append("")
                for r in resources {
                    out.append("- [\(inline(r.title))](\(ActivityView.href(r))) (\(inline(r.by)))")
                }
                out.append("")
            }
            if out.last == "" { out.removeLast() }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func name(_ skill: String) -> String { graph[skill]?.name ?? skill }

    /// Text inside a table cell: a `|` would end the cell and a newline the row.
    private func cell(_ text: String) -> String {
        inline(text).replacingOccurrences(of: "|", with: "\\|")
    }

    private func inline(_ text: String) -> String { markdownInline(text) }
}

/// Text on one line, with the characters that would turn it into Markdown markup escaped. An
/// underscore inside a word (`perf_analyzer`) is never emphasis, so it stays as it is.
func markdownInline(_ text: String) -> String {
    let chars = Array(text)
    var out = ""
    for (i, ch) in chars.enumerated() {
        switch ch {
        case "\n", "\r": out += " "
        case "\\", "`", "*", "[", "]", "<", ">", "#": out += "\\" + String(ch)
        case "_":
            let inWord = i > 0 && i + 1 < chars.count && chars[i - 1].isLetterOrDigit && chars[i + 1].isLetterOrDigit
            out += inWord ? "_" : "\\_"
        default: out.append(ch)
        }
    }
    return out
}

extension Character {
    fileprivate var isLetterOrDigit: Bool { isLetter || isNumber }
}
