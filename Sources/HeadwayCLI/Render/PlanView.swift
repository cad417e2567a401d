import HeadwayApp
import HeadwayCore

/// The human form of a plan: headline, the units with why, then week by week.
struct PlanView {
    let plan: Plan
    let curriculum: Curriculum
    let role: Role
    let style: Style
    /// A week of the programme's numbering (`plan show 4`).
    var onlyWeek: Int? = nil
    /// The programme the plan belongs to; default: the plan starts its own.
    var programme: ProgrammeWeeks? = nil

    var graph: SkillGraph { curriculum.graph }

    func render() -> String {
        var out: [String] = []
        let numbering = programme ?? ProgrammeWeeks(plan)
        let proof = plan.optimal ? "proven optimal" : "best found, within \(fixed(plan.gap, 2)) points of optimal"
        out.append(headline(plan, numbering))
        out.append(
            "AIJRI \(fixed(plan.startScore, 1)) → " + style.bold(fixed(plan.projectedScore, 1))
                + " projected (\(signed(plan.projectedScore - plan.startScore))), \(format(round(plan.totalHours, 1))) h of \(format(round(plan.capacity, 1))) used, \(proof)"
        )
        if let line = PlanView.likelyLine(plan) { out.append(line) }
        if onlyWeek == nil {
            out.append("")
            var table = Table(["#", "Unit", "Hours", "Points", "Why"], align: [.right, .left, .right, .right, .left])
            for (i, u) in plan.units.enumerated() {
                table.add([
                    "\(i + 1)", "\(graph[u.skill]?.name ?? u.skill) → \(u.level)", format(round(u.hours, 1)),
                    signed(u.gain, 2), Explanation.why(u, graph: graph, role: role)
                ])
            }
            out.append(table.render(width: style.width))
        }
        for w in plan.schedule where onlyWeek == nil || onlyWeek == numbering.number(of: w) {
            out.append("")
            out.append(
                style.bold("Week \(numbering.number(of: w))") + " (from \(w.start)) · \(format(round(w.hours, 1))) h · projected \(fixed(w.projectedScore, 1))")
            let before = w == plan.schedule.first ? plan.loggedBeforeFirstWeek : 0
            if before > 0.005 { out.append("  \(format(round(before, 1))) h of it logged before this plan; the rest below") }
            if w.items.isEmpty && before <= 0.005 { out.append("  nothing planned: time to consolidate") }
            for item in w.items {
                let name = graph[item.skill]?.name ?? item.skill
                out.append("  \(name) → level \(item.level) (\(format(round(item.hours, 1))) h\(item.completes ? ", completes" : ""))")
                let unit = UnitID(skill: item.skill, level: item.level)
                for a in item.activities {
                    out.append("    - \(a.text) [\(ActivityView.tag(a.hours, unit, a.text, graph: graph))]")
                    if let e = ActivityView.evidence(unit, a.text, graph: graph) { out.append("      produce: \(e)") }
                }
            }
            let resources = curriculum.resources(citedBy: w)
            if !resources.isEmpty {
                out.append("  Learn from:")
                for r in resources { out.append("    · " + ActivityView.line(r)) }
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

/// "12-week plan from … to …, 6 h/week", or for a replan "Weeks 2–12 of the 12-week
/// programme from … to …, 6 h/week, replanned from …".
func headline(_ plan: Plan, _ numbering: ProgrammeWeeks) -> String {
    let first = numbering.firstWeek(of: plan)
    if first == 1 && numbering.start == plan.start {
        return "\(plan.weeks)-week plan from \(plan.start) to \(plan.end), \(format(plan.hoursPerWeek)) h/week"
    }
    return "Weeks \(first)–\(first + plan.weeks - 1) of the \(numbering.count)-week programme from \(numbering.start) to \(numbering.end), "
        + "\(format(plan.hoursPerWeek)) h/week, replanned from \(plan.start)"
}
