/// What a plan tells the person before its weeks (issue: plans that mean something): when its
/// inputs are mostly assumed, which answers would change it most; when it gains little or
/// leaves hours unused, why, and the roles where the same hours would gain most.
public struct PlanAdvice: Sendable, Hashable, Codable {
    /// A role the same request would raise more (`plan --toward`).
    public struct Move: Sendable, Hashable, Codable {
        public let role: String
        public let startScore: Double
        public let projectedScore: Double
        public var gain: Double { projectedScore - startScore }
    }

    /// Levels the person answered; below ``fewAnswers`` most are seniority defaults.
    public let answered: Int
    /// The unanswered skills whose answers would move the score (and so the plan) most.
    public let askFirst: [String]
    /// The plan's gain and its unused hours.
    public let gain: Double
    public let unusedHours: Double
    /// The score with every skill of the role at 4, on the plan's last day: the ceiling.
    public let ceiling: Double
    /// Roles where the same hours gain more, most first (only when the plan gains little).
    public let moves: [Move]

    public static let fewAnswers = 5
    /// Below this gain, in points, the plan says why and what would count instead.
    public static let smallGain = 1.0

    public var mostlyAssumed: Bool { answered < Self.fewAnswers }
    public var gainsLittle: Bool { gain < Self.smallGain }
}

extension PersonalModel {
    /// The advice for `plan`, made from `request` (the same request is planned in other roles).
    public func advice(_ request: PlanRequest, plan: Plan, order: [String]) -> PlanAdvice {
        let answered = assessment.skills.count
        let askFirst =
            answered < PlanAdvice.fewAnswers
            ? Array(levelImpact(at: request.start, order: order).map(\.skill).filter { assessment.skills[$0] == nil }.prefix(3)) : []
        let gain = plan.projectedScore - plan.startScore
        let unused = max(0, plan.capacity - plan.totalHours)
        var top = levels
        for s in curriculum.graph.skills { top[s.id] = Level.range.upperBound }
        let ceiling = inputs(at: request.end).score(levels: top).result.value
        var moves: [PlanAdvice.Move] = []
        if gain < PlanAdvice.smallGain || unused >= request.hoursPerWeek {
            for other in curriculum.roles where other.id != role.id {
                let there = inRole(other)
                guard let p = try? there.plan(request) else { continue }
                if p.projectedScore - p.startScore > gain + 0.05 {
                    moves.append(.init(role: other.id, startScore: p.startScore, projectedScore: p.projectedScore))
                }
            }
            moves.sort { $0.gain != $1.gain ? $0.gain > $1.gain : $0.role < $1.role }
            moves = Array(moves.prefix(3))
        }
        return PlanAdvice(answered: answered, askFirst: askFirst, gain: gain, unusedHours: unused, ceiling: ceiling, moves: moves)
    }
}
