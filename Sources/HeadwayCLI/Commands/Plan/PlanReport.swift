import HeadwayCore

/// The JSON of `headway plan --json` and `export plan --format json` (`MODEL.md` §7);
/// Decodable too, so a Swift consumer reads it back with `JSONDecoder`.
struct PlanReport: Codable, Equatable {
    struct UnitJSON: Codable, Equatable {
        let skill: String
        let level: Int
        let hours: Double
        let gain: Double
        let gainPerHour: Double
        let tasks: [String]
        let neededBy: [String]
        let required: Bool
        let why: String
    }
    /// An activity as the plan lists it (`MODEL.md` §4b): its hours here, what it needs (and
    /// what it stands in for when it is the alternative), what to produce, where to learn it.
    struct ActivityJSON: Codable, Equatable {
        let text: String
        let hours: Double
        let access: String?
        let insteadOf: String?
        let gpuHours: Double?
        let evidence: String?
        let resources: [String]
    }
    struct ItemJSON: Codable, Equatable {
        let skill: String
        let level: Int
        let hours: Double
        let completes: Bool
        let activities: [String]
        let activityHours: [Double]
        var activityDetails: [ActivityJSON]? = nil
    }
    struct ResourceJSON: Codable, Equatable {
        let id: String
        let kind: String
        let title: String
        let by: String
        let locator: String
        let free: Bool
        let verified: String
    }
    struct WeekJSON: Codable, Equatable {
        let week: Int
        let start: String
        let hours: Double
        let projectedScore: Double
        let items: [ItemJSON]
        var resources: [ResourceJSON]? = nil
    }
    /// The access a plan was made for; `assumed` when the person gave none.
    struct AccessJSON: Codable, Equatable {
        let compute: String
        let team: Bool
        let gpuHours: Double?
        let assumed: Bool
    }
    struct AccessStepJSON: Codable, Equatable {
        let change: String
        let projectedScore: Double
    }

    let startScore: Double
    let projectedScore: Double
    let optimal: Bool
    let gap: Double
    let start: String
    let end: String
    let weeksCount: Int
    let hoursPerWeek: Double
    let totalHours: Double
    let units: [UnitJSON]
    var weeks: [WeekJSON]
    /// The programme's first day and weeks, and the programme week this plan starts in.
    let programmeStart: String
    let programmeWeeks: Int
    let firstWeek: Int
    /// `[low, high]` of the start and projected scores; left out for plans saved before bands.
    var startBand: [Double]? = nil
    var projectedBand: [Double]? = nil
    /// Doable plans (`MODEL.md` §4b): the access planned for, the GPU hours the units use, the
    /// budget, their rented cost, the units left out by the least access that opens them, and
    /// what each access step up would reach (`plan` only: a stored plan's view does not re-plan).
    var access: AccessJSON? = nil
    var gpuHours: Double? = nil
    var gpuHoursBudget: Double? = nil
    var cloudCostUsd: Double? = nil
    var leftOut: [String: Int]? = nil
    var accessSteps: [AccessStepJSON]? = nil

    /// The same report with only one week in `weeks`.
    func only(week: Int) -> PlanReport {
        var copy = self
        copy.weeks = weeks.filter { $0.week == week }
        return copy
    }

    /// `programme`: the numbering of the programme the plan belongs to (default: its own);
    /// `weeks[].week` are programme weeks.
    init(_ plan: Plan, curriculum: Curriculum, role: Role, programme: ProgrammeWeeks? = nil) {
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
                resources: ActivityView.resources(ActivityView.pairs(w), curriculum: curriculum).map {
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
    mutating func add(_ outlook: AccessOutlook) {
        leftOut = outlook.leftOut
        accessSteps = outlook.steps.map { AccessStepJSON(change: $0.change, projectedScore: round($0.projectedScore, 1)) }
    }
}

/// Why a unit is in a plan, as one sentence.
enum Explanation {
    static func why(_ u: PlanUnit, graph: SkillGraph, role: Role) -> String {
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
