import Foundation
import HeadwayCore
import HeadwayCurricula
import HeadwaySynthetic
import Testing

@Suite("The personal score (MODEL.md §3)")
struct PersonalScoreTests {
    static let referenceDay = Day("2026-11-22")!

    @Test("the reference fixture reproduces seed 004: 49.1, Green (Transforming)")
    func referenceFixture() throws {
        let a = try AssessmentLoader.load(repoRoot.appendingPathComponent("Fixtures/assessments/reference-mid.yaml"), curriculum: bundled)
        let s = try #require(PersonalModel(curriculum: bundled, assessment: a)).score(at: Self.referenceDay).result
        #expect(abs(s.taskResistance - 3.45) < 1e-12)
        #expect((s.raw * 10_000).rounded() / 10_000 == 4.4339)
        #expect(s.rounded == 49.1 && s.label == "Green (Transforming)")
        #expect(abs(s.shareAtThreePlus - 0.55) < 1e-12)
        let p = s.shownParts
        #expect([p.base, p.evidence, p.barriers, p.growth] == [36.7, 8.7, 1.0, 2.7])
    }

    @Test("an assessment of the role's own seniority with no answers gives each role's own score on its reference date")
    func roleReference() throws {
        for role in bundled.roles {
            let own = AIJRI.score(tasks: role.tasks.map { ($0.share / 100, $0.score) }, market: role.market.totals)
            let person = try #require(PersonalModel(curriculum: bundled, assessment: Assessment(role: role.id, seniority: role.seniority)))
            let s = person.score(at: role.referenceDate).result
            #expect(abs(s.value - own.value) < 1e-9, "\(role.id)")
            if let published = role.publishedScore { #expect(s.rounded == published, "\(role.id)") }
        }
    }

    /// Seed 004's ladder: every role it scores, with its published score and label.
    static let published: [(role: String, seniority: Seniority, score: Double, label: String)] = [
        ("ai-infrastructure-engineer", .mid, 49.1, "Green (Transforming)"),
        ("ml-ai-engineer", .mid, 68.2, "Green (Accelerated)"),
        ("ml-platform-engineer", .mid, 47.5, "Yellow"),
        ("platform-engineer", .mid, 43.5, "Yellow"),
        ("kubernetes-platform-engineer", .mid, 42.7, "Yellow"),
        ("cloud-engineer", .mid, 25.3, "Yellow"),
        ("devops-engineer", .mid, 10.7, "Red"),
        ("ai-solutions-architect", .senior, 71.3, "Green (Accelerated)"),
        ("solutions-architect-senior", .senior, 66.4, "Green (Transforming)"),
        ("data-center-technician", .mid, 67.3, "Green (Transforming)"),
        ("chief-technology-officer", .staff, 67.0, "Green (Stable)")
    ]

    @Test(
        "every role seed 004 scores reproduces its published score and label for its own seniority with no answers",
        arguments: PersonalScoreTests.published.map(\.role))
    func publishedScore(roleID: String) throws {
        let expected = try #require(Self.published.first { $0.role == roleID })
        let role = try #require(bundled.role(roleID))
        #expect(role.seniority == expected.seniority && role.publishedScore == expected.score)
        let person = try #require(PersonalModel(curriculum: bundled, assessment: Assessment(role: roleID, seniority: expected.seniority)))
        let s = person.score(at: role.referenceDate).result
        #expect(s.rounded == expected.score && s.label == expected.label)
    }

    @Test("a role for a more senior holder scores a mid-level person lower when they give no answers")
    func seniorityIsRelativeToTheRole() throws {
        let cto = try #require(bundled.role("chief-technology-officer"))
        let staff = try #require(PersonalModel(curriculum: bundled, assessment: Assessment(role: cto.id, seniority: .staff)))
        let mid = try #require(PersonalModel(curriculum: bundled, assessment: Assessment(role: cto.id, seniority: .mid)))
        #expect(mid.score(at: cto.referenceDate).result.value < staff.score(at: cto.referenceDate).result.value)
        #expect(staff.level(of: "technology-strategy") == staff.reference(of: "technology-strategy"))
    }

    @Test("in another role the person keeps their levels; that role's reference levels and seniority set what counts")
    func roleFitKeepsLevels() throws {
        let person = try #require(PersonalModel(curriculum: bundled, assessment: Assessment(role: "ai-infrastructure-engineer")))
        let day = Self.referenceDay
        let dc = try #require(bundled.role("data-center-technician"))
        let there = person.inRole(dc)
        #expect(there.levels == person.levels)
        #expect(there.reference(of: "server-racking-cabling") == 2 && person.reference(of: "server-racking-cabling") == 0)
        #expect(there.score(at: day).result.value < PersonalModel(curriculum: bundled, assessment: Assessment(role: dc.id))!.score(at: day).result.value)
        let cto = try #require(bundled.role("chief-technology-officer"))
        // A skill the CTO's file does not set: the graph's level, two steps up for a staff role.
        let plain = try #require(bundled.graph.skills.first { cto.referenceLevels[$0.id] == nil && $0.referenceLevel <= 2 })
        #expect(person.inRole(cto).reference(of: plain.id) == plain.referenceLevel + 2)
        let fits = person.roleFits(at: day)
        #expect(fits.count == bundled.roles.count && fits.first { $0.isOwn }?.gap == 0)
        #expect(fits.map(\.score.result.value) == fits.map(\.score.result.value).sorted(by: >))
        for f in fits { #expect(f.steps.count == 3 && f.steps.allSatisfy { $0.gain > 0 && $0.to == $0.from + 1 }, "\(f.role.id)") }
    }

    @Test("roles without a published score say so and mark every number an estimate")
    func emergingRolesAreEstimates() throws {
        for id in ["agent-architect", "evaluation-engineer", "ai-platform-engineer", "inference-optimization-specialist"] {
            let role = try #require(bundled.role(id))
            #expect(role.publishedScore == nil && role.estimate?.contains("estimate") == true, "\(id)")
            for t in role.tasks { #expect(t.estimate?.isEmpty == false, "\(id)/\(t.id)") }
            for (_, r) in role.evidence { #expect(r.rationale.contains("estimate"), "\(id)") }
        }
    }

    @Test("signals move the score only away from the reference date")
    func signalsDrift() throws {
        let person = try #require(PersonalModel(curriculum: bundled, assessment: Assessment(role: "ai-infrastructure-engineer")))
        let later = person.score(at: Day("2029-06-30")!).result.value
        #expect(later < person.score(at: Self.referenceDay).result.value)
    }

    /// A random valid assessment of `role`: some levels, maybe a time split, maybe overrides.
    static func randomAssessment(_ role: Role, _ rng: inout SplitMix64) -> Assessment {
        var a = Assessment(role: role.id, seniority: Seniority.allCases.randomElement(using: &rng)!)
        for s in bundled.graph.skills where Int.random(in: 0..<3, using: &rng) == 0 { a.skills[s.id] = Int.random(in: 0...4, using: &rng) }
        if Bool.random(using: &rng) {
            var split = role.tasks.map { _ in Double(Int.random(in: 0...10, using: &rng)) }
            if split.allSatisfy({ $0 == 0 }) { split[0] = 1 }
            let total = split.reduce(0, +)
            var percents = split.map { ($0 / total * 100 * 100).rounded() / 100 }
            let largest = percents.indices.max { percents[$0] < percents[$1] }!
            percents[largest] += 100 - percents.reduce(0, +)
            a.timeSplit = Dictionary(uniqueKeysWithValues: zip(role.tasks.map(\.id), percents))
        }
        if Int.random(in: 0..<4, using: &rng) == 0 {
            a.market.evidence[EvidenceDimension.allCases.randomElement(using: &rng)!] = Double(Int.random(in: -2...2, using: &rng))
            a.market.growth = Double(Int.random(in: -2...2, using: &rng))
        }
        return a
    }

    static func randomDay(_ rng: inout SplitMix64) -> Day { Day("2024-01-01")!.adding(days: Int.random(in: 0...(365 * 8), using: &rng)) }

    @Test(
        "over 1,000 random assessments per role: monotone in levels and in share moves, bounded, deterministic",
        arguments: bundled.roles.map(\.id))
    func properties(roleID: String) throws {
        let role = try #require(bundled.role(roleID))
        var rng = SplitMix64(seed: UInt64(roleID.utf8.reduce(0) { $0 &* 31 &+ Int($1) }.magnitude))
        for i in 0..<1_000 {
            let a = Self.randomAssessment(role, &rng)
            #expect(a.problems(in: bundled).isEmpty, "case \(i): \(a.problems(in: bundled))")
            let person = try #require(PersonalModel(curriculum: bundled, assessment: a))
            let day = Self.randomDay(&rng)
            // The score without its band: the band's own properties are ScoreBandTests', and
            // sampling it 34,000 times here would make this the slowest test of the suite.
            let before = person.score(at: day, levels: person.levels)
            #expect((0...100).contains(before.result.value))
            #expect(person.score(at: day, levels: person.levels) == before, "case \(i): not deterministic")
            if i % 100 == 0 { #expect(person.score(at: day) == person.score(at: day), "case \(i): the band is not deterministic") }

            // Raising any level never lowers the score.
            let skill = bundled.graph.skills.randomElement(using: &rng)!.id
            var levels = person.levels
            if levels[skill]! < 4 {
                levels[skill]! += 1
                let after = person.score(at: day, levels: levels).result.value
                #expect(after >= before.result.value - 1e-12, "case \(i): raising \(skill) lowered the score")
            }

            // Moving share from a task with higher a_t to one with lower never lowers it.
            let tasks = before.tasks
            let hi = tasks.indices.max { tasks[$0].automation < tasks[$1].automation }!
            let lo = tasks.indices.min { tasks[$0].automation < tasks[$1].automation }!
            if tasks[hi].automation > tasks[lo].automation, tasks[hi].share > 0 {
                var split = Dictionary(uniqueKeysWithValues: tasks.map { ($0.id, $0.share * 100) })
                let moved = tasks[hi].share * 100 * Double.random(in: 0.1...1, using: &rng)
                split[tasks[hi].id]! -= moved
                split[tasks[lo].id]! += moved
                var b = a
                b.timeSplit = split
                // Without the band too (it is the same model's band, and ScoreBandTests' to check).
                let shifted = try #require(PersonalModel(curriculum: bundled, assessment: b))
                let after = shifted.score(at: day, levels: shifted.levels).result.value
                #expect(after >= before.result.value - 1e-9, "case \(i): moving share lowered the score")
            }
        }
    }
}

@Suite("The planner on every bundled role")
struct BundledPlannerTests {
    /// A problem small enough to search exhaustively: every skill excluded but the `k` whose
    /// next level gains most (the rest keep their levels and still count in the score).
    static func smallProblem(_ person: PersonalModel, day: Day, k: Int, weeks: Int) -> PlanningProblem {
        let keep = Set(person.bestSteps(at: day, count: k).map(\.skill))
        let exclude = bundled.graph.skills.map(\.id).filter { !keep.contains($0) }
        return person.planningProblem(end: day.adding(days: 7 * weeks - 1), weeks: weeks, hoursPerWeek: 6, goals: Goals(exclude: exclude))
    }

    @Test(
        "finds the exhaustive-search optimum for each role's own holder and for a move toward it from seed 004's role",
        arguments: bundled.roles.map(\.id))
    func matchesExhaustiveSearch(roleID: String) throws {
        let role = try #require(bundled.role(roleID))
        let day = role.referenceDate
        let holder = try #require(PersonalModel(curriculum: bundled, assessment: Assessment(role: roleID, seniority: role.seniority)))
        let mover = try #require(PersonalModel(curriculum: bundled, assessment: Assessment(role: "ai-infrastructure-engineer"))).inRole(role)
        for (who, person) in [("holder", holder), ("mover", mover)] {
            for weeks in [2, 5] {
                let problem = Self.smallProblem(person, day: day, k: 6, weeks: weeks)
                let expected = ExhaustiveSearch.best(problem)
                let solved = Solver.solve(problem)
                #expect((expected == nil) == (solved == nil), "\(roleID) \(who) \(weeks)w: feasibility differs")
                guard let expected, let solved else { continue }
                #expect(solved.optimal, "\(roleID) \(who) \(weeks)w")
                #expect(abs(solved.gain - expected.gain) < 1e-9, "\(roleID) \(who) \(weeks)w: \(solved.gain) vs \(expected.gain)")
                #expect(abs(solved.hours - expected.hours) < 1e-9, "\(roleID) \(who) \(weeks)w: hours")
            }
        }
    }
}
