import Foundation
import HeadwayCore

/// `export plan --format ics`: the plan as a calendar (``PlanCalendar``).
struct CalendarExporter: Exporter {
    let name = "ics"
    let extensions = ["ics", "ical", "ifb", "icalendar"]
    let summary =
        "a calendar: one all-day event per week with its activities; the UIDs come from the profile and the week's first day, so importing a newer export updates the events instead of adding copies"

    func render(_ input: PlanExport) -> String {
        var calendar = PlanCalendar(
            plan: input.plan, graph: input.graph, owner: input.owner, sequence: input.revision, stamp: input.stamp,
            programme: input.programme, curriculum: input.curriculum, reminder: input.reminder)
        if let record = input.record, let day = input.day {
            calendar.work = PlanCalendar.Work(day: day, logged: { record.hoursSpent(from: $0, to: $1) }, isDone: input.isDone)
        }
        return calendar.render()
    }
}

/// A plan as an iCalendar file (RFC 5545): one all-day event per week, spanning the week.
///
/// Each event's UID is made of the plan's owner and the week's first day, not of the plan's
/// contents, so exporting again after a replan (whose weeks fall on the old plan's weeks)
/// gives the same UIDs with a higher SEQUENCE: a calendar that imports the file updates those
/// events instead of adding copies.
struct PlanCalendar {
    let plan: Plan
    let graph: SkillGraph
    /// The profile name, or the assessment file's name for a stateless export.
    let owner: String
    /// Grows with each saved plan of a profile (its stored id), so a newer export wins.
    let sequence: Int
    /// When the file is made, UTC.
    let stamp: Date
    /// The programme's week numbering (a replan's weeks keep the programme's numbers).
    var programme: ProgrammeWeeks? = nil
    /// For each week's resources (their locators); `nil`: none listed.
    var curriculum: Curriculum? = nil
    /// A reminder before each week starts (`VALARM`); `nil`: none.
    var reminder: Reminder? = nil
    /// The profile's work as of the export's day: a started week's event says what was logged,
    /// and marks the activities done (`nil` for a plan computed from an assessment file).
    var work: Work? = nil

    struct Work {
        let day: Day
        /// Hours logged from the first day to the second.
        let logged: (Day, Day) -> Double
        let isDone: (UnitID, String) -> Bool
    }

    func render() -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Headway//Headway 0.1.0//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + ICS.text("Headway plan (\(owner))")
        ]
        for week in plan.schedule {
            lines += event(week)
        }
        lines.append("END:VCALENDAR")
        return lines.map(ICS.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// The UID of a week's event: stable for the same owner and calendar week.
    func uid(_ week: PlanWeek) -> String {
        "headway-\(ICS.slug(owner))-\(ICS.hash(owner))-week-\(week.start)@headway.local"
    }

    private func event(_ week: PlanWeek) -> [String] {
        let last = week.start.adding(days: 6)
        let names = week.items.map { "\(graph[$0.skill]?.name ?? $0.skill) → \($0.level)" }
        let numbering = programme ?? ProgrammeWeeks(plan)
        let k = numbering.number(of: week)
        let summary =
            "Headway week \(k)/\(numbering.count): "
            + (names.isEmpty ? "consolidate (nothing new planned)" : names.joined(separator: ", ") + " (\(format(round(week.hours, 1))) h)")
        var description = [
            "Week \(k) of \(numbering.count) (\(week.start) to \(last)), \(format(round(week.hours, 1))) h, projected AIJRI \(fixed(week.projectedScore, 1)).",
            ""
        ]
        if let work, week.start <= work.day {
            let logged = work.logged(week.start, min(last, work.day))
            description.insert(
                "Logged \(format(round(logged, 2))) h of \(format(round(week.hours, 1))) h planned"
                    + (work.day < last ? " so far (as of \(work.day))." : "."), at: 1)
        }
        for item in week.items {
            description.append(
                "\(graph[item.skill]?.name ?? item.skill) → level \(item.level) (\(format(round(item.hours, 1))) h\(item.completes ? ", completes" : ""))")
            let unit = UnitID(skill: item.skill, level: item.level)
            for a in item.activities {
                let done = work?.isDone(unit, a.text) == true ? " — done" : ""
                description.append("- \(a.text) [\(ActivityView.tag(a.hours, unit, a.text, graph: graph))]\(done)")
                if let e = ActivityView.evidence(unit, a.text, graph: graph) { description.append("  produce: \(e)") }
            }
        }
        if let curriculum {
            let resources = curriculum.resources(citedBy: week)
            if !resources.isEmpty { description.append("Learn from:") }
            for r in resources { description.append("- " + ActivityView.line(r)) }
        }
        if week.items.isEmpty { description.append("Nothing new planned: review and consolidate what you learned.") }
        description += [
            "",
            "Plan: AIJRI \(fixed(plan.startScore, 1)) → \(fixed(plan.projectedScore, 1)) projected by \(plan.end). Exported by Headway; export again to update these events."
        ]
        return [
            "BEGIN:VEVENT",
            "UID:" + uid(week),
            "DTSTAMP:" + ICS.timestamp(stamp),
            "SEQUENCE:\(sequence)",
            "DTSTART;VALUE=DATE:" + ICS.date(week.start),
            // DTEND of an all-day event is exclusive: the day after the week's last day.
            "DTEND;VALUE=DATE:" + ICS.date(week.start.adding(days: 7)),
            "SUMMARY:" + ICS.text(summary),
            "DESCRIPTION:" + ICS.text(description.joined(separator: "\n")),
            "CATEGORIES:Headway",
            // A learning week should not mark the person busy all week.
            "TRANSP:TRANSPARENT"
        ]
            + (reminder.map { r in
                ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + ICS.text(summary), "TRIGGER:" + r.trigger, "END:VALARM"]
            } ?? []) + ["END:VEVENT"]
    }
}

