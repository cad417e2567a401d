/// A ``PlanningProblem`` in arrays, for the solver's inner loops.
struct CompiledProblem {
    struct Task {
        let share: Double
        let base: Double
        let kappa: Double
        let skills: [(index: Int, weight: Double)]
    }

    let ids: [String]
    let current: [Int]
    let reference: [Int]
    let hours: [[Double]]
    let requires: [[(skill: Int, level: Int)]]
    let excluded: [Bool]
    /// `max(current, include target)`.
    let minimum: [Int]
    /// Skills ordered so that every skill comes before its prerequisites.
    let dependentsFirst: [Int]
    let tasks: [Task]
    /// Upper bound on what one level of each skill adds to task resistance: `sum_t u_t kappa_t v_ts`.
    let coefficient: [Double]
    let capacity: Double
    let index: [String: Int]
    /// GPU hours of each unit (`gpu[s][l-1]`), and the budget they share (`.infinity`: none).
    let gpu: [[Double]]
    let gpuBudget: Double
    /// The highest level each skill can reach in this plan: every unit up to it is plannable
    /// for the person's access (`MODEL.md` §4b); the current level when the next one is not.
    let top: [Int]

    init(_ p: PlanningProblem) {
        ids = p.skills.map(\.id)
        var index: [String: Int] = [:]
        for (i, id) in ids.enumerated() { index[id] = i }
        self.index = index
        current = p.skills.map(\.level)
        reference = p.skills.map(\.reference)
        hours = p.skills.map(\.hours)
        requires = p.skills.map { s in s.requires.compactMap { r in index[r.skill].map { ($0, r.level) } } }
        let excludedSet = Set(p.exclude)
        excluded = ids.map { excludedSet.contains($0) }
        var minimum = current
        for g in p.include { if let i = index[g.skill] { minimum[i] = max(minimum[i], g.level) } }
        self.minimum = minimum
        tasks = p.tasks.map { t in
            Task(
                share: t.share, base: t.base, kappa: t.kappa,
                skills: t.skills.keys.sorted().compactMap { s in index[s].map { ($0, t.skills[s]!) } })
        }
        var coefficient = [Double](repeating: 0, count: ids.count)
        for t in tasks { for (s, w) in t.skills { coefficient[s] += t.share * t.kappa * w } }
        self.coefficient = coefficient
        capacity = p.capacity
        gpu = p.skills.map { $0.gpuHours ?? [0, 0, 0, 0] }
        gpuBudget = p.gpuHoursBudget ?? .infinity
        top = p.skills.map { s in
            guard let plannable = s.plannable else { return Level.range.upperBound }
            var l = s.level
            while l < Level.range.upperBound, l < plannable.count, plannable[l] { l += 1 }
            return l
        }
        // Reverse post-order DFS over "needs" edges gives prerequisites after their dependents.
        var order: [Int] = []
        var state = [UInt8](repeating: 0, count: ids.count)
        let requires = self.requires
        func visit(_ s: Int) {
            if state[s] != 0 { return }
            state[s] = 1
            for (q, _) in requires[s] { visit(q) }
            state[s] = 2
            order.append(s)
        }
        for s in ids.indices { visit(s) }
        dependentsFirst = order.reversed()
    }

    var count: Int { ids.count }

    /// Raises prerequisites so every skill that rises has them; `false` when that would raise an
    /// excluded skill, or a skill past what the person can plan.
    func close(_ levels: inout [Int]) -> Bool {
        for s in dependentsFirst where levels[s] > current[s] {
            if excluded[s] || levels[s] > top[s] { return false }
            for (p, m) in requires[s] where levels[p] < m { levels[p] = m }
        }
        return true
    }

    /// GPU hours of every unit between the current levels and `levels`.
    func gpuCost(_ levels: [Int]) -> Double {
        var total = 0.0
        for s in levels.indices where levels[s] > current[s] {
            for l in (current[s] + 1)...levels[s] { total += gpu[s][l - 1] }
        }
        return total
    }

    /// Hours of every unit between the current levels and `levels`.
    func cost(_ levels: [Int]) -> Double {
        var total = 0.0
        for s in levels.indices where levels[s] > current[s] {
            for l in (current[s] + 1)...levels[s] { total += hours[s][l - 1] }
        }
        return total
    }

    /// `sum_t u_t a_t` for `levels` (task resistance is 6 minus this), with the last day's task
    /// bases or, for a weekly projection, the bases of another day (same tasks, same order).
    func weightedAutomation(_ levels: [Int], bases: [Double]? = nil) -> Double {
        var total = 0.0
        for (i, t) in tasks.enumerated() {
            var depth = 0.0
            for (s, w) in t.skills { depth += w * Double(levels[s] - reference[s]) }
            total += t.share * min(5, max(1, (bases?[i] ?? t.base) - t.kappa * depth))
        }
        return total
    }

    /// How much task resistance `levels` adds over the current levels.
    func gain(_ levels: [Int]) -> Double { weightedAutomation(current) - weightedAutomation(levels) }

    /// Room left in each task before its automation score reaches 1, weighted by share:
    /// `sum_t u_t (a_t - 1)`.
    func headroom(_ levels: [Int]) -> Double { weightedAutomation(levels) - totalShare }

    var totalShare: Double { tasks.reduce(0) { $0 + $1.share } }
}
