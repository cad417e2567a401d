/// One week of a plan as it went: hours and units planned against what was logged.
public struct WeekProgress: Sendable, Hashable {
    public let week: Int
    public let start: Day
    public let plannedHours: Double
    /// Hours spent (done and partial entries) on the week's days.
    public let loggedHours: Double
    /// Units the plan puts into the week.
    public let plannedUnits: [UnitID]
    /// Units completed on the week's days.
    public let done: [UnitID]
    /// Units worked on during the week's days and not completed then: a `partial` entry, or
    /// an activity logged done while others of the unit are left.
    public let partial: [UnitID]
    /// Activities logged done on the week's days, by unit (completed units included).
    public let activitiesDone: [UnitID: [String]]
    /// Units with a `skipped` entry on the week's days.
    public let skipped: [UnitID]

    public var end: Day { start.adding(days: 6) }
    /// Logged at least the planned hours.
    var metPlan: Bool { loggedHours + 1e-9 >= plannedHours }
}

/// Whether the plan's projected score is still reachable at the person's own pace, and if
/// hours fall short, what covers it.
public struct PaceOutlook: Sendable, Hashable {
    /// Something that lets the plan reach its projected score although its units do not all fit.
    public enum Cover: Sendable, Hashable {
        /// A re-assessment since the plan started raised these levels.
        case reassessment(day: Day, levels: [ScoreMove.LevelChange])
        /// A unit the plan did not count on was completed.
        case completed(UnitID)
        /// The units that do not fit add nothing to the projected score (one decimal).
        case unitsAddNothing([UnitID])
    }

    /// The plan week `day` falls in (1…W).
    public let week: Int
    /// Hours per week: the average over the plan's finished weeks, a week counting as finished
    /// on its last day (the plan's own hours before one has).
    public let pace: Double
    /// The pace factor, once two units are complete: the hours left are scaled by it.
    public let paceFactor: PaceFactor?
    /// Hours the plan's unfinished units still need at this pace: `c * max(0, h - logged)`.
    public let remainingHours: Double
    /// Hours left at this pace until the plan's last day.
    public let capacity: Double
    /// The plan's projected score.
    public let projected: Double
    /// The score on the plan's last day with the units that fit at this pace, in plan order.
    public let atPace: Double
    /// Unfinished units, in plan order, and those of them that fit at this pace.
    public let unitsLeft: [UnitID]
    let unitsThatFit: [UnitID]
    /// Why the plan still holds although hours fall short (empty when they do not).
    public let covers: [Cover]
    /// Hours per week the units left need in the weeks left.
    public let hoursPerWeekNeeded: Double

    /// Hours of unfinished work that do not fit at this pace (0 when everything fits).
    public var shortfall: Double { max(0, remainingHours - capacity) }
    /// Points the field's signals have moved the plan's projection since it was made: the
    /// score on the plan's last day with every unit of it done, under today's signals, less
    /// `projected` (issue 25.10: reported apart, never a reason to be behind).
    public var fieldMoved: Double = 0
    /// Weeks of the plan with hours still to come (0 on its last day): what
    /// ``hoursPerWeekNeeded`` spreads the work left over.
    public var workingWeeksLeft: Int = 1
    /// The score at this pace shows the plan's projection under today's field (one decimal), or
    /// better: being on track is judged on the plan's work, not on the field's drift.
    public var reachable: Bool { (atPace * 10).rounded() >= ((projected + fieldMoved) * 10).rounded() }
    /// On track: reachable, and either every unit fits or something named covers the shortfall.
    public var onTrack: Bool { reachable && (shortfall <= 1e-9 || !covers.isEmpty) }
}

/// The weeks of a programme (`MODEL.md` §4a): its first day and how many weeks it has.
///
/// Week `k` is the seven days from `start + 7(k-1)`, in every view of every plan of the
/// programme: a replan that starts in week 6 numbers its first week 6, not 1.
public struct ProgrammeWeeks: Sendable, Hashable {
    public let start: Day
    public let count: Int

    public init(start: Day, count: Int) { self.start = start; self.count = count }

