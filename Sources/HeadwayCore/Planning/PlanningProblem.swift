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
    public let include: [Goal]
    public let exclude: [String]

    enum CodingKeys: String, CodingKey {
        case weeks, market, tasks, skills, include, exclude
        case hoursPerWeek = "hours_per_week"
    }

    public init(weeks: Int, hoursPerWeek: Double, market: MarketTotals, tasks: [TaskInput], skills: [SkillEntry],
                include: [Goal], exclude: [String]) {
        self.weeks = weeks; self.hoursPerWeek = hoursPerWeek; self.market = market; self.tasks = tasks
        self.skills = skills; self.include = include; self.exclude = exclude
    }

    /// Hours available: `W * H`.
    public var capacity: Double { Double(weeks) * hoursPerWeek }

    /// The current level of every skill.
    public var currentLevels: [String: Int] { Dictionary(uniqueKeysWithValues: skills.map { ($0.id, $0.level) }) }

    /// The score inputs on the plan's last day.
    public var scoreInputs: ScoreInputs {
        var reference: [String: Int] = [:]
        for s in skills { reference[s.id] = s.reference }
        return ScoreInputs(market: market, tasks: tasks, referenceLevels: reference)
    }

    /// The projected score of `levels` on the plan's last day.
    public func score(levels: [String: Int]) -> ScoreResult { scoreInputs.score(levels: levels).result }
}

extension PersonalModel {
    /// The planning problem for this person: levels now, task bases and market on `end`.
    public func planningProblem(end: Day, weeks: Int, hoursPerWeek: Double, goals: Goals) -> PlanningProblem {
        let inputs = self.inputs(at: end)
        let skills = curriculum.graph.skills.map { s in
            PlanningProblem.SkillEntry(id: s.id, level: level(of: s.id), reference: reference(of: s.id), hours: s.hours, requires: s.requires)
        }
        return PlanningProblem(weeks: weeks, hoursPerWeek: hoursPerWeek, market: inputs.market, tasks: inputs.tasks, skills: skills,
                               include: goals.include.sorted { $0.key < $1.key }.map { .init(skill: $0.key, level: $0.value) },
                               exclude: goals.exclude.sorted())
    }
}
