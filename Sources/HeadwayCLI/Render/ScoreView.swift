import Foundation
import HeadwayCore

/// The human form of a score: headline, per-task table, explanation, market, ladder.
struct ScoreView {
    let person: PersonalModel
    let day: Day
    let score: PersonalScore
    var whatIf: PersonalScore? = nil
    var changes: [String: Int] = [:]
    /// Each task's contribution in points and the skills with the most points per hour.
    var explain = false
    let style: Style

    func render() -> String {
        let r = score.result
        var out: [String] = []
        out.append("\(person.role.name) (\(person.assessment.seniority.rawValue)), as of \(day)")
        var headline = "AIJRI " + style.bold(fixed(r.rounded, 1)) + likely(score.band) + "  " + style.zone(r.label, r.zone)
        if let w = whatIf?.result {
            headline += "   what-if " + style.bold(fixed(w.rounded, 1)) + " (" + signed(w.rounded - r.rounded) + ")  " + style.zone(w.label, w.zone)
        }
        out.insert(ScoreWords.sentence(score, role: person.role), at: 1)
        out.append(headline)
        out.append(ScoreWords.labelReason(r))
        out.append(ScoreWords.legend)
        out.append("")
        var headers = ["Task", "Share", "Reference", "Your depth", "Your automation"]
        var align: [Table.Align] = [.left, .right, .right, .right, .right]
        if whatIf != nil { headers += ["What-if"]; align += [.right] }
        var table = Table(headers, align: align)
        for (i, t) in score.tasks.enumerated() {
            var row = [
                person.role.task(t.id)?.name ?? t.id, fixed(t.share * 100, 0) + "%", fixed(t.reference, 2),
                signed(t.depth, 2), fixed(t.automation, 2)
            ]
            if let w = whatIf { row.append(fixed(w.tasks[i].automation, 2)) }
            table.add(row)
        }
        out.append(table.render(width: style.width))
        out.append("")
        out.append(
            "Task resistance \(fixed(r.taskResistance, 2)) · raw \(fixed(r.raw, 4)) · \(fixed(r.shareAtThreePlus * 100, 0))% of task time at automation 3+")
        let p = r.shownParts
        out.append(
            "Explanation: base \(fixed(p.base, 1)) + evidence \(fixed(p.evidence, 1)) + barriers \(fixed(p.barriers, 1)) + growth \(fixed(p.growth, 1)) = \(fixed(r.rounded, 1))"
        )
        let m = score.market
        out.append("Market: evidence \(signed(m.evidence)) of ±10 · barriers \(fixed(m.barriers, 1)) of 10 · growth \(signed(m.growth)) of ±2")
        if explain { out += explanation() }
        if !changes.isEmpty {
            out.append(
                "What-if levels: " + changes.sorted { $0.key < $1.key }.map { "\($0.key) \(person.level(of: $0.key))→\($0.value)" }.joined(separator: ", "))
        }
        out.append("")
        out.append("Where you sit on the ladder:")
        var rungs = person.role.ladder.map { ($0.name, $0.score, false) }
        rungs.append(("You", r.rounded, true))
        for (name, value, isYou) in rungs.sorted(by: { $0.1 > $1.1 }) {
            let zone = Zone(rounded: value)
            let line = "  \(isYou ? "▶ " : "  ")\(name.padding(toLength: 34, withPad: " ", startingAt: 0)) \(fixed(value, 1))"
            out.append(isYou ? style.bold(style.zone(line, zone)) : line)
        }
        return out.joined(separator: "\n")
    }

    /// `--explain`: what each task adds, in points, and the best points per hour.
    func explanation() -> [String] {
        var out = ["", "What each task adds, in points (share × (6 − automation) × market, scaled to 100):"]
        var table = Table(["Task", "Share", "Automation", "Adds", "Automation costs"], align: [.left, .right, .right, .right, .right])
        let parts = score.contributions
        for c in parts {
            table.add([
                person.role.task(c.id)?.name ?? c.id, fixed(c.share * 100, 0) + "%", fixed(c.automation, 2),
                fixed(c.points, 1), fixed(-c.cost, 1)
            ])
        }
        out.append(table.render(width: style.width))
        let total = parts.reduce(0) { $0 + $1.points }
        out.append(
            "Tasks add \(fixed(total, 1)), less the fixed offset \(fixed(score.offsetPoints, 1)): \(fixed(score.result.rounded, 1))"
                + (total - score.offsetPoints > 100 || total - score.offsetPoints < 0 ? " (clamped to 0..100)" : ""))
        out.append("")
        out.append("Skills with the most points per hour (one level more each):")
        let steps = person.bestStepsPerHour(at: day, count: 5)
        if steps.isEmpty { out.append("  none: no skill's next level raises this score") }
        for s in steps {
            let name = person.curriculum.graph[s.skill]?.name ?? s.skill
            out.append(
                "  \(s.skill) \(s.from)→\(s.to)  +\(fixed(s.gain, 2)) points in \(format(s.hours)) h  (\(fixed(s.pointsPerHour * 10, 2)) per 10 h)  \(name)")
        }
        return out
    }
}

/// A score in plain words: the opening sentence, the label's reason, the legend.
enum ScoreWords {
    static let legend =
        "Automation runs from 1 (fully human) to 5 (fully automatable): lower is safer. "
        + "Green (48 or more) is protected, Yellow (25 to 48) is exposed to change, Red (below 25) is at risk."

    /// "You score 49.1 out of 100: Green, 1.1 points above the Green line at 48. …"
    static func sentence(_ score: PersonalScore, role: Role) -> String {
        let r = score.result
        let v = r.rounded
        var text = "You score \(fixed(v, 1)) out of 100: "
        switch r.zone {
        case .green: text += "Green, \(fixed(v - 48, 1)) points above the Green line at 48."
        case .yellow: text += "Yellow, \(fixed(48 - v, 1)) points below the Green line at 48 (\(fixed(v - 25, 1)) above the Red line at 25)."
        case .red: text += "Red, \(fixed(25 - v, 1)) points below the Yellow line at 25."
        }
        let deciding = score.decidingTasks
        if !deciding.isEmpty {
            let parts = deciding.enumerated().map { i, t in
                "\(role.task(t.id)?.name ?? t.id) (\(fixed(t.share * 100, 0))%\(i == 0 ? " of your time" : ""), automation \(fixed(t.automation, 1)))"
            }
            text +=
                " What decides it: " + parts.joined(separator: " and ")
                + ", where automation costs you \(fixed(deciding.reduce(0) { $0 + $1.cost }, 1)) points."
        }
        return text
    }

    /// Why the label is what it is.
    static func labelReason(_ r: ScoreResult) -> String {
        let at3 = fixed(r.shareAtThreePlus * 100, 0) + "%"
        switch r.label {
        case "Green (Accelerated)":
            return "Why Accelerated: AI growth is +2, so more AI adoption brings more demand for this work."
        case "Green (Transforming)":
            return
                "Why Transforming: \(at3) of your task time is at automation 3 or more (20% or more makes a Green score Transforming): safe, but the work is changing."
        case "Green (Stable)":
            return "Why Stable: only \(at3) of your task time is at automation 3 or more (under 20%) and AI growth is below +2: the work itself changes little."
        case "Yellow":
            return "Why Yellow: the score is between 25 and 48; \(at3) of your task time is at automation 3 or more."
        default:
            return "Why Red: the score is below 25; \(at3) of your task time is at automation 3 or more."
        }
    }
}
