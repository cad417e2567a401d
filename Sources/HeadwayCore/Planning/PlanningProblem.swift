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
        /// `gpu_hours[i]`: GPU hours of the unit to level `i+1` for this person (`MODEL.md` §4b).
        public var gpuHours: [Double]?
        /// `plannable[i]`: whether the person can do every activity of the unit to level `i+1`
        /// (after alternatives); `nil`: every unit is.
        public var plannable: [Bool]?

        enum CodingKeys: String, CodingKey {
            case id, level, reference, hours, requires, plannable
            case gpuHours = "gpu_hours"
        }

        public init(
            id: String, level: Int, reference: Int, hours: [Double], requires: [Prerequisite], gpuHours: [Double]? = nil,
            plannable: [Bool]? = nil
        ) {
            self.id = id; self.level = level; self.reference = reference; self.hours = hours; self.requires = requires
            self.gpuHours = gpuHours; self.plannable = plannable
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
    /// The GPU-hour budget `Γ`: the chosen units' GPU hours stay within it; `nil`: none.
    public var gpuHoursBudget: Double?
    /// The access the units' hours, GPU hours and plannability were computed for.
    public var access: PersonAccess?

    enum CodingKeys: String, CodingKey {
        case weeks, market, tasks, skills, include, exclude, access
        case hoursPerWeek = "hours_per_week", weekHours = "week_hours", paceFactor = "pace_factor"
        case gpuHoursBudget = "gpu_hours_budget"
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
        spent: [UnitID: Double] = [:], paceFactor: Double? = nil, access: PersonAccess? = nil,
        done: [UnitID: Set<String>] = [:]
    ) -> PlanningProblem {
        let inputs = self.inputs(at: end)
        let c = paceFactor ?? 1
        let access = access ?? self.access
        let skills = curriculum.graph.skills.map { s in
            let now = level(of: s.id)
            // A unit has the curriculum's hours whatever variants the person does, so the plan,
            // the record's completions and the pace factor count the same hours (docs/ACCESS.md).
            let hours = Level.unitRange.map { l -> Double in
                let h = s.hours(toLevel: l)
                let unit = UnitID(skill: s.id, level: l)
                guard l > now, let logged = spent[unit], logged > 0 else { return h * c }
                // A unit whose hours are all logged is complete; keep a sliver so it stays a unit.
                return max(0.01, h - logged) * c
            }
            // What is left of each unit decides whether it can be done and the GPU hours it burns.
            let left = { (l: Int) in done[UnitID(skill: s.id, level: l)] ?? [] }
            let gpu = Level.unitRange.map { s.gpuHours(toLevel: $0, for: access, done: left($0)) }
            let plannable = Level.unitRange.map { s.steps($0, for: access, done: left($0)) != nil }
            return PlanningProblem.SkillEntry(
                id: s.id, level: now, reference: reference(of: s.id), hours: hours, requires: s.requires,
                gpuHours: gpu.contains { $0 > 0 } ? gpu : nil, plannable: plannable.allSatisfy { $0 } ? nil : plannable)
        }
        var problem = PlanningProblem(
            weeks: weeks, hoursPerWeek: hoursPerWeek, market: inputs.market, tasks: inputs.tasks, skills: skills,
            include: goals.include.sorted { $0.key < $1.key }.map { .init(skill: $0.key, level: $0.value) },
            exclude: goals.exclude.sorted(), weekHours: weekHours, paceFactor: paceFactor)
        problem.gpuHoursBudget = access.gpuHours
        problem.access = access
        return problem
    }
}
