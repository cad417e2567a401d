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
    /// Units with a `partial` entry on the week's days (and not completed then).
    public let partial: [UnitID]
    /// Units with a `skipped` entry on the week's days.
    public let skipped: [UnitID]

    public var end: Day { start.adding(days: 6) }
    /// Logged at least the planned hours (a week with nothing planned is met).
    public var metPlan: Bool { loggedHours + 1e-9 >= plannedHours }
}

/// Whether the plan's projected score is still reachable at the pace the person keeps.
public struct PaceOutlook: Sendable, Hashable {
    /// The plan week `day` falls in (1…W).
    public let week: Int
    /// Hours per week: the average over the plan's finished weeks (the plan's own hours in week 1).
    public let pace: Double
    /// Hours the plan's unfinished units still need (their hours less what was logged on them).
    public let remainingHours: Double
    /// Hours left at this pace until the plan's last day.
    public let capacity: Double
    /// The plan's projected score.
    public let projected: Double
    /// The score on the plan's last day with the units that fit at this pace, in plan order.
    public let atPace: Double
    /// Unfinished units, in plan order, and those of them that fit at this pace.
    public let unitsLeft: [UnitID]
    public let unitsThatFit: [UnitID]

    /// On track when the score at this pace shows the same (one decimal) as the projected one, or better.
    public var reachable: Bool { (atPace * 10).rounded() >= (projected * 10).rounded() }
}

/// How one plan is going on `day`, from a person's record (`MODEL.md` §5).
public struct PlanProgress: Sendable {
    public let plan: Plan
    public let record: ProgressRecord
    public let day: Day

    public init(plan: Plan, record: ProgressRecord, day: Day) {
        self.plan = plan; self.record = record; self.day = day
    }

    /// The plan week of `day`: 0 before the plan starts, W+1 after it ends.
    public var week: Int {
        let d = plan.start.days(to: day)
        if d < 0 { return 0 }
        return min(plan.weeks + 1, d / 7 + 1)
    }

    /// Every week of the plan that has started by `day`.
    public func weeks() -> [WeekProgress] {
        plan.schedule.filter { $0.start <= day }.map(progress)
    }

    /// One week of the plan, started or not.
    public func progress(_ w: PlanWeek) -> WeekProgress {
        let end = w.start.adding(days: 6)
        let inWeek = record.logs.filter { $0.entry.date >= w.start && $0.entry.date <= end }
        let done = record.completions.filter { $0.day >= w.start && $0.day <= end }.map(\.unit)
        func units(_ status: LogStatus) -> [UnitID] {
            var seen: [UnitID] = []
            for l in inWeek where l.entry.status == status && !seen.contains(l.entry.unit) && !done.contains(l.entry.unit) {
                seen.append(l.entry.unit)
            }
            return seen
        }
        return WeekProgress(week: w.week, start: w.start, plannedHours: w.hours,
                            loggedHours: record.hoursSpent(from: w.start, to: end),
                            plannedUnits: w.items.map { UnitID(skill: $0.skill, level: $0.level) },
                            done: unique(done), partial: units(.partial), skipped: units(.skipped))
    }

    /// Weeks in a row that met the plan's hours, counting back from the current week (which
    /// counts once it is met, and otherwise does not break the streak yet).
    public func streak() -> Int {
        let started = weeks()
        guard !started.isEmpty else { return 0 }
        var count = 0
        for (i, w) in started.enumerated().reversed() {
            if w.metPlan { count += 1 } else if i == started.count - 1 && w.end >= day { continue } else { break }
        }
        return count
    }

    /// The outlook at the current pace; `nil` once the plan has ended.
    public func outlook() -> PaceOutlook? {
        guard week <= plan.weeks, let person = record.person(at: day) else { return nil }
        let k = max(1, week)
        let weekStart = plan.start.adding(days: 7 * (k - 1))
        let finished = k - 1
        let pace = finished > 0
            ? record.hoursSpent(from: plan.start, to: weekStart.adding(days: -1)) / Double(finished)
            : plan.hoursPerWeek
        let thisWeek = day >= weekStart ? record.hoursSpent(from: weekStart, to: day) : 0
        let capacity = max(0, pace * Double(plan.weeks - k + 1) - thisWeek)
        var levels = person.levels
        var left: [UnitID] = []
        var fit: [UnitID] = []
        var remaining = 0.0
        var used = 0.0
        for u in plan.units where (levels[u.skill] ?? 0) < u.level {
            let need = max(0, u.hours - record.hoursSpent(on: u.id, through: day))
            left.append(u.id)
            remaining += need
            if used + need <= capacity + 1e-9 && fit.count == left.count - 1 {
                used += need
                fit.append(u.id)
            }
        }
        for u in fit { levels[u.skill] = max(levels[u.skill] ?? 0, u.level) }
        let atPace = person.score(at: plan.end, levels: levels).result.value
        return PaceOutlook(week: k, pace: pace, remainingHours: remaining, capacity: capacity,
                           projected: plan.projectedScore, atPace: atPace, unitsLeft: left, unitsThatFit: fit)
    }
}

extension Plan {
    /// What `replan` asks the planner for on `day` (`MODEL.md` §4): from the first day of the
    /// current week to this plan's end, with the current levels, the units not yet reached as
    /// the order to keep among equals, and include goals not yet met. `nil` once the plan has ended.
    public func replanRequest(for person: PersonalModel, on day: Day, hoursPerWeek: Double? = nil) -> (week: Int, request: PlanRequest)? {
        let week = max(1, start.days(to: day) / 7 + 1)
        guard week <= weeks else { return nil }
        let remaining = units.map(\.id).filter { person.level(of: $0.skill) < $0.level }
        let request = PlanRequest(start: start.adding(days: 7 * (week - 1)), weeks: weeks - week + 1,
                                  hoursPerWeek: hoursPerWeek ?? self.hoursPerWeek,
                                  goals: Goals(include: include.filter { person.level(of: $0.key) < $0.value }, exclude: exclude),
                                  previousOrder: remaining)
        return (week, request)
    }
}

private func unique(_ units: [UnitID]) -> [UnitID] {
    var out: [UnitID] = []
    for u in units where !out.contains(u) { out.append(u) }
    return out
}
