import HeadwayCore

/// The JSON of `headway plan --json` and `export plan --format json` (`MODEL.md` §7);
/// Decodable too, so a Swift consumer reads it back with `JSONDecoder`.
public struct PlanReport: Codable, Equatable, Sendable {
    public struct UnitJSON: Codable, Equatable, Sendable {
        public let skill: String
        public let level: Int
        public let hours: Double
        public let gain: Double
        public let gainPerHour: Double
        public let tasks: [String]
        public let neededBy: [String]
        public let required: Bool
        public let why: String
    }
    /// An activity as the plan lists it (`MODEL.md` §4b): its hours here, what it needs (and
    /// what it stands in for when it is the alternative), what to produce, where to learn it.
    public struct ActivityJSON: Codable, Equatable, Sendable {
        public let text: String
        public let hours: Double
        public let access: String?
        public let insteadOf: String?
        public let gpuHours: Double?
        public let evidence: String?
        public let resources: [String]
    }
    public struct ItemJSON: Codable, Equatable, Sendable {
        public let skill: String
        public let level: Int
        public let hours: Double
        public let completes: Bool
        public let activities: [String]
        public let activityHours: [Double]
        public var activityDetails: [ActivityJSON]? = nil
    }
    public struct ResourceJSON: Codable, Equatable, Sendable {
        public let id: String
        public let kind: String
        public let title: String
        public let by: String
        public let locator: String
        public let free: Bool
        public let verified: String
    }
    public struct WeekJSON: Codable, Equatable, Sendable {
        public let week: Int
        public let start: String
        public let hours: Double
        public let projectedScore: Double
        public let items: [ItemJSON]
        public var resources: [ResourceJSON]? = nil
    }
    /// The access a plan was made for; `assumed` when the person gave none.
    public struct AccessJSON: Codable, Equatable, Sendable {
        public let compute: String
        public let team: Bool
        public let gpuHours: Double?
        public let assumed: Bool
    }
    public struct AccessStepJSON: Codable, Equatable, Sendable {
        public let change: String
        public let projectedScore: Double
    }

    public let startScore: Double
    public let projectedScore: Double
    public let optimal: Bool
    public let gap: Double
    public let start: String
    public let end: String
    public let weeksCount: Int
    public let hoursPerWeek: Double
    public let totalHours: Double
    public let units: [UnitJSON]
    public var weeks: [WeekJSON]
    /// The programme's first day and weeks, and the programme week this plan starts in.
    public let programmeStart: String
    public let programmeWeeks: Int
    public let firstWeek: Int
    /// `[low, high]` of the start and projected scores; left out for plans saved before bands.
    public var startBand: [Double]? = nil
    public var projectedBand: [Double]? = nil
    /// Doable plans (`MODEL.md` §4b): the access planned for, the GPU hours the units use, the
    /// budget, their rented cost, the units left out by the least access that opens them, and
    /// what each access step up would reach (`plan` only: a stored plan's view does not re-plan).
    public var access: AccessJSON? = nil
    public var gpuHours: Double? = nil
    public var gpuHoursBudget: Double? = nil
    public var cloudCostUsd: Double? = nil
    public var leftOut: [String: Int]? = nil
    public var accessSteps: [AccessStepJSON]? = nil

    /// The same report with only one week in `weeks`.
    public func only(week: Int) -> PlanReport {
        var copy = self
        copy.weeks = weeks.filter { $0.week == week }
        return copy
    }

