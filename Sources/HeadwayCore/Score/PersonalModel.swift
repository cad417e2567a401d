/// One person's model (`MODEL.md` §3): a role of the curriculum seen through an assessment.
///
/// Build it with a validated assessment (``Assessment/problems(in:)`` empty); the initialiser
/// only refuses an unknown role.
public struct PersonalModel: Sendable {
    public let curriculum: Curriculum
    public let role: Role
    public let assessment: Assessment
    /// The role whose seniority the person's default levels are taken relative to: their own.
    public let home: Role

    public init?(curriculum: Curriculum, assessment: Assessment) {
        guard let role = curriculum.role(assessment.role) else { return nil }
        self.curriculum = curriculum; self.role = role; self.assessment = assessment; self.home = role
    }

    private init(curriculum: Curriculum, role: Role, assessment: Assessment, home: Role) {
        self.curriculum = curriculum; self.role = role; self.assessment = assessment; self.home = home
    }

    /// The same person in another role (role fit, plans toward a move): their levels stay as
    /// they are; that role's tasks, default time shares, market and signals apply; and its
    /// seniority through its reference levels, which sit as many levels above (or below) the
    /// graph's as the role's seniority is above (below) the person's own role's.
    public func inRole(_ other: Role) -> PersonalModel {
        var a = assessment
        a.role = other.id
        a.timeSplit = [:]
        a.market = .init()
        return PersonalModel(curriculum: curriculum, role: other, assessment: a, home: home)
    }

    /// The same person in the role whose score `plan` raises: the one it was made `--toward`
    /// (``Plan/toward``), else this one; `nil` when the curricula no longer have that role.
    public func inRole(of plan: Plan) -> PersonalModel? {
        guard let aim = plan.toward, aim != role.id else { return self }
        return curriculum.role(aim).map(inRole)
    }

    /// How far this role's reference levels sit above the graph's (0 in the person's own role).
    var referenceShift: Int { role.seniority.offset - home.seniority.offset }

    /// What the person can use to learn: their assessment's `access`, else unrestricted.
    public var access: PersonAccess { assessment.access ?? .unrestricted }

    /// `rho_s` as this role sees it: the graph's reference level, shifted by seniority.
    public func reference(of skill: String) -> Int {
        Self.reference(of: skill, in: role, curriculum) + referenceShift
    }

    /// A mid-level holder's level of `skill` in `role`: the role's own, else the graph's.
    static func reference(of skill: String, in role: Role, _ curriculum: Curriculum) -> Int {
        role.referenceLevels[skill] ?? curriculum.graph.referenceLevel(of: skill) ?? 0
    }

    /// The level of `skill`: the assessed one, else `clamp(rho_s + sigma, 0, 4)`.
    public func level(of skill: String) -> Int {
        if let l = assessment.skills[skill] { return l }
        return defaultLevel(of: skill)
    }

    /// The level a person of this seniority is assumed to have when they did not say:
    /// `sigma` is taken relative to the seniority of their own role, whose numbers describe a
    /// holder of that seniority.
    public func defaultLevel(of skill: String) -> Int {
        defaultLevel(reference: Self.reference(of: skill, in: home, curriculum))
    }

    /// `clamp(rho + sigma, 0, 4)` for a skill whose reference level in the person's own role is `rho`.
    private func defaultLevel(reference rho: Int) -> Int {
        min(4, max(0, rho + assessment.seniority.offset - home.seniority.offset))
    }

    /// Current levels of every skill in the graph (``level(of:)`` of each, walking the graph's
    /// skills rather than looking each one up).
    public var levels: [String: Int] {
        Dictionary(
            uniqueKeysWithValues: curriculum.graph.skills.map { skill in
                (skill.id, assessment.skills[skill.id] ?? defaultLevel(reference: home.referenceLevels[skill.id] ?? skill.referenceLevel))
            })
    }

    /// ``levels`` of `skills` alone: a score reads only its tasks' skills, and a history scores
    /// every snapshot, so it does not build the map of the whole graph each time.
    func levels(of skills: some Sequence<String>) -> [String: Int] {
        var levels: [String: Int] = [:]
        for skill in skills where curriculum.graph.referenceLevel(of: skill) != nil { levels[skill] = level(of: skill) }
        return levels
    }

