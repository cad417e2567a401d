/// The planning problem of `MODEL.md` §4 for one person, in the shape of `--export-problem`.
///
/// It holds everything needed to score any set of levels: the person's shares, the task
/// bases on the plan's last day, the market factors, and every skill with its current level,
/// reference level, unit hours and prerequisites. Anyone can recompute a plan's projected
/// score from this document alone.
public struct PlanningProblem: Sendable, Hashable, Codable {
    /// A skill as the planner sees it.
    public struct SkillEntry: Sendable, Hashable, Codable {
        public let id: String
        /// The person's current level.
        public let level: Int
        /// `rho_s`.
        public let reference: Int
        /// `hours[i]` is the unit to level `i+1`.
        public let hours: [Double]
        public let requires: [Prerequisite]
        public init(id: String, level: Int, reference: Int, hours: [Double], requires: [Prerequisite]) {
            self.id = id; self.level = level; self.reference = reference; self.hours = hours; self.requires = requires
        }
    }

    /// A skill that must reach a level.
    public struct Goal: Sendable, Hashable, Codable {
        public let skill: String
        public let level: Int
        public init(skill: String, level: Int) { self.skill = skill; self.level = level }
    }

    public let weeks: Int
    public let hoursPerWeek: Double
    public let market: MarketTotals
    public let tasks: [TaskInput]
    public let skills: [SkillEntry]
    public var include: [Goal]
    public var exclude: [String]
    /// Each week's hours when they vary (availability); week `k` holds
    /// `(sum_{j<k} H_j, sum_{j<=k} H_j]`. `nil`: ``hoursPerWeek`` every week.
    public let weekHours: [Double]?
    /// The pace factor the unit hours were scaled by (a replan on a calibrated record).
    public let paceFactor: Double?

    enum CodingKeys: String, CodingKey {
        case weeks, market, tasks, skills, include, exclude
        case hoursPerWeek = "hours_per_week", weekHours = "week_hours", paceFactor = "pace_factor"
    }

    public init(
        weeks: Int, hoursPerWeek: Double, market: MarketTotals, tasks: [TaskInput], skills: [SkillEntry],
        include: [Goal], exclude: [String], weekHours: [Double]? = nil, paceFactor: Double? = nil
    ) {
        self.weeks = weeks; self.hoursPerWeek = hoursPerWeek; self.market = market; self.tasks = tasks
        self.skills = skills; self.include = include; self.exclude = exclude
        self.weekHours = weekHours; self.paceFactor = paceFactor
    }

    /// Each week's hours.
    public var capacities: [Double] {
        (0..<weeks).map { k in weekHours.flatMap { k < $0.count ? $0[k] : nil } ?? hoursPerWeek }
    }

    /// Hours available: `sum_k H_k` (`W * H` when every week has the same hours).
    public var capacity: Double { weekHours == nil ? Double(weeks) * hoursPerWeek : capacities.reduce(0, +) }

    /// The current level of every skill.
    public var currentLevels: [String: Int] { Dictionary(uniqueKeysWithValues: skills.map { ($0.id, $0.level) }) }

    /// The score inputs on the plan's last day.
    var scoreInputs: ScoreInputs {
        var reference: [String: Int] = [:]
        for s in skills { reference[s.id] = s.reference }
        return ScoreInputs(market: market, tasks: tasks, referenceLevels: reference)
    }

    /// The projected score of `levels` on the plan's last day.
    public func score(levels: [String: Int]) -> ScoreResult { scoreInputs.score(levels: levels).result }
}

extension PersonalModel {
    /// The planning problem for this person: levels now, task bases and market on `end`.
    ///
    /// `spent` (hours logged on units not yet complete) leaves each such unit only the rest of
    /// its hours; `paceFactor` then scales every unit's hours (`c * max(0, h - logged)`).
    public func planningProblem(
        end: Day, weeks: Int, hoursPerWeek: Double, goals: Goals, weekHours: [Double]? = nil,
        spent: [UnitID: Double] = [:], paceFactor: Double? = nil
    ) -> PlanningProblem {
        let inputs = self.inputs(at: end)
        let c = paceFactor ?? 1
        let skills = curriculum.graph.skills.map { s in
            let now = level(of: s.id)
            let hours = s.hours.enumerated().map { i, h -> Double in
                let unit = UnitID(skill: s.id, level: i + 1)
                guard i + 1 > now, let logged = spent[unit], logged > 0 else { return h * c }
                // A unit whose hours are all logged is complete; keep a sliver so it stays a unit.
                return max(0.01, h - logged) * c
            }
            return PlanningProblem.SkillEntry(id: s.id, level: now, reference: reference(of: s.id), hours: hours, requires: s.requires)
        }
        return PlanningProblem(
            weeks: weeks, hoursPerWeek: hoursPerWeek, market: inputs.market, tasks: inputs.tasks, skills: skills,
            include: goals.include.sorted { $0.key < $1.key }.map { .init(skill: $0.key, level: $0.value) },
            exclude: goals.exclude.sorted(), weekHours: weekHours, paceFactor: paceFactor)
    }
}
