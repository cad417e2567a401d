import HeadwayCore
import HeadwaySynthetic
import Testing

func exhaustiveBest(_ p: PlanningProblem) -> (gain: Double, hours: Double)? { ExhaustiveSearch.best(p) }

@Suite("The planner (MODEL.md §4)")
struct PlannerTests {
    @Test("finds the same optimum as exhaustive search on 400 small random problems")
    func matchesExhaustiveSearch() throws {
        var compared = 0
        for seed in UInt64(1)...400 {
            let problem = SyntheticCurriculum.smallProblem(seed: seed)
            let expected = exhaustiveBest(problem)
            let solved = Solver.solve(problem)
            #expect((expected == nil) == (solved == nil), "seed \(seed): feasibility differs")
            guard let expected, let solved else { continue }
            compared += 1
            #expect(solved.optimal, "seed \(seed)")
            #expect(abs(solved.gain - expected.gain) < 1e-9, "seed \(seed): solver \(solved.gain) vs exhaustive \(expected.gain)")
            #expect(abs(solved.hours - expected.hours) < 1e-9, "seed \(seed): hours \(solved.hours) vs \(expected.hours)")
            // The selection's own gain is what the score model gives for its levels.
            let start = problem.score(levels: problem.currentLevels).taskResistance
            #expect(abs(problem.score(levels: solved.levels).taskResistance - start - solved.gain) < 1e-9)
        }
        #expect(compared > 300)
    }

    @Test("every plan is feasible and its projected score is the model's score of its final levels", arguments: Array(UInt64(1)...40))
    func plansAreFeasible(seed: UInt64) throws {
        let curriculum = SyntheticCurriculum.make(seed: seed)
        var assessment = SyntheticCurriculum.assessment(
            seed: seed &* 31, curriculum: curriculum,
            hoursPerWeek: Double(1 + seed % 12), weeks: Int(1 + seed % 16))
        if seed % 3 == 0 { assessment.goals.exclude = ["s\(seed % 67)", "s\((seed * 7) % 67)"] }
        let person = try #require(PersonalModel(curriculum: curriculum, assessment: assessment))
        let request = PlanRequest(
            start: assessment.start!, weeks: assessment.weeks, hoursPerWeek: assessment.hoursPerWeek,
            goals: assessment.goals)
        let plan = try person.plan(request)
        try checkFeasible(plan, person: person, request: request)
    }

