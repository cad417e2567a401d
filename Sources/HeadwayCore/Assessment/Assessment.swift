/// One person's answers: role, seniority, hours, time split, levels, market overrides, goals.
///
/// An assessment holds only what the person said; defaults (seniority levels, the role's time
/// split) are applied by ``PersonalModel``.
public struct Assessment: Sendable, Hashable, Codable {
    public var role: String
    public var seniority: Seniority
    public var hoursPerWeek: Double
    public var weeks: Int
    public var start: Day?
    /// Percent per task id; empty means the role's own split.
    public var timeSplit: [String: Double]
    /// Assessed levels 0…4 by skill id.
    public var skills: [String: Int]
    public var market: MarketOverrides
    public var goals: Goals
    /// Answered levels the person is not sure of: each may be one off (the score's band).
    public var unsure: Set<String> = []
    /// Weeks with other hours than ``hoursPerWeek``: a day of the week (its first day, by
    /// convention) -> that week's hours, 0 for a holiday.
    public var availability: [Day: Double]
    /// What the person can use to learn (`MODEL.md` §4b); `nil`: they said nothing, so plans
    /// are not restricted (``PersonAccess/unrestricted``) and say what they assumed.
    public var access: PersonAccess? = nil

    public static let hoursRange = 1.0...40.0
    public static let weeksRange = 1...52
    public static let defaultHours = 6.0
    public static let defaultWeeks = 12

    public init(
        role: String, seniority: Seniority = .mid, hoursPerWeek: Double = Assessment.defaultHours,
        weeks: Int = Assessment.defaultWeeks, start: Day? = nil, timeSplit: [String: Double] = [:],
        skills: [String: Int] = [:], market: MarketOverrides = .init(), goals: Goals = .init(),
        availability: [Day: Double] = [:]
    ) {
        self.role = role; self.seniority = seniority; self.hoursPerWeek = hoursPerWeek; self.weeks = weeks
        self.start = start; self.timeSplit = timeSplit; self.skills = skills; self.market = market; self.goals = goals
        self.availability = availability
    }

    /// The allowed hours of one availability week (0 is a holiday).
    public static let weekHoursRange = 0.0...40.0

    /// Each week's hours for `weeks` weeks from `start`: ``hoursPerWeek``, or the
    /// availability entry whose day falls in that week.
    public func weekHours(from start: Day, weeks: Int, hoursPerWeek: Double? = nil) -> [Double] {
        Self.weekHours(availability, from: start, weeks: weeks, hoursPerWeek: hoursPerWeek ?? self.hoursPerWeek)
    }

    /// Weekly hours from an availability map: week `k` is `[start + 7(k-1), start + 7k - 1]`.
    public static func weekHours(_ availability: [Day: Double], from start: Day, weeks: Int, hoursPerWeek: Double) -> [Double] {
        var out = [Double](repeating: hoursPerWeek, count: max(0, weeks))
        for (day, hours) in availability {
            let d = start.days(to: day)
            guard d >= 0, d / 7 < out.count else { continue }
            out[d / 7] = hours
        }
        return out
    }
}

/// Per-dimension overrides of the role's market factors.
public struct MarketOverrides: Sendable, Hashable, Codable {
    public var evidence: [EvidenceDimension: Double]
    public var barriers: [BarrierDimension: Double]
    public var growth: Double?
    public init(evidence: [EvidenceDimension: Double] = [:], barriers: [BarrierDimension: Double] = [:], growth: Double? = nil) {
        self.evidence = evidence; self.barriers = barriers; self.growth = growth
    }
    public var isEmpty: Bool { evidence.isEmpty && barriers.isEmpty && growth == nil }
}

/// Planning goals: skills that must reach a level, skills to leave out, and a role to move toward.
public struct Goals: Sendable, Hashable, Codable {
    public var include: [String: Int]
    public var exclude: [String]
    /// A target role id: plans then raise the person's score in that role instead of their own.
    public var toward: String?
    public init(include: [String: Int] = [:], exclude: [String] = [], toward: String? = nil) {
        self.include = include; self.exclude = exclude; self.toward = toward
    }
}

/// Problems with an assessment's content measured against a curriculum.
public struct AssessmentProblem: Sendable, Hashable {
    /// The key path, e.g. `skills.vllm` or `time_split`.
    public let key: String
    public let message: String
}

extension Assessment {
    /// Tolerance on a time split adding to 100.
    public static let splitTolerance = 0.5

