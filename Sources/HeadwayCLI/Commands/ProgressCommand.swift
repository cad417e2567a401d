import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayStore

/// `headway progress`: the plan week by week against what was logged, and the outlook.
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Planned vs logged hours by week, streak, and whether the plan still holds.",
        discussion: """
        Pace is the average of the plan's finished weeks (the plan's own hours in week 1). Once \
        two units are complete, your pace factor (hours logged on them over their curriculum \
        hours, 0.5-2) scales the hours left. When the units left do not fit at your pace, it says \
        what covers that (a re-assessment, a unit completed, units that add nothing) or shows the \
        score you would reach and what `replan` would give (computed, not saved).
        """)

    @OptionGroup var model: ModelOptions
    @OptionGroup var store: StoreOptions
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let (report, written, _, _) = try withProfileProgress(model, store) { p, _ in try ProgressReport(p) }
        if json { try printJSON(report); return }
        for line in signalNotes(written) { Console.out(line) }
        Console.out(report.render(style: .current()))
    }
}

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
    let atPace: Double?
    let onTrack: Bool?
    let shortfall: Double?
    let covers: [String]
    let hoursPerWeekNeeded: Double?
    let paceFactor: PaceJSON?
    let replan: ReplanJSON?
    /// The score at the plan's end with today's levels: the field's drift alone.
    let withoutPlan: Double
    /// The plan against the field, in words (text only).
    let againstTheField: String

    struct PaceJSON: Encodable {
        let value: Double
        let raw: Double
        let units: [String]
        let logged: Double
        let curriculumHours: Double
    }

    /// Every property but `againstTheField`, which is for the text view only.
    enum CodingKeys: CodingKey {
        case asOf, planStart, planEnd, week, weeksCount, hoursPerWeek, score, weeks, streak, pace, remainingHours, capacity
        case projected, atPace, onTrack, shortfall, covers, hoursPerWeekNeeded, paceFactor, replan, withoutPlan
    }

    init(_ p: ProfileProgress) throws {
        let plan = try p.plan()
        let pp = p.planProgress!
        asOf = p.day.description
        planStart = pp.start.description
        planEnd = pp.end.description
        week = pp.week
        weeksCount = pp.weeksCount
        hoursPerWeek = plan.hoursPerWeek
        score = p.person.score(at: p.day).result.rounded
        weeks = pp.weeks().map { w in
            WeekJSON(week: w.week, start: w.start.description, planned: round(w.plannedHours, 2), logged: round(w.loggedHours, 2),
                     done: w.done.map(\.description), partial: w.partial.map(\.description), skipped: w.skipped.map(\.description))
        }
        streak = pp.streak()
        projected = round(plan.projectedScore, 1)
        let aim = (try? planningModel(p.person, toward: nil, curriculum: p.curriculum)) ?? p.person
        withoutPlan = round(aim.score(at: pp.end).result.value, 1)
        againstTheField = FieldView.outlook(aim, plan, from: p.day)
        let outlook = pp.outlook()
        pace = outlook.map { round($0.pace, 2) }
        remainingHours = outlook.map { round($0.remainingHours, 2) }
        capacity = outlook.map { round($0.capacity, 2) }
        atPace = outlook.map { round($0.atPace, 1) }
        onTrack = outlook?.onTrack
        shortfall = outlook.map { round($0.shortfall, 2) }
        hoursPerWeekNeeded = outlook.map { round($0.hoursPerWeekNeeded, 2) }
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
        paceFactor = factor.map { PaceJSON(value: round($0.value, 2), raw: round($0.raw, 3), units: $0.units.map(\.description),
                                           logged: round($0.logged, 2), curriculumHours: round($0.curriculumHours, 2)) }
        if let outlook, !outlook.onTrack, let r = p.replan(on: p.day) {
            replan = ReplanJSON(fromWeek: r.week, hoursPerWeek: r.plan.hoursPerWeek, projected: round(r.plan.projectedScore, 1),
                                units: r.plan.units.map { $0.id.description })
        } else {
            replan = nil
        }
    }

    func render(style: Style) -> String {
        var out: [String] = []
        let position = week == 0 ? "starts \(planStart)" : week > weeksCount ? "ended \(planEnd)" : "week \(week) of \(weeksCount)"
        out.append("Plan \(planStart) to \(planEnd), \(format(hoursPerWeek)) h/week · \(position) · AIJRI \(fixed(score, 1)) as of \(asOf)")
        out.append("")
        var table = Table(["Week", "From", "Planned", "Logged", "", "Done", "Partial", "Skipped"],
                          align: [.right, .left, .right, .right, .left, .left, .left, .left])
        for w in weeks {
            let bar = progressBar(w.planned > 0 ? w.logged / w.planned : (w.logged > 0 ? 1 : 0), width: 10)
            table.add(["\(w.week)", w.start, fixed(w.planned, 1), fixed(w.logged, 1), bar,
                       w.done.joined(separator: " "), w.partial.joined(separator: " "), w.skipped.joined(separator: " ")])
        }
        out.append(weeks.isEmpty ? "No week of the plan has started yet." : table.render(width: style.width))
        out.append("")
        out.append("Streak: \(streak) week\(streak == 1 ? "" : "s") in a row on plan.")
        guard let pace, let onTrack, let atPace, let remainingHours, let capacity else {
            out.append("The plan has ended; `plan` makes the next one.")
            return out.joined(separator: "\n")
        }
        out.append(againstTheField)
        if let c = paceFactor {
            out.append("Pace factor \(fixed(c.value, 2)): \(format(c.logged)) h logged on \(format(c.curriculumHours)) curriculum hours of \(c.units.count) completed units"
                       + (c.value != c.raw ? " (\(fixed(c.raw, 2)), kept within 0.5-2)" : "") + "; the hours left are scaled by it.")
        }
        out.append("Pace \(fixed(pace, 1)) h/week: \(fixed(remainingHours, 1)) h of planned work left, \(fixed(capacity, 1)) h at this pace by \(planEnd).")
        let short = shortfall ?? 0
        if onTrack && short <= 0.005 {
            out.append(style.zone("On track:", .green) + " at this pace the plan reaches its projected \(fixed(projected, 1)).")
        } else if onTrack {
            out.append(style.zone("On track:", .green) + " \(fixed(short, 1)) h do not fit, but the plan still reaches its projected \(fixed(projected, 1)): "
                       + covers.joined(separator: "; ") + ".")
        } else {
            if short > 0.005 {
                out.append(style.zone("Behind:", .yellow) + " \(fixed(short, 1)) h short: at this pace you reach \(fixed(atPace, 1)) by \(planEnd), not the projected \(fixed(projected, 1));"
                           + " finishing needs \(fixed(hoursPerWeekNeeded ?? 0, 1)) h/week.")
            } else {
                out.append(style.zone("Behind:", .yellow) + " at this pace you reach \(fixed(atPace, 1)) by \(planEnd), not the projected \(fixed(projected, 1)).")
            }
            if let replan {
                out.append("`replan` would give \(fixed(replan.projected, 1)) from week \(replan.fromWeek) at \(format(replan.hoursPerWeek)) h/week"
                           + " (\(replan.units.count) unit\(replan.units.count == 1 ? "" : "s"): \(replan.units.joined(separator: ", "))).")
            }
        }
        return out.joined(separator: "\n")
    }
}

