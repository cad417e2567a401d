import ArgumentParser
import Foundation
import HeadwayApp
import HeadwayCore
import HeadwayStore

/// `headway brief [WEEK]`: the weekly briefing (`MODEL.md` §6): live for the current week,
/// kept as it stood on its last day once a week has ended.
struct BriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "The weekly briefing: score and why, hours, on track, next week, the field.",
        discussion: """
            WEEK defaults to the current week of your plan. The current week's briefing is live: \
            it says what is logged so far, every time. Once a week has ended its briefing is stored \
            as it stands on the week's last day and shown unchanged afterwards (history is not \
            rewritten). --markdown and --json give the same briefing in other forms.
            """)

    @OptionGroup var model: ModelOptions
    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("A week of the plan that has started (default: the current one).", valueName: "week")) var week: Int?
    @Flag(help: "Print Markdown.") var markdown = false
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        if markdown && json { throw ValidationError("--markdown and --json both choose the output; give one") }
    }

    func run() throws {
        let week = self.week
        let (briefed, written, _, _) = try withProfileProgress(model, store, briefings: true) { p, writes -> (BriefingDocument, [String]) in
            _ = try p.plan()
            guard let programme = p.planProgress, let stored = p.storedPlan else { throw HeadwayError.noPlanInForce(p) }
            let current = programme.week, weeks = programme.weeksCount
            let k = week ?? min(current, weeks)
            guard (1...weeks).contains(k) else {
                if current == 0 { throw HeadwayError(.usage, "the plan starts on \(programme.start); the first briefing is for its week 1") }
                throw HeadwayError(.usage, "week \(k) is not in the plan; allowed: 1..\(weeks)")
            }
            guard k <= current else {
                let start = programme.numbering.start(ofWeek: k)
                throw HeadwayError(.usage, "week \(k) has not started (it starts \(start)); allowed: 1..\(min(current, weeks))")
            }
            let programmeID = stored.programmeID
            // After the programme's last week, its last briefing ends with what it came to.
            let summary = k == weeks ? programme.summary().map { SummaryView.lines($0, name: p.name) } ?? [] : []
            // MODEL §6: the current week is live (a briefing stored early would later contradict
            // `progress`, issue 25.1); an ended week is kept as it stood on its last day.
            let ended = k < current
            if ended, let stored = p.state.briefing(programme: programmeID, week: k) {
                return (try BriefingDocument.decode(stored.briefing.body), summary)
            }
            guard ended else { return (try BriefingDocument(p, week: k, profile: p.state.profile.name, pending: writes.snapshots), summary) }
            // Written as the record stood on the week's last day: the plan in force then, the
            // outlook and replan of that day, so it reads as the live one did that evening.
            let last = programme.numbering.start(ofWeek: k).adding(days: 6)
            let then = try ProfileProgress(curriculum: p.curriculum, state: p.state, day: last)
            let doc = try BriefingDocument(then, week: k, profile: p.state.profile.name)
            writes.briefing = Briefing(week: k, body: try doc.encoded(), generatedOn: last)
            writes.briefingProgramme = programmeID
            return (doc, summary)
        }
        let (doc, summary) = briefed
        // The stored briefing is what is shown, even when this run generated it.
        let shown = try written.briefing.map { try BriefingDocument.decode($0.briefing.body) } ?? doc
        if json {
            printJSONText(try shown.encoded(pretty: true))
        } else if markdown {
            print(shown.markdown())
            if !summary.isEmpty { print("\n## The programme\n\n" + summary.joined(separator: "\n")) }
        } else {
            for line in signalNotes(written) { Console.out(line) }
            print(shown.text())
            if !summary.isEmpty { print("\nThe programme\n" + summary.joined(separator: "\n")) }
        }
    }
}

extension ProfileState {
    /// The stored briefing of a programme's week, if one was generated.
    func briefing(programme: Int64, week: Int) -> StoredBriefing? {
        briefings.first { $0.programmeID == programme && $0.briefing.week == week }
    }
}

