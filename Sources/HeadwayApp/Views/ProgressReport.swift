import Foundation
import HeadwayCore
import HeadwayStore

/// The content of `progress`, in JSON and as text.
public struct ProgressReport: Encodable, Sendable {
    public struct WeekJSON: Encodable, Sendable {
        public let week: Int
        public let start: String
        public let planned: Double
        public let logged: Double
        public let done: [String]
        public let partial: [String]
        public let skipped: [String]
    }
    public struct ReplanJSON: Encodable, Sendable {
        public let fromWeek: Int
        public let hoursPerWeek: Double
        public let projected: Double
        public let units: [String]
    }

    public let asOf: String
    public let planStart: String
    public let planEnd: String
    public let week: Int
    public let weeksCount: Int
    public let hoursPerWeek: Double
    public let score: Double
    public let weeks: [WeekJSON]
    public let streak: Int
    public let pace: Double?
    public let remainingHours: Double?
    public let capacity: Double?
    public let projected: Double
    /// Points the field has moved the plan's projection since it was made (issue 25.10).
    public let fieldMoved: Double?
    public let atPace: Double?
    public let onTrack: Bool?
    public let shortfall: Double?
    public let covers: [String]
    public let hoursPerWeekNeeded: Double?
    /// No week of the plan has hours left (its last day): there is no pace to finish at.
    public let noWeekLeft: Bool
    /// What the programme came to, once it has ended (`nil` before).
    public let summary: SummaryJSON?
    /// The summary's text (the text view only).
    public var summaryText: [String] = []
    public let paceFactor: PaceJSON?
    public let replan: ReplanJSON?
    /// The score at the plan's end with today's levels: the field's drift alone.
    public let withoutPlan: Double
    /// The plan against the field, in words (text only).
    public let againstTheField: String
    /// The role the plan aims at when it is not the person's own (`plan --toward`).
    public let toward: String?
    /// What that means for the numbers, in words (text only).
    public let towardNote: String?

    public struct PaceJSON: Encodable, Sendable {
        public let value: Double
        public let raw: Double
        public let units: [String]
        public let logged: Double
        public let curriculumHours: Double
    }

    /// Every property but `againstTheField` and `towardNote`, which are for the text view only.
    enum CodingKeys: CodingKey {
        case asOf, planStart, planEnd, week, weeksCount, hoursPerWeek, score, weeks, streak, pace, remainingHours, capacity
        case projected, fieldMoved, atPace, onTrack, shortfall, covers, hoursPerWeekNeeded, paceFactor, replan, withoutPlan, toward
        case summary
    }

    public init(_ p: ProfileProgress) throws {
        let plan = try p.plan()
        guard let pp = p.planProgress else { throw HeadwayError.noPlanInForce(p) }
        asOf = p.day.description
        planStart = pp.start.description
        planEnd = pp.end.description
        week = pp.week
        weeksCount = pp.weeksCount
        hoursPerWeek = plan.hoursPerWeek
        score = p.person.result(at: p.day).rounded
        let started = pp.weeks()
        weeks = started.map { w in
            WeekJSON(
                week: w.week, start: w.start.description, planned: round(w.plannedHours, 2), logged: round(w.loggedHours, 2),
                done: w.done.map(\.description), partial: w.partial.map(\.description), skipped: w.skipped.map(\.description))
        }
        streak = pp.streak(of: started)
        let programme = pp.summary()
        summary = programme.map(SummaryJSON.init)
        summaryText = programme.map { SummaryView.lines($0, name: p.name) } ?? []
        projected = round(plan.projectedScore, 1)
        let aim = personInRole(of: plan, own: p.person)
        // The role the plan aims at, even when the curricula no longer have it.
        toward = plan.toward.flatMap { $0 == p.person.role.id ? nil : $0 }
        towardNote = aimNote(plan, aim: aim, own: p.person, day: p.day)
        withoutPlan = round(aim.value(at: pp.end), 1)
        againstTheField = FieldView.outlook(aim, plan, from: p.day)
        let outlook = pp.outlook()
        pace = outlook.map { round($0.pace, 2) }
        remainingHours = outlook.map { round($0.remainingHours, 2) }
        capacity = outlook.map { round($0.capacity, 2) }
        atPace = outlook.map { round($0.atPace, 1) }
        onTrack = outlook?.onTrack
        fieldMoved = outlook.map { round($0.fieldMoved, 2) }
        shortfall = outlook.map { round($0.shortfall, 2) }
        hoursPerWeekNeeded = outlook.map { round($0.hoursPerWeekNeeded, 2) }
        noWeekLeft = outlook?.workingWeeksLeft == 0
        covers = (outlook?.covers ?? []).map { c in
            switch c {
            case .reassessment(let day, let levels):
                return "the re-assessment of \(day) (" + levels.map { "\(p.name($0.skill)) \($0.from) → \($0.to)" }.joined(separator: ", ") + ")"
            case .completed(let u): return "\(p.name(u)), completed outside the plan"
            case .unitsAddNothing(let units):
                return "the units that do not fit (\(units.map(\.description).joined(separator: ", "))) add nothing to the projected score"
            }
        }
        // The outlook's, when there is one: the same day's.
        let factor = if let outlook { outlook.paceFactor } else { p.record.paceFactor(through: p.day) }
        paceFactor = factor.map {
            PaceJSON(
                value: round($0.value, 2), raw: round($0.raw, 3), units: $0.units.map(\.description),
                logged: round($0.logged, 2), curriculumHours: round($0.curriculumHours, 2))
        }
        if let outlook, !outlook.onTrack, let r = p.replan(on: p.day) {
            replan = ReplanJSON(
                fromWeek: r.week, hoursPerWeek: r.plan.hoursPerWeek, projected: round(r.plan.projectedScore, 1),
                units: r.plan.units.map { $0.id.description })
        } else {
            replan = nil
        }
    }
}
