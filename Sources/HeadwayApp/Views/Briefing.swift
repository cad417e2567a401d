import Foundation
import HeadwayCore
import HeadwayStore

extension ProfileState {
    /// The stored briefing of a programme's week, if one was generated.
    public func briefing(programme: Int64, week: Int) -> StoredBriefing? {
        briefings.first { $0.programmeID == programme && $0.briefing.week == week }
    }
}

/// A briefing's content: the numbers and the sentences, stored as JSON when first generated
/// so that text, Markdown and JSON all show what was written then.
public struct BriefingDocument: Codable, Equatable, Sendable {
    public struct Section: Codable, Equatable, Sendable {
        public let title: String
        public let lines: [String]
    }
    public struct Scores: Codable, Equatable, Sendable {
        public let now: Double
        public let weekAgo: Double
        public let start: Double
        public let startDay: String
    }
    public struct Move: Codable, Equatable, Sendable {
        public let kind: String
        public let what: String
        public let points: Double
    }
    public struct Hours: Codable, Equatable, Sendable {
        public let planned: Double
        public let logged: Double
    }
    public struct Units: Codable, Equatable, Sendable {
        public let planned: [String]
        public let done: [String]
        public let partial: [String]
        public let skipped: [String]
    }
    public struct Outlook: Codable, Equatable, Sendable {
        public let onTrack: Bool
        public let projected: Double
        public let atPace: Double
        public let pace: Double
        public let replanProjected: Double?
        public let replanFromWeek: Int?
        /// Points the field has moved the plan's projection since it was made; absent in
        /// briefings stored before it was reported (issue 25.10).
        public var fieldMoved: Double? = nil
    }
    public struct Item: Codable, Equatable, Sendable {
        public let unit: String
        public let hours: Double
        public let activities: [String]
    }
    /// A signal new to the person, with its effect on their score now and once complete.
    public struct FieldChange: Codable, Equatable, Sendable {
        public let id: String
        public let title: String
        public let from: String
        public let to: String
        public let effectNow: Double
        public let effectComplete: Double
        public let answeredBy: [String]
    }

    public let formatName: String
    public let profile: String
    public let week: Int
    public let weeks: Int
    public let from: String
    public let to: String
    public let asOf: String
    public let generatedOn: String
    public let score: Scores
    public let label: String
    public let moves: [Move]
    public let hours: Hours
    public let units: Units
    public let outlook: Outlook?
    public let nextWeek: [Item]
    public let signals: [FieldChange]
    public var sections: [Section]
    /// A curricula update recorded since the last briefing (absent in older briefings).
    public let curricula: CurriculaUpdateReport?

    enum CodingKeys: String, CodingKey {
        // A property named `format` would hide the `format(_:)` the building code calls.
        case formatName = "format"
        case profile, week, weeks, from, to, asOf, generatedOn, score, label, moves, hours, units, outlook, nextWeek, signals, sections, curricula
    }

    public static let currentFormat = "headway-briefing-1"

    public static func decode(_ body: String) throws -> BriefingDocument {
        do { return try JSONCoding.decoder().decode(BriefingDocument.self, from: Data(body.utf8)) } catch {
            throw HeadwayError(.data, "the stored briefing cannot be read (\(error)); it was written by another version of headway")
        }
    }

    public func encoded(pretty: Bool = false) throws -> String {
        String(decoding: try JSONCoding.encoder(compact: !pretty).encode(self), as: UTF8.self)
    }

    // MARK: - Building

    /// - Throws: a one-line ``HeadwayError`` (exit 65) when the stored plan has no schedule for week
    ///   `k` (an imported or hand-edited plan): never a crash on stored data.
    public init(
        _ p: ProfileProgress, week k: Int, profile: String, pending: [Snapshot] = [], earlier: (CurriculaStamp) -> Curriculum? = { _ in nil }
    ) throws {
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
        curricula = CurriculaUpdateReport(p, pending: pending, from: b.from, asOf: b.asOf, earlier: earlier)
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
            s.append("\(f.title) (\(f.from) to \(f.to)) \(f.effectWords). Answered by " + f.answeredBy.joined(separator: ", ") + ".")
        }
        out.append(Section(title: "Field changes", lines: s))
        return out
    }
}

extension BriefingDocument.FieldChange {
    /// "takes 0.42 points off your score (1.10 points off once complete)".
    var effectWords: String {
        func pts(_ x: Double) -> String { "\(fixed(abs(x), 2)) point\(abs(x) == 1 ? "" : "s")" }
        let now =
            effectNow == 0
            ? "does not move your score yet" : effectNow < 0 ? "takes \(pts(effectNow)) off your score" : "adds \(pts(effectNow)) to your score"
        let later =
            effectComplete == effectNow
            ? "" : effectComplete < 0 ? " (\(pts(effectComplete)) off once complete)" : " (\(pts(effectComplete)) once complete)"
        return now + later
    }
}
