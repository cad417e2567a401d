/// Proficiency levels run from 0 (none) to 4 (expert).
public enum Level {
    /// Every level a person can hold.
    public static let range = 0...4
    /// Every level a unit can reach.
    public static let unitRange = 1...4

    /// What each level means, as the wizard shows it.
    public static func meaning(_ level: Int) -> String {
        switch level {
        case 0: return "none"
        case 1: return "aware: did a tutorial"
        case 2: return "working: used on real work with help"
        case 3: return "proficient: runs it in production alone, debugs it"
        default: return "expert: tunes it at the frontier, teaches it, designs with it"
        }
    }
}

/// Whether a node is a tool, a technical skill or a human skill.
public enum SkillKind: String, Sendable, CaseIterable, Codable {
    case tool, technical, human
}

/// "Every unit of this skill needs `skill` at `level` first."
public struct Prerequisite: Sendable, Hashable, Codable {
    public let skill: String
    public let level: Int
    public init(skill: String, level: Int) { self.skill = skill; self.level = level }
}

/// A group of skills, as the wizard asks them.
public struct SkillGroup: Sendable, Hashable, Codable {
    public let id: String
    public let name: String
    public init(id: String, name: String) { self.id = id; self.name = name }
}

/// One node of the skills graph.
public struct Skill: Sendable, Hashable, Codable {
    public let id: String
    public let name: String
    public let kind: SkillKind
    public let group: String
    public let description: String
    /// What a mid-level holder of the roles has (`rho_s`).
    public let referenceLevel: Int
    /// Hours of the units to levels 1, 2, 3 and 4.
    public let hours: [Double]
    public let requires: [Prerequisite]
    /// Seed files the node comes from ("000" … "004").
    public let seeds: [String]
    /// Concrete things to do for each level 1…4, each with its hours, access and evidence.
    public let activities: [Int: [Activity]]
    /// Set when the tool is archived or unmaintained upstream: the skill is never planned.
    public let retired: Retirement?

    public init(
        id: String, name: String, kind: SkillKind, group: String, description: String,
        referenceLevel: Int, hours: [Double], requires: [Prerequisite], seeds: [String],
        activities: [Int: [Activity]], retired: Retirement? = nil
    ) {
        self.id = id; self.name = name; self.kind = kind; self.group = group
        self.description = description; self.referenceLevel = referenceLevel; self.hours = hours
        self.requires = requires; self.seeds = seeds; self.activities = activities; self.retired = retired
    }

    /// The activity of the unit to `level` that `text` names (itself or its alternative).
    public func activity(_ level: Int, named text: String) -> Activity? {
        activities[level]?.first { $0.isNamed(text) }
    }

    /// The variants of the unit to `level` that a person with `access` does, in curriculum
    /// order, leaving out the activities named in `done` (logged done, as itself or its
    /// alternative); `nil` when one left has no doable variant (or the skill is retired).
    public func steps(_ level: Int, for access: PersonAccess, done: Set<String> = []) -> [ActivityStep]? {
        if retired != nil { return nil }
        var out: [ActivityStep] = []
        for a in activities[level] ?? [] where !done.contains(where: a.isNamed) {
            guard let v = a.variant(for: access) else { return nil }
            out.append(v)
        }
        return out
    }

    /// GPU hours the unit to `level` still burns for a person with `access`.
    public func gpuHours(toLevel level: Int, for access: PersonAccess, done: Set<String> = []) -> Double {
        (steps(level, for: access, done: done) ?? []).reduce(0) { $0 + $1.gpuHours }
    }

    /// Hours of the unit that takes this skill to `level` (1…4).
    public func hours(toLevel level: Int) -> Double { hours[level - 1] }
}
