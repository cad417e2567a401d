import HeadwayCore

/// The human form of a plan: headline, the units with why, then week by week.
struct PlanView {
    let plan: Plan
    let graph: SkillGraph
    let role: Role
    let style: Style
    var onlyWeek: Int? = nil

    func render() -> String {
        var out: [String] = []
        let proof = plan.optimal ? "proven optimal" : "best found, within \(fixed(plan.gap, 2)) points of optimal"
        out.append("\(plan.weeks)-week plan from \(plan.start) to \(plan.end), \(format(plan.hoursPerWeek)) h/week")
        out.append("AIJRI \(fixed(plan.startScore, 1)) → " + style.bold(fixed(plan.projectedScore, 1))
                   + " projected (\(signed(plan.projectedScore - plan.startScore))), \(format(round(plan.totalHours, 1))) h of \(format(Double(plan.weeks) * plan.hoursPerWeek)) used, \(proof)")
        if let line = PlanView.likelyLine(plan) { out.append(line) }
        if onlyWeek == nil {
            out.append("")
            var table = Table(["#", "Unit", "Hours", "Points", "Why"], align: [.right, .left, .right, .right, .left])
            for (i, u) in plan.units.enumerated() {
                table.add(["\(i + 1)", "\(graph[u.skill]?.name ?? u.skill) → \(u.level)", format(round(u.hours, 1)),
                           signed(u.gain, 2), Explanation.why(u, graph: graph, role: role)])
            }
            out.append(table.render(width: style.width))
        }
        for w in plan.schedule where onlyWeek == nil || onlyWeek == w.week {
            out.append("")
            out.append(style.bold("Week \(w.week)") + " (from \(w.start)) · \(format(round(w.hours, 1))) h · projected \(fixed(w.projectedScore, 1))")
            if w.items.isEmpty { out.append("  nothing planned: time to consolidate") }
            for item in w.items {
                let name = graph[item.skill]?.name ?? item.skill
                out.append("  \(name) → level \(item.level) (\(format(round(item.hours, 1))) h\(item.completes ? ", completes" : ""))")
                for a in item.activities { out.append("    - \(a.text) [\(format(round(a.hours, 1))) h]") }
            }
        }
        return out.joined(separator: "\n")
    }

    /// "Likely 46.8-51.0 now and 48.9-52.7 at the end …", or nil when neither score has a band.
    static func likelyLine(_ plan: Plan) -> String? {
        let now = likely(plan.startBand), end = likely(plan.projectedBand)
        guard !now.isEmpty || !end.isEmpty else { return nil }
        func range(_ text: String, _ score: Double) -> String {
            text.isEmpty ? "exactly \(fixed(score, 1))" : String(text.dropFirst(", likely ".count))
        }
        return "Likely \(range(now, plan.startScore)) at the start and \(range(end, plan.projectedScore)) at the end:"
            + " levels you were unsure of or did not give may be one off."
    }
}
