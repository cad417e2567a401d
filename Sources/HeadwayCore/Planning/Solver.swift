/// The levels a plan reaches: the answer to objective (1) of `MODEL.md` §4.
public struct Selection: Sendable, Hashable {
    /// Final level of every skill, by id.
    public let levels: [String: Int]
    /// Task resistance the plan adds.
    public let gain: Double
    public let hours: Double
    /// Whether the search proved no other set of units adds more.
    public let optimal: Bool
    /// Upper bound on the task resistance a better set could add beyond `gain` (0 when optimal).
    public let gap: Double
    /// Search nodes visited.
    public let nodes: Int
}

/// Objective (1): the set of units that raises task resistance the most within `W*H` hours,
/// respecting prerequisites, includes and excludes; fewer hours among equals.
///
/// Branch and bound over the final level of every skill that moves a task and of every skill
/// they need, decided prerequisites first, so when a skill is decided everything it needs is
/// known. Skills that move no task only take the levels some dependent needs. Every node is a
/// feasible plan (undecided skills stay at their minimum). The bound at a node is its value
/// plus a fractional knapsack over the undecided levels that a decided prerequisite does not
/// already block, valued linearly (`sum_t u_t kappa_t v_ts` per level, which no clamp can
/// exceed) and capped by the tasks' remaining headroom. With `nodeLimit` reached, the best set
/// found is returned with `optimal == false` and a proven `gap`.
public enum Solver {
    static let epsilon = 1e-9
    /// Search nodes before the solver settles for its best plan with a stated gap: about
    /// half a second on curricula ten times the bundled size; the bundled ones prove optimal in
    /// a few thousand.
    public static let defaultNodeLimit = 150_000

