import Foundation
import HeadwayCore
import Testing

@testable import HeadwayCLI

/// Reads an .ics file with Python's icalendar and prints what a calendar would import.
let icsReader = """
    import json, sys
    from icalendar import Calendar, Event
    cal = Calendar.from_ical(open(sys.argv[1], 'rb').read())
    events = []
    for ev in cal.walk('VEVENT'):
        start, end = ev.decoded('DTSTART'), ev.decoded('DTEND')
        events.append({'uid': str(ev['UID']), 'summary': str(ev['SUMMARY']), 'description': str(ev['DESCRIPTION']),
                       'start': start.isoformat(), 'end': end.isoformat(), 'all_day': type(start).__name__ == 'date',
                       'stamp': ev.decoded('DTSTAMP').isoformat(), 'sequence': int(ev['SEQUENCE']),
                       'errors': [str(e) for e in ev.errors],
                       'alarms': [int(a.decoded('TRIGGER').total_seconds()) for a in ev.walk('VALARM')
                                  if str(a['ACTION']) == 'DISPLAY' and str(a.get('DESCRIPTION', ''))]})
    # X-WR-CALNAME is an extension property, TEXT by RFC 5545; icalendar keeps its raw value, so
    # decode it the way it decodes a standard TEXT property.
    raw = cal['X-WR-CALNAME'].to_ical().decode()
    name = Event.from_ical('BEGIN:VEVENT\\r\\nSUMMARY:' + raw + '\\r\\nEND:VEVENT\\r\\n')['SUMMARY']
    print(json.dumps({'name': str(name), 'version': str(cal['VERSION']), 'prodid': str(cal['PRODID']),
                      'errors': [str(e) for e in cal.errors], 'events': events}))
    """

struct ParsedCalendar: Decodable {
    struct Event: Decodable {
        let uid, summary, description, start, end, stamp: String
        let allDay: Bool
        let sequence: Int
        let errors: [String]
        /// Each display reminder's trigger, in seconds relative to the start (negative: before).
        let alarms: [Int]
    }
    let name, version, prodid: String
    let errors: [String]
    let events: [Event]

    static func read(_ file: URL) throws -> ParsedCalendar {
        let python = try Tools.require(Tools.icalendarPython, "python3 with icalendar (pip install icalendar; .ci/run does)")
        let r = try Tools.python(python, script: icsReader, [file.path])
        guard r.status == 0 else { throw Tools.ToolMissing(description: "icalendar could not read \(file.path): \(r.stderr)") }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(ParsedCalendar.self, from: r.stdoutData)
    }
}

/// RFC 5545's rules on the raw bytes: CRLF line ends only, at most 75 octets a line, and a fold
/// never splits a UTF-8 character.
func checkContentLines(_ data: Data, sourceLocation: SourceLocation = #_sourceLocation) {
    let bytes = [UInt8](data)
    #expect(bytes.suffix(2) == [0x0D, 0x0A], sourceLocation: sourceLocation)
    var lines: [[UInt8]] = [], current: [UInt8] = []
    var i = 0
    while i < bytes.count {
        if bytes[i] == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { lines.append(current); current = []; i += 2; continue }
        #expect(bytes[i] != 0x0A && bytes[i] != 0x0D, "a bare CR or LF at byte \(i)", sourceLocation: sourceLocation)
        current.append(bytes[i]); i += 1
    }
    for (n, line) in lines.enumerated() {
        #expect(line.count <= 75, "line \(n + 1) has \(line.count) octets", sourceLocation: sourceLocation)
        #expect(String(validating: line, as: UTF8.self) != nil, "line \(n + 1) splits a UTF-8 character", sourceLocation: sourceLocation)
    }
}

