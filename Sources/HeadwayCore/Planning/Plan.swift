/// One step of learning: skill `s` from level `l-1` to `l` (`MODEL.md` §1).
public struct UnitID: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let skill: String
    public let level: Int
    public init(skill: String, level: Int) { self.skill = skill; self.level = level }
    public var description: String { "\(skill):\(level)" }
    public static func < (a: UnitID, b: UnitID) -> Bool { (a.skill, a.level) < (b.skill, b.level) }
}

/// A chosen unit in the order it is done, with why it is there.
public struct PlanUnit: Sendable, Hashable, Codable {
    public let skill: String
    public let level: Int
    public let hours: Double
    /// Score points the unit adds when done in this order (0 for a unit that only unlocks others).
    public let gain: Double
    /// Task ids whose automation score this unit lowers.
    public let tasks: [String]
    /// Later units that need this one (prerequisites or the next level of the same skill).
    public let neededBy: [UnitID]
    /// True when an `include` goal demanded it.
    public let required: Bool

    public init(skill: String, level: Int, hours: Double, gain: Double, tasks: [String], neededBy: [UnitID], required: Bool) {
        self.skill = skill; self.level = level; self.hours = hours; self.gain = gain
        self.tasks = tasks; self.neededBy = neededBy; self.required = required
    }

    public var id: UnitID { UnitID(skill: skill, level: level) }
}

/// One activity of a unit placed into a week, with the hours it gets there.
public struct PlannedActivity: Sendable, Hashable, Codable {
    public let text: String
    public let hours: Double
    public init(text: String, hours: Double) { self.text = text; self.hours = hours }
}

/// The part of one unit done in one week.
public struct PlanItem: Sendable, Hashable, Codable {
    public let skill: String
    public let level: Int
    public let hours: Double
    public let activities: [PlannedActivity]
    /// True when the unit finishes this week.
    public let completes: Bool
    public init(skill: String, level: Int, hours: Double, activities: [PlannedActivity], completes: Bool) {
        self.skill = skill; self.level = level; self.hours = hours; self.activities = activities; self.completes = completes
    }
}

/// One week of a plan.
public struct PlanWeek: Sendable, Hashable, Codable {
    public let week: Int
    public let start: Day
    /// Hours of work placed into the week.
    public let hours: Double
    /// The score with every unit finished by the end of this week, signals as of the week's last day.
    public let projectedScore: Double
    public let items: [PlanItem]
    /// The hours the week has (availability); `nil`: the plan's hours per week.
    public let capacity: Double?
    public init(week: Int, start: Day, hours: Double, projectedScore: Double, items: [PlanItem], capacity: Double? = nil) {
        self.week = week; self.start = start; self.hours = hours; self.projectedScore = projectedScore; self.items = items
        self.capacity = capacity
    }
}

/// A 12-week (or W-week) programme: the units, in order, placed into weeks of `H` hours.
public struct Plan: Sendable, Hashable, Codable {
    public let start: Day
    public let weeks: Int
    public let hoursPerWeek: Double
    public let include: [String: Int]
    public let exclude: [String]
    /// Score on the start day with the start levels.
    public let startScore: Double
    /// Score on the plan's last day with every unit done.
    public let projectedScore: Double
    /// Whether objective (1) was proven optimal.
    public let optimal: Bool
    /// Upper bound on the score gain a better plan could add (0 when optimal).
    public let gap: Double
    public let units: [PlanUnit]
    public let schedule: [PlanWeek]
    /// The bands of ``startScore`` and ``projectedScore``: levels the person was unsure of, or
    /// did not give, may be one off; a skill the plan raises counts as sure at its end level.
    /// Nil in plans saved before bands.
    public var startBand: ScoreBand? = nil
    public var projectedBand: ScoreBand? = nil
    /// The role whose score the plan raises when it is not the person's own (`--toward`), so a
    /// replan keeps aiming there; `nil`: the person's own role (and plans saved before).
    public var toward: String? = nil
    /// The access the plan was made for (`MODEL.md` §4b); `nil`: the person said nothing, so
    /// it assumed ``PersonAccess/unrestricted``.
    public var access: PersonAccess? = nil

    public init(
        start: Day, weeks: Int, hoursPerWeek: Double, include: [String: Int], exclude: [String],
        startScore: Double, projectedScore: Double, optimal: Bool, gap: Double, units: [PlanUnit], schedule: [PlanWeek]
    ) {
        self.start = start; self.weeks = weeks; self.hoursPerWeek = hoursPerWeek; self.include = include; self.exclude = exclude
        self.startScore = startScore; self.projectedScore = projectedScore; self.optimal = optimal; self.gap = gap
        self.units = units; self.schedule = schedule
    }

    /// The plan's last day: `start + 7W - 1`.
    public var end: Day { start.adding(days: 7 * weeks - 1) }
    public var totalHours: Double { units.reduce(0) { $0 + $1.hours } }
    /// Each week's hours (availability applied).
    public var capacities: [Double] { schedule.map { $0.capacity ?? hoursPerWeek } }
    /// Hours the plan has: the sum of its weeks' hours.
    public var capacity: Double { capacities.reduce(0, +) }
    /// Hours of the first week logged before the plan was made (a replan mid-week): the week
    /// holds them and its items only the rest (issue 25.4); 0 for a plan made before its week.
    public var loggedBeforeFirstWeek: Double {
        guard let w = schedule.first else { return 0 }
        return max(0, w.hours - w.items.reduce(0) { $0 + $1.hours })
    }

    /// The role the plan was made `--toward`, when `curriculum` no longer has it.
    public func droppedTarget(in curriculum: Curriculum) -> String? {
        guard let aim = toward, curriculum.role(aim) == nil else { return nil }
        return aim
    }
}

extension PersonalModel {
    /// The person's levels once `plan`'s units are done: each skill at the higher of its level
    /// now and the plan's last unit of it.
    public func levels(after plan: Plan) -> [String: Int] {
        var after = levels
        for u in plan.units { after[u.skill] = max(after[u.skill] ?? 0, u.level) }
        return after
    }
}

extension Plan {
    /// Units with hours already logged (`spent`) that this plan leaves out: work in progress the
    /// plan does not continue, which the person must be told about (issue 25, `--toward`).
    public func leavesOut(spent: [UnitID: Double]) -> [(unit: UnitID, hours: Double)] {
        let planned = Set(units.map(\.id))
        return spent.filter { $0.value > 0 && !planned.contains($0.key) }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
