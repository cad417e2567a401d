/// One level more in one skill, and what it is worth in a role.
public struct LevelStep: Sendable, Hashable {
    public let skill: String
    public let from: Int
    public let to: Int
    /// Points the score gains (unrounded).
    public let gain: Double
    /// Hours of the unit `(skill, to)`.
    public let hours: Double

    public var pointsPerHour: Double { hours > 0 ? gain / hours : 0 }
}

/// The person's score in one role of the curricula, with their own levels.
public struct RoleFit: Sendable {
    public let role: Role
    public let score: PersonalScore
    /// The score's likely range in this role: the levels that may be one off (unsure or not
    /// answered) among the skills this role's tasks weigh.
    public let band: ScoreBand
    /// This role's shown score minus the person's own role's shown score.
    public let gap: Double
    public let isOwn: Bool
    /// The skills that would raise the score in this role most, one level each, best first.
    public let steps: [LevelStep]
}

extension PersonalModel {
    /// Every one-level step that raises the score on `day`, in order of `ranking`.
    ///
    /// Complexity: one score per skill below level 4.
    func levelSteps(at day: Day, levels: [String: Int]? = nil) -> [LevelStep] {
        let now = levels ?? self.levels
        let inputs = self.inputs(at: day)
        let base = inputs.score(levels: now).result.value
        // Only skills a task names can move the score.
        let named = Set(role.tasks.flatMap { $0.skills.keys })
        return curriculum.graph.skills.compactMap { s -> LevelStep? in
            guard named.contains(s.id), let l = now[s.id], l < 4 else { return nil }
            var raised = now
            raised[s.id] = l + 1
            let gain = inputs.score(levels: raised).result.value - base
            guard gain > 1e-9 else { return nil }
            return LevelStep(skill: s.id, from: l, to: l + 1, gain: gain, hours: s.hours[l])
        }
    }

    /// The steps worth the most points, ties to fewer hours, then id.
    public func bestSteps(at day: Day, levels: [String: Int]? = nil, count: Int = 3) -> [LevelStep] {
        Array(
            levelSteps(at: day, levels: levels).sorted {
                ($0.gain, -$0.hours, $1.skill) > ($1.gain, -$1.hours, $0.skill)
            }.prefix(count))
    }

    /// The steps worth the most points per hour.
    public func bestStepsPerHour(at day: Day, count: Int = 3) -> [LevelStep] {
        Array(
            levelSteps(at: day).sorted {
                ($0.pointsPerHour, $1.skill) > ($1.pointsPerHour, $0.skill)
            }.prefix(count))
    }

    /// The person's score in every role of the curricula with their own levels, highest first
    /// (ties by role id): each role's default time shares and market, seniority applied.
    public func roleFits(at day: Day, steps: Int = 3) -> [RoleFit] {
        let levels = self.levels
        let own = result(at: day).rounded
        return curriculum.roles.map { r -> RoleFit in
            let other = r.id == role.id ? self : inRole(r)
            let s = other.score(at: day, levels: levels)
            return RoleFit(
                role: r, score: s, band: other.band(at: day, levels: levels),
                gap: ((s.result.rounded - own) * 10).rounded() / 10, isOwn: r.id == role.id,
                steps: other.bestSteps(at: day, levels: levels, count: steps))
        }.sorted { ($0.score.result.value, $1.role.id) > ($1.score.result.value, $0.role.id) }
    }
}

/// What each task adds to a score, in points: `100 * u_t * (6 - a_t) * M / 7.93`. The
/// contributions less the fixed offset `100 * 0.54 / 7.93` give the unclamped score; what a
/// task's automation costs is the same with `a_t - 1` (its distance from fully human).
public struct TaskContribution: Sendable, Hashable {
    public let id: String
    public let share: Double
    public let automation: Double
    public let points: Double
    /// Points the task's automation costs compared with fully human work.
    public let cost: Double
}

extension PersonalScore {
    /// Each task's contribution, in the role's task order.
    public var contributions: [TaskContribution] {
        let m = market.multiplier
        return tasks.map { t in
            TaskContribution(
                id: t.id, share: t.share, automation: t.automation,
                points: 100 * t.share * (6 - t.automation) * m / AIJRI.scale,
                cost: 100 * t.share * (t.automation - 1) * m / AIJRI.scale)
        }
    }

    /// The fixed offset subtracted from the contributions.
    public var offsetPoints: Double { 100 * AIJRI.offset / AIJRI.scale }

    /// The one or two tasks that decide the score: those whose automation costs the most points
    /// (the second only when it costs at least half as much as the first).
    public var decidingTasks: [TaskContribution] {
        let sorted = contributions.sorted { ($0.cost, $1.id) > ($1.cost, $0.id) }
        guard let first = sorted.first, first.cost > 0 else { return [] }
        if sorted.count > 1, sorted[1].cost >= first.cost / 2 { return [first, sorted[1]] }
        return [first]
    }
}