/// `headway history`: the score over time with why it moved.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Your score over time with the reason for each change, as a table and a sparkline.",
        discussion: "Snapshots are shown as written; nothing is recomputed. --json prints them.")

    @OptionGroup var model: ModelOptions
    @OptionGroup var store: StoreOptions
    @Flag(help: "Print JSON.") var json = false

    struct Entry: Encodable {
        let asOf: String
        let score: Double
        let change: Double
        let zone: String
        let label: String
        let reason: String
        /// The curricula version it was made under (`2026.12`, or a content hash for an unversioned folder).
        let curricula: String
        /// `[low, high]`; left out for snapshots written before bands.
        var band: [Double]? = nil
        enum CodingKeys: String, CodingKey { case score, change, zone, label, reason, curricula, band; case asOf = "as_of" }
    }

    /// A plan and the curricula it was made under.
    struct PlanEntry: Encodable {
        let start: String, weeks: Int, projectedScore: Double, curricula: String, current: Bool
        enum CodingKeys: String, CodingKey { case start, weeks, curricula, current; case projectedScore = "projected_score" }
    }

    func run() throws {
        let ((snapshots, plans), written, _, profile) = try withProfileProgress(model, store) { p, writes in
            // As of a day: what was written for days up to it.
            ((p.state.snapshots.map { ($0.snapshot, CurriculaStamp($0.curriculaVersion).label) }
                + writes.snapshots.map { ($0, p.curriculum.label) }).filter { $0.0.asOf <= p.day },
             p.state.plans.map { PlanEntry(start: $0.plan.start.description, weeks: $0.plan.weeks, projectedScore: $0.plan.projectedScore,
                                           curricula: CurriculaStamp($0.curriculaVersion).label, current: $0.id == p.state.plan?.id) })
        }
        let sorted = snapshots.enumerated().sorted { ($0.element.0.asOf, $0.offset) < ($1.element.0.asOf, $1.offset) }.map(\.element)
        var entries: [Entry] = []
        for (i, (s, curricula)) in sorted.enumerated() {
            entries.append(Entry(asOf: s.asOf.description, score: s.score, change: round(i == 0 ? 0 : s.score - sorted[i - 1].0.score, 1),
                                 zone: s.zone.rawValue, label: s.label, reason: s.reason, curricula: curricula, band: bandJSON(s.band)))
        }
        if json {
            struct Doc: Encodable { let profile: String; let snapshots: [Entry]; let plans: [PlanEntry] }
            try printJSON(Doc(profile: profile.name, snapshots: entries, plans: plans))
            return
        }
        for line in signalNotes(written) { Console.out(line) }
        guard let first = entries.first, let last = entries.last else {
            Console.out("No score history yet for profile \(profile.name).")
            return
        }
        let style = Style.current()
        Console.out("Profile \(profile.name): AIJRI \(fixed(first.score, 1)) on \(first.asOf) → \(fixed(last.score, 1)) on \(last.asOf)"
                    + " (\(signed(last.score - first.score)))  \(sparkline(entries.map(\.score), width: 60))")
        Console.out("")
        var table = Table(["Date", "AIJRI", "Likely", "Change", "Zone", "Reason"], align: [.left, .right, .left, .right, .left, .left])
        for e in entries {
            let band = e.band.map { $0[0] == $0[1] ? "" : "\(fixed($0[0], 1))-\(fixed($0[1], 1))" } ?? ""
            table.add([e.asOf, fixed(e.score, 1), band, e.change == 0 ? "" : signed(e.change), e.label, e.reason])
        }
        Console.out(table.render(width: style.width))
    }
}