/// Issue 25: each week's event reminds the day before it starts, `--remind` changes or turns
/// it off, and the option is refused where it means nothing.
@Suite("Calendar reminders (VALARM), read back by Python's icalendar")
struct CalendarReminderTests {
    @Test(
        "every event reminds 1 day before by default; --remind 12h and off change it; a bad value or another format is refused",
        .enabled(if: Tools.shouldRun(Tools.icalendarPython), "python3 with icalendar is missing: pip install icalendar"))
    func reminders() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (remind, expected) in [(nil, [-86_400]), ("12h", [-43_200]), ("3d", [-259_200]), ("off", [])] as [(String?, [Int])] {
            let file = folder.appendingPathComponent("plan-\(remind ?? "default").ics")
            let out = try headway(
                ["export", "plan", "--assessment", reference, "--output", file.path] + (remind.map { ["--remind", $0] } ?? []))
            #expect(out.status == 0, "\(out.stderr)")
            checkContentLines(try Data(contentsOf: file))
            let calendar = try ParsedCalendar.read(file)
            #expect(calendar.events.count == 12)
            for event in calendar.events {
                #expect(event.alarms == expected, "\(remind ?? "default"): \(event.alarms)")
                #expect(event.errors.isEmpty)
            }
        }
        for (arguments, message) in [
            (["--remind", "0x10"], "error: --remind '0x10' is not allowed; allowed: days (1d..14d), hours (1h..336h) or off\n"),
            (["--remind", "15d"], "error: --remind 15d is out of range; allowed: 1d..14d, 1h..336h or off\n"),
            (["--remind", "1d", "--format", "md"], "error: --remind applies to the ics format only (this export is md)\n")
        ] {
            let out = try headway(["export", "plan", "--assessment", reference, "--format", "ics"] + arguments)
            #expect(out.status == 64 && out.stderr == message, "\(arguments): \(out.status) \(out.stderr)")
        }
    }
}

@Suite("The plan as a calendar (RFC 5545), read back by Python's icalendar")
struct CalendarExportTests {
    @Test(
        "every week of the plan is one all-day event that icalendar reads with its activities",
        .enabled(if: Tools.shouldRun(Tools.icalendarPython), "python3 with icalendar is missing: pip install icalendar"))
    func everyWeekIsAnEvent() throws {
        let folder = try scratchFolder(); defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("plan.ics")
        let out = try headway(["export", "plan", "--assessment", reference, "--format", "ics", "--output", file.path])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout == "Wrote \(file.path) (\(byteCount(try Data(contentsOf: file).count))).\n")
        let data = try Data(contentsOf: file)
        checkContentLines(data)
        let text = String(decoding: data, as: UTF8.self)
        for key in ["BEGIN:VCALENDAR\r\n", "VERSION:2.0\r\n", "PRODID:", "DTSTAMP:20261123T000000Z\r\n", "END:VCALENDAR\r\n"] {
            #expect(text.contains(key), "\(key) missing")
        }

