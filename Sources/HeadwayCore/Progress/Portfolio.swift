/// What a person can show for a programme (issue: "proof of work"): per skill, the levels
/// gained, the activities done, the hours, the evidence logged and the score change they
/// bought, and the certifications within reach.
public struct Portfolio: Sendable, Hashable, Codable {
    /// One unit completed in the period.
    public struct UnitDone: Sendable, Hashable, Codable {
        public let level: Int
        public let completed: Day
        public let hours: Double
        public let activities: [String]
        public let evidence: [String]
    }
    /// One skill raised in the period.
    public struct SkillGain: Sendable, Hashable, Codable {
        public let skill: String
        public let name: String
        public let from: Int
        public let to: Int
        public let units: [UnitDone]
        /// The score points the skill's new levels add on the portfolio's day (the rest held).
        public let scoreChange: Double
        public var hours: Double { units.reduce(0) { $0 + $1.hours } }
    }
    /// A certification whose skills the person holds at working level or above.
    public struct Certification: Sendable, Hashable, Codable {
        public let resource: Resource
        /// Skills it evidences that are still below proficient (3).
        public let toStrengthen: [String]
    }

    public let role: String
    public let since: Day
    public let day: Day
    public let startScore: Double
    public let score: Double
    public let skills: [SkillGain]
    public let certifications: [Certification]
    /// Evidence logged on work that has not (yet) completed a unit.
    public let otherEvidence: [String]
}

extension ProgressRecord {
    /// The portfolio of the work logged from `since` through `day`.
    public func portfolio(since: Day, through day: Day) -> Portfolio? {
        guard let person = self.person(at: day) else { return nil }
        let graph = curriculum.graph
        let done = completions.filter { $0.day >= since && $0.day <= day }
        let live = logs.filter { $0.entry.date >= since && $0.entry.date <= day && $0.entry.status != .skipped }
        var bySkill: [String: [Completion]] = [:]
        for c in done { bySkill[c.unit.skill, default: []].append(c) }
        let levels = person.levels
        let now = person.value(at: day)
        var gains: [Portfolio.SkillGain] = []
        var used = Set<Int>()
        for (skill, units) in bySkill {
            let sorted = units.sorted { $0.unit.level < $1.unit.level }
            let entries = sorted.map { c -> Portfolio.UnitDone in
                let mine = live.enumerated().filter { $0.element.entry.unit == c.unit }
                for (i, _) in mine { used.insert(i) }
                let logged = mine.map(\.element.entry)
                return Portfolio.UnitDone(
                    level: c.unit.level, completed: c.day, hours: logged.reduce(0) { $0 + $1.hours },
                    activities: logged.compactMap(\.activity), evidence: logged.flatMap(\.evidence))
            }
            let from = (sorted.first?.unit.level ?? 1) - 1
            var without = levels
            without[skill] = min(levels[skill] ?? from, from)
            let change = now - person.score(at: day, levels: without).result.value
            gains.append(
                Portfolio.SkillGain(
                    skill: skill, name: graph[skill]?.name ?? skill, from: from, to: sorted.last?.unit.level ?? from,
                    units: entries, scoreChange: change))
        }
        // The start: the same levels without what was gained in the period, on its first day.
        var start = levels
        for g in gains { start[g.skill] = min(start[g.skill] ?? g.from, g.from) }
        let startScore = person.score(at: since, levels: start).result.value
        gains.sort { $0.scoreChange != $1.scoreChange ? $0.scoreChange > $1.scoreChange : $0.skill < $1.skill }
        let certifications = curriculum.resources.filter { $0.kind == .certification && $0.status == .active && !$0.skills.isEmpty }
            .filter { r in r.skills.allSatisfy { (levels[$0] ?? 0) >= 2 } }
            .map { r in Portfolio.Certification(resource: r, toStrengthen: r.skills.filter { (levels[$0] ?? 0) < 3 }) }
        let other = live.enumerated().filter { !used.contains($0.offset) }.flatMap(\.element.entry.evidence)
        return Portfolio(
            role: person.role.id, since: since, day: day, startScore: startScore, score: now,
            skills: gains, certifications: certifications, otherEvidence: other)
    }
}
