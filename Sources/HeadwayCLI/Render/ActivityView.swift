import HeadwayCore

/// How views show an activity (its hours, what it needs, what to produce) and a week's
/// resources, the same way in the plan, `plan show`, the exports and the briefing.
enum ActivityView {
    /// "4 h · gpu", or "4 h · laptop, instead of gpu" for an alternative.
    static func tag(_ hours: Double, _ unit: UnitID, _ text: String, graph: SkillGraph) -> String {
        let h = "\(format(round(hours, 1))) h"
        guard let found = graph.step(unit, named: text) else { return h }
        if let replaced = found.replaces {
            return "\(h) · \(found.step.access.rawValue), instead of \(replaced.access.rawValue)"
        }
        return "\(h) · \(found.step.access.rawValue)"
    }

    /// What to produce for the activity, when the curricula say.
    static func evidence(_ unit: UnitID, _ text: String, graph: SkillGraph) -> String? {
        guard let e = graph.step(unit, named: text)?.step.evidence, !e.isEmpty else { return nil }
        return e
    }

    /// "vLLM documentation (vLLM project): https://docs.vllm.ai/"
    static func line(_ r: Resource) -> String {
        "\(r.title) (\(r.by)\(r.free ? "" : ", paid")): \(r.locator)"
    }

    /// A resource's locator as a link: a URL as it is, a DOI through doi.org, an arXiv id to its abstract.
    static func href(_ r: Resource) -> String {
        if r.locator.hasPrefix("arXiv:") { return "https://arxiv.org/abs/" + r.locator.dropFirst("arXiv:".count) }
        if r.locator.hasPrefix("10.") { return "https://doi.org/" + r.locator }
        return r.locator
    }
}

/// The plan's access lines (`MODEL.md` §4b): what it assumed or was limited to, what that left
/// out and what more access would reach, the GPU hours it uses and what renting them costs.
enum AccessView {
    /// Access as the wizard's answer writes it: `gpu solo 20`.
    static func answer(_ a: PersonAccess) -> String {
        [a.compute.rawValue, a.team ? "team" : "solo"].joined(separator: " ") + (a.gpuHours.map { " " + format($0) } ?? "")
    }

    static func lines(_ o: AccessOutlook, plan: Plan, price: GPUHourPrice?) -> [String] {
        var out: [String] = []
        if o.assumed {
            out.append(
                "Access: you gave none, so the plan assumes a GPU cluster, a team and no GPU-hour budget; "
                    + "set `access:` in the assessment (compute: laptop|gpu|multi-gpu|cluster, team, gpu_hours) to plan for what you have.")
        } else {
            var line = "Access: \(o.access.summary)."
            let names: [(String, String)] = [("gpu", "a GPU"), ("multi-gpu", "several GPUs"), ("cluster", "a cluster"), ("team", "a team")]
            let parts = names.compactMap { key, name in o.leftOut[key].map { "\($0) need\($0 == 1 ? "s" : "") \(name)" } }
            let total = o.leftOut.values.reduce(0, +)
            if total > 0 {
                line += " Left out: \(total) unit\(total == 1 ? "" : "s") that would raise your score (\(parts.joined(separator: ", ")))."
            }
            out.append(line)
            // A compute step is shown when it adds over the plan and over the smaller compute
            // step before it; a team or a larger budget when it adds over the plan.
            var better: [AccessOutlook.Step] = []
            var compute = plan.projectedScore
            for step in o.steps {
                let isCompute = step.change.hasPrefix("access.compute")
                guard step.projectedScore > (isCompute ? compute : plan.projectedScore) + 0.05 else { continue }
                if isCompute { compute = step.projectedScore }
                better.append(step)
            }
            if !better.isEmpty {
                out.append(
                    "With " + better.map { "`\($0.change)` the plan would reach \(fixed($0.projectedScore, 1))" }.joined(separator: "; with ")
                        + " (now \(fixed(plan.projectedScore, 1))).")
            } else if total > 0 {
                out.append("More access would not raise this plan's projected score in these hours.")
            }
        }
        if o.gpuHours > 0 || o.gpuHoursBudget != nil {
            var line = "GPU hours: \(format(round(o.gpuHours, 1)))"
            if let b = o.gpuHoursBudget { line += " of your \(format(b))" }
            if let price, o.gpuHours > 0 {
                line += ", about $\(format(round(o.gpuHours * price.value, 0))) rented at $\(fixed(price.value, 2))/GPU-hour (\(price.date))"
            }
            out.append(line + ".")
        }
        return out
    }
}

/// The lines a new plan opens with when its inputs are mostly assumed or it gains little.
enum AdviceView {
    static func lines(_ a: PlanAdvice, plan: Plan, person: PersonalModel) -> [String] {
        let graph = person.curriculum.graph
        var out: [String] = []
        if a.mostlyAssumed {
            let names = a.askFirst.map { graph[$0]?.name ?? $0 }
            let answered = a.answered == 0 ? "None of your levels is answered" : "Only \(a.answered) of your levels \(a.answered == 1 ? "is" : "are") answered"
            var line = answered + "; the rest are assumed from your seniority (\(person.assessment.seniority.rawValue))."
            if let first = a.askFirst.first {
                line += " Answering \(names.joined(separator: ", ")) would change this plan most (`assess set \(first) LEVEL`, or `assess`)."
            }
            out.append(line)
        }
        if a.gainsLittle || a.unusedHours >= plan.hoursPerWeek {
            var parts: [String] = []
            if a.gainsLittle { parts.append("adds only \(signed(a.gain)) points") }
            if a.unusedHours >= plan.hoursPerWeek { parts.append("leaves \(format(round(a.unusedHours, 1))) of \(format(round(plan.capacity, 1))) h unused") }
            let why =
                a.ceiling - plan.projectedScore < 3
                ? "your score in \(person.role.name) is near what its skills can reach (\(fixed(a.ceiling, 1)) with every level at 4)"
                : "the units that would raise it more need more hours or access than this plan has"
            out.append("This plan \(parts.joined(separator: " and ")): \(why).")
            if !a.moves.isEmpty {
                let roles = a.moves.map { m in
                    "\(person.curriculum.role(m.role)?.name ?? m.role) (\(fixed(m.startScore, 1)) → \(fixed(m.projectedScore, 1)), \(signed(m.gain)))"
                }
                out.append(
                    "The same hours would gain most toward " + roles.joined(separator: ", ")
                        + "; `plan --toward \(a.moves[0].role)` plans for that move.")
            }
        }
        if !out.isEmpty { out.append("") }
        return out
    }
}
