import HeadwayCore

/// Every feasible set of final levels of a small problem, searched one by one.
public enum ExhaustiveSearch {
    /// The best gain (in task resistance) and its hours, or nil when nothing is feasible; only
    /// plannable units, within the GPU-hour budget when the problem has one.
    /// Complexity: 5^k score evaluations for k skills not excluded; keep k small.
    public static func best(_ p: PlanningProblem) -> (gain: Double, hours: Double)? {
        let start = p.score(levels: p.currentLevels).taskResistance
        let minimum = Dictionary(p.include.map { ($0.skill, $0.level) }, uniquingKeysWith: max)
        var best: (gain: Double, hours: Double)?
        var levels = p.currentLevels
        func hours(_ s: PlanningProblem.SkillEntry, _ to: Int) -> Double {
            to > s.level ? ((s.level + 1)...to).reduce(0) { $0 + s.hours[$1 - 1] } : 0
        }
        func visit(_ i: Int) {
            if i == p.skills.count {
                for s in p.skills where levels[s.id]! > s.level {
                    for r in s.requires where levels[r.skill]! < r.level { return }
                }
                for (s, l) in minimum where levels[s]! < l { return }
                let h = p.skills.reduce(0) { $0 + hours($1, levels[$1.id]!) }
                guard h <= p.capacity + 1e-9 else { return }
                if let budget = p.gpuHoursBudget {
                    let g = p.skills.reduce(0.0) { sum, s in
                        let to = levels[s.id]!
                        return sum + (to > s.level ? ((s.level + 1)...to).reduce(0) { $0 + (s.gpuHours?[$1 - 1] ?? 0) } : 0)
                    }
                    guard g <= budget + 1e-9 else { return }
                }
                let gain = p.score(levels: levels).taskResistance - start
                if best == nil || gain > best!.gain + 1e-9 || (gain > best!.gain - 1e-9 && h < best!.hours - 1e-9) { best = (gain, h) }
                return
            }
            let s = p.skills[i]
            // A unit the person cannot do (MODEL §4b) caps the skill below it.
            var reachable = 4
            if let plannable = s.plannable { reachable = s.level; while reachable < 4 && plannable[reachable] { reachable += 1 } }
            let top = p.exclude.contains(s.id) ? s.level : reachable
            for l in s.level...max(s.level, top) { levels[s.id] = l; visit(i + 1) }
            levels[s.id] = s.level
        }
        visit(0)
        return best
    }
}