    public static func solve(_ problem: PlanningProblem, nodeLimit: Int = Solver.defaultNodeLimit) -> Selection? {
        let p = CompiledProblem(problem)
        var start = p.minimum
        guard p.close(&start), p.cost(start) <= p.capacity + epsilon else { return nil }
        let n = p.count

        // Skills worth deciding: those that move a task, and everything they need.
        var relevant = [Bool](repeating: false, count: n)
        var stack = p.ids.indices.filter { !p.excluded[$0] && p.coefficient[$0] > epsilon && start[$0] < 4 }
        for s in stack { relevant[s] = true }
        while let s = stack.popLast() {
            for (q, _) in p.requires[s] where !relevant[q] { relevant[q] = true; stack.append(q) }
        }
        // The levels worth trying: every level for a valued skill, only needed levels otherwise.
        var options = [[Int]](repeating: [], count: n)
        for s in 0..<n where relevant[s] {
            if p.excluded[s] { options[s] = [start[s]]; continue }
            if p.coefficient[s] > epsilon { options[s] = Array((start[s]...4).reversed()); continue }
            var needed = Set([start[s]])
            for d in 0..<n where relevant[d] { for (q, m) in p.requires[d] where q == s && m > start[s] { needed.insert(m) } }
            options[s] = needed.sorted(by: >)
        }
        // Decide prerequisites first; otherwise the most value per hour (own or of a dependent) first.
        func density(_ s: Int) -> Double { start[s] < 4 ? p.coefficient[s] / p.hours[s][start[s]] : 0 }
        var priority = (0..<n).map(density)
        for s in p.dependentsFirst where relevant[s] { for (q, _) in p.requires[s] { priority[q] = max(priority[q], priority[s]) } }
        var order: [Int] = []
        var placed = [Bool](repeating: false, count: n)
        var pending = (0..<n).filter { relevant[$0] && options[$0].count > 1 }
        while !pending.isEmpty {
            let ready = pending.filter { s in p.requires[s].allSatisfy { placed[$0.skill] || !relevant[$0.skill] || options[$0.skill].count <= 1 } }
            let pick = ready.max { priority[$0] != priority[$1] ? priority[$0] < priority[$1] : $0 > $1 }!
            order.append(pick)
            placed[pick] = true
            pending.removeAll { $0 == pick }
        }
        var position = [Int](repeating: Int.max, count: n)
        for (k, s) in order.enumerated() { position[s] = k }

        // Every level step of a valued skill, densest first, for the fractional bound.
        var steps: [(skill: Int, level: Int, density: Double)] = []
        for s in order where p.coefficient[s] > epsilon { for l in (start[s] + 1)...4 { steps.append((s, l, p.coefficient[s] / p.hours[s][l - 1])) } }
        steps.sort { $0.density != $1.density ? $0.density > $1.density : ($0.skill, $0.level) < ($1.skill, $1.level) }

        var best = start, bestGain = p.gain(start), bestCost = p.cost(start)
        func offer(_ levels: [Int], _ gain: Double, _ cost: Double) {
            if gain > bestGain + epsilon || (gain > bestGain - epsilon && cost < bestCost - epsilon) {
                best = levels; bestGain = gain; bestCost = cost
            }
        }
        let greedy = greedySelection(p, from: start)
        offer(greedy, p.gain(greedy), p.cost(greedy))

        var nodes = 0
        var aborted = false
        var openBound = -Double.infinity
        var levels = start

        /// Undecided levels whose decided prerequisites allow them, linearly valued.
        func bound(from k: Int, _ gain: Double, _ room: Double) -> Double {
            var room = room, extra = 0.0
            for step in steps where position[step.skill] >= k {
                let s = step.skill
                if p.requires[s].contains(where: { position[$0.skill] < k && levels[$0.skill] < $0.level }) { continue }
                let h = p.hours[s][step.level - 1]
                if h <= room { extra += p.coefficient[s]; room -= h } else {
                    extra += p.coefficient[s] * room / h
                    break
                }
            }
            return gain + min(extra, p.headroom(levels))
        }

        func search(_ k: Int, _ cost: Double) {
            nodes += 1
            let gain = p.gain(levels)
            offer(levels, gain, cost)
            guard k < order.count else { return }
            let b = bound(from: k, gain, p.capacity - cost)
            if b < bestGain - epsilon || (b < bestGain + epsilon && cost >= bestCost - epsilon) { return }
            if nodes >= nodeLimit { aborted = true; openBound = max(openBound, b); return }
            let s = order[k]
            let base = levels[s]
            for level in options[s] {
                if level > p.current[s] && p.requires[s].contains(where: { levels[$0.skill] < $0.level }) { continue }
                var extra = 0.0
                if level > base { for l in (base + 1)...level { extra += p.hours[s][l - 1] } }
                guard cost + extra <= p.capacity + epsilon else { continue }
                levels[s] = level
                search(k + 1, cost + extra)
            }
            levels[s] = base
        }
        search(0, p.cost(start))

        let result = Dictionary(uniqueKeysWithValues: p.ids.enumerated().map { ($1, best[$0]) })
        return Selection(levels: result, gain: bestGain, hours: bestCost, optimal: !aborted,
                         gap: aborted ? max(0, openBound - bestGain) : 0, nodes: nodes)
    }

    /// Repeatedly takes the one-level raise (with the prerequisites it forces) that adds the most
    /// task resistance per hour and still fits.
    static func greedySelection(_ p: CompiledProblem, from start: [Int]) -> [Int] {
        var levels = start
        var cost = p.cost(levels)
        var gain = p.gain(levels)
        while true {
            var pick: (levels: [Int], ratio: Double, cost: Double, gain: Double)?
            for s in p.ids.indices where !p.excluded[s] && p.coefficient[s] > epsilon && levels[s] < 4 {
                var next = levels
                next[s] += 1
                guard p.close(&next) else { continue }
                let c = p.cost(next)
                guard c <= p.capacity + epsilon, c > cost else { continue }
                let g = p.gain(next)
                let ratio = (g - gain) / (c - cost)
                if ratio > epsilon, ratio > (pick?.ratio ?? 0) { pick = (next, ratio, c, g) }
            }
            guard let pick else { return levels }
            levels = pick.levels; cost = pick.cost; gain = pick.gain
        }
    }
}