    /// The weeks of a plan that starts its own programme.
    public init(_ plan: Plan) { self.init(start: plan.start, count: plan.weeks) }

    /// The programme's last day.
    public var end: Day { start.adding(days: 7 * count - 1) }

    /// The programme week of `day`: 0 before the programme starts, `count + 1` after it ends.
    public func week(of day: Day) -> Int {
        let d = start.days(to: day)
        if d < 0 { return 0 }
        return min(count + 1, d / 7 + 1)
    }

    /// The first day of week `k`.
    public func start(ofWeek k: Int) -> Day { start.adding(days: 7 * (k - 1)) }

    /// The programme week a plan's first week is (1 for the plan that started the programme).
    public func firstWeek(of plan: Plan) -> Int { max(1, week(of: plan.start)) }

    /// The programme week of one week of a plan of this programme.
    public func number(of week: PlanWeek) -> Int { week.start < start ? week.week : self.week(of: week.start) }
}

/// How a programme is going on `day`, from a person's record (`MODEL.md` §5).
///
/// A programme is a plan and the replans that continued it: each replan starts on a week
/// boundary of the plan before it and keeps its last day, so weeks keep their numbers
/// (week 8 stays week 8 after a replan in week 6). Each week is read from the plan that
/// covered it then; the outlook is the current plan's.
public struct PlanProgress: Sendable {
    /// The current plan.
    public let plan: Plan
    /// The programme, oldest first, ending with `plan`.
    public let programme: [Plan]
    public let record: ProgressRecord
    public let day: Day

    /// `programme`: the plans of the programme, oldest first, ending with the current one.
    /// When the plan in force was saved (the store's timestamp), to tell answers given after it.
    public var planRecorded: String? = nil
    /// The day the plan in force was made (`--as-of`), when known: a replan made mid-week
    /// starts from the levels of that day, answers given since the week began included.
    public var planMadeOn: Day? = nil

    public init(programme: [Plan], record: ProgressRecord, day: Day) {
        precondition(!programme.isEmpty, "a programme has at least one plan")
        self.plan = programme.last!; self.programme = programme; self.record = record; self.day = day
    }

    /// `programme` is the chain of plans (oldest first) the current plan continues; plans
    /// that do not continue the one before are dropped from its start.
    public init(plan: Plan, record: ProgressRecord, day: Day, earlier: [Plan] = []) {
        var chain = [plan]
        for p in earlier.reversed() {
            guard let next = chain.first, next.continues(p) else { break }
            chain.insert(p, at: 0)
        }
        self.plan = plan; self.programme = chain; self.record = record; self.day = day
    }

    /// The programme's first day and length in weeks.
    public var start: Day { programme[0].start }
    public var weeksCount: Int { programme[0].weeks }
    public var end: Day { plan.end }
    /// The programme's week numbering.
    public var numbering: ProgrammeWeeks { ProgrammeWeeks(start: start, count: weeksCount) }

    /// The programme week of `day`: 0 before it starts, W+1 after it ends.
    public var week: Int { numbering.week(of: day) }

    /// Programme week `k` as the plan that covered it had it (numbered `k`).
    public func plannedWeek(_ k: Int) -> PlanWeek? {
        guard (1...weeksCount).contains(k) else { return nil }
        let weekStart = numbering.start(ofWeek: k)
        guard let p = programme.last(where: { $0.start <= weekStart }) else { return nil }
        let local = ProgrammeWeeks(p).week(of: weekStart) - 1
        guard p.schedule.indices.contains(local) else { return nil }
        let w = p.schedule[local]
        return PlanWeek(week: k, start: w.start, hours: w.hours, projectedScore: w.projectedScore, items: w.items)
    }

    /// Every programme week that has started by `day`.
    public func weeks() -> [WeekProgress] {
        (1...weeksCount).compactMap(plannedWeek).filter { $0.start <= day }.map(progress)
    }

