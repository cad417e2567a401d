/// One task as the personal score sees it on one day.
public struct TaskInput: Sendable, Hashable, Codable {
    public let id: String
    /// The person's normalised time share `u_t` (the shares add to 1).
    public let share: Double
    /// The reference automation score moved by signals, `r'_t`.
    public let base: Double
    public let kappa: Double
    /// Key skills with weights normalised to sum 1.
    public let skills: [String: Double]

    public init(id: String, share: Double, base: Double, kappa: Double, skills: [String: Double]) {
        self.id = id; self.share = share; self.base = base; self.kappa = kappa; self.skills = skills
    }

    /// `d_t = sum_s v_ts (l_s - rho_s)`.
    public func depth(levels: [String: Int], reference: [String: Int]) -> Double {
        skills.keys.sorted().reduce(0) { acc, s in
            acc + skills[s]! * Double((levels[s] ?? reference[s] ?? 0) - (reference[s] ?? 0))
        }
    }

    /// `a_t = min(5, max(1, r'_t - kappa_t d_t))`.
    public func automation(depth: Double) -> Double {
        clamp(base - kappa * depth, RoleTask.scoreRange)
    }
}

/// Everything the personal score needs for one person on one day, apart from levels:
/// the person's market factors and tasks. Scoring any set of levels is then pure arithmetic,
/// which is what the planner and `--export-problem` build on.
public struct ScoreInputs: Sendable, Hashable {
    public let market: MarketTotals
    public let tasks: [TaskInput]
    /// `rho_s` of every skill a task names.
    public let referenceLevels: [String: Int]

    public init(market: MarketTotals, tasks: [TaskInput], referenceLevels: [String: Int]) {
        self.market = market; self.tasks = tasks; self.referenceLevels = referenceLevels
    }

    /// Per-task depth and automation for `levels` (a skill missing from `levels` counts at its reference).
    func taskScores(levels: [String: Int]) -> [TaskScore] {
        tasks.map { t in
            let d = t.depth(levels: levels, reference: referenceLevels)
            return TaskScore(id: t.id, share: t.share, reference: t.base, depth: d, automation: t.automation(depth: d))
        }
    }

    /// The AIJRI for `levels`.
    public func score(levels: [String: Int]) -> PersonalScore {
        let scores = taskScores(levels: levels)
        let result = AIJRI.score(tasks: scores.map { ($0.share, $0.automation) }, market: market)
        return PersonalScore(result: result, tasks: scores, market: market)
    }
}

/// One task's part of a personal score.
public struct TaskScore: Sendable, Hashable {
    public let id: String
    public let share: Double
    /// `r'_t`: the role's automation score on the day, moved by signals.
    public let reference: Double
    /// `d_t`: how far the person's key-skill levels sit above (or below) the reference.
    public let depth: Double
    /// `a_t`: the person's automation score.
    public let automation: Double
}

/// A personal AIJRI with its per-task table and the market factors it used.
public struct PersonalScore: Sendable, Hashable {
    public let result: ScoreResult
    public let tasks: [TaskScore]
    public let market: MarketTotals
    /// The likely range when some levels may be one off; set for a person's current levels.
    public var band: ScoreBand? = nil
}
