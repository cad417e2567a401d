import Foundation
import HeadwayCore
import HeadwayCurricula
import HeadwaySynthetic

/// The planner in process: bundled curricula (one plan) and synthetic curricula ten times larger,
/// with the exact solver (no node limit) as the judge of the gain.
enum PlannerBench {
    /// Node budget of the judge: far beyond the planner's own, so it proves optimality where it can.
    static let judgeNodes = Int(ProcessInfo.processInfo.environment["HEADWAY_BENCH_JUDGE_NODES"] ?? "") ?? 100_000_000

    static func run() {
        let curriculum: Curriculum
        do { curriculum = try CurriculumLoader.load(from: repoRoot.appendingPathComponent("Curricula")) } catch {
            fatalError("\(error)")
        }
        for fixture in ["reference-mid.yaml", "reference-junior.yaml", "reference-senior.yaml", "mlops-engineer-mid.yaml", "ai-engineer-mlops-mid.json"] {
            let a = try! AssessmentLoader.load(repoRoot.appendingPathComponent("Fixtures/assessments/\(fixture)"), curriculum: curriculum)
            let person = PersonalModel(curriculum: curriculum, assessment: a)!
            let request = PlanRequest(start: a.start!, weeks: a.weeks, hoursPerWeek: a.hoursPerWeek, goals: a.goals)
            var plan: Plan?
            let t = Timing.median(runs: 15) { plan = try! person.plan(request) }
            let nodes = Solver.solve(person.planningProblem(end: request.end, weeks: request.weeks, hoursPerWeek: request.hoursPerWeek, goals: request.goals))!
                .nodes
            report(
                "plan, bundled, \(fixture.padding(toLength: 26, withPad: " ", startingAt: 0)) median \(Timing.ms(t)); optimal \(plan!.optimal) after \(nodes) nodes; \(String(format: "%.1f", plan!.startScore)) -> \(String(format: "%.1f", plan!.projectedScore))"
            )
        }
        // A move toward every role of the curricula from the reference fixture (each role's tasks
        // and reference levels, the same 88-skill graph).
        let reference = try! AssessmentLoader.load(repoRoot.appendingPathComponent("Fixtures/assessments/reference-mid.yaml"), curriculum: curriculum)
        let own = PersonalModel(curriculum: curriculum, assessment: reference)!
        var towardTimes: [Double] = [], towardNodes: [Int] = [], proven = 0
        for role in curriculum.roles {
            let person = own.inRole(role)
            let request = PlanRequest(start: reference.start!, weeks: reference.weeks, hoursPerWeek: reference.hoursPerWeek, goals: reference.goals)
            var plan: Plan?
            towardTimes.append(Timing.median(runs: 5) { plan = try! person.plan(request) })
            towardNodes.append(
                Solver.solve(person.planningProblem(end: request.end, weeks: request.weeks, hoursPerWeek: request.hoursPerWeek, goals: request.goals))!.nodes)
            if plan!.optimal { proven += 1 }
        }
        report(
            "plan --toward, bundled, \(curriculum.roles.count) roles from reference-mid: median \(Timing.ms(towardTimes.sorted()[towardTimes.count / 2])), slowest \(Timing.ms(towardTimes.max()!)); \(proven) of \(curriculum.roles.count) proven optimal; \(towardNodes.min()!)-\(towardNodes.max()!) nodes"
        )
        // Five at 10 h x 12 weeks, two at 20 h x 24 weeks (many more units fit).
        for seed in UInt64(1)...7 {
            let big = SyntheticCurriculum.make(seed: seed, scale: 10)
            let a = SyntheticCurriculum.assessment(seed: seed + 100, curriculum: big, hoursPerWeek: seed <= 5 ? 10 : 20, weeks: seed <= 5 ? 12 : 24)
            let person = PersonalModel(curriculum: big, assessment: a)!
            let request = PlanRequest(start: a.start!, weeks: a.weeks, hoursPerWeek: a.hoursPerWeek)
            var plan: Plan?
            let t = Timing.median(runs: 3, warmup: 0) { plan = try! person.plan(request) }
            let problem = person.planningProblem(end: request.end, weeks: request.weeks, hoursPerWeek: request.hoursPerWeek, goals: request.goals)
            let t0 = Timing.now()
            let judge = Solver.solve(problem, nodeLimit: judgeNodes)!
            let judgeTime = Timing.now() - t0
            let found = Solver.solve(problem)!
            let ratio = judge.gain > 0 ? found.gain / judge.gain : 1
            report(
                "plan, 10x synthetic seed \(seed)   median \(Timing.ms(t)); optimal \(plan!.optimal); gain \(String(format: "%.5f", found.gain)) vs exact \(String(format: "%.5f", judge.gain)) (\(String(format: "%.3f", ratio * 100))% of it after \(found.nodes) nodes; judge \(judge.optimal ? "proved it" : "did not prove it (gap \(String(format: "%.5f", judge.gap)))") after \(judge.nodes) nodes in \(String(format: "%.1f", judgeTime)) s)"
            )
        }
    }
}