    /// One week, started or not.
    ///
    /// Only what is dated up to `day` counts: the record as of that day.
    public func progress(_ w: PlanWeek) -> WeekProgress {
        let end = min(w.start.adding(days: 6), day)
        let inWeek = record.logs(from: w.start, through: end)
        let done = record.completions.filter { $0.day >= w.start && $0.day <= end }.map(\.unit)
        func units(_ wanted: (LogEntry) -> Bool) -> [UnitID] {
            var seen: [UnitID] = []
            for l in inWeek where wanted(l.entry) && !seen.contains(l.entry.unit) && !done.contains(l.entry.unit) {
                seen.append(l.entry.unit)
            }
            return seen
        }
        // Work on a unit that is not finished this week is partial work, whether it was logged
        // as hours (`partial`) or as activities done.
        let worked = units { $0.status == .partial || ($0.status == .done && $0.activity != nil) }
        var activities: [UnitID: [String]] = [:]
        for l in inWeek where l.entry.status == .done {
            if let a = l.entry.activity, !(activities[l.entry.unit] ?? []).contains(a) { activities[l.entry.unit, default: []].append(a) }
        }
        return WeekProgress(
            week: w.week, start: w.start, plannedHours: w.hours,
            loggedHours: record.hoursSpent(from: w.start, to: end),
            plannedUnits: w.items.map { UnitID(skill: $0.skill, level: $0.level) },
            done: unique(done), partial: worked, activitiesDone: activities,
            skipped: units { $0.status == .skipped })
    }

    /// Weeks in a row that met the plan's hours, counting back from the current week (which
    /// counts once it is met, and does not break the streak before its last day). A week with
    /// nothing planned (a holiday) neither counts nor breaks it.
    public func streak() -> Int { streak(of: weeks()) }

    /// ``streak()`` of the weeks ``weeks()`` gave (a view that shows them too).
    public func streak(of started: [WeekProgress]) -> Int {
        guard !started.isEmpty else { return 0 }
        var count = 0
        for (i, w) in started.enumerated().reversed() {
            if w.plannedHours <= 1e-9 { continue }
            if w.metPlan { count += 1 } else if i == started.count - 1 && day < w.end { continue } else { break }
        }
        return count
    }

    /// The outlook at the person's own pace (hours per week kept, and the pace factor once
    /// two units are complete); `nil` once the plan has ended. The hours per week are measured
    /// over the current plan's finished weeks, so a replan starts them afresh.
    public func outlook() -> PaceOutlook? {
        guard day <= plan.end, let person = personInPlanRole(at: day) else { return nil }
        let planWeeks = ProgrammeWeeks(plan)
        let k = max(1, planWeeks.week(of: day))
        let weekStart = planWeeks.start(ofWeek: k)
        // On a week's last day the week counts as finished.
        let finished = day >= weekStart.adding(days: 6) ? k : k - 1
        // The plan's first week as a whole: what it holds, and what was logged in it before the
        // plan was made (left out of it, issue 25.4).
        var capacities = plan.capacities
        if !capacities.isEmpty { capacities[0] += plan.loggedBeforeFirstWeek }
        let plannedSoFar = capacities.prefix(finished).reduce(0, +)
        let logged = finished > 0 ? record.hoursSpent(from: plan.start, to: plan.start.adding(days: 7 * finished - 1)) : 0
        // A finished week without hours (a holiday) is no week of work: the pace is per working week.
        let workedWeeks = capacities.prefix(finished).filter { $0 > 0 }.count
        let pace = workedWeeks > 0 ? logged / Double(workedWeeks) : plan.hoursPerWeek
        // The weeks left keep their shape (a holiday stays one), at the pace kept so far.
        let ratio = finished > 0 && plannedSoFar > 0 ? logged / plannedSoFar : 1
        let thisWeek = finished < k && day >= weekStart ? record.hoursSpent(from: weekStart, to: day) : 0
        let weeksLeft = capacities.dropFirst(finished).reduce(0, +)
        let capacity = max(0, ratio * weeksLeft - thisWeek)
        let factor = record.paceFactor(through: day)
        let c = factor?.value ?? 1
        var levels = person.levels
        var left: [UnitID] = []
        var fit: [UnitID] = []
        var remaining = 0.0
        var used = 0.0
        for u in plan.units where (levels[u.skill] ?? 0) < u.level {
            let need = c * record.remainingHours(of: u.id, through: day)
            left.append(u.id)
            remaining += need
            if used + need <= capacity + 1e-9 && fit.count == left.count - 1 {
                used += need
                fit.append(u.id)
            }
        }
        // The plan's own projection under today's field: its starting levels with all its units,
        // scored by today's model (signals, curricula); the difference is the field's doing.
        let madeFrom = max(plan.start, planMadeOn ?? plan.start)
        var planned = (record.person(at: min(madeFrom, day)) ?? person).levels
        for u in plan.units { planned[u.skill] = max(planned[u.skill] ?? 0, u.level) }
        let projectedNow = person.score(at: plan.end, levels: planned).result.value
        for u in fit { levels[u.skill] = max(levels[u.skill] ?? 0, u.level) }
        let atPace = person.score(at: plan.end, levels: levels).result.value
        let workingWeeksLeft = capacities.dropFirst(finished).filter { $0 > 0 }.count
        let outlookWeeks = max(1, workingWeeksLeft)
        var covers: [PaceOutlook.Cover] = []
        if remaining > capacity + 1e-9 && (atPace * 10).rounded() >= (projectedNow * 10).rounded() {
            covers = self.covers(person: person, unfit: left.filter { !fit.contains($0) })
        }
        var outlook = PaceOutlook(
            week: week, pace: pace, paceFactor: factor, remainingHours: remaining, capacity: capacity,
            projected: plan.projectedScore, atPace: atPace, unitsLeft: left, unitsThatFit: fit,
            covers: covers, hoursPerWeekNeeded: remaining / Double(outlookWeeks))
        outlook.fieldMoved = projectedNow - plan.projectedScore
        outlook.workingWeeksLeft = workingWeeksLeft
        return outlook
    }

