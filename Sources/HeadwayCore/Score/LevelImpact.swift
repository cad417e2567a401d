/// How much one answer can move a person's score: the basis of the wizard's question order
/// and of the plan's "answer these first" note.
public struct LevelImpact: Sendable, Hashable {
    public let skill: String
    /// The larger of the points one level up or one level down moves the score on the day.
    public let points: Double
}

extension PersonalModel {
    /// The skills that weigh in this role's tasks, most score-moving first (one level up or
    /// down, the other levels as they are); ties keep `order` (the wizard's group order).
    /// Retired skills are left out: they are never asked for nor planned.
    public func levelImpact(at day: Day, order: [String]) -> [LevelImpact] {
        let inputs = self.inputs(at: day)
        let levels = self.levels
        let base = inputs.score(levels: levels).result.value
        func moved(_ skill: String, _ level: Int) -> Double {
            var changed = levels
            changed[skill] = level
            return abs(inputs.score(levels: changed).result.value - base)
        }
        let position = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var weighed: [String] = []
        for task in role.tasks {
            for s in task.skills.keys.sorted() where !weighed.contains(s) && curriculum.graph[s]?.retired == nil { weighed.append(s) }
        }
        var out: [LevelImpact] = []
        for s in weighed {
            let l = levels[s] ?? 0
            let up: Double = l < 4 ? moved(s, l + 1) : 0
            let down: Double = l > 0 ? moved(s, l - 1) : 0
            if max(up, down) > 1e-9 { out.append(LevelImpact(skill: s, points: max(up, down))) }
        }
        out.sort { a, b in
            abs(a.points - b.points) > 1e-9 ? a.points > b.points : (position[a.skill] ?? Int.max) < (position[b.skill] ?? Int.max)
        }
        return out
    }
}

extension SkillGraph {
    /// Skill ids group by group, in the file's order: how the wizard walks them, and the
    /// tie-break of ``PersonalModel/levelImpact(at:order:)``.
    public var idsInGroupOrder: [String] {
        groups.flatMap { g in skills.filter { $0.group == g.id }.map(\.id) }
    }
}
