import HeadwayCore
import HeadwaySynthetic
import Testing

/// MODEL §4b: only plannable units, within the GPU-hour budget, and still optimal.
@Suite("Plans within the person's access and GPU budget (MODEL.md §4b)")
struct AccessPlanningTests {
    /// A small problem with some units not doable and a GPU budget, drawn from `seed`.
    static func restricted(seed: UInt64) -> PlanningProblem {
        var p = SyntheticCurriculum.smallProblem(seed: seed)
        var rng = SplitMix64(seed: seed &* 7919)
        p = PlanningProblem(
            weeks: p.weeks, hoursPerWeek: p.hoursPerWeek, market: p.market, tasks: p.tasks,
            skills: p.skills.map { s in
                let gpu = (0..<4).map { _ in Double(Int.random(in: 0...6, using: &rng)) }
                let plannable = (0..<4).map { _ in Int.random(in: 0..<5, using: &rng) > 0 }
                return PlanningProblem.SkillEntry(
                    id: s.id, level: s.level, reference: s.reference, hours: s.hours, requires: s.requires, gpuHours: gpu,
                    plannable: plannable)
            },
            include: [], exclude: p.exclude, weekHours: p.weekHours, paceFactor: p.paceFactor)
        p.gpuHoursBudget = seed % 4 == 0 ? nil : Double(Int.random(in: 0...20, using: &rng))
        return p
    }

    @Test("with units left out and a GPU budget, the solver finds exhaustive search's optimum on 300 small problems")
    func matchesExhaustiveSearch() throws {
        var compared = 0
        for seed in UInt64(1)...300 {
            let problem = Self.restricted(seed: seed)
            let expected = ExhaustiveSearch.best(problem)
            let solved = Solver.solve(problem)
            #expect((expected == nil) == (solved == nil), "seed \(seed): feasibility differs")
            guard let expected, let solved else { continue }
            compared += 1
            #expect(solved.optimal, "seed \(seed)")
            #expect(abs(solved.gain - expected.gain) < 1e-9, "seed \(seed): solver \(solved.gain) vs exhaustive \(expected.gain)")
            // Every unit chosen is plannable, and the GPU hours stay within the budget.
            var gpu = 0.0
            for s in problem.skills {
                let to = solved.levels[s.id] ?? s.level
                guard to > s.level else { continue }
                for l in (s.level + 1)...to {
                    #expect(s.plannable?[l - 1] ?? true, "seed \(seed): \(s.id) \(l) is not plannable")
                    gpu += s.gpuHours?[l - 1] ?? 0
                }
            }
            if let budget = problem.gpuHoursBudget { #expect(gpu <= budget + 1e-9, "seed \(seed): \(gpu) GPU hours over \(budget)") }
        }
        #expect(compared > 200)
    }

    @Test("a budget never raises the optimum, and a larger budget never lowers it")
    func budgetIsMonotone() throws {
        for seed in UInt64(1)...60 {
            var p = Self.restricted(seed: seed)
            p.gpuHoursBudget = nil
            guard let free = Solver.solve(p) else { continue }
            var previous = -Double.infinity
            for budget in [0.0, 4, 8, 16, 1000] {
                p.gpuHoursBudget = budget
                guard let s = Solver.solve(p) else { continue }
                #expect(s.gain <= free.gain + 1e-9)
                #expect(s.gain >= previous - 1e-9, "seed \(seed): budget \(budget) lowered the optimum")
                previous = s.gain
            }
        }
    }
}
