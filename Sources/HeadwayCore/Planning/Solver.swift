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
/// Branch and bound over the target level of every skill that moves a task. Skills that move
/// no task rise only as far as prerequisites force them (the closure), so they need no branch.
/// The bound at a node is the node's own (feasible) value plus a fractional knapsack of the
/// remaining levels valued linearly (`sum_t u_t kappa_t v_ts` per level, which no clamp can
/// exceed), capped by the tasks' remaining headroom. With `nodeLimit` reached, the best set found
/// is returned with `optimal == false` and a proven `gap`.
public enum Solver {
    static let epsilon = 1e-9

    public static func solve(_ problem: PlanningProblem, nodeLimit: Int = 3_000_000) -> Selection? {
        let p = CompiledProblem(problem)
        var start = p.minimum
        guard p.close(&start), p.cost(start) <= p.capacity + epsilon else { return nil }

        // Branch on skills that move a task, most value per hour first.
        let vars = p.ids.indices.filter { !p.excluded[$0] && p.coefficient[$0] > epsilon && start[$0] < 4 }
            .sorted { a, b in
                let da = p.coefficient[a] / p.hours[a][start[a]], db = p.coefficient[b] / p.hours[b][start[b]]
                return da != db ? da > db : a < b
            }
        // Every level step of a branching skill, densest first, for the fractional bound.
        var steps: [(skill: Int, level: Int, density: Double)] = []
        for s in vars { for l in (start[s] + 1)...4 { steps.append((s, l, p.coefficient[s] / p.hours[s][l - 1])) } }
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
        var targets = start

        // Every branching skill counts here, assigned or not: prerequisites forced by later
        // choices can still raise an assigned skill above its target.
        func bound(_ levels: [Int], _ gain: Double, _ room: Double) -> Double {
            var room = room, extra = 0.0
            for step in steps where step.level > levels[step.skill] {
                let h = p.hours[step.skill][step.level - 1]
                if h <= room { extra += p.coefficient[step.skill]; room -= h } else {
                    extra += p.coefficient[step.skill] * room / h
                    break
                }
            }
            return gain + min(extra, p.headroom(levels))
        }

        func search(_ k: Int) {
            nodes += 1
            var levels = targets
            guard p.close(&levels) else { return }
            let cost = p.cost(levels)
            guard cost <= p.capacity + epsilon else { return }
            let gain = p.gain(levels)
            offer(levels, gain, cost)
            guard k < vars.count else { return }
            let b = bound(levels, gain, p.capacity - cost)
            if b < bestGain - epsilon || (b < bestGain + epsilon && cost >= bestCost - epsilon) { return }
            if nodes >= nodeLimit { aborted = true; openBound = max(openBound, b); return }
            let s = vars[k]
            let saved = targets[s]
            for level in stride(from: 4, through: levels[s], by: -1) {
                targets[s] = level
                search(k + 1)
            }
            targets[s] = saved
        }
        search(0)

        let levels = Dictionary(uniqueKeysWithValues: p.ids.enumerated().map { ($1, best[$0]) })
        return Selection(levels: levels, gain: bestGain, hours: bestCost, optimal: !aborted,
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