        let cal = try ParsedCalendar.read(file)
        let (_, plan) = try Reference.plan(reference)
        #expect(cal.errors.isEmpty && cal.version == "2.0" && cal.prodid.contains("Headway"))
        #expect(cal.name == "Headway plan (reference-mid)")
        #expect(cal.events.count == plan.weeks)
        #expect(Set(cal.events.map(\.uid)).count == cal.events.count, "UIDs must be unique")
        let graph = Reference.curriculum.graph
        for (event, week) in zip(cal.events, plan.schedule) {
            #expect(event.errors.isEmpty, "\(event.errors)")
            #expect(event.allDay && event.start == week.start.description && event.end == week.start.adding(days: 7).description)
            #expect(event.stamp == "2026-11-23T00:00:00+00:00")
            #expect(event.summary.hasPrefix("Headway week \(week.week)/\(plan.weeks): "))
            for item in week.items {
                #expect(event.summary.contains("\(graph[item.skill]!.name) → \(item.level)"))
                #expect(event.description.contains("\(graph[item.skill]!.name) → level \(item.level)"))
                for a in item.activities {
                    #expect(event.description.contains("- \(a.text) ["), "week \(week.week) lacks '\(a.text)'")
                }
            }
            #expect(event.description.contains("projected AIJRI \(fixed(week.projectedScore, 1))"))
        }
    }

    @Test(
        "commas, semicolons, backslashes, newlines and long UTF-8 text survive escaping and folding",
        .enabled(if: Tools.shouldRun(Tools.icalendarPython), "python3 with icalendar is missing: pip install icalendar"))
    func escapingAndFolding() throws {
        let tricky = "Tune A, then B; keep C\\D \"quoted\"\nsecond line → ünïcødé ✓ " + String(repeating: "ñ→", count: 60)
        let week = PlanWeek(
            week: 1, start: Day("2026-11-23")!, hours: 6, projectedScore: 50,
            items: [
                PlanItem(skill: "vllm", level: 2, hours: 6, activities: [PlannedActivity(text: tricky, hours: 6)], completes: true)
            ])
        let plan = Plan(
            start: week.start, weeks: 1, hoursPerWeek: 6, include: [:], exclude: [], startScore: 49.1, projectedScore: 50,
            optimal: true, gap: 0, units: [PlanUnit(skill: "vllm", level: 2, hours: 6, gain: 0.9, tasks: [], neededBy: [], required: false)],
            schedule: [week])
        let owner = "Ana, \"QA\"; ops\\team"
        let calendar = PlanCalendar(
            plan: plan, graph: Reference.curriculum.graph, owner: owner, sequence: 3,
            stamp: Date(timeIntervalSince1970: 1_795_000_000))
        let folder = try scratchFolder(); defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("tricky.ics")
        try Data(calendar.render().utf8).write(to: file)
        checkContentLines(try Data(contentsOf: file))

        let cal = try ParsedCalendar.read(file)
        #expect(cal.name == "Headway plan (\(owner))")
        let event = try #require(cal.events.first)
        #expect(event.description.contains("- \(tricky) [6 h]"), "\(event.description)")
        #expect(event.sequence == 3)
        #expect(event.stamp == "2026-11-18T11:06:40+00:00")
        #expect(event.uid.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-@.".contains($0)) }, "\(event.uid)")
    }

    @Test(
        "exporting again after a replan keeps each calendar week's UID and raises SEQUENCE",
        .enabled(if: Tools.shouldRun(Tools.icalendarPython), "python3 with icalendar is missing: pip install icalendar"))
    func replanUpdatesEvents() throws {
        let db = scratchDatabase()
        let folder = try scratchFolder();
        defer { try? FileManager.default.removeItem(at: folder); try? FileManager.default.removeItem(at: db.deletingLastPathComponent()) }
        #expect(try headway(["profile", "new", "Ana, \"QA\"; ops\\team", "--from", reference], db: db).status == 0)
        #expect(try headway(["plan", "--as-of", "2026-11-23"], db: db).status == 0)
        let before = folder.appendingPathComponent("before.ics"), after = folder.appendingPathComponent("after.ics")
        #expect(try headway(["export", "plan", "-o", before.path], db: db).status == 0)
        // Week 4 of the old plan: the new plan's weeks fall on the old plan's last nine.
        let replan = try headway(["replan", "--as-of", "2026-12-14"], db: db)
        #expect(replan.status == 0, "\(replan.stderr)")
        // As of the replan's day: a view as of an earlier day shows the plan in force then.
        #expect(try headway(["export", "plan", "-o", after.path, "--as-of", "2026-12-14"], db: db).status == 0)

        let old = try ParsedCalendar.read(before), new = try ParsedCalendar.read(after)
        #expect(old.name == "Headway plan (Ana, \"QA\"; ops\\team)")
        #expect(old.events.count == 12 && new.events.count == 9)
        let oldByStart = Dictionary(uniqueKeysWithValues: old.events.map { ($0.start, $0) })
        for event in new.events {
            let previous = try #require(oldByStart[event.start], "no old event on \(event.start)")
            #expect(event.uid == previous.uid)
            #expect(event.sequence > previous.sequence)
        }
        // Exporting the same plan twice gives the same bytes: nothing in it is random.
        let again = folder.appendingPathComponent("again.ics")
        #expect(try headway(["export", "plan", "-o", again.path, "--as-of", "2026-12-14"], db: db).status == 0)
        #expect(try Data(contentsOf: again) == Data(contentsOf: after))
    }
}
