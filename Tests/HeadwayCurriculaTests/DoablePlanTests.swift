import Foundation
import HeadwayCore
import HeadwayCurricula
import HeadwaySynthetic
import Testing

/// Issues 23 and 24 on the bundled curricula: plans a person can do, with the field as it is.
@Suite("Doable plans on the bundled curricula")
struct DoablePlanTests {
    static let day = Day("2026-12-07")!

    static func person(_ role: String = "ai-infrastructure-engineer", access: PersonAccess? = nil) throws -> PersonalModel {
        var a = Assessment(role: role, seniority: .mid)
        a.access = access
        return try #require(PersonalModel(curriculum: bundled, assessment: a))
    }

    static func request(_ p: PersonalModel) -> PlanRequest {
        PlanRequest(start: day, weeks: 12, hoursPerWeek: p.assessment.hoursPerWeek, goals: p.assessment.goals)
    }

    @Test("a laptop-only mid AI Infrastructure Engineer gets 12 weeks of laptop work, and the plan says what a GPU would add")
    func laptopOnly() throws {
        let p = try Self.person(access: PersonAccess(compute: .laptop, team: false))
        let plan = try p.plan(Self.request(p))
        #expect(!plan.units.isEmpty && plan.totalHours > 0.9 * plan.capacity, "the hours are used: \(plan.totalHours) of \(plan.capacity)")
        for w in plan.schedule {
            for i in w.items {
                for a in i.activities {
                    let step = try #require(bundled.graph.step(UnitID(skill: i.skill, level: i.level), named: a.text), "\(a.text)")
                    #expect(step.step.access == .laptop, "week \(w.week): \(i.skill):\(i.level) '\(a.text)' needs \(step.step.access.rawValue)")
                }
            }
        }
        let outlook = p.accessOutlook(Self.request(p), plan: plan)
        #expect(outlook.leftOut.values.reduce(0, +) > 0)
        let gpu = try #require(outlook.steps.first { $0.change == "access.compute: gpu" })
        #expect(gpu.projectedScore >= plan.projectedScore - 1e-9, "more access never plans worse")
    }

    @Test("with gpu_hours 20 a plan never uses more than 20 GPU hours", arguments: [Compute.gpu, .multiGPU, .cluster])
    func gpuBudget(compute: Compute) throws {
        let p = try Self.person(access: PersonAccess(compute: compute, team: true, gpuHours: 20))
        for hours in [4.0, 6, 10, 20] {
            var r = Self.request(p)
            r.hoursPerWeek = hours
            let plan = try p.plan(r)
            let used = plan.units.reduce(0.0) { $0 + (bundled.graph[$1.skill]?.gpuHours(toLevel: $1.level, for: p.access) ?? 0) }
            #expect(used <= 20 + 1e-9, "\(compute.rawValue) at \(hours) h/week: \(used) GPU hours")
            #expect(plan.optimal)
        }
    }

    @Test("on the bundled curricula with access and a budget, the solver equals exhaustive search over the 6 strongest free skills")
    func bundledMatchesExhaustive() throws {
        for access in [PersonAccess(compute: .laptop, team: false), PersonAccess(compute: .gpu, team: true, gpuHours: 12)] {
            let p = try Self.person(access: access)
            let full = p.planningProblem(Self.request(p))
            let levels = full.currentLevels
            // Skills whose prerequisites already hold, so a subset of them is a problem of its own.
            var weight: [String: Double] = [:]
            for t in full.tasks { for (s, w) in t.skills { weight[s, default: 0] += t.share * t.kappa * w } }
            let free = full.skills.filter { s in s.requires.allSatisfy { (levels[$0.skill] ?? 0) >= $0.level } && (weight[s.id] ?? 0) > 0 }
            let chosen = Set(free.sorted { (weight[$0.id] ?? 0) > (weight[$1.id] ?? 0) }.prefix(6).map(\.id))
            var small = full
            small.exclude = full.skills.map(\.id).filter { !chosen.contains($0) }
            let expected = try #require(ExhaustiveSearch.best(small))
            let solved = try #require(Solver.solve(small))
            #expect(solved.optimal)
            #expect(abs(solved.gain - expected.gain) < 1e-9, "\(access.summary): \(solved.gain) vs \(expected.gain)")
        }
    }

