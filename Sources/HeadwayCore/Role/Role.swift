/// How AI touches a task, as seed 004 labels it.
public enum TaskImpact: String, Sendable, CaseIterable, Codable {
    case augmentation, displacement
    case notInvolved = "not-involved"
}

/// The five evidence dimensions (each -2…2).
public enum EvidenceDimension: String, Sendable, CaseIterable, Codable, Comparable {
    case jobPostingTrends = "job-posting-trends"
    case companyActions = "company-actions"
    case wageTrends = "wage-trends"
    case aiToolMaturity = "ai-tool-maturity"
    case expertConsensus = "expert-consensus"
    public static let range = -2.0...2.0
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// The five barrier dimensions (each 0…2).
public enum BarrierDimension: String, Sendable, CaseIterable, Codable, Comparable {
    case regulatory
    case physicalPresence = "physical-presence"
    case unionPower = "union-power"
    case liability
    case cultural
    public static let range = 0.0...2.0
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// The three protective principles (each 0…3); shown, never in the formula.
public enum ProtectiveDimension: String, Sendable, CaseIterable, Codable, Comparable {
    case embodiedPhysicality = "embodied-physicality"
    case interpersonalConnection = "interpersonal-connection"
    case moralJudgment = "moral-judgment"
    public static let range = 0.0...3.0
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// AI growth correlation range.
public enum Growth {
    public static let range = -2.0...2.0
}

/// A value with the reason it has that value.
public struct Rated: Sendable, Hashable, Codable {
    public let score: Double
    public let rationale: String
    public init(score: Double, rationale: String) { self.score = score; self.rationale = rationale }
}

/// One task of a role: its time share, automation score and the skills that move it.
public struct RoleTask: Sendable, Hashable, Codable {
    public let id: String
    public let name: String
    /// Percent of working time (a role's shares add to 100).
    public let share: Double
    /// Automation score 1…5 (`r_t`).
    public let score: Double
    public let impact: TaskImpact
    /// Sensitivity `kappa_t` of the automation score to depth.
    public let kappa: Double
    /// Why the numbers are estimates, when they are.
    public let estimate: String?
    public let rationale: String
    /// Key skills with raw weights (normalised where used).
    public let skills: [String: Double]
    /// ``skills`` normalised to sum 1 (empty when the task has none), made once: a score reads
    /// them for every day it is asked about (a history's snapshots, the signals ahead).
    let normalisedSkills: [String: Double]

    public static let scoreRange = 1.0...5.0
    public static let defaultKappa = 0.5

    public init(
        id: String, name: String, share: Double, score: Double, impact: TaskImpact,
        kappa: Double = RoleTask.defaultKappa, estimate: String? = nil, rationale: String,
        skills: [String: Double]
    ) {
        self.id = id; self.name = name; self.share = share; self.score = score; self.impact = impact
        self.kappa = kappa; self.estimate = estimate; self.rationale = rationale; self.skills = skills
        normalisedSkills = Self.normalised(skills)
    }

    /// Weights normalised to sum 1. Summed in id order: a dictionary's order changes per
    /// process, and so would the last bit of the total, enough to flip a tie between two
    /// equally good plans.
    static func normalised(_ skills: [String: Double]) -> [String: Double] {
        let ids = skills.keys.sorted()
        let total = ids.reduce(0) { $0 + skills[$1]! }
        guard total > 0 else { return [:] }
        return skills.mapValues { $0 / total }
    }

    // The normalised weights are made from `skills`, not stored.
    enum CodingKeys: String, CodingKey { case id, name, share, score, impact, kappa, estimate, rationale, skills }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id), name: try c.decode(String.self, forKey: .name),
            share: try c.decode(Double.self, forKey: .share), score: try c.decode(Double.self, forKey: .score),
            impact: try c.decode(TaskImpact.self, forKey: .impact), kappa: try c.decode(Double.self, forKey: .kappa),
            estimate: try c.decodeIfPresent(String.self, forKey: .estimate), rationale: try c.decode(String.self, forKey: .rationale),
            skills: try c.decode([String: Double].self, forKey: .skills))
    }
}

/// A related role and its published score.
public struct LadderRung: Sendable, Hashable, Codable {
    public let name: String
    public let score: Double
    public let seed: String
    public init(name: String, score: Double, seed: String) { self.name = name; self.score = score; self.seed = seed }
}

/// How experienced a person is; sets the default level of every skill they did not assess.
public enum Seniority: String, Sendable, CaseIterable, Codable {
    case junior, mid, senior, staff

    /// `sigma`: the offset from the reference level.
    public var offset: Int {
        switch self {
        case .junior: return -1
        case .mid: return 0
        case .senior: return 1
        case .staff: return 2
        }
    }
}

/// A job profile: tasks, market factors and the ladder of related roles.
public struct Role: Sendable, Codable {
    public let id: String
    public let name: String
    public let seniority: Seniority
    public let seeds: [String]
    /// `D0`: the day the role's published numbers describe.
    public let referenceDate: Day
    public let publishedScore: Double?
    public let estimate: String?
    public let tasks: [RoleTask]
    public let evidence: [EvidenceDimension: Rated]
    public let barriers: [BarrierDimension: Rated]
    public let protective: [ProtectiveDimension: Rated]
    public let growth: Rated
    public let ladder: [LadderRung]
    /// What a mid-level holder of this role has, for skills where that differs from the
    /// graph's `reference_level` (a data-centre technician racks servers; an engineer does not).
    public let referenceLevels: [String: Int]

    public init(
        id: String, name: String, seniority: Seniority, seeds: [String], referenceDate: Day,
        publishedScore: Double?, estimate: String?, tasks: [RoleTask],
        evidence: [EvidenceDimension: Rated], barriers: [BarrierDimension: Rated],
        protective: [ProtectiveDimension: Rated], growth: Rated, ladder: [LadderRung],
        referenceLevels: [String: Int] = [:]
    ) {
        self.referenceLevels = referenceLevels
        self.id = id; self.name = name; self.seniority = seniority; self.seeds = seeds
        self.referenceDate = referenceDate; self.publishedScore = publishedScore; self.estimate = estimate
        self.tasks = tasks; self.evidence = evidence; self.barriers = barriers; self.protective = protective
        self.growth = growth; self.ladder = ladder
    }

    public func task(_ id: String) -> RoleTask? { tasks.first { $0.id == id } }

    /// The role's own market factors (no overrides, no signals).
    public var market: Market {
        Market(
            evidence: Dictionary(uniqueKeysWithValues: EvidenceDimension.allCases.map { ($0, evidence[$0]?.score ?? 0) }),
            barriers: Dictionary(uniqueKeysWithValues: BarrierDimension.allCases.map { ($0, barriers[$0]?.score ?? 0) }),
            growth: growth.score)
    }
}
