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
    struct ItemJSON: Codable, Equatable {
        let skill: String
        let level: Int
        let hours: Double
        let completes: Bool
        let activities: [String]
        let activityHours: [Double]
    }
    struct WeekJSON: Codable, Equatable {
        let week: Int
        let start: String
        let hours: Double
        let projectedScore: Double
        let items: [ItemJSON]
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

    /// The same report with only one week in `weeks`.
    func only(week: Int) -> PlanReport {
        var copy = self
        copy.weeks = weeks.filter { $0.week == week }
        return copy
    }

    /// `programme`: the numbering of the programme the plan belongs to (default: its own);
    /// `weeks[].week` are programme weeks.
    init(_ plan: Plan, graph: SkillGraph, role: Role, programme: ProgrammeWeeks? = nil) {
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
                    ItemJSON(
                        skill: i.skill, level: i.level, hours: round(i.hours, 2), completes: i.completes,
                        activities: i.activities.map(\.text), activityHours: i.activities.map { round($0.hours, 2) })
                })
        }
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
