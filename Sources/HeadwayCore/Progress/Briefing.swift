/// A weekly report as first generated (`MODEL.md` §6); stored and never rewritten.
public struct Briefing: Sendable, Hashable, Codable {
    /// The plan week it reports on, 1…52.
    public var week: Int
    /// The rendered report.
    public var body: String
    /// The day it was generated (the `--as-of` day, so transcripts stay reproducible).
    public var generatedOn: Day

    public init(week: Int, body: String, generatedOn: Day) {
        self.week = week; self.body = body; self.generatedOn = generatedOn
    }
}

/// The numbers of week `k`'s briefing (`MODEL.md` §6), read from a person's record: what the
/// briefing says, before any sentence is written.
///
/// A week that has ended is reported as of its last day, so a briefing generated late says
/// what it would have said then.
public struct WeekBriefing: Sendable, Hashable {
    /// One change in the field whose window touches the week.
    public struct FieldChange: Sendable, Hashable {
        public let signal: Signal
        /// Points the signal adds to (negative: takes off) the person's score on the report day.
        public let effectNow: Double
        /// The same once its window is complete.
        public let effectComplete: Double
        /// The skills that answer it, with the person's level in each.
        public let answeredBy: [SkillLevel]
        /// The least effect, in points once complete, worth a line of a briefing on its own.
        public static let reportable = 0.1
    }

    /// A skill and a level.
    public struct SkillLevel: Sendable, Hashable {
        public let skill: String
        public let level: Int
    }

    /// What replanning on the report day would give.
    public struct Replan: Sendable, Hashable {
        /// The programme week it would start in.
        public let week: Int
        public let projected: Double
        public init(week: Int, projected: Double) { self.week = week; self.projected = projected }
    }

    /// The programme week, 1…W, and W.
    public let week: Int
    public let weeks: Int
    /// The week's first and last day.
    public let from: Day
    public let to: Day
    /// The day the numbers are as of: the generation day, or the week's last day if earlier.
    public let asOf: Day
    public let generatedOn: Day
    public let now: ScoreResult
    public let weekAgo: ScoreResult
    public let atStart: ScoreResult
    /// The programme's first day (or the record's first day, if later).
    public let startDay: Day
    /// What moved the score over the seven days before `asOf`.
    public let moves: [ScoreMove]
    /// Planned against logged in the week.
    public let progress: WeekProgress
    /// On track at the person's pace (or the shortfall covered); `nil` once the plan has ended.
    public let outlook: PaceOutlook?
    /// What a replan would give, when the outlook is behind.
    public let replan: Replan?
    /// Week `k+1`'s items not yet reached; empty in the last week.
    public let nextWeek: [PlanItem]
    public let nextWeekStart: Day?
    public let fieldChanges: [FieldChange]
}

extension PlanProgress {
    /// The briefing of programme week `k` generated on `day` (this value's own day is not used):
    /// `firstDay` is the first day of the person's history; `replan` says what replanning on a
    /// day would give. `nil` when `k` is not a week of the programme.
    public func briefing(
        week k: Int, generatedOn day: Day, firstDay: Day,
        replan: (Day) -> WeekBriefing.Replan?
    ) -> WeekBriefing? {
        let numbering = self.numbering
        guard (1...numbering.count).contains(k) else { return nil }
        let weekStart = numbering.start(ofWeek: k), weekEnd = weekStart.adding(days: 6)
        let asOf = min(day, weekEnd)
        var pp = PlanProgress(programme: programme, record: record, day: asOf)
        pp.planMadeOn = planMadeOn
        guard let w = pp.plannedWeek(k), let person = record.person(at: asOf) ?? record.person(at: day) else { return nil }
        func model(_ d: Day) -> PersonalModel { record.person(at: d) ?? person }
        let weekAgo = max(asOf.adding(days: -7), firstDay)
        let startDay = max(pp.start, firstDay)
        let outlook = pp.outlook()
        let behind = outlook.map { !$0.onTrack } ?? false
        let next = k < numbering.count ? pp.plannedWeek(k + 1) : nil
        // MODEL §6: a signal is reported once, in the week of the programme it first touches,
        // and only when it moves this person's score by at least 0.1 or answers a skill the plan
        // works on.
        let programmeStart = numbering.start(ofWeek: 1)
        let working = Set(pp.plan.units.map(\.skill))
        let field = person.roleSignals.filter { (weekStart...weekEnd).contains(max($0.window.from, programmeStart)) }.map { s in
            WeekBriefing.FieldChange(
                signal: s, effectNow: person.effect(of: s.id, at: asOf),
                effectComplete: person.effect(of: s.id, at: max(asOf, s.window.to)),
                answeredBy: s.answeredBy.map { WeekBriefing.SkillLevel(skill: $0, level: person.level(of: $0)) })
        }.filter { f in
            abs(f.effectComplete) >= WeekBriefing.FieldChange.reportable || f.answeredBy.contains { working.contains($0.skill) }
        }
        return WeekBriefing(
            week: k, weeks: numbering.count, from: weekStart, to: weekEnd, asOf: asOf, generatedOn: day,
            now: person.result(at: asOf), weekAgo: model(weekAgo).result(at: weekAgo),
            atStart: model(startDay).result(at: startDay), startDay: startDay,
            moves: record.moves(from: weekAgo, to: asOf), progress: pp.progress(w),
            outlook: outlook, replan: behind ? replan(asOf) : nil,
            nextWeek: (next?.items ?? []).filter { person.level(of: $0.skill) < $0.level }.map { item in
                // An activity already logged done is not next week's work (issue 25.11).
                let unit = UnitID(skill: item.skill, level: item.level)
                let done = record.doneActivities(of: unit, through: asOf)
                let graph = record.curriculum.graph
                let left = item.activities.filter { a in
                    !done.contains { d in d == a.text || graph[unit.skill]?.activity(unit.level, named: a.text)?.isNamed(d) == true }
                }
                return PlanItem(skill: item.skill, level: item.level, hours: item.hours, activities: left, completes: item.completes)
            },
            nextWeekStart: next?.start, fieldChanges: field)
    }
}