    /// The person on `day` in the role whose score the plan raises: their own, or the role it
    /// was made `--toward` (``Plan/toward``), so an outlook compares the plan's scores with
    /// scores of the same role. `nil` when that role is not in the curricula any more: the
    /// plan's scores are that role's, and no role at hand compares with them.
    public func personInPlanRole(at day: Day) -> PersonalModel? {
        record.person(at: day)?.inRole(of: plan)
    }

    /// What lets the plan reach its score though `unfit` units do not fit: re-assessments and
    /// completions since the plan started that the plan did not count on, and unfit units that
    /// add nothing.
    private func covers(person: PersonalModel, unfit: [UnitID]) -> [PaceOutlook.Cover] {
        var out: [PaceOutlook.Cover] = []
        for move in record.moves(from: plan.start, to: day) where move.points > 1e-9 {
            switch move.cause {
            case .reassessment(let levels) where levels.contains(where: { $0.to > $0.from }):
                out.append(.reassessment(day: move.day, levels: levels.filter { $0.to > $0.from }))
            case .completed(let u) where !plan.units.contains(where: { $0.id == u }):
                out.append(.completed(u))
            default:
                break
            }
        }
        // Without the unfit units the score is the same: they add nothing.
        var withAll = person.levels
        for u in plan.units where (withAll[u.skill] ?? 0) < u.level { withAll[u.skill] = u.level }
        var without = withAll
        for u in unfit { without[u.skill] = min(without[u.skill] ?? 0, u.level - 1) }
        let a = person.score(at: plan.end, levels: withAll).result.rounded
        let b = person.score(at: plan.end, levels: without).result.rounded
        if !unfit.isEmpty && a == b { out.append(.unitsAddNothing(unfit)) }
        return out
    }
}

extension Plan {
    /// Whether this plan continues `earlier` (a replan of it): it starts on one of its week
    /// boundaries, inside it, and ends on the same day.
    public func continues(_ earlier: Plan) -> Bool {
        let d = earlier.start.days(to: start)
        return d >= 0 && d % 7 == 0 && start <= earlier.end && end == earlier.end
    }
}

private func unique(_ units: [UnitID]) -> [UnitID] {
    var out: [UnitID] = []
    for u in units where !out.contains(u) { out.append(u) }
    return out
}
