import HeadwayCore
import HeadwaySynthetic
import Testing

/// One person on the synthetic curriculum: a plan, a record, and replans of it.
private struct Person {
    let curriculum = SyntheticCurriculum.make(seed: 11)
    let assessment: Assessment
    let start = Day("2026-11-23")!

    init() { assessment = SyntheticCurriculum.assessment(seed: 7, curriculum: curriculum) }

    var model: PersonalModel { PersonalModel(curriculum: curriculum, assessment: assessment)! }

    func plan() throws -> Plan { try model.plan(PlanRequest(start: start, weeks: 12, hoursPerWeek: 6)) }

    func record(_ logs: [LogEntry]) -> ProgressRecord {
        ProgressRecord(
            curriculum: curriculum, assessments: [DatedAssessment(assessment: assessment, from: nil, recorded: "0")],
            logs: logs.enumerated().map { DatedLog(entry: $1, recorded: "1-\($0)") })
    }

    /// What `replan` makes on `day` from `plan`, with the levels of `record` then.
    func replan(_ plan: Plan, on day: Day, record: ProgressRecord) throws -> Plan {
        let person = record.person(at: day)!
        let request = try #require(PlanProgress(plan: plan, record: record, day: day).replanRequest()).request
        return try person.plan(request)
    }
}

@Suite("One programme, one week numbering (MODEL.md §4a)")
struct ProgrammeTests {
    @Test("week k is the seven days from the programme's first day plus 7(k-1); before it is 0, after it W+1")
    func weekOfDay() {
        let weeks = ProgrammeWeeks(start: Day("2026-11-23")!, count: 12)
        #expect(weeks.week(of: Day("2026-11-22")!) == 0)
        #expect(weeks.week(of: Day("2026-11-23")!) == 1)
        #expect(weeks.week(of: Day("2026-11-29")!) == 1)
        #expect(weeks.week(of: Day("2026-11-30")!) == 2)
        #expect(weeks.week(of: weeks.end) == 12)
        #expect(weeks.week(of: weeks.end.adding(days: 1)) == 13)
        for k in 1...12 {
            #expect(weeks.week(of: weeks.start(ofWeek: k)) == k)
            #expect(weeks.week(of: weeks.start(ofWeek: k).adding(days: 6)) == k)
        }
    }

    @Test("a replan made in week 2 numbers its first week 2, and the programme's week k is the replan's week of the same days")
    func replanKeepsNumbers() throws {
        let p = Person()
        let first = try p.plan()
        let record = p.record([])
        let second = try p.replan(first, on: p.start.adding(days: 9), record: record)
        let third = try p.replan(second, on: p.start.adding(days: 40), record: record)
        let programme = PlanProgress(programme: [first, second, third], record: record, day: p.start.adding(days: 40))
        let numbering = programme.numbering
        #expect(numbering == ProgrammeWeeks(first))
        #expect(numbering.firstWeek(of: second) == 2)
        #expect(numbering.firstWeek(of: third) == 6)
        #expect(second.schedule.map(numbering.number(of:)) == Array(2...12))
        #expect(third.schedule.map(numbering.number(of:)) == Array(6...12))
        for k in 1...12 {
            let week = try #require(programme.plannedWeek(k))
            #expect(week.week == k)
            #expect(week.start == numbering.start(ofWeek: k))
            // Each week is read from the plan that covered it.
            let covering = k < 2 ? first : k < 6 ? second : third
            let own = try #require(covering.schedule.first { $0.start == week.start })
            #expect(week.items == own.items)
            #expect(week.hours == own.hours)
        }
    }