    /// `programme`: the numbering of the programme the plan belongs to (default: its own);
    /// `weeks[].week` are programme weeks.
    public init(_ plan: Plan, curriculum: Curriculum, role: Role, programme: ProgrammeWeeks? = nil) {
        let graph = curriculum.graph
        let numbering = programme ?? ProgrammeWeeks(plan)
        programmeStart = numbering.start.description
        programmeWeeks = numbering.count
        firstWeek = numbering.firstWeek(of: plan)
        startScore = round(plan.startScore, 1)
        projectedScore = round(plan.projectedScore, 1)
        optimal = plan.optimal
        gap = round(plan.gap, 2)
        start = plan.start.description
        end = plan.end.description
        weeksCount = plan.weeks
        hoursPerWeek = plan.hoursPerWeek
        totalHours = round(plan.totalHours, 2)
        startBand = bandJSON(plan.startBand); projectedBand = bandJSON(plan.projectedBand)
        units = plan.units.map { u in
            UnitJSON(
                skill: u.skill, level: u.level, hours: round(u.hours, 2), gain: round(u.gain, 3),
                gainPerHour: round(u.gain / u.hours, 4), tasks: u.tasks, neededBy: u.neededBy.map(\.description),
                required: u.required, why: Explanation.why(u, graph: graph, role: role))
        }
        weeks = plan.schedule.map { w in
            WeekJSON(
                week: numbering.number(of: w), start: w.start.description, hours: round(w.hours, 2), projectedScore: round(w.projectedScore, 1),
                items: w.items.map { i in
                    let unit = UnitID(skill: i.skill, level: i.level)
                    return ItemJSON(
                        skill: i.skill, level: i.level, hours: round(i.hours, 2), completes: i.completes,
                        activities: i.activities.map(\.text), activityHours: i.activities.map { round($0.hours, 2) },
                        activityDetails: i.activities.map { a in
                            let found = graph.step(unit, named: a.text)
                            return ActivityJSON(
                                text: a.text, hours: round(a.hours, 2), access: found?.step.access.rawValue,
                                insteadOf: found?.replaces?.access.rawValue, gpuHours: found.map { round($0.step.gpuHours, 2) },
                                evidence: found?.step.evidence, resources: found?.step.resources ?? [])
                        })
                },
                resources: curriculum.resources(citedBy: w).map {
                    ResourceJSON(
                        id: $0.id, kind: $0.kind.rawValue, title: $0.title, by: $0.by, locator: $0.locator, free: $0.free,
                        verified: $0.verified.description)
                })
        }
        let a = plan.access ?? .unrestricted
        access = AccessJSON(compute: a.compute.rawValue, team: a.team, gpuHours: a.gpuHours, assumed: plan.access == nil)
        let gpu = plan.units.reduce(0.0) { $0 + (graph[$1.skill]?.gpuHours(toLevel: $1.level, for: a) ?? 0) }
        gpuHours = round(gpu, 2)
        gpuHoursBudget = a.gpuHours
        cloudCostUsd = curriculum.gpuHourPrice.map { round(gpu * $0.value, 2) }
    }

    /// Adds what the access outlook of `plan` adds: the units left out and each step up.
    public mutating func add(_ outlook: AccessOutlook) {
        leftOut = outlook.leftOut
        accessSteps = outlook.steps.map { AccessStepJSON(change: $0.change, projectedScore: round($0.projectedScore, 1)) }
    }
}

/// Why a unit is in a plan, as one sentence.
public enum Explanation {
    public static func why(_ u: PlanUnit, graph: SkillGraph, role: Role) -> String {
        var parts: [String] = []
        if u.gain > 0.0005 {
            let names = u.tasks.compactMap { role.task($0)?.name }
            parts.append(
                "adds \(fixed(u.gain, 2)) points (\(fixed(u.gain / u.hours, 3))/h)"
                    + (names.isEmpty ? "" : " by lowering automation of " + names.joined(separator: "; ")))
        }
        if !u.neededBy.isEmpty {
            parts.append("needed by " + u.neededBy.map { "\(graph[$0.skill]?.name ?? $0.skill) \($0.level)" }.joined(separator: ", "))
        }
        if u.required { parts.append("your include goal") }
        return parts.isEmpty ? "completes the plan" : parts.joined(separator: "; ")
    }
}

/// `[low, high]` to one decimal, as every JSON document writes a band.
public func bandJSON(_ band: ScoreBand?) -> [Double]? { band.map { [$0.shown.low, $0.shown.high] } }
