import HeadwayCore
import Testing

/// A person's record read on any day (`MODEL.md` §5), on the bundled curricula.
@Suite("Progress record")
struct ProgressRecordTests {
    static let day0 = Day("2026-11-23")!
    static let base = DatedAssessment(assessment: Assessment(role: "ai-infrastructure-engineer"), from: nil, recorded: "2026-01-01T00:00:00.000Z")

    static func log(
        _ skill: String, _ level: Int, _ offset: Int, _ status: LogStatus = .done, activity: String? = nil,
        hours: Double = 2, recorded: String? = nil
    ) -> DatedLog {
        DatedLog(
            entry: LogEntry(date: day0.adding(days: offset), skill: skill, level: level, activity: activity, hours: hours, status: status),
            recorded: recorded ?? "2026-01-02T00:00:\(String(format: "%02d", offset)).000Z")
    }

    @Test("a unit logged done raises the level from its date, not before; partial and skipped entries raise nothing")
    func fromItsDate() {
        let r = ProgressRecord(
            curriculum: bundled, assessments: [Self.base],
            logs: [Self.log("nccl", 3, 5), Self.log("cuda", 3, 1, .partial), Self.log("cuda", 3, 2, .skipped)])
        #expect(r.levels(at: Self.day0.adding(days: 4))?["nccl"] == 2)
        #expect(r.levels(at: Self.day0.adding(days: 5))?["nccl"] == 3)
        #expect(r.levels(at: Self.day0.adding(days: 30))?["cuda"] == 2)
        let before = r.score(at: Self.day0.adding(days: 4))!.result.value
        let after = PersonalModel(curriculum: bundled, assessment: Self.base.assessment)!
            .score(at: Self.day0.adding(days: 4), levels: r.levels(at: Self.day0.adding(days: 5))!).result.value
        #expect(after > before)
    }

    @Test("a unit is complete once every one of its activities is logged done, on the day of the last")
    func activities() throws {
        let texts = try #require(bundled.graph["nccl"]?.activities[3]?.map(\.text))
        #expect(texts.count >= 2)
        var logs = texts.dropLast().enumerated().map { Self.log("nccl", 3, $0.offset, activity: $0.element) }
        var r = ProgressRecord(curriculum: bundled, assessments: [Self.base], logs: logs)
        #expect(r.completions.isEmpty)
        logs.append(Self.log("nccl", 3, 9, activity: texts.last!))
        r = ProgressRecord(curriculum: bundled, assessments: [Self.base], logs: logs)
        #expect(r.completions.map(\.unit) == [UnitID(skill: "nccl", level: 3)])
        #expect(r.completions.first?.day == Self.day0.adding(days: 9))
    }

    @Test("a re-assessment applies from its day; a completion on that day counts only when recorded after it")
    func reassessment() {
        var lowered = Self.base.assessment
        lowered.skills["nccl"] = 1
        let re = DatedAssessment(assessment: lowered, from: Self.day0.adding(days: 3), recorded: "2026-01-02T00:00:03.500Z")
        let earlier = Self.log("nccl", 3, 3, recorded: "2026-01-02T00:00:03.000Z")
        let later = Self.log("nccl", 2, 3, recorded: "2026-01-02T00:00:04.000Z")
        let r = ProgressRecord(curriculum: bundled, assessments: [Self.base, re], logs: [earlier, later])
        #expect(r.levels(at: Self.day0.adding(days: 2))?["nccl"] == 2, "before the re-assessment: the first assessment")
        #expect(r.levels(at: Self.day0.adding(days: 3))?["nccl"] == 2, "the re-assessment's 1, raised by the completion recorded after it")
        let r2 = ProgressRecord(curriculum: bundled, assessments: [Self.base, re], logs: [earlier])
        #expect(r2.levels(at: Self.day0.adding(days: 3))?["nccl"] == 1, "a completion recorded before the re-assessment is superseded")
    }

