/// The one skills graph all roles share: skills, their groups and prerequisites.
///
/// Lookups are O(1); ``topologicalOrder()`` and ``findCycle()`` are O(V + E).
public struct SkillGraph: Sendable, Codable {
    public let groups: [SkillGroup]
    /// Skills in file order.
    public let skills: [Skill]
    private let indexByID: [String: Int]

    /// Builds the graph; later duplicates of an id are ignored here (validation reports them).
    public init(groups: [SkillGroup], skills: [Skill]) {
        self.groups = groups
        self.skills = skills
        var index: [String: Int] = [:]
        for (i, skill) in skills.enumerated() where index[skill.id] == nil { index[skill.id] = i }
        indexByID = index
    }

    enum CodingKeys: String, CodingKey { case groups, skills }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(groups: try c.decode([SkillGroup].self, forKey: .groups), skills: try c.decode([Skill].self, forKey: .skills))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(groups, forKey: .groups)
        try c.encode(skills, forKey: .skills)
    }

    public subscript(id: String) -> Skill? { indexByID[id].map { skills[$0] } }

    // Single fields, read in place: the subscript above copies the whole skill (its activities
    // and texts), which the record's replay of every log and the score's levels paid for each
    // lookup.

    /// `rho_s`, the reference level of skill `id`.
    public func referenceLevel(of id: String) -> Int? { indexByID[id].map { skills[$0].referenceLevel } }

    /// The curriculum hours from level `level - 1` to `level` of skill `id`.
    public func hours(of id: String, toLevel level: Int) -> Double? { indexByID[id].map { skills[$0].hours(toLevel: level) } }

    /// The activities of skill `id` at `level` (none for an unknown skill or level).
    public func activities(of id: String, level: Int) -> [Activity] { indexByID[id].flatMap { skills[$0].activities[level] } ?? [] }

    public func index(of id: String) -> Int? { indexByID[id] }
    public func contains(_ id: String) -> Bool { indexByID[id] != nil }

    /// A prerequisite cycle as a path that returns to its start (`a → b → a`), or `nil`.
    public func findCycle() -> [String]? {
        var state = [String: Int]()  // 1 on the stack, 2 finished
        var stack: [String] = []
        func visit(_ id: String) -> [String]? {
            state[id] = 1
            stack.append(id)
            for p in self[id]?.requires ?? [] where contains(p.skill) {
                switch state[p.skill] {
                case 1:
                    let start = stack.firstIndex(of: p.skill)!
                    return Array(stack[start...]) + [p.skill]
                case nil:
                    if let cycle = visit(p.skill) { return cycle }
                default: break
                }
            }
            stack.removeLast()
            state[id] = 2
            return nil
        }
        for skill in skills where state[skill.id] == nil {
            if let cycle = visit(skill.id) { return cycle }
        }
        return nil
    }

    /// Skill ids with every prerequisite before the skills that need it (file order among equals).
    /// Returns `nil` when the graph has a cycle.
    public func topologicalOrder() -> [String]? {
        var order: [String] = []
        var state = [String: Int]()
        func visit(_ id: String) -> Bool {
            if state[id] == 2 { return true }
            if state[id] == 1 { return false }
            state[id] = 1
            for p in self[id]?.requires ?? [] where contains(p.skill) {
                if !visit(p.skill) { return false }
            }
            state[id] = 2
            order.append(id)
            return true
        }
        for skill in skills where !visit(skill.id) { return nil }
        return order
    }

    /// Every skill `id` needs, directly or through others, with the highest level needed.
    public func prerequisiteClosure(of id: String) -> [String: Int] {
        var needed: [String: Int] = [:]
        var queue = self[id]?.requires ?? []
        while let p = queue.popLast() {
            if let have = needed[p.skill], have >= p.level { continue }
            needed[p.skill] = p.level
            queue.append(contentsOf: self[p.skill]?.requires ?? [])
        }
        return needed
    }

    /// Skills that name `id` as a direct prerequisite, with the level they need.
    public func unlocks(_ id: String) -> [Prerequisite] {
        skills.flatMap { s in s.requires.filter { $0.skill == id }.map { Prerequisite(skill: s.id, level: $0.level) } }
    }
}
