/// What a person asks of `replan`: other hours, goals to add or drop, and whether their own
/// pace scales the hours left.
public struct ReplanOptions: Sendable, Hashable {
    /// Hours per week from now on (`nil`: the plan's).
    public var hoursPerWeek: Double?
    /// Skills that must reach a level, added to the plan's own goals.
    public var include: [String: Int]
    /// Skills to leave out from now on.
    public var exclude: [String]
    /// Scale the hours left by the pace factor once two units are complete.
    public var calibrate: Bool

    public init(hoursPerWeek: Double? = nil, include: [String: Int] = [:], exclude: [String] = [], calibrate: Bool = true) {
        self.hoursPerWeek = hoursPerWeek; self.include = include; self.exclude = exclude; self.calibrate = calibrate
    }
}

/// A replan decided: the request for the planner, and what it continues.
public struct ReplanRequest: Sendable, Hashable {
    /// The programme week the new plan starts (week numbers do not restart).
    public let week: Int
    public let request: PlanRequest
    /// Units of the old plan reached by now, and how many it had.
    public let unitsDone: Int
    public let unitsPlanned: Int
    /// The pace factor applied, when the record has one and calibration is on.
    public let paceFactor: PaceFactor?
}

extension PlanProgress {
    /// Hours per week re-assessed after the plan was saved (`assess set hours 8`), when they
    /// differ from the plan's: a replan uses them, as `assess set` says. `nil` otherwise (the
    /// plan's own hours stand, which `plan --hours` may have set).
    public var reassessedHours: Double? {
        guard let made = planRecorded,
            let latest = record.assessments.last(where: { $0.recorded > made && ($0.from.map { $0 <= day } ?? true) }),
            let before = record.assessments.last(where: { $0.recorded <= made })
        else { return nil }
        // Only a change of the hours themselves: another answer (`assess set vllm 3`) keeps the
        // plan's hours, which `plan --hours` may have set.
        let h = latest.assessment.hoursPerWeek
        return h == before.assessment.hoursPerWeek || h == plan.hoursPerWeek ? nil : h
    }

    /// What `replan` asks the planner for on ``day``: the current plan continued from the first
    /// day of the current week to the programme's end, with the levels reached, each
    /// unfinished unit's remaining hours (less the work logged on it, scaled by the pace factor),
    /// its done activities left out, the person's availability, the old order kept among equals
    /// and the goals the options change. `nil` once the plan has ended.
    public func replanRequest(_ options: ReplanOptions = .init()) -> ReplanRequest? {
        guard let person = record.person(at: day) else { return nil }
        // The replan starts on a week boundary of the current plan, so weeks keep their numbers.
        let planWeeks = ProgrammeWeeks(plan)
        let local = max(1, planWeeks.week(of: day))
        guard local <= plan.weeks else { return nil }
        let start = planWeeks.start(ofWeek: local)
        let weeks = plan.weeks - local + 1
        let hours = options.hoursPerWeek ?? reassessedHours ?? plan.hoursPerWeek
        // A goal on a skill the curricula have since retired is dropped (its successor is not
        // the same goal; the briefing names the retired unit).
        var include = plan.include.filter { person.level(of: $0.key) < $0.value && record.curriculum.graph[$0.key]?.retired == nil }
        var exclude = Set(plan.exclude)
        for (s, l) in options.include where person.level(of: s) < l { include[s] = max(include[s] ?? 0, l); exclude.remove(s) }
        for s in options.exclude { exclude.insert(s); include[s] = nil }
        let remaining = plan.units.map(\.id).filter { person.level(of: $0.skill) < $0.level }
        let (spent, done) = record.workInProgress(of: person, through: day)
        let pace = options.calibrate ? record.paceFactor(through: day) : nil
        let availability = person.assessment.availability
        let weekHours = Assessment.weekHours(availability, from: start, weeks: weeks, hoursPerWeek: hours)
        var request = PlanRequest(
            start: start, weeks: weeks, hoursPerWeek: hours,
            goals: Goals(include: include, exclude: exclude.sorted()), previousOrder: remaining,
            weekHours: weekHours.allSatisfy { $0 == hours } ? nil : weekHours,
            spent: spent, doneActivities: done, paceFactor: pace?.value)
        // The current week keeps only the hours left in it: right after a replan nobody is behind.
        request.leaveFirstWeek(record.hoursSpent(from: start, to: day))
        // The GPU-hour budget is the programme's: what its completed units and done activities
        // burned is spent, and the replan has the rest.
        var access = person.access
        if let budget = access.gpuHours {
            let graph = record.curriculum.graph
            let used = record.completions.filter { $0.day >= numbering.start && $0.day <= day }.reduce(0.0) { sum, c in
                sum + (graph[c.unit.skill]?.gpuHours(toLevel: c.unit.level, for: access) ?? 0)
            }
            let partly = done.reduce(0.0) { sum, pair in
                let all = graph[pair.key.skill]?.gpuHours(toLevel: pair.key.level, for: access) ?? 0
                let left = graph[pair.key.skill]?.gpuHours(toLevel: pair.key.level, for: access, done: pair.value) ?? 0
                return sum + max(0, all - left)
            }
            access.gpuHours = max(0, budget - used - partly)
            request.access = access
        }
        return ReplanRequest(
            week: numbering.week(of: start), request: request,
            unitsDone: plan.units.count - remaining.count, unitsPlanned: plan.units.count, paceFactor: pace)
    }
}

extension ProgressRecord {
    /// Work logged through `day` on units `person` has not completed: the hours spent on each
    /// and the activities logged done. A new plan and a replan both count it (MODEL §4, "Work
    /// already done counts"; issue 25.8), so neither asks for those hours again.
    public func workInProgress(of person: PersonalModel, through day: Day) -> (spent: [UnitID: Double], done: [UnitID: Set<String>]) {
        var spent: [UnitID: Double] = [:]
        var done: [UnitID: Set<String>] = [:]
        var seen = Set<UnitID>()
        for log in logs where log.entry.date <= day {
            let u = log.entry.unit
            guard person.level(of: u.skill) < u.level, seen.insert(u).inserted else { continue }
            let s = hoursSpent(on: u, through: day)
            if s > 0 { spent[u] = s }
            let a = doneActivities(of: u, through: day)
            if !a.isEmpty { done[u] = a }
        }
        return (spent, done)
    }
}
