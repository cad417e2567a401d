import ArgumentParser
import Foundation
import HeadwayApp
import HeadwayCore
import HeadwayStore

/// The content of `progress`, in JSON and as text.
struct ProgressReport: Encodable {
    struct WeekJSON: Encodable {
        let week: Int
        let start: String
        let planned: Double
        let logged: Double
        let done: [String]
        let partial: [String]
        let skipped: [String]
    }
    struct ReplanJSON: Encodable {
        let fromWeek: Int
        let hoursPerWeek: Double
        let projected: Double
        let units: [String]
    }

    let asOf: String
    let planStart: String
    let planEnd: String
    let week: Int
    let weeksCount: Int
    let hoursPerWeek: Double
    let score: Double
    let weeks: [WeekJSON]
    let streak: Int
    let pace: Double?
    let remainingHours: Double?
    let capacity: Double?
    let projected: Double
    /// Points the field has moved the plan's projection since it was made (issue 25.10).
    let fieldMoved: Double?
    let atPace: Double?
    let onTrack: Bool?
    let shortfall: Double?
    let covers: [String]
    let hoursPerWeekNeeded: Double?
    /// No week of the plan has hours left (its last day): there is no pace to finish at.
    let noWeekLeft: Bool
    /// What the programme came to, once it has ended (`nil` before).
    let summary: SummaryJSON?
    /// The summary's text (the text view only).
    var summaryText: [String] = []
    let paceFactor: PaceJSON?
    let replan: ReplanJSON?
    /// The score at the plan's end with today's levels: the field's drift alone.
    let withoutPlan: Double
    /// The plan against the field, in words (text only).
    let againstTheField: String
    /// The role the plan aims at when it is not the person's own (`plan --toward`).
    let toward: String?
    /// What that means for the numbers, in words (text only).
    let towardNote: String?

    struct PaceJSON: Encodable {
        let value: Double
        let raw: Double
        let units: [String]
        let logged: Double
        let curriculumHours: Double
    }

    /// Every property but `againstTheField` and `towardNote`, which are for the text view only.
    enum CodingKeys: CodingKey {
        case asOf, planStart, planEnd, week, weeksCount, hoursPerWeek, score, weeks, streak, pace, remainingHours, capacity
        case projected, fieldMoved, atPace, onTrack, shortfall, covers, hoursPerWeekNeeded, paceFactor, replan, withoutPlan, toward
        case summary
    }

    init(_ p: ProfileProgress) throws {
        let plan = try p.plan()
        guard let pp = p.planProgress else { throw HeadwayError.noPlanInForce(p) }
        asOf = p.day.description
        planStart = pp.start.description
        planEnd = pp.end.description
        week = pp.week
        weeksCount = pp.weeksCount
        hoursPerWeek = plan.hoursPerWeek
        score = p.person.score(at: p.day).result.rounded
        weeks = pp.weeks().map { w in
            WeekJSON(
                week: w.week, start: w.start.description, planned: round(w.plannedHours, 2), logged: round(w.loggedHours, 2),
                done: w.done.map(\.description), partial: w.partial.map(\.description), skipped: w.skipped.map(\.description))
        }
        streak = pp.streak()
        summary = pp.summary().map(SummaryJSON.init)
        summaryText = pp.summary().map { SummaryView.lines($0, name: p.name) } ?? []
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
        let factor = p.record.paceFactor(through: p.day)
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

    func render(style: Style) -> String {
        var out: [String] = []
        let position = week == 0 ? "starts \(planStart)" : week > weeksCount ? "ended \(planEnd)" : "week \(week) of \(weeksCount)"
        out.append("Plan \(planStart) to \(planEnd), \(format(hoursPerWeek)) h/week · \(position) · AIJRI \(fixed(score, 1)) as of \(asOf)")
        if let towardNote { out.append(towardNote) }
        out.append("")
        var table = Table(
            ["Week", "From", "Planned", "Logged", "", "Done", "Partial", "Skipped"],
            align: [.right, .left, .right, .right, .left, .left, .left, .left])
        for w in weeks {
            let bar = progressBar(w.planned > 0 ? w.logged / w.planned : (w.logged > 0 ? 1 : 0), width: 10)
            table.add([
                "\(w.week)", w.start, fixed(w.planned, 1), fixed(w.logged, 1), bar,
                w.done.joined(separator: " "), w.partial.joined(separator: " "), w.skipped.joined(separator: " ")
            ])
        }
        out.append(weeks.isEmpty ? "No week of the plan has started yet." : table.render(width: style.width))
        out.append("")
        out.append("Streak: \(streak) week\(streak == 1 ? "" : "s") in a row on plan.")
        guard let pace, let onTrack, let atPace, let remainingHours, let capacity else {
            // No outlook: the plan has ended, or its target role is gone (the note above says so).
            if !summaryText.isEmpty {
                out.append("")
                out += summaryText
            } else if week > weeksCount {
                out.append("The plan has ended; `plan` makes the next one.")
            }
            return out.joined(separator: "\n")
        }
        out.append(againstTheField)
        if let c = paceFactor {
            out.append(
                "Pace factor \(fixed(c.value, 2)): \(format(c.logged)) h logged on \(format(c.curriculumHours)) curriculum hours of \(c.units.count) completed units"
                    + (c.value != c.raw ? " (\(fixed(c.raw, 2)), kept within 0.5-2)" : "") + "; the hours left are scaled by it.")
        }
        out.append("Pace \(fixed(pace, 1)) h/week: \(fixed(remainingHours, 1)) h of planned work left, \(fixed(capacity, 1)) h at this pace by \(planEnd).")
        let short = shortfall ?? 0
        let projected = projectedText(projected, fieldMoved: fieldMoved)
        if onTrack && short <= 0.005 {
            out.append(style.zone("On track:", .green) + " at this pace the plan reaches its projected \(projected).")
        } else if onTrack {
            out.append(
                style.zone("On track:", .green) + " \(fixed(short, 1)) h do not fit, but the plan still reaches its projected \(projected): "
                    + covers.joined(separator: "; ") + ".")
        } else {
            if short > 0.005 {
                out.append(
                    style.zone("Behind:", .yellow)
                        + " \(fixed(short, 1)) h short: at this pace you reach \(fixed(atPace, 1)) by \(planEnd), not the projected \(projected);"
                        + (noWeekLeft ? " this is its last day." : " finishing needs \(fixed(hoursPerWeekNeeded ?? 0, 1)) h/week."))
            } else {
                out.append(
                    style.zone("Behind:", .yellow) + " at this pace you reach \(fixed(atPace, 1)) by \(planEnd), not the projected \(projected).")
            }
            if let replan {
                out.append(
                    "`replan` would give \(fixed(replan.projected, 1)) from week \(replan.fromWeek) at \(format(replan.hoursPerWeek)) h/week"
                        + " (\(replan.units.count) unit\(replan.units.count == 1 ? "" : "s"): \(replan.units.joined(separator: ", "))).")
            }
        }
        return out.joined(separator: "\n")
    }
}