/// A briefing's content: the numbers and the sentences, stored as JSON when first generated
/// so that text, Markdown and JSON all show what was written then.
struct BriefingDocument: Codable, Equatable {
    struct Section: Codable, Equatable {
        let title: String
        let lines: [String]
    }
    struct Scores: Codable, Equatable {
        let now: Double
        let weekAgo: Double
        let start: Double
        let startDay: String
    }
    struct Move: Codable, Equatable {
        let kind: String
        let what: String
        let points: Double
    }
    struct Hours: Codable, Equatable {
        let planned: Double
        let logged: Double
    }
    struct Units: Codable, Equatable {
        let planned: [String]
        let done: [String]
        let partial: [String]
        let skipped: [String]
    }
    struct Outlook: Codable, Equatable {
        let onTrack: Bool
        let projected: Double
        let atPace: Double
        let pace: Double
        let replanProjected: Double?
        let replanFromWeek: Int?
        /// Points the field has moved the plan's projection since it was made; absent in
        /// briefings stored before it was reported (issue 25.10).
        var fieldMoved: Double? = nil
    }
    struct Item: Codable, Equatable {
        let unit: String
        let hours: Double
        let activities: [String]
    }
    struct FieldChange: Codable, Equatable {
        let id: String
        let title: String
        let from: String
        let to: String
        let effectNow: Double
        let effectComplete: Double
        let answeredBy: [String]
    }

    let formatName: String
    let profile: String
    let week: Int
    let weeks: Int
    let from: String
    let to: String
    let asOf: String
    let generatedOn: String
    let score: Scores
    let label: String
    let moves: [Move]
    let hours: Hours
    let units: Units
    let outlook: Outlook?
    let nextWeek: [Item]
    let signals: [FieldChange]
    var sections: [Section]
    /// A curricula update recorded since the last briefing (absent in older briefings).
    let curricula: CurriculaUpdateReport?

    enum CodingKeys: String, CodingKey {
        // A property named `format` would hide the `format(_:)` the building code calls.
        case formatName = "format"
        case profile, week, weeks, from, to, asOf, generatedOn, score, label, moves, hours, units, outlook, nextWeek, signals, sections, curricula
    }

    static let currentFormat = "headway-briefing-1"

    static func decode(_ body: String) throws -> BriefingDocument {
        do { return try JSONCoding.decoder().decode(BriefingDocument.self, from: Data(body.utf8)) } catch {
            throw HeadwayError(.data, "the stored briefing cannot be read (\(error)); it was written by another version of headway")
        }
    }

    func encoded(pretty: Bool = false) throws -> String {
        String(decoding: try JSONCoding.encoder(compact: !pretty).encode(self), as: UTF8.self)
    }

    // MARK: - Building

