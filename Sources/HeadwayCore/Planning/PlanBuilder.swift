/// Turns a selection into a plan: orders the units to gain early, places them into weeks,
/// expands their activities and says why each is there.
struct PlanBuilder {
    let problem: PlanningProblem
    /// Score inputs on the last day of each week.
    let weekly: [ScoreInputs]
    let graph: SkillGraph
    let request: PlanRequest
    let startScore: Double
    /// The access the plan is for: which variant of each activity is listed.
    let access: PersonAccess

    func build(_ selection: Selection) -> Plan {
        let p = CompiledProblem(problem)
        var units: [UnitID] = []
        for s in p.ids.indices {
            let target = selection.levels[p.ids[s]] ?? p.current[s]
            if target > p.current[s] { for l in (p.current[s] + 1)...target { units.append(UnitID(skill: p.ids[s], level: l)) } }
        }
        let order = UnitOrder(p: p, weekly: weekly, weekEnds: weekEnds, previous: request.previousOrder)
            .order(units)
        return assemble(order, p, selection)
    }

    private func assemble(_ order: [UnitID], _ p: CompiledProblem, _ selection: Selection) -> Plan {
        let inputs = problem.scoreInputs
        var levels = problem.currentLevels
        var planUnits: [PlanUnit] = []
        var previous = inputs.score(levels: levels)
        for (i, u) in order.enumerated() {
            levels[u.skill] = u.level
            let now = inputs.score(levels: levels)
            let moved = zip(previous.tasks, now.tasks).filter { $0.automation - $1.automation > 1e-12 }.map { $0.0.id }
            let later = order[(i + 1)...]
            let neededBy = later.filter { v in
                if v.skill == u.skill { return v.level == u.level + 1 }
                let needs = graph[v.skill]?.requires.contains { $0.skill == u.skill && $0.level >= u.level } ?? false
                return needs && !later.contains { $0.skill == v.skill && $0.level < v.level }
            }
            planUnits.append(
                PlanUnit(
                    skill: u.skill, level: u.level, hours: hours(u, p),
                    gain: now.result.value - previous.result.value, tasks: moved,
                    neededBy: Array(neededBy), required: (request.goals.include[u.skill] ?? 0) >= u.level))
            previous = now
        }
        let schedule = weeks(order, p)
        return Plan(
            start: request.start, weeks: request.weeks, hoursPerWeek: request.hoursPerWeek,
            include: request.goals.include, exclude: request.goals.exclude.sorted(),
            startScore: startScore, projectedScore: schedule.last?.projectedScore ?? startScore,
            optimal: selection.optimal, gap: gapInScore(selection), units: planUnits, schedule: schedule)
    }

    private func hours(_ u: UnitID, _ p: CompiledProblem) -> Double { p.hours[p.index[u.skill]!][u.level - 1] }

    /// The proven gap in task resistance, as score points on the last day.
    private func gapInScore(_ selection: Selection) -> Double {
        100 * selection.gap * problem.market.multiplier / AIJRI.scale
    }

    /// Where each week's hours end on the plan's clock: `sum_{j<=k} H_j`.
    private var weekEnds: [Double] {
        var total = 0.0
        return request.capacities.map {
            total += $0; return total
        }
    }

    /// Places the ordered units into weeks; week `k` holds hours `(sum_{j<k} H_j, sum_{j<=k} H_j]`.
    private func weeks(_ order: [UnitID], _ p: CompiledProblem) -> [PlanWeek] {
        let ends = weekEnds
        let capacities = request.capacities
        let varies = request.weekHours != nil
        var spans: [(unit: UnitID, from: Double, to: Double)] = []
        var clock = 0.0
        for u in order { let d = hours(u, p); spans.append((u, clock, clock + d)); clock += d }
        var levels = problem.currentLevels
        var completed = 0
        return (1...request.weeks).map { k in
            let lo = k == 1 ? 0 : ends[k - 2], hi = ends[k - 1]
            var items: [PlanItem] = []
            for span in spans where span.to > lo + 1e-9 && span.from < hi - 1e-9 {
                let inWeek = min(span.to, hi) - max(span.from, lo)
                // A holiday week (no hours) holds nothing, not a unit running through it.
                guard inWeek > 1e-9 else { continue }
                items.append(
                    PlanItem(
                        skill: span.unit.skill, level: span.unit.level, hours: inWeek,
                        activities: activities(span.unit, from: span.from, lo: lo, hi: hi, p),
                        completes: span.to <= hi + 1e-9))
            }
            while completed < spans.count, spans[completed].to <= hi + 1e-9 {
                levels[spans[completed].unit.skill] = spans[completed].unit.level
                completed += 1
            }
            let score = weekly[k - 1].score(levels: levels).result.value
            return PlanWeek(
                week: k, start: request.start.adding(days: 7 * (k - 1)),
                hours: items.reduce(0) { $0 + $1.hours } + (k == 1 ? request.loggedInFirstWeek : 0),
                projectedScore: score, items: items, capacity: varies ? capacities[k - 1] : nil)
        }
    }

    /// The unit's activities not yet logged done, as the variant the person can do, in
    /// curriculum order, each taking its own share of the unit's hours (scaled to what is left
    /// of the unit); this returns the ones that fall inside `(lo, hi]` with the hours they get there.
    private func activities(_ u: UnitID, from start: Double, lo: Double, hi: Double, _ p: CompiledProblem) -> [PlannedActivity] {
        let done = request.doneActivities[u] ?? []
        guard let skill = graph[u.skill] else { return [] }
        let steps = (skill.activities[u.level] ?? []).filter { a in !done.contains { a.isNamed($0) } }
            .compactMap { $0.variant(for: access) }
        let total = steps.reduce(0) { $0 + $1.hours }
        guard !steps.isEmpty, total > 0 else { return [] }
        let scale = hours(u, p) / total
        var clock = start
        return steps.compactMap { step in
            let a = clock, b = clock + step.hours * scale
            clock = b
            let overlap = min(b, hi) - max(a, lo)
            return overlap > 1e-9 ? PlannedActivity(text: step.text, hours: overlap) : nil
        }
    }
}
