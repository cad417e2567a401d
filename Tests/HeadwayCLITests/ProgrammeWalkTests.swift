import Foundation
import HeadwayCore
import HeadwayStore
import Testing

@testable import HeadwayCLI

/// Twelve simulated weeks through the built binary, checking every week that each view and
/// export tells the same week k: the same days, units and hours.
@Suite("One programme, one week numbering, in every view")
struct ProgrammeWalkTests {
    static let fixture = repoRoot.appendingPathComponent("Fixtures/assessments/reference-mid.yaml")

    /// A person's database and the commands they type, on days moved with --as-of.
    final class Person {
        let folder: URL
        var db: URL { folder.appendingPathComponent("headway.sqlite") }
        init() throws { folder = try Binary.temporaryFolder() }
        deinit { try? FileManager.default.removeItem(at: folder) }

        @discardableResult
        func run(_ args: [String], on day: Day, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
            let out = try headway(args + ["--as-of", day.description], db: db)
            #expect(out.status == 0, "\(args) on \(day): \(out.stderr)", sourceLocation: sourceLocation)
            return out.stdout
        }

        func json(_ args: [String], on day: Day, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
            try HeadwayCLITests.json(run(args + ["--json"], on: day, sourceLocation: sourceLocation))
        }
    }

    /// What `plan show k` says week k is; every other view must say the same.
    struct Week: Equatable, CustomStringConvertible {
        let number: Int
        let start: String
        let hours: Double
        /// "NCCL → 3", in plan order.
        let units: [String]
        /// "nccl:3", in plan order.
        let ids: [String]
        var description: String { "week \(number) from \(start), \(hours) h, \(units)" }
    }

    /// One CSV record's fields (RFC 4180 quotes; no line breaks inside fields here).
    static func fields(_ line: String) -> [String] {
        var out: [String] = [], field = "", quoted = false, previous: Character = " "
        for ch in line {
            if quoted {
                if ch == "\"" { quoted = false } else { field.append(ch) }
            } else if ch == "\"" {
                if previous == "\"" { field.append("\"") }
                quoted = true
            } else if ch == "," {
                out.append(field); field = ""
            } else {
                field.append(ch)
            }
            previous = ch
        }
        out.append(field)
        return out
    }

    static func unitName(_ skill: String, _ level: Int) -> String {
        "\(ProgressWalkTests.curriculum.graph[skill]!.name) → \(level)"
    }