    /// - Throws: a one-line ``HeadwayError`` (exit 65) when the stored plan has no schedule for week
    ///   `k` (an imported or hand-edited plan): never a crash on stored data.
    init(_ p: ProfileProgress, week k: Int, profile: String, pending: [Snapshot] = []) throws {
        guard
            let b = p.planProgress?.briefing(
                week: k, generatedOn: p.day, firstDay: p.firstDay,
                replan: { d in
                    p.replan(on: d).map { WeekBriefing.Replan(week: $0.week, projected: $0.plan.projectedScore) }
                }),
            let pp = p.planProgress(on: b.asOf)
        else { throw HeadwayError.missingPlanWeek(k, of: p) }
        formatName = Self.currentFormat
        self.profile = profile
        week = k; weeks = b.weeks
        from = b.from.description; to = b.to.description
        asOf = b.asOf.description
        generatedOn = b.generatedOn.description
        score = Scores(now: b.now.rounded, weekAgo: b.weekAgo.rounded, start: b.atStart.rounded, startDay: b.startDay.description)
        label = b.now.label

        moves = b.moves.compactMap { m in
            let points = round(m.points, 2)
            switch m.cause {
            case .completed(let u): return Move(kind: "level", what: "\(p.name(u.skill)) reached level \(u.level)", points: points)
            case .reassessment(let changes):
                let what = changes.map { "\(p.name($0.skill)) \($0.from)→\($0.to)" }.joined(separator: ", ")
                return Move(kind: "re-assessment", what: what.isEmpty ? "no level changed" : what, points: points)
            case .signals(let ids):
                guard points != 0 else { return nil }
                let names = ids.compactMap { id in p.curriculum.signals.first { $0.id == id }?.title }
                return Move(kind: "signals", what: names.map { "“\($0)”" }.joined(separator: ", "), points: points)
            }
        }

        let wp = b.progress
        hours = Hours(planned: round(wp.plannedHours, 2), logged: round(wp.loggedHours, 2))
        // A unit in progress says how many of its activities are done.
        let partial = wp.partial.map { u -> String in
            let all = p.curriculum.graph[u.skill]?.activities[u.level] ?? []
            let logged = wp.activitiesDone[u] ?? []
            let done = all.filter { a in logged.contains { a.isNamed($0) } }.count
            return p.name(u) + (done > 0 && !all.isEmpty ? " (\(done) of \(all.count) activities done)" : "")
        }
        units = Units(
            planned: wp.plannedUnits.map(p.name), done: wp.done.map(p.name), partial: partial,
            skipped: wp.skipped.map(p.name))
        if let o = b.outlook {
            outlook = Outlook(
                onTrack: o.onTrack, projected: round(o.projected, 1), atPace: round(o.atPace, 1), pace: round(o.pace, 1),
                replanProjected: b.replan.map { round($0.projected, 1) }, replanFromWeek: b.replan?.week,
                fieldMoved: round(o.fieldMoved, 2))
        } else {
            outlook = nil
        }
        nextWeek = b.nextWeek.map { i in
            Item(
                unit: p.name(UnitID(skill: i.skill, level: i.level)), hours: round(i.hours, 1),
                activities: i.activities.map { "\($0.text) (\(format(round($0.hours, 1))) h)" })
        }
        signals = b.fieldChanges.map { f in
            FieldChange(
                id: f.signal.id, title: f.signal.title, from: f.signal.window.from.description, to: f.signal.window.to.description,
                effectNow: round(f.effectNow, 2), effectComplete: round(f.effectComplete, 2),
                answeredBy: f.answeredBy.map { "\(p.name($0.skill)) (you: \($0.level))" })
        }
        let aim = personInRole(of: pp.plan, own: p.person)
        sections = Self.sentences(
            score: score, label: label, asOf: b.asOf, day: p.day, moves: moves, hours: hours, units: units,
            outlook: outlook, programme: pp, week: k, nextWeek: nextWeek, signals: signals)
        if let note = aimNote(pp.plan, aim: aim, own: p.person, day: b.asOf) {
            sections = sections.map { $0.title == "On track?" ? Section(title: $0.title, lines: [note] + $0.lines) : $0 }
        }
        curricula = CurriculaUpdateReport(p, pending: pending, from: b.from, asOf: b.asOf)
        if let update = curricula {
            sections = sections.map { $0.title == "Field changes" ? Section(title: $0.title, lines: update.lines + $0.lines) : $0 }
        }
        sections.append(
            Section(
                title: "Against the field",
                lines: [FieldView.outlook(aim, pp.plan, from: b.asOf)] + FieldView.signalsAhead(aim, from: b.asOf)))
    }