    @Test("hours on a unit not finished that week are partial work, whether logged as partial hours or as an activity done")
    func activityWorkIsPartial() throws {
        let p = Person()
        let plan = try p.plan()
        let item = try #require(plan.schedule[0].items.first)
        let activities = try #require(p.curriculum.graph[item.skill]?.activities[item.level]?.map(\.text))
        try #require(activities.count >= 2)
        let record = p.record([
            // Fewer hours than the unit has (at least 2), so it is not complete by its hours either.
            LogEntry(date: p.start.adding(days: 1), skill: item.skill, level: item.level, activity: activities[0], hours: 1, status: .done)
        ])
        let programme = PlanProgress(programme: [plan], record: record, day: p.start.adding(days: 2))
        let week = programme.progress(try #require(programme.plannedWeek(1)))
        #expect(week.loggedHours == 1)
        #expect(week.done.isEmpty)
        #expect(week.partial == [UnitID(skill: item.skill, level: item.level)])
        #expect(week.activitiesDone[UnitID(skill: item.skill, level: item.level)] == [activities[0]])
    }

    @Test("a week read as of a day counts only what is dated up to that day")
    func asOfDay() throws {
        let p = Person()
        let plan = try p.plan()
        let item = try #require(plan.schedule[0].items.first)
        let record = p.record([
            LogEntry(date: p.start.adding(days: 1), skill: item.skill, level: item.level, hours: 1, status: .partial),
            LogEntry(date: p.start.adding(days: 4), skill: item.skill, level: item.level, hours: 2, status: .partial)
        ])
        let week = try #require(plan.schedule.first)
        #expect(PlanProgress(programme: [plan], record: record, day: p.start.adding(days: 2)).progress(week).loggedHours == 1)
        #expect(PlanProgress(programme: [plan], record: record, day: p.start.adding(days: 6)).progress(week).loggedHours == 3)
    }

    @Test("a unit whose every activity is logged done is done that week, not partial")
    func allActivitiesComplete() throws {
        let p = Person()
        let plan = try p.plan()
        let item = try #require(plan.schedule[0].items.first)
        let activities = try #require(p.curriculum.graph[item.skill]?.activities[item.level]?.map(\.text))
        let logs = activities.map { LogEntry(date: p.start.adding(days: 2), skill: item.skill, level: item.level, activity: $0, hours: 1, status: .done) }
        let programme = PlanProgress(programme: [plan], record: p.record(logs), day: p.start.adding(days: 3))
        let week = programme.progress(try #require(programme.plannedWeek(1)))
        #expect(week.done == [UnitID(skill: item.skill, level: item.level)])
        #expect(week.partial.isEmpty)
    }
}

@Suite("The weekly briefing's numbers (MODEL.md §6)")
struct WeekBriefingTests {
    @Test("a week's briefing has its dates, the planned and logged hours and units, and the score on the report day")
    func numbers() throws {
        let p = Person()
        let plan = try p.plan()
        let item = try #require(plan.schedule[0].items.first)
        let unit = UnitID(skill: item.skill, level: item.level)
        let record = p.record([
            LogEntry(date: p.start.adding(days: 1), skill: item.skill, level: item.level, hours: 1.5, status: .partial),
            // Outside the week: does not count in it.
            LogEntry(date: p.start.adding(days: 8), skill: item.skill, level: item.level, hours: 1, status: .partial)
        ])
        let day = p.start.adding(days: 4)
        let programme = PlanProgress(programme: [plan], record: record, day: day)
        let b = try #require(programme.briefing(week: 1, generatedOn: day, firstDay: p.start) { _ in nil })
        #expect(b.week == 1 && b.weeks == 12)
        #expect(b.from == p.start && b.to == p.start.adding(days: 6))
        #expect(b.asOf == day)
        #expect(b.progress.plannedHours == plan.schedule[0].hours)
        #expect(b.progress.loggedHours == 1.5)
        #expect(b.progress.partial == [unit])
        #expect(b.now == record.score(at: day)!.result)
        #expect(b.nextWeekStart == p.start.adding(days: 7))
    }

    @Test("a past week generated late is reported as of its last day")
    func lateWeek() throws {
        let p = Person()
        let plan = try p.plan()
        let programme = PlanProgress(programme: [plan], record: p.record([]), day: p.start.adding(days: 30))
        let b = try #require(programme.briefing(week: 2, generatedOn: p.start.adding(days: 30), firstDay: p.start) { _ in nil })
        #expect(b.asOf == p.start.adding(days: 13))
        #expect(b.generatedOn == p.start.adding(days: 30))
    }

    @Test("the briefing asks what a replan gives only when the outlook is behind", arguments: [0.0, 6.0])
    func replanOnlyWhenBehind(hoursPerWeek: Double) throws {
        let p = Person()
        let plan = try p.plan()
        // Either nothing logged for three weeks (behind), or the plan's hours every week.
        var logs: [LogEntry] = []
        if hoursPerWeek > 0 {
            for k in 0..<3 {
                for item in plan.schedule[k].items {
                    logs.append(
                        LogEntry(
                            date: p.start.adding(days: 7 * k), skill: item.skill, level: item.level, hours: item.hours,
                            status: item.completes ? .done : .partial))
                }
            }
        }
        let day = p.start.adding(days: 20)
        let programme = PlanProgress(programme: [plan], record: p.record(logs), day: day)
        var asked: [Day] = []
        let b = try #require(
            programme.briefing(week: 3, generatedOn: day, firstDay: p.start) { d in
                asked.append(d)
                return WeekBriefing.Replan(week: 3, projected: 1)
            })
        let behind = !(b.outlook?.reachable ?? true)
        #expect(behind == (hoursPerWeek == 0))
        #expect(asked == (behind ? [day] : []))
        #expect((b.replan != nil) == behind)
    }

    @Test("weeks outside the programme have no briefing", arguments: [0, 13])
    func outside(week: Int) throws {
        let p = Person()
        let programme = PlanProgress(programme: [try p.plan()], record: p.record([]), day: p.start)
        #expect(programme.briefing(week: week, generatedOn: p.start, firstDay: p.start) { _ in nil } == nil)
    }
}