    @Test("nothing retired is ever planned, whatever the access and hours")
    func retiredNeverPlanned() throws {
        let retired = Set(bundled.graph.skills.filter { $0.retired != nil }.map(\.id))
        #expect(retired.contains("tgi"))
        #expect(bundled.graph["torchserve"] == nil)
        for role in ["ai-infrastructure-engineer", "inference-optimization-specialist", "mlops-engineer"] {
            for access in [nil, PersonAccess(compute: .laptop, team: false), PersonAccess(compute: .gpu, team: true)] {
                let p = try Self.person(role, access: access)
                for hours in [6.0, 20, 40] {
                    var r = Self.request(p)
                    r.hoursPerWeek = hours
                    let plan = try p.plan(r)
                    #expect(plan.units.allSatisfy { !retired.contains($0.skill) }, "\(role) at \(hours) h")
                }
            }
        }
    }

    @Test("a retired skill's successor is live, and no role weights a retired skill")
    func retiredHaveSuccessors() throws {
        for s in bundled.graph.skills {
            guard let r = s.retired else { continue }
            #expect(bundled.graph[r.successor]?.retired == nil)
            for role in bundled.roles { for t in role.tasks { #expect(t.skills[s.id] == nil, "\(role.id)/\(t.id) weights \(s.id)") } }
        }
    }

    @Test("every role has a signal with a source, and every resource a signal cites is a dated event")
    func everyRoleHasASignal() throws {
        for role in bundled.roles {
            let signals = bundled.signals.filter { $0.effects.contains { $0.role == role.id } }
            #expect(!signals.isEmpty, "\(role.id) has no signal")
        }
        for signal in bundled.signals {
            #expect(!signal.seeds.isEmpty || !signal.sources.isEmpty, "\(signal.id)")
            for id in signal.sources {
                let r = try #require(bundled.resource(id), "\(signal.id): \(id)")
                #expect([.announcement, .releaseNotes, .regulation, .report, .repo, .doc].contains(r.kind), "\(id)")
            }
        }
    }

    @Test("a mid Platform Engineer with no answers scores clearly below an AI Infrastructure Engineer in that role")
    func platformEngineerIsNotAnAIInfrastructureHolder() throws {
        let pe = try Self.person("platform-engineer")
        let aiInfra = try #require(bundled.role("ai-infrastructure-engineer"))
        let there = pe.inRole(aiInfra).score(at: Day("2026-11-22")!).result.value
        let holder = try Self.person().score(at: Day("2026-11-22")!).result.value
        #expect(there < holder - 5, "\(there) vs \(holder)")
        #expect(pe.level(of: "nccl") <= 1 && pe.level(of: "cuda") <= 1 && pe.level(of: "kubernetes") >= 2 && pe.level(of: "iac") >= 2)
        let dc = try Self.person("data-center-technician")
        #expect(dc.level(of: "server-racking-cabling") >= 2 && dc.level(of: "vllm") <= 1)
    }

    @Test("every resource an activity cites is live, free or not, and has a locator and a verified day")
    func resourcesAreLive() throws {
        var cited = Set<String>()
        for s in bundled.graph.skills {
            for list in s.activities.values {
                for a in list { for step in [a.step] + (a.alternative.map { [$0] } ?? []) { cited.formUnion(step.resources) } }
            }
        }
        for id in cited {
            let r = try #require(bundled.resource(id), "\(id)")
            #expect(r.status == .active && !r.locator.isEmpty, "\(id)")
            #expect(r.verified <= Day("2026-12-31")!, "\(id) verified in the future")
        }
        #expect(bundled.resources.contains { $0.kind == .certification && !$0.skills.isEmpty })
    }
}

/// Findings of the review of the doable-plans change, each held.
@Suite("Doable plans over a programme")
struct DoableProgrammeTests {
    static let day = Day("2026-12-07")!

    @Test("a goal on a retired skill is refused with its successor named")
    func retiredGoal() throws {
        let p = try DoablePlanTests.person()
        var r = DoablePlanTests.request(p)
        r.goals.include = ["tgi": 2]
        #expect(throws: PlanningError.includeRetired(skill: "tgi", successor: "sglang")) { try p.plan(r) }
    }

    @Test("the GPU budget is the programme's: a replan has what completed units did not burn")
    func budgetCarriesOver() throws {
        var a = Assessment(role: "ai-infrastructure-engineer", seniority: .mid, hoursPerWeek: 10)
        a.access = PersonAccess(compute: .gpu, team: true, gpuHours: 30)
        let person = try #require(PersonalModel(curriculum: bundled, assessment: a))
        let request = PlanRequest(start: Self.day, weeks: 12, hoursPerWeek: 10, goals: a.goals)
        let plan = try person.plan(request)
        let graph = bundled.graph
        let burns = { (u: PlanUnit) in graph[u.skill]?.gpuHours(toLevel: u.level, for: person.access) ?? 0 }
        let first = try #require(plan.units.first { burns($0) > 0 }, "the plan uses a GPU")
        // Complete that unit (and what it needs in the plan before it) in week 1.
        let before = plan.units.prefix { $0.id != first.id } + [first]
        let logs = before.enumerated().map { i, u in
            DatedLog(
                entry: LogEntry(date: Self.day.adding(days: 1), skill: u.skill, level: u.level, hours: u.hours, status: .done),
                recorded: "2026-12-08T00:00:0\(i)Z")
        }
        let record = ProgressRecord(
            curriculum: bundled, assessments: [DatedAssessment(assessment: a, from: nil, recorded: "2026-12-07T00:00:00Z")], logs: logs)
        let progress = PlanProgress(programme: [plan], record: record, day: Self.day.adding(days: 8))
        let replan = try #require(progress.replanRequest())
        let used = before.reduce(0.0) { $0 + burns($1) }
        #expect(abs((replan.request.access?.gpuHours ?? -1) - max(0, 30 - used)) < 1e-9, "\(used) used of 30")
        let next = try person.plan(replan.request)
        let again = next.units.reduce(0.0) { $0 + burns($1) }
        #expect(used + again <= 30 + 1e-9)
    }

    @Test("a level re-assessed after `plan --hours 10` keeps the plan's 10 hours on replan; re-assessed hours win")
    func planHoursKept() throws {
        let a = Assessment(role: "ai-infrastructure-engineer", seniority: .mid, hoursPerWeek: 6)
        let person = try #require(PersonalModel(curriculum: bundled, assessment: a))
        let plan = try person.plan(PlanRequest(start: Self.day, weeks: 12, hoursPerWeek: 10, goals: a.goals))
        var b = a
        b.skills["vllm"] = 3
        var c = a
        c.hoursPerWeek = 8
        func progress(_ later: Assessment) -> PlanProgress {
            let record = ProgressRecord(
                curriculum: bundled,
                assessments: [
                    DatedAssessment(assessment: a, from: nil, recorded: "2026-12-07T00:00:00Z"),
                    DatedAssessment(assessment: later, from: Self.day, recorded: "2026-12-07T00:00:02Z")
                ], logs: [])
            var p = PlanProgress(programme: [plan], record: record, day: Self.day.adding(days: 8))
            p.planRecorded = "2026-12-07T00:00:01Z"
            return p
        }
        #expect(progress(b).replanRequest()?.request.hoursPerWeek == 10)
        #expect(progress(c).replanRequest()?.request.hoursPerWeek == 8)
    }

    @Test("left out counts units above one that cannot be done and units whose prerequisites cannot get there")
    func leftOutCountsBlockedUnits() throws {
        let p = try DoablePlanTests.person(access: PersonAccess(compute: .gpu, team: true))
        let plan = try p.plan(DoablePlanTests.request(p))
        let outlook = p.accessOutlook(DoablePlanTests.request(p), plan: plan)
        var direct = 0
        let valued = Set(p.role.tasks.flatMap { $0.skills.keys })
        for s in bundled.graph.skills where valued.contains(s.id) && s.retired == nil {
            direct += Level.unitRange.filter { $0 > p.level(of: s.id) && s.steps($0, for: p.access) == nil }.count
        }
        #expect(outlook.leftOut.values.reduce(0, +) >= direct)
        #expect(outlook.leftOut["multi-gpu", default: 0] + outlook.leftOut["cluster", default: 0] > 0)
    }
}