    /// Every problem of this assessment against `curriculum`, in key order.
    public func problems(in curriculum: Curriculum) -> [AssessmentProblem] {
        var out: [AssessmentProblem] = []
        guard let role = curriculum.role(role) else {
            return [
                .init(key: "role", message: "unknown role '\(oneLine(self.role, limit: 60))'; allowed: \(curriculum.roles.map(\.id).joined(separator: ", "))")
            ]
        }
        if !Self.hoursRange.contains(hoursPerWeek) {
            out.append(.init(key: "hours_per_week", message: "\(format(hoursPerWeek)) is out of range; allowed: 1..40"))
        }
        if !Self.weeksRange.contains(weeks) {
            out.append(.init(key: "weeks", message: "\(weeks) is out of range; allowed: 1..52"))
        }
        if let g = access?.gpuHours, !(g.isFinite && PersonAccess.gpuHoursRange.contains(g)) {
            out.append(.init(key: "access.gpu_hours", message: "\(format(g)) is out of range; allowed: 0..100000"))
        }
        for (task, share) in timeSplit.sorted(by: { $0.key < $1.key }) {
            if role.task(task) == nil {
                out.append(
                    .init(
                        key: "time_split.\(task)",
                        message: "unknown task '\(oneLine(task, limit: 60))' for role \(role.id); allowed: \(role.tasks.map(\.id).joined(separator: ", "))"))
            } else if !(0...100).contains(share) {
                out.append(.init(key: "time_split.\(task)", message: "\(format(share)) is out of range; allowed: 0..100 percent"))
            }
        }
        if !timeSplit.isEmpty {
            let total = timeSplit.keys.sorted().reduce(0) { $0 + timeSplit[$1]! }
            if abs(total - 100) > Self.splitTolerance {
                out.append(.init(key: "time_split", message: "shares add to \(format(total)); they must add to 100 (±0.5)"))
            }
        }
        for (skill, level) in skills.sorted(by: { $0.key < $1.key }) {
            if !curriculum.graph.contains(skill) {
                out.append(.init(key: "skills.\(skill)", message: "unknown skill '\(oneLine(skill, limit: 60))'; see `headway graph` for the skill ids"))
            } else if !Level.range.contains(level) {
                out.append(.init(key: "skills.\(skill)", message: "level \(level) is out of range; allowed: 0..4"))
            }
        }
        for skill in unsure.sorted() {
            if let message = unsureProblem(skill, in: curriculum) { out.append(.init(key: "unsure", message: message)) }
        }
        for (dim, value) in market.evidence where !EvidenceDimension.range.contains(value) {
            out.append(.init(key: "market.evidence.\(dim.rawValue)", message: "\(format(value)) is out of range; allowed: -2..2"))
        }
        for (dim, value) in market.barriers where !BarrierDimension.range.contains(value) {
            out.append(.init(key: "market.barriers.\(dim.rawValue)", message: "\(format(value)) is out of range; allowed: 0..2"))
        }
        if let g = market.growth, !Growth.range.contains(g) {
            out.append(.init(key: "market.growth", message: "\(format(g)) is out of range; allowed: -2..2"))
        }
        for (skill, level) in goals.include.sorted(by: { $0.key < $1.key }) {
            if !curriculum.graph.contains(skill) {
                out.append(.init(key: "goals.include.\(skill)", message: "unknown skill '\(oneLine(skill, limit: 60))'"))
            } else if !Level.unitRange.contains(level) {
                out.append(.init(key: "goals.include.\(skill)", message: "level \(level) is out of range; allowed: 1..4"))
            }
        }
        if let toward = goals.toward, curriculum.role(toward) == nil {
            out.append(
                .init(
                    key: "goals.toward", message: "unknown role '\(oneLine(toward, limit: 60))'; allowed: \(curriculum.roles.map(\.id).joined(separator: ", "))"
                ))
        }
        for skill in goals.exclude where !curriculum.graph.contains(skill) {
            out.append(.init(key: "goals.exclude", message: "unknown skill '\(oneLine(skill, limit: 60))'"))
        }
        for (day, hours) in availability.sorted(by: { $0.key < $1.key }) where !Self.weekHoursRange.contains(hours) {
            out.append(.init(key: "availability.\(day)", message: "\(format(hours)) is out of range; allowed: 0..40 hours that week (0 for a holiday)"))
        }
        return out
    }
}

extension Assessment {
    /// Why `skill` cannot be marked unsure in this assessment, or nil when it can.
    public func unsureProblem(_ skill: String, in curriculum: Curriculum) -> String? {
        guard curriculum.graph.contains(skill) else {
            return "unknown skill '\(oneLine(skill, limit: 60))'; see `headway graph` for the skill ids"
        }
        guard skills[skill] != nil else {
            return "'\(skill)' has no level under skills; only an answered level can be unsure (one not answered already counts as uncertain)"
        }
        return nil
    }
}

/// Shortest decimal form of a number, to at most 4 decimals: 6 not 6.0, 2.5 stays 2.5.
public func format(_ x: Double) -> String {
    if x.isNaN { return "NaN" }
    if x.isInfinite { return x > 0 ? "inf" : "-inf" }
    guard abs(x) < 1e15 else { return String(x) }
    let r = (x * 10_000).rounded() / 10_000
    if r == r.rounded() { return String(Int(r)) }
    return String(r)
}