    @Test("include goals are met and a goal that cannot fit says by how much")
    func includes() throws {
        let curriculum = SyntheticCurriculum.make(seed: 5)
        let assessment = SyntheticCurriculum.assessment(seed: 9, curriculum: curriculum)
        let person = try #require(PersonalModel(curriculum: curriculum, assessment: assessment))
        let target = try #require(curriculum.graph.skills.first { person.level(of: $0.id) < 2 && $0.hours[1] <= 20 })
        let plan = try person.plan(PlanRequest(start: assessment.start!, goals: Goals(include: [target.id: 2])))
        #expect(plan.units.contains { $0.skill == target.id && $0.level == 2 && $0.required })
        try checkFeasible(plan, person: person, request: PlanRequest(start: assessment.start!, goals: Goals(include: [target.id: 2])))

        let deep = try #require(curriculum.graph.skills.first { person.level(of: $0.id) == 0 })
        #expect(throws: PlanningError.self) {
            try person.plan(PlanRequest(start: assessment.start!, weeks: 1, hoursPerWeek: 1, goals: Goals(include: [deep.id: 4])))
        }
    }

    @Test(
        "bad parameters are refused with one line each",
        arguments: [
            (PlanRequest(start: Day("2026-11-23")!, hoursPerWeek: 0), "--hours 0 is out of range; allowed: 1..40 hours per week"),
            (PlanRequest(start: Day("2026-11-23")!, hoursPerWeek: 41), "--hours 41 is out of range; allowed: 1..40 hours per week"),
            (PlanRequest(start: Day("2026-11-23")!, weeks: 0), "--weeks 0 is out of range; allowed: 1..52"),
            (PlanRequest(start: Day("2026-11-23")!, weeks: 53), "--weeks 53 is out of range; allowed: 1..52"),
            (
                PlanRequest(start: Day("2026-11-23")!, goals: Goals(include: ["nope": 2])),
                "--include names unknown skill 'nope'; see `headway graph` for the skill ids"
            ),
            (PlanRequest(start: Day("2026-11-23")!, goals: Goals(include: ["s1": 5])), "--include s1=5: level must be 1..4")
        ])
    func badParameters(request: PlanRequest, message: String) throws {
        let curriculum = SyntheticCurriculum.make(seed: 1)
        let person = try #require(PersonalModel(curriculum: curriculum, assessment: Assessment(role: SyntheticCurriculum.roleID)))
        #expect(performing: { try person.plan(request) }, throws: { ($0 as? PlanningError)?.description == message })
    }

    @Test("an exclude of a skill an include needs is refused")
    func excludeConflict() throws {
        let curriculum = SyntheticCurriculum.make(seed: 2)
        let person = try #require(PersonalModel(curriculum: curriculum, assessment: Assessment(role: SyntheticCurriculum.roleID, seniority: .junior)))
        let needy = try #require(
            curriculum.graph.skills.first { s in
                s.requires.contains { person.level(of: $0.skill) < $0.level }
            })
        let missing = needy.requires.first { person.level(of: $0.skill) < $0.level }!
        #expect(
            performing: {
                try person.plan(
                    PlanRequest(
                        start: Day("2026-11-23")!, weeks: 52, hoursPerWeek: 40,
                        goals: Goals(include: [needy.id: 4], exclude: [missing.skill])))
            },
            throws: { error in
                guard case .excludeConflict(let x, let s, _, _)? = error as? PlanningError else { return false }
                return x == missing.skill && s == needy.id
            })
    }

    @Test("replanning with the same inputs keeps the earlier order")
    func replanKeepsOrder() throws {
        let curriculum = SyntheticCurriculum.make(seed: 11)
        let assessment = SyntheticCurriculum.assessment(seed: 12, curriculum: curriculum)
        let person = try #require(PersonalModel(curriculum: curriculum, assessment: assessment))
        let first = try person.plan(PlanRequest(start: assessment.start!))
        let again = try person.plan(PlanRequest(start: assessment.start!, previousOrder: first.units.map(\.id)))
        #expect(again.units.map(\.id) == first.units.map(\.id))
    }
}

/// Order, prerequisites, weekly hours, excluded skills, and the projected score.
func checkFeasible(_ plan: Plan, person: PersonalModel, request: PlanRequest) throws {
    let graph = person.curriculum.graph
    var levels = person.levels
    for u in plan.units {
        #expect(u.level == levels[u.skill]! + 1, "\(u.skill):\(u.level) follows level \(levels[u.skill]!)")
        for r in graph[u.skill]!.requires { #expect(levels[r.skill]! >= r.level, "\(u.skill):\(u.level) needs \(r.skill) \(r.level) first") }
        #expect(!request.goals.exclude.contains(u.skill))
        levels[u.skill] = u.level
    }
    for (s, l) in request.goals.include { #expect(levels[s]! >= l) }
    #expect(plan.totalHours <= Double(request.weeks) * request.hoursPerWeek + 1e-9)
    for w in plan.schedule { #expect(w.hours <= request.hoursPerWeek + 1e-9) }
    let scheduled = plan.schedule.flatMap(\.items).reduce(0) { $0 + $1.hours }
    #expect(abs(scheduled - plan.totalHours) < 1e-6)
    let model = person.score(at: request.end, levels: levels).result.value
    #expect(abs(plan.projectedScore - model) < 1e-9)
}