    @Test("what moved the score adds up to the change, across signals, completions and a re-assessment")
    func movesAddUp() {
        var raised = Self.base.assessment
        // As `level` writes it: the levels reached so far, and the one changed.
        raised.skills = ["nccl": 3, "triton": 2, "kubernetes-gpu": 3]
        let re = DatedAssessment(assessment: raised, from: Day("2027-01-10")!, recorded: "2026-01-03T00:00:00.000Z")
        let logs = [Self.log("nccl", 3, 30), Self.log("triton", 2, 45), Self.log("cuda", 3, 60, .partial)]
        let r = ProgressRecord(curriculum: bundled, assessments: [Self.base, re], logs: logs)
        let from = Self.day0.adding(days: 20), to = Self.day0.adding(days: 70)
        let moves = r.moves(from: from, to: to)
        let total = moves.reduce(0) { $0 + $1.points }
        #expect(abs(total - (r.score(at: to)!.result.value - r.score(at: from)!.result.value)) < 1e-9)
        #expect(
            moves.contains {
                if case .signals(let ids) = $0.cause { return ids.contains("managed-platforms-absorb-gpu-ops") }; return false
            })
        #expect(
            moves.filter {
                if case .completed = $0.cause { return true }; return false
            }.count == 2)
        #expect(
            moves.contains {
                if case .reassessment(let c) = $0.cause { return c.map(\.skill) == ["kubernetes-gpu"] }; return false
            })
    }

    @Test("signal boundaries are found between two days, in order, only for the person's role")
    func boundaries() {
        let person = PersonalModel(curriculum: bundled, assessment: Self.base.assessment)!
        let found = person.signalBoundaries(after: Self.day0, through: Day("2028-01-01")!)
        #expect(
            found.map(\.reason.description) == [
                "signal managed-platforms-absorb-gpu-ops enters its window",
                "signal managed-standard-deployments completes its window",
                "signal mlops-essential-infrastructure completes its window",
                "signal routine-infra-ops-automated completes its window"
            ])
        #expect(person.signalBoundaries(after: Day("2027-01-01")!, through: Day("2027-06-01")!).isEmpty)
    }

    @Test("a week on plan keeps the streak and the outlook; a slip breaks both and a replan request starts from the current week")
    func planProgress() throws {
        let person = PersonalModel(curriculum: bundled, assessment: Self.base.assessment)!
        let plan = try person.plan(PlanRequest(start: Self.day0))
        let first = plan.units[0]
        var logs = [Self.log(first.skill, first.level, 1, .partial, hours: 6)]
        var pp = PlanProgress(
            plan: plan, record: ProgressRecord(curriculum: bundled, assessments: [Self.base], logs: logs),
            day: Self.day0.adding(days: 6))
        #expect(pp.streak() == 1)
        #expect(pp.outlook()?.reachable == true)
        logs.append(Self.log(first.skill, first.level, 8, .partial, hours: 1))
        pp = PlanProgress(
            plan: plan, record: ProgressRecord(curriculum: bundled, assessments: [Self.base], logs: logs),
            day: Self.day0.adding(days: 13))
        #expect(pp.streak() == 0)
        let outlook = try #require(pp.outlook())
        #expect(!outlook.reachable)
        #expect(outlook.pace == 3.5)
        #expect(outlook.atPace < plan.projectedScore)
        let later = PlanProgress(plan: plan, record: pp.record, day: Self.day0.adding(days: 14))
        let r = try #require(later.replanRequest())
        let request = r.request
        #expect(r.week == 3)
        #expect(request.start == Self.day0.adding(days: 14) && request.weeks == 10)
        #expect(request.spent[first.id] == 7)
        let replan = try person.plan(request)
        #expect(replan.continues(plan))
        let programme = PlanProgress(plan: replan, record: pp.record, day: Self.day0.adding(days: 20), earlier: [plan])
        #expect(programme.week == 3 && programme.weeksCount == 12)
        #expect(programme.plannedWeek(1)?.items == plan.schedule[0].items)
        #expect(programme.plannedWeek(3)?.items == replan.schedule[0].items)
    }
}