    private static func sentences(
        score: Scores, label: String, asOf: Day, day: Day, moves: [Move], hours: Hours, units: Units,
        outlook: Outlook?, programme pp: PlanProgress, week k: Int, nextWeek: [Item], signals: [FieldChange]
    ) -> [Section] {
        func pts(_ x: Double) -> String { "\(fixed(abs(x), 2)) point\(abs(x) == 1 ? "" : "s")" }
        func change(_ d: Double) -> String { d > 0.05 - 1e-9 ? "up \(fixed(d, 1))" : d < -0.05 + 1e-9 ? "down \(fixed(-d, 1))" : "unchanged" }
        var out: [Section] = []

        var s: [String] = []
        let when = asOf == day ? "now" : "on \(asOf), the week's last day"
        s.append(
            "Your AIJRI is \(fixed(score.now, 1)), \(label), \(when): \(change(score.now - score.weekAgo)) from \(fixed(score.weekAgo, 1)) a week earlier and \(change(score.now - score.start)) from \(fixed(score.start, 1)) at the start on \(score.startDay)."
        )
        if moves.isEmpty {
            s.append("Nothing moved it this week.")
        } else {
            let parts = moves.map { m -> String in
                let effect = m.points == 0 ? "no change" : m.points > 0 ? "+\(fixed(m.points, 2))" : "-\(fixed(-m.points, 2))"
                switch m.kind {
                case "level": return "\(m.what) (\(effect))"
                case "re-assessment": return "your re-assessment, \(m.what) (\(effect))"
                default: return "changes in the field (\(effect))" + (m.what.isEmpty ? "" : ": \(m.what)")
                }
            }
            s.append("What moved it: " + parts.joined(separator: "; ") + ".")
        }
        out.append(Section(title: "Score", lines: s))

        s = []
        let share = hours.planned > 0 ? " (\(fixed(100 * hours.logged / hours.planned, 0))%)" : ""
        s.append("You logged \(format(hours.logged)) h of the \(format(hours.planned)) h planned\(share).")
        var u: [String] = []
        if !units.done.isEmpty { u.append("done: " + units.done.joined(separator: ", ")) }
        if !units.partial.isEmpty { u.append("in progress: " + units.partial.joined(separator: ", ")) }
        if !units.skipped.isEmpty { u.append("skipped: " + units.skipped.joined(separator: ", ")) }
        let planned = units.planned.isEmpty ? "nothing" : units.planned.joined(separator: ", ")
        s.append("Planned: \(planned)" + (u.isEmpty ? "; nothing finished or logged against it." : "; " + u.joined(separator: "; ") + "."))
        out.append(Section(title: "Hours and units", lines: s))

        s = []
        if let o = outlook {
            if o.onTrack {
                s.append(
                    "On track: at your pace (\(fixed(o.pace, 1)) h a week) the plan still reaches its projected \(projectedText(o.projected, fieldMoved: o.fieldMoved)) by \(pp.end)."
                )
            } else {
                s.append(
                    "Behind: at your pace (\(fixed(o.pace, 1)) h a week) you would reach \(fixed(o.atPace, 1)) by \(pp.end), not the projected \(projectedText(o.projected, fieldMoved: o.fieldMoved))."
                )
                if let r = o.replanProjected, let wk = o.replanFromWeek {
                    s.append("`replan` would plan again from week \(wk) and give \(fixed(r, 1)).")
                }
            }
        } else if asOf > pp.end {
            s.append("The plan has ended; `plan` makes the next one.")
        }
        out.append(Section(title: "On track?", lines: s))

        s = []
        if k >= pp.weeksCount {
            s.append("This is the plan's last week; `plan` makes the next one.")
        } else if nextWeek.isEmpty {
            s.append("Week \(k + 1) has nothing left to do: time to consolidate.")
        } else {
            s.append("Week \(k + 1) starts \(pp.numbering.start(ofWeek: k + 1)):")
            for i in nextWeek {
                s.append("- \(i.unit) (\(format(i.hours)) h): " + i.activities.joined(separator: "; ") + ".")
            }
        }
        out.append(Section(title: "Next week", lines: s))

        s = []
        if signals.isEmpty {
            s.append("Nothing new in the field this week (each signal is reported once, in the first week it touches; `signals` lists them all).")
        }
        for f in signals {
            let now =
                f.effectNow == 0
                ? "does not move your score yet" : f.effectNow < 0 ? "takes \(pts(f.effectNow)) off your score" : "adds \(pts(f.effectNow)) to your score"
            let later =
                f.effectComplete == f.effectNow
                ? "" : f.effectComplete < 0 ? " (\(pts(f.effectComplete)) off once complete)" : " (\(pts(f.effectComplete)) once complete)"
            s.append("\(f.title) (\(f.from) to \(f.to)) \(now)\(later). Answered by " + f.answeredBy.joined(separator: ", ") + ".")
        }
        out.append(Section(title: "Field changes", lines: s))
        return out
    }

    // MARK: - Rendering

    var heading: String { "Week \(week) of \(weeks) · \(from) to \(to) · profile \(profile)" }

    func text() -> String {
        var out = [heading, "Generated on \(generatedOn)."]
        for s in sections {
            out.append("")
            out.append(s.title)
            out += s.lines.map { $0.hasPrefix("- ") ? "  " + $0 : $0 }
        }
        return out.joined(separator: "\n")
    }

    func markdown() -> String {
        var out = ["# Briefing: week \(week) of \(weeks)", "", "\(from) to \(to) · profile \(profile) · generated on \(generatedOn)"]
        for s in sections {
            out.append("")
            out.append("## \(s.title)")
            out.append("")
            // Paragraphs apart; the bullets of one list together.
            for (i, line) in s.lines.enumerated() {
                if i > 0 && !(line.hasPrefix("- ") && s.lines[i - 1].hasPrefix("- ")) { out.append("") }
                out.append(line)
            }
        }
        return out.joined(separator: "\n")
    }
}
