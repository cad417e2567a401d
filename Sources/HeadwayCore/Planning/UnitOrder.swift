/// Objective (2): orders a chosen set of units so the score rises early, respecting
/// prerequisites; among equals it keeps an earlier plan's order.
///
/// A greedy pass takes, at each step, the unit whose outstanding prerequisites plus itself add
/// the most score per hour (the ratio rule that is optimal for weighted completion time on
/// chains), then adjacent swaps that raise the sum of weekly projected scores are applied
/// until none is left.
struct UnitOrder {
    let p: CompiledProblem
    let weekly: [ScoreInputs]
    /// Where each week's hours end on the plan's clock.
    let weekEnds: [Double]
    let previous: [UnitID]
    /// Each week's task bases, in the compiled task order.
    let weeklyBases: [[Double]]

    init(p: CompiledProblem, weekly: [ScoreInputs], weekEnds: [Double], previous: [UnitID]) {
        self.p = p; self.weekly = weekly; self.weekEnds = weekEnds; self.previous = previous
        weeklyBases = weekly.map { $0.tasks.map(\.base) }
    }

    func order(_ units: [UnitID]) -> [UnitID] {
        let rank = Dictionary(previous.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var levels = p.current
        var remaining = Set(units)
        var order: [UnitID] = []
        while !remaining.isEmpty {
            var best: (group: [UnitID], ratio: Double, key: (Int, UnitID))?
            for u in remaining.sorted() {
                let group = outstanding(u, remaining, levels)
                var after = levels
                for g in group { after[p.index[g.skill]!] = g.level }
                let hours = group.reduce(0.0) { $0 + p.hours[p.index[$1.skill]!][$1.level - 1] }
                let ratio = (p.gain(after) - p.gain(levels)) / max(hours, 1e-9)
                let key = (rank[u] ?? Int.max, u)
                if let b = best {
                    if ratio > b.ratio + 1e-12 || (abs(ratio - b.ratio) <= 1e-12 && key < b.key) { best = (group, ratio, key) }
                } else {
                    best = (group, ratio, key)
                }
            }
            for g in best!.group {
                order.append(g)
                remaining.remove(g)
                levels[p.index[g.skill]!] = g.level
            }
        }
        return improve(order)
    }

    /// `u` and every unit in `remaining` it needs first, prerequisites first.
    private func outstanding(_ u: UnitID, _ remaining: Set<UnitID>, _ levels: [Int]) -> [UnitID] {
        var result: [UnitID] = []
        var seen = Set<UnitID>()
        func visit(_ v: UnitID) {
            guard remaining.contains(v), seen.insert(v).inserted else { return }
            for d in directNeeds(v) { visit(d) }
            result.append(v)
        }
        visit(u)
        return result
    }

    /// Units that must come before `u`: the previous level of its skill and every unit that
    /// brings a prerequisite up to the level `u` needs.
    func directNeeds(_ u: UnitID) -> [UnitID] {
        let s = p.index[u.skill]!
        var needs: [UnitID] = []
        if u.level - 1 > p.current[s] { needs.append(UnitID(skill: u.skill, level: u.level - 1)) }
        for (q, m) in p.requires[s] where m > p.current[q] {
            for l in (p.current[q] + 1)...m { needs.append(UnitID(skill: p.ids[q], level: l)) }
        }
        return needs
    }

    /// Sum of the weekly projected scores of an order (objective 2).
    func weeklySum(_ order: [UnitID]) -> Double {
        var levels = p.current
        var clock = 0.0, total = 0.0, next = 0
        for (k, inputs) in weekly.enumerated() {
            let end = weekEnds[k]
            while next < order.count {
                let u = order[next]
                let h = p.hours[p.index[u.skill]!][u.level - 1]
                guard clock + h <= end + 1e-9 else { break }
                clock += h
                levels[p.index[u.skill]!] = u.level
                next += 1
            }
            let tr = 6 - p.weightedAutomation(levels, bases: weeklyBases[k])
            total += AIJRI.score(taskResistance: tr, market: inputs.market)
        }
        return total
    }

    /// Adjacent swaps that keep prerequisites and raise the weekly sum, until none is left.
    private func improve(_ start: [UnitID]) -> [UnitID] {
        var order = start
        var value = weeklySum(order)
        var changed = true
        var passes = 0
        while changed && passes < 50 {
            changed = false
            passes += 1
            for i in 0..<max(0, order.count - 1) where !directNeeds(order[i + 1]).contains(order[i]) {
                order.swapAt(i, i + 1)
                let v = weeklySum(order)
                if v > value + 1e-9 { value = v; changed = true } else { order.swapAt(i, i + 1) }
            }
        }
        return order
    }
}
