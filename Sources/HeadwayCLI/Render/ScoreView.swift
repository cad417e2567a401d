import HeadwayCore

/// The human form of a score: headline, per-task table, explanation, market, ladder.
struct ScoreView {
    let person: PersonalModel
    let day: Day
    let score: PersonalScore
    var whatIf: PersonalScore? = nil
    var changes: [String: Int] = [:]
    let style: Style

    func render() -> String {
        let r = score.result
        var out: [String] = []
        out.append("\(person.role.name) (\(person.assessment.seniority.rawValue)), as of \(day)")
        var headline = "AIJRI " + style.bold(fixed(r.rounded, 1)) + likely(score.band) + "  " + style.zone(r.label, r.zone)
        if let w = whatIf?.result {
            headline += "   what-if " + style.bold(fixed(w.rounded, 1)) + " (" + signed(w.rounded - r.rounded) + ")  " + style.zone(w.label, w.zone)
        }
        out.append(headline)
        out.append("")
        var headers = ["Task", "Share", "Reference", "Your depth", "Your automation"]
        var align: [Table.Align] = [.left, .right, .right, .right, .right]
        if whatIf != nil { headers += ["What-if"]; align += [.right] }
        var table = Table(headers, align: align)
        for (i, t) in score.tasks.enumerated() {
            var row = [person.role.task(t.id)?.name ?? t.id, fixed(t.share * 100, 0) + "%", fixed(t.reference, 2),
                       signed(t.depth, 2), fixed(t.automation, 2)]
            if let w = whatIf { row.append(fixed(w.tasks[i].automation, 2)) }
            table.add(row)
        }
        out.append(table.render(width: style.width))
        out.append("")
        out.append("Task resistance \(fixed(r.taskResistance, 2)) · raw \(fixed(r.raw, 4)) · \(fixed(r.shareAtThreePlus * 100, 0))% of task time at automation 3+")
        let p = r.shownParts
        out.append("Explanation: base \(fixed(p.base, 1)) + evidence \(fixed(p.evidence, 1)) + barriers \(fixed(p.barriers, 1)) + growth \(fixed(p.growth, 1)) = \(fixed(r.rounded, 1))")
        let m = score.market
        out.append("Market: evidence \(signed(m.evidence)) of ±10 · barriers \(fixed(m.barriers, 1)) of 10 · growth \(signed(m.growth)) of ±2")
        if !changes.isEmpty {
            out.append("What-if levels: " + changes.sorted { $0.key < $1.key }.map { "\($0.key) \(person.level(of: $0.key))→\($0.value)" }.joined(separator: ", "))
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
}
