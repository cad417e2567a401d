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
/// respecting prerequisites, includes and excludes, the person's access (only plannable units,
/// `MODEL.md` §4b) and their GPU-hour budget; fewer hours among equals.
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
    /// Two gains or costs closer than this are equal (sums of hours and of products of shares).
    static let epsilon = 1e-9
    /// The highest level a skill has (4, expert).
    static let topLevel = 4
    /// Search nodes before the solver settles for its best plan with a stated gap: about
    /// half a second on curricula ten times the bundled size; the bundled ones prove optimal in
    /// a few thousand.
    public static let defaultNodeLimit = 150_000

    public static func solve(_ problem: PlanningProblem, nodeLimit: Int = Solver.defaultNodeLimit) -> Selection? {
        let p = CompiledProblem(problem)
        var start = p.minimum
        guard p.close(&start), p.cost(start) <= p.capacity + epsilon, p.gpuCost(start) <= p.gpuBudget + epsilon else { return nil }
        let relevant = relevantSkills(p, start)
        let options = levelOptions(p, start, relevant)
        let order = decisionOrder(p, start, relevant, options)
        var search = Search(p, start: start, order: order, options: options, nodeLimit: nodeLimit)
        let greedy = greedySelection(p, from: start)
        search.offer(greedy, p.gain(greedy), p.cost(greedy))
        search.run()
        let result = Dictionary(uniqueKeysWithValues: p.ids.enumerated().map { ($1, search.best[$0]) })
        return Selection(
            levels: result, gain: search.bestGain, hours: search.bestCost, optimal: !search.aborted,
            gap: search.aborted ? max(0, search.openBound - search.bestGain) : 0, nodes: search.nodes)
    }

    /// Skills worth deciding: those that move a task, and everything they need.
    static func relevantSkills(_ p: CompiledProblem, _ start: [Int]) -> [Bool] {
        var relevant = [Bool](repeating: false, count: p.count)
        var stack = p.ids.indices.filter { !p.excluded[$0] && p.coefficient[$0] > epsilon && start[$0] < p.top[$0] }
        for s in stack { relevant[s] = true }
        while let s = stack.popLast() {
            for (q, _) in p.requires[s] where !relevant[q] { relevant[q] = true; stack.append(q) }
        }
        return relevant
    }

    /// The levels worth trying, highest first: every level for a valued skill, only the levels
    /// some dependent needs otherwise, the start level alone for an excluded skill.
    static func levelOptions(_ p: CompiledProblem, _ start: [Int], _ relevant: [Bool]) -> [[Int]] {
        let n = p.count
        var options = [[Int]](repeating: [], count: n)
        for s in 0..<n where relevant[s] {
            if p.excluded[s] { options[s] = [start[s]]; continue }
            if p.coefficient[s] > epsilon { options[s] = Array((start[s]...max(start[s], p.top[s])).reversed()); continue }
            var needed = Set([start[s]])
            for d in 0..<n where relevant[d] {
                for (q, m) in p.requires[d] where q == s && m > start[s] && m <= p.top[s] { needed.insert(m) }
            }
            options[s] = needed.sorted(by: >)
        }
        return options
    }

    /// The order skills are decided in: prerequisites first; among the ready ones, the most
    /// value per hour (its own, or a dependent's) first.
    static func decisionOrder(_ p: CompiledProblem, _ start: [Int], _ relevant: [Bool], _ options: [[Int]]) -> [Int] {
        let n = p.count
        func density(_ s: Int) -> Double { start[s] < p.top[s] ? p.coefficient[s] / p.hours[s][start[s]] : 0 }
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
        return order
    }

    /// The branch and bound itself: depth `k` decides the level of `order[k]`.
    struct Search {
        let p: CompiledProblem
        let order: [Int]
        let options: [[Int]]
        let nodeLimit: Int
        /// Where each skill is decided in `order` (`Int.max`: never).
        let position: [Int]
        /// Every level step of a valued skill, densest first, for the fractional bound.
        let steps: [(skill: Int, level: Int, density: Double)]

        private(set) var best: [Int], bestGain: Double, bestCost: Double
        private(set) var nodes = 0
        /// Whether `nodeLimit` stopped the search; `openBound` is then the best bound left open.
        private(set) var aborted = false
        private(set) var openBound = -Double.infinity
        /// The levels of the node being visited.
        private var levels: [Int]

        init(_ p: CompiledProblem, start: [Int], order: [Int], options: [[Int]], nodeLimit: Int) {
            self.p = p
            self.order = order
            self.options = options
            self.nodeLimit = nodeLimit
            var position = [Int](repeating: Int.max, count: p.count)
            for (k, s) in order.enumerated() { position[s] = k }
            self.position = position
            var steps: [(skill: Int, level: Int, density: Double)] = []
            for s in order where p.coefficient[s] > Solver.epsilon && start[s] < p.top[s] {
                for l in (start[s] + 1)...p.top[s] { steps.append((s, l, p.coefficient[s] / p.hours[s][l - 1])) }
            }
            steps.sort { $0.density != $1.density ? $0.density > $1.density : ($0.skill, $0.level) < ($1.skill, $1.level) }
            self.steps = steps
            best = start; bestGain = p.gain(start); bestCost = p.cost(start)
            levels = start
        }

        /// Keeps `levels` when it adds more, or as much for fewer hours.
        mutating func offer(_ levels: [Int], _ gain: Double, _ cost: Double) {
            if gain > bestGain + Solver.epsilon || (gain > bestGain - Solver.epsilon && cost < bestCost - Solver.epsilon) {
                best = levels; bestGain = gain; bestCost = cost
            }
        }

        mutating func run() { visit(0, p.cost(levels), p.gpuCost(levels)) }

        /// Undecided levels whose decided prerequisites allow them, linearly valued.
        func bound(from k: Int, _ gain: Double, _ room: Double) -> Double {
            var room = room, extra = 0.0
            for step in steps where position[step.skill] >= k {
                let s = step.skill
                if p.requires[s].contains(where: { position[$0.skill] < k && levels[$0.skill] < $0.level }) { continue }
                let h = p.hours[s][step.level - 1]
                if h <= room {
                    extra += p.coefficient[s]; room -= h
                } else {
                    extra += p.coefficient[s] * room / h
                    break
                }
            }
            return gain + min(extra, p.headroom(levels))
        }

        /// Whether a node bounded by `bound` at `cost` can still beat the best plan found.
        func promising(_ bound: Double, cost: Double) -> Bool {
            !(bound < bestGain - Solver.epsilon || (bound < bestGain + Solver.epsilon && cost >= bestCost - Solver.epsilon))
        }

        /// Hours from `base` to `level` of skill `s`.
        func hours(_ s: Int, from base: Int, to level: Int) -> Double {
            guard level > base else { return 0 }
            return ((base + 1)...level).reduce(0) { $0 + p.hours[s][$1 - 1] }
        }

        /// GPU hours from `base` to `level` of skill `s`.
        func gpuHours(_ s: Int, from base: Int, to level: Int) -> Double {
            guard level > base else { return 0 }
            return ((base + 1)...level).reduce(0) { $0 + p.gpu[s][$1 - 1] }
        }

        private mutating func visit(_ k: Int, _ cost: Double, _ gpu: Double) {
            nodes += 1
            let gain = p.gain(levels)
            offer(levels, gain, cost)
            guard k < order.count else { return }
            let b = bound(from: k, gain, p.capacity - cost)
            guard promising(b, cost: cost) else { return }
            if nodes >= nodeLimit { aborted = true; openBound = max(openBound, b); return }
            let s = order[k]
            let base = levels[s]
            for level in options[s] {
                if level > p.current[s] && p.requires[s].contains(where: { levels[$0.skill] < $0.level }) { continue }
                let extra = hours(s, from: base, to: level)
                guard cost + extra <= p.capacity + Solver.epsilon else { continue }
                let burn = gpuHours(s, from: base, to: level)
                guard gpu + burn <= p.gpuBudget + Solver.epsilon else { continue }
                levels[s] = level
                visit(k + 1, cost + extra, gpu + burn)
            }
            levels[s] = base
        }
    }

    /// Repeatedly takes the one-level raise (with the prerequisites it forces) that adds the most
    /// task resistance per hour and still fits.
    static func greedySelection(_ p: CompiledProblem, from start: [Int]) -> [Int] {
        var levels = start
        var cost = p.cost(levels)
        var gain = p.gain(levels)
        while true {
            var pick: (levels: [Int], ratio: Double, cost: Double, gain: Double)?
            for s in p.ids.indices where !p.excluded[s] && p.coefficient[s] > epsilon && levels[s] < p.top[s] {
                var next = levels
                next[s] += 1
                guard p.close(&next) else { continue }
                let c = p.cost(next)
                guard c <= p.capacity + epsilon, c > cost, p.gpuCost(next) <= p.gpuBudget + epsilon else { continue }
                let g = p.gain(next)
                let ratio = (g - gain) / (c - cost)
                if ratio > epsilon, ratio > (pick?.ratio ?? 0) { pick = (next, ratio, c, g) }
            }
            guard let pick else { return levels }
            levels = pick.levels; cost = pick.cost; gain = pick.gain
        }
    }
}