/// RFC 5545 text rules.
enum ICS {
    /// Escapes a TEXT value (§3.3.11): backslash, semicolon, comma and newlines.
    static func text(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        var previousCR = false
        for ch in value.unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousCR { out += "\\n" }
            default:
                // Other control characters are not allowed in TEXT; drop them.
                if ch.value < 0x20 && ch != "\t" || ch.value == 0x7F { break }
                out.unicodeScalars.append(ch)
            }
            previousCR = ch == "\r"
        }
        return out
    }

    /// Folds a content line (§3.1): at most 75 octets per line, continuation lines start with
    /// one space; a UTF-8 sequence is never split.
    static func fold(_ line: String) -> String {
        let bytes = Array(line.utf8)
        guard bytes.count > 75 else { return line }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 70 * 3)
        var start = 0
        var limit = 75
        while start < bytes.count {
            var end = min(bytes.count, start + limit)
            // Back off to the start of a UTF-8 sequence (continuation bytes are 10xxxxxx).
            while end < bytes.count && end > start && bytes[end] & 0xC0 == 0x80 { end -= 1 }
            if start > 0 { out += [0x0D, 0x0A, 0x20] }
            out += bytes[start..<end]
            start = end
            limit = 74  // the leading space counts
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func date(_ day: Day) -> String { day.description.replacingOccurrences(of: "-", with: "") }

    /// `YYYYMMDDTHHMMSSZ`.
    static func timestamp(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = Day(ordinal: Int((Double(seconds) / 86400).rounded(.down)))
        let s = seconds - day.ordinal * 86400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return self.date(day) + "T" + two(s / 3600) + two(s / 60 % 60) + two(s % 60) + "Z"
    }

    /// Lower-case letters, digits and dashes: safe in a UID and readable.
    static func slug(_ text: String) -> String {
        var out = ""
        for ch in text.lowercased().unicodeScalars {
            if ch.isASCII, CharacterSet.alphanumerics.contains(ch) { out.unicodeScalars.append(ch) } else if !out.hasSuffix("-") { out += "-" }
        }
        let trimmed = out.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return trimmed.isEmpty ? "plan" : String(trimmed.prefix(40))
    }

    /// FNV-1a of the exact text, 8 hex digits: two owners with the same slug get different UIDs.
    static func hash(_ text: String) -> String {
        var h: UInt32 = 0x811C_9DC5
        for b in text.utf8 { h = (h ^ UInt32(b)) &* 0x0100_0193 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