    /// Checks, on `day` in programme week `k`, that every view and export agrees on the week.
    static func checkWeek(
        _ p: Person, _ k: Int, weeks: Int, programmeStart: Day, on day: Day,
        sourceLocation loc: SourceLocation = #_sourceLocation
    ) throws {
        let expectedStart = programmeStart.adding(days: 7 * (k - 1)).description
        // plan show k
        let show = try p.json(["plan", "show", String(k)], on: day, sourceLocation: loc)
        let shown = try #require((show["weeks"] as? [[String: Any]])?.first, sourceLocation: loc)
        let items = shown["items"] as? [[String: Any]] ?? []
        let week = Week(
            number: shown["week"] as? Int ?? -1, start: shown["start"] as? String ?? "", hours: shown["hours"] as? Double ?? -1,
            units: items.map { unitName($0["skill"] as! String, $0["level"] as! Int) },
            ids: items.map { "\($0["skill"] as! String):\($0["level"] as! Int)" })
        #expect(week.number == k && week.start == expectedStart, "plan show \(k): \(week)", sourceLocation: loc)
        #expect(show["programme_weeks"] as? Int == weeks, sourceLocation: loc)
        let text = try p.run(["plan", "show", String(k)], on: day, sourceLocation: loc)
        #expect(text.contains("Week \(k) (from \(expectedStart))"), "\(text)", sourceLocation: loc)

        // progress
        let progress = try p.json(["progress"], on: day, sourceLocation: loc)
        #expect(progress["week"] as? Int == k, "progress week", sourceLocation: loc)
        #expect(progress["weeks_count"] as? Int == weeks, sourceLocation: loc)
        let row = try #require((progress["weeks"] as? [[String: Any]])?.last, sourceLocation: loc)
        #expect(row["week"] as? Int == k && row["start"] as? String == expectedStart, "progress row \(row)", sourceLocation: loc)
        #expect(row["planned"] as? Double == week.hours, "progress planned hours", sourceLocation: loc)

        // brief k (generated now, the week's last day: after everything done in the week)
        let brief = try p.json(["brief", String(k)], on: day, sourceLocation: loc)
        #expect(brief["week"] as? Int == k && brief["weeks"] as? Int == weeks, sourceLocation: loc)
        #expect(brief["from"] as? String == expectedStart, "brief \(k) from \(brief["from"] ?? "?")", sourceLocation: loc)
        let hours = brief["hours"] as? [String: Any] ?? [:]
        #expect(hours["planned"] as? Double == week.hours, "brief planned hours", sourceLocation: loc)
        #expect(hours["logged"] as? Double == row["logged"] as? Double, "brief and progress logged hours", sourceLocation: loc)
        #expect((brief["units"] as? [String: Any])?["planned"] as? [String] == week.units, "brief units", sourceLocation: loc)

        // the shell's prompt
        let status = ShellStatus.read(today: day, databasePath: p.db.path)
        let prompt = status.prompt
        #expect(prompt.contains(" · wk \(k) · "), "prompt \(prompt)", sourceLocation: loc)
        // The prompt reads a few rows, not the history: it must say what the whole record says.
        let store = try Store.open(at: p.db.path)
        let state = try store.state(of: try #require(try store.currentProfile()))
        #expect(status.score == state.snapshots.last { $0.snapshot.asOf <= day }?.snapshot.score, "prompt score", sourceLocation: loc)
        #expect(status.role == state.assessments.last?.assessment.role, sourceLocation: loc)

        // .ics: the event on the week's first day
        let ics = try p.run(["export", "plan", "--format", "ics"], on: day, sourceLocation: loc).replacingOccurrences(of: "\r\n ", with: "")
        let event = ics.components(separatedBy: "BEGIN:VEVENT").first {
            $0.contains("DTSTART;VALUE=DATE:\(expectedStart.replacingOccurrences(of: "-", with: ""))")
        }
        let summary = event.flatMap { $0.components(separatedBy: "\r\n").first { $0.hasPrefix("SUMMARY:") } } ?? ""
        #expect(summary.hasPrefix("SUMMARY:Headway week \(k)/\(weeks):"), "ics \(summary)", sourceLocation: loc)
        if !week.units.isEmpty {
            let expected = "SUMMARY:Headway week \(k)/\(weeks): " + week.units.joined(separator: "\\, ") + " (\(format(week.hours)) h)"
            #expect(summary == expected, "ics units and hours", sourceLocation: loc)
        }

        // markdown
        let md = try p.run(["export", "plan", "--format", "md"], on: day, sourceLocation: loc)
        let end = programmeStart.adding(days: 7 * k - 1).description
        let heading = "## Week \(k) · \(expectedStart) to \(end) · \(format(week.hours)) h"
        #expect(md.contains(heading), "markdown week \(k)", sourceLocation: loc)
        let section = md.components(separatedBy: heading).dropFirst().first?.components(separatedBy: "\n## ").first ?? ""
        let mdUnits = section.components(separatedBy: "\n").filter { $0.hasPrefix("**") }.map { $0.components(separatedBy: "**")[1] }
        #expect(mdUnits == week.units.map { $0.replacingOccurrences(of: " → ", with: " → level ") }, "markdown units", sourceLocation: loc)

        // csv
        let csv = try p.run(["export", "plan", "--format", "csv"], on: day, sourceLocation: loc)
        let rows = csv.components(separatedBy: "\r\n").dropFirst().map(Self.fields).filter { $0.first == String(k) }
        #expect(!rows.isEmpty && rows.allSatisfy { $0[1] == expectedStart && Double($0[3]) == week.hours }, "csv week \(k)", sourceLocation: loc)
        var csvUnits: [String] = []
        for r in rows where r.count == 12 && !r[5].isEmpty {
            let id = "\(r[5]):\(r[7])"
            if csvUnits.last != id { csvUnits.append(id) }
        }
        #expect(csvUnits == week.ids, "csv units", sourceLocation: loc)

        // json
        let exported = try HeadwayCLITests.json(p.run(["export", "plan", "--format", "json"], on: day, sourceLocation: loc))
        let jw = (exported["weeks"] as? [[String: Any]])?.first { $0["week"] as? Int == k }
        #expect(jw?["start"] as? String == expectedStart && jw?["hours"] as? Double == week.hours, "json week \(k)", sourceLocation: loc)
        let jsonUnits = (jw?["items"] as? [[String: Any]] ?? []).map { "\($0["skill"] as! String):\($0["level"] as! Int)" }
        #expect(jsonUnits == week.ids, "json units", sourceLocation: loc)

        // the report's week-by-week table
        let report = try p.run(["export", "report", "-o", "-"], on: day, sourceLocation: loc)
        let html = report.components(separatedBy: "<h2>Week by week</h2>").dropFirst().first ?? ""
        let cell = "<td class=\"wk\">\(k)<br><span class=\"h\">\(expectedStart)</span>"
        #expect(html.contains(cell), "report week \(k)", sourceLocation: loc)
        let reportRow = html.components(separatedBy: cell).dropFirst().first?.components(separatedBy: "</tr>").first ?? ""
        let reportUnits = reportRow.components(separatedBy: "<strong>").dropFirst().map { $0.components(separatedBy: "</strong>")[0] }
        #expect(reportUnits == week.units.map { $0.replacingOccurrences(of: "&", with: "&amp;") }, "report units", sourceLocation: loc)
    }

    @Test(
        "twelve weeks with partials, activity logs, two replans, a back-dated entry, a re-assessment, an undo, a holiday and a new programme: every view tells the same week k"
    )
    func twelveWeeks() throws {
        let p = try Person()
        let start = Day("2026-11-23")!
        let d = { (offset: Int) in start.adding(days: offset) }
        // The reference assessment with a holiday in week 6 (2026-12-28).
        let assessment = p.folder.appendingPathComponent("ana.yaml")
        try (String(contentsOf: Self.fixture, encoding: .utf8) + "\navailability: {2026-12-28: 0}\n").write(to: assessment, atomically: true, encoding: .utf8)
        try p.run(["profile", "new", "ana", "--from", assessment.path], on: d(0))
        try p.run(["plan"], on: d(0))

        func item(_ k: Int, on day: Day, sourceLocation: SourceLocation = #_sourceLocation) throws -> (skill: String, level: Int, hours: Double) {
            let show = try p.json(["plan", "show", String(k)], on: day)
            let items = ((show["weeks"] as? [[String: Any]])?.first?["items"] as? [[String: Any]]) ?? []
            let i = try #require(items.first, "week \(k) has something planned", sourceLocation: sourceLocation)
            return (i["skill"] as! String, i["level"] as! Int, i["hours"] as! Double)
        }

        // Week 1: partial hours.
        let w1 = try item(1, on: d(0))
        try p.run(["log", "\(w1.skill):\(w1.level)", "3", "partial"], on: d(1))
        try Self.checkWeek(p, 1, weeks: 12, programmeStart: start, on: d(6))

        // Week 2: an activity logged done (item 2 of the week's list), then a replan during the week.
        let picked = try p.run(["log", "--activity", "2"], on: d(8))
        #expect(picked.contains("Logged #"), "\(picked)")
        let replan = try p.run(["replan"], on: d(9))
        #expect(replan.contains("Replanned from week 2 of the programme"), "\(replan)")
        #expect(replan.contains("Week 2 (from \(d(7)))"), "a replan in week 2 numbers its first week 2: \(replan)")
        #expect(!replan.contains("Week 1 (from"))
        try Self.checkWeek(p, 2, weeks: 12, programmeStart: start, on: d(13))
        // The activity shows as partial work in the briefing and in progress.
        let brief2 = try p.json(["brief", "2"], on: d(13))
        let partial2 = (brief2["units"] as? [String: Any])?["partial"] as? [String] ?? []
        #expect(!partial2.isEmpty, "an activity logged done is work on its unit: \(brief2)")
        let sentences = (brief2["sections"] as? [[String: Any]] ?? []).flatMap { $0["lines"] as? [String] ?? [] }
        #expect(!sentences.contains { $0.contains("nothing finished or logged against it") })

        // Weeks 3-4: partials, and in week 4 an entry back-dated into week 3.
        for k in 3...4 {
            let it = try item(k, on: d(7 * k - 7))
            try p.run(["log", "\(it.skill):\(it.level)", "2", "partial"], on: d(7 * k - 6))
            if k == 4 { try p.run(["log", "\(it.skill):\(it.level)", "1", "partial", "--date", d(19).description], on: d(22)) }
            try Self.checkWeek(p, k, weeks: 12, programmeStart: start, on: d(7 * k - 1))
        }
        // The back-dated hour counts in week 3 (its stored briefing stays as written).
        let progress4 = try p.json(["progress"], on: d(27))
        let week3 = (progress4["weeks"] as? [[String: Any]])?.first { $0["week"] as? Int == 3 }
        #expect(week3?["logged"] as? Double == 3)

        // Week 5: a re-assessment and an undo of a mistaken entry.
        try p.run(["assess", "set", "kubernetes-gpu", "3"], on: d(29))
        let it5 = try item(5, on: d(28))
        try p.run(["log", "\(it5.skill):\(it5.level)", "1", "partial"], on: d(30))
        let undo = try p.run(["undo"], on: d(30))
        #expect(undo.hasPrefix("Undid log #"), "\(undo)")
        // An undo of each other kind: a re-assessment, a correction and a removal of an older
        // entry; week 1's hours follow each in progress, and come back with each undo.
        func week1Logged() throws -> Double? {
            ((try p.json(["progress"], on: d(30))["weeks"] as? [[String: Any]])?.first?["logged"] as? Double)
        }
        let scoreBefore = try p.json(["score"], on: d(30))["score"] as? Double
        try p.run(["level", "deepspeed", "2"], on: d(30))
        try p.run(["undo"], on: d(30))
        #expect(try p.json(["score"], on: d(30))["score"] as? Double == scoreBefore)
        let list = try HeadwayCLITests.json("{\"entries\": " + p.run(["log", "list", "--json"], on: d(30)) + "}")
        let first = try #require((list["entries"] as? [[String: Any]])?.first { $0["date"] as? String == d(1).description }?["id"] as? Int)
        #expect(try week1Logged() == 3)
        try p.run(["log", "edit", String(first), "--hours", "2"], on: d(30))
        #expect(try week1Logged() == 2)
        try p.run(["undo"], on: d(30))
        #expect(try week1Logged() == 3)
        try p.run(["log", "rm", String(first)], on: d(30))
        #expect(try week1Logged() == 0)
        try p.run(["undo"], on: d(30))
        #expect(try week1Logged() == 3)
        try Self.checkWeek(p, 5, weeks: 12, programmeStart: start, on: d(34))

        // Week 6 is a holiday: nothing planned, in every view.
        let holiday = try p.json(["plan", "show", "6"], on: d(35))
        let week6 = (holiday["weeks"] as? [[String: Any]])?.first
        #expect(week6?["hours"] as? Double == 0 && (week6?["items"] as? [Any])?.isEmpty == true, "the holiday week: \(String(describing: week6))")
        try Self.checkWeek(p, 6, weeks: 12, programmeStart: start, on: d(41))

        // Weeks 7-8: the week's first unit logged in full; a second replan in week 7, which keeps
        // the holiday behind it and the programme's numbers.
        for k in 7...8 {
            if k == 7 {
                let again = try p.run(["replan"], on: d(42))
                #expect(again.contains("Week 7 (from \(d(42)))"), "\(again)")
            }
            let it = try item(k, on: d(7 * k - 7))
            try p.run(["log", "\(it.skill):\(it.level)", format(it.hours), "partial"], on: d(7 * k - 6))
            try Self.checkWeek(p, k, weeks: 12, programmeStart: start, on: d(7 * k - 1))
        }
        // A week before the last replan reads as the plan that covered it had it, and says so.
        let earlier = try p.run(["plan", "show", "3"], on: d(55))
        #expect(earlier.contains("Week 3 (from \(d(14)))") && earlier.contains("(week 3 as planned before the replan from \(d(42))"), "\(earlier)")
        // The holiday week, read after the replan, is still the holiday the old plan had.
        let before = try p.json(["plan", "show", "6"], on: d(55))
        #expect((before["weeks"] as? [[String: Any]])?.first?["hours"] as? Double == 0)

        // Going back in time: the report and score as of the end of week 4 agree, and history
        // ends there.
        let past = d(27)
        let score = try p.json(["score"], on: past)
        let report = try p.run(["export", "report", "-o", "-"], on: past)
        let now = try #require(score["score"] as? Double)
        let card = report.components(separatedBy: "AIJRI now</div>").dropFirst().first?.components(separatedBy: "</div>").first ?? ""
        #expect(card.hasSuffix(">\(fixed1(now))"), "the report's now \(card) is score --as-of's \(now)")
        let history = try p.json(["history"], on: past)
        let days = (history["snapshots"] as? [[String: Any]] ?? []).compactMap { $0["as_of"] as? String }
        #expect(!days.isEmpty && days.allSatisfy { $0 <= past.description }, "\(days)")
        #expect(!report.contains("kubernetes-gpu:3"), "a re-assessment made later is not in the report as of an earlier day")
        #expect(ShellStatus.read(today: past, databasePath: p.db.path).prompt.contains(" · wk 4 · "))

        // Week 9: a new programme of 4 weeks, without InfiniBand; its weeks are its own.
        let newStart = d(56)
        try p.run(["plan", "--start", newStart.description, "--weeks", "4", "--exclude", "infiniband-roce"], on: newStart)
        for k in 1...4 {
            let day = newStart.adding(days: 7 * k - 1)
            let it = try item(k, on: day.adding(days: -6))
            try p.run(["log", "\(it.skill):\(it.level)", "2", "partial"], on: day.adding(days: -5))
            try Self.checkWeek(p, k, weeks: 4, programmeStart: newStart, on: day)
        }
        // The old programme's briefings stay its own: week 1 of the new one is not the old week 1.
        let newBrief = try p.json(["brief", "1"], on: d(83))
        #expect(newBrief["from"] as? String == newStart.description)
        // As of a day of the old programme, the old programme's week 8 is still there.
        let oldBrief = try p.json(["brief", "8"], on: d(55))
        #expect(oldBrief["from"] as? String == d(49).description && oldBrief["weeks"] as? Int == 12)
    }
}