    /// The effects of the signals acting on this role, each with the drift its signal has made
    /// between `D0` and `day`, in the curricula's order. `excluding` leaves signals out (to
    /// measure what one of them does). A score reads them for every day it is asked about (a
    /// history, the signals ahead), so the signals themselves are not copied.
    private func signalDrifts(at day: Day, excluding: Set<String>) -> [(effect: SignalEffect, drift: Double)] {
        var drifts: [(effect: SignalEffect, drift: Double)] = []
        for signal in curriculum.signals where excluding.isEmpty || !excluding.contains(signal.id) {
            var drift: Double?
            for effect in signal.effects where effect.role == role.id {
                let d = drift ?? signal.drift(at: day, since: role.referenceDate)
                drift = d
                drifts.append((effect, d))
            }
        }
        return drifts
    }

    /// E, B and G: the role's values, each overridable, plus signals; clamped when read.
    public func market(at day: Day, excluding: Set<String> = []) -> Market {
        market(drifts: signalDrifts(at: day, excluding: excluding))
    }

    private func market(drifts: [(effect: SignalEffect, drift: Double)]) -> Market {
        var market = role.market
        for (dim, v) in assessment.market.evidence { market.evidenceByDimension[dim] = v }
        for (dim, v) in assessment.market.barriers { market.barriersByDimension[dim] = v }
        if let g = assessment.market.growth { market.growthValue = g }
        for (effect, drift) in drifts {
            switch effect.target {
            case .evidence(let dim): market.evidenceByDimension[dim, default: 0] += effect.delta * drift
            case .growth: market.growthValue += effect.delta * drift
            case .task: break
            }
        }
        for dim in EvidenceDimension.allCases {
            market.evidenceByDimension[dim] = clamp(market.evidenceByDimension[dim] ?? 0, EvidenceDimension.range)
        }
        for dim in BarrierDimension.allCases {
            market.barriersByDimension[dim] = clamp(market.barriersByDimension[dim] ?? 0, BarrierDimension.range)
        }
        market.growthValue = clamp(market.growthValue, Growth.range)
        return market
    }

    /// The person's normalised time shares `u_t` (the role's own when they gave none).
    public var shares: [String: Double] {
        let given = assessment.timeSplit
        // Summed in id order so every run gets the same last bit (see `RoleTask.normalised(_:)`).
        let total = given.keys.sorted().reduce(0) { $0 + given[$1]! }
        return Dictionary(
            uniqueKeysWithValues: role.tasks.map { t in
                (t.id, given.isEmpty || total <= 0 ? t.share / 100 : (given[t.id] ?? 0) / total)
            })
    }

    /// Market factors and tasks on `day`: everything the score needs apart from levels.
    public func inputs(at day: Day, excluding: Set<String> = []) -> ScoreInputs {
        let drifts = signalDrifts(at: day, excluding: excluding)
        var bases = Dictionary(uniqueKeysWithValues: role.tasks.map { ($0.id, $0.score) })
        for (effect, drift) in drifts {
            if case .task(let id) = effect.target, bases[id] != nil { bases[id]! += effect.delta * drift }
        }
        let shares = self.shares
        var reference: [String: Int] = [:]
        let tasks = role.tasks.map { t -> TaskInput in
            for s in t.normalisedSkills.keys where reference[s] == nil { reference[s] = self.reference(of: s) }
            return TaskInput(id: t.id, share: shares[t.id] ?? 0, base: bases[t.id]!, kappa: t.kappa, skills: t.normalisedSkills)
        }
        return ScoreInputs(market: market(drifts: drifts).totals, tasks: tasks, referenceLevels: reference)
    }

    /// The score's exact value on `day` with the person's levels, without the band (a view that
    /// needs only the number, for every entry of a history, skips the band's percentiles).
    public func value(at day: Day) -> Double { result(at: day).value }

    /// The score on `day` with the person's levels, without the band: what `score(at:)` gives
    /// as its `result`, for a view that shows only the number (the band's percentiles are most
    /// of a score's cost).
    public func result(at day: Day) -> ScoreResult {
        let inputs = inputs(at: day)
        return inputs.score(levels: levels(of: inputs.referenceLevels.keys)).result
    }

    /// The personal AIJRI on `day`, with the current levels (and then its band) or the ones given.
    public func score(at day: Day, levels: [String: Int]? = nil) -> PersonalScore {
        let inputs = self.inputs(at: day)
        guard levels == nil else { return inputs.score(levels: levels!) }
        let levels = self.levels
        var score = inputs.score(levels: levels)
        score.band = inputs.band(levels: levels, uncertain: uncertainSkills)
        return score
    }
}