/// `headway signals`: the changes in the field acting on your role and what they do to you.
struct SignalsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signals",
        abstract: "Changes in the field: window, effect on your score, skills that answer them.",
        discussion: """
        Effect = your score with the signal's drift minus your score without it, now and once \
        its window is complete (with your current levels). A signal is coming before its window, \
        under way inside it, and complete after it (its effect then stays).
        """)

    @OptionGroup var model: ModelOptions
    @OptionGroup var store: StoreOptions
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let (report, written, _, _) = try withProfileProgress(model, store) { p, _ in SignalReport.all(p) }
        if json { try printJSON(report); return }
        for line in signalNotes(written) { Console.out(line) }
        Console.out(SignalReport.render(report, style: .current()))
    }
}

/// One signal as it touches this person.
struct SignalReport: Encodable {
    struct Answer: Encodable { let skill: String; let name: String; let level: Int }
    let id: String
    let title: String
    let from: String
    let to: String
    let status: String
    let progress: Double
    let effectNow: Double
    let effectComplete: Double
    let answeredBy: [Answer]
    let note: String

    enum CodingKeys: String, CodingKey {
        case id, title, from, to, status, progress, note
        case effectNow = "effect_now", effectComplete = "effect_complete", answeredBy = "answered_by"
    }

    init(_ s: Signal, _ p: ProfileProgress, on day: Day) {
        let person = p.person(at: day)
        id = s.id; title = s.title; note = s.note
        from = s.window.from.description; to = s.window.to.description
        let ramp = s.window.ramp(at: day)
        status = day < s.window.from ? "coming" : day >= s.window.to ? "complete" : "under way"
        progress = round(ramp, 3)
        effectNow = round(person.effect(of: s.id, at: day), 2)
        effectComplete = round(person.effect(of: s.id, at: max(day, s.window.to), levels: person.levels), 2)
        answeredBy = s.answeredBy.map { Answer(skill: $0, name: p.name($0), level: person.level(of: $0)) }
    }

    static func all(_ p: ProfileProgress) -> [SignalReport] { p.person.roleSignals.map { SignalReport($0, p, on: p.day) } }

    /// "takes 0.3 points off your score now", "adds 0.1", "does not move it yet".
    var effectSentence: String {
        func points(_ x: Double) -> String { "\(fixed(abs(x), 2)) point\(abs(x) == 1 ? "" : "s")" }
        let now = effectNow == 0 ? "does not move your score yet" : effectNow < 0 ? "takes \(points(effectNow)) off your score now" : "adds \(points(effectNow)) to your score now"
        if status == "complete" || effectComplete == effectNow { return now }
        return now + (effectComplete < 0 ? ", \(points(effectComplete)) off once complete" : ", adds \(points(effectComplete)) once complete")
    }

    var answerText: String {
        answeredBy.map { "\($0.name) (you: \($0.level))" }.joined(separator: ", ")
    }

    static func render(_ all: [SignalReport], style: Style) -> String {
        guard !all.isEmpty else { return "No signal in the curricula acts on your role." }
        var table = Table(["Signal", "Window", "Status", "Now", "Complete", "Answered by"],
                          align: [.left, .left, .left, .right, .right, .left])
        for s in all {
            let status = s.status == "under way" ? "under way, \(fixed(s.progress * 100, 0))%" : s.status
            table.add([s.title, "\(s.from) to \(s.to)", status, signed(s.effectNow, 2), signed(s.effectComplete, 2),
                       s.answeredBy.map { "\($0.skill) \($0.level)" }.joined(separator: ", ")])
        }
        return table.render(width: style.width)
            + "\n\nNow / Complete: points the signal adds to (or takes off) your score, now and once its window is complete."
    }
}
