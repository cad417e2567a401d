import Foundation
import HeadwayApp
import HeadwayCore
import Testing

@testable import HeadwayCLI

/// Reads a CSV file with Python's csv module (RFC 4180 quoting) and prints its rows as JSON.
let csvReader = """
    import csv, json, sys
    with open(sys.argv[1], newline='', encoding='utf-8') as f:
        rows = list(csv.reader(f, strict=True))
    print(json.dumps(rows))
    """

func readCSV(_ file: URL) throws -> (header: [String], rows: [[String: String]]) {
    let python = try Tools.require(Tools.plainPython, "python3 (apt-get install python3)")
    let r = try Tools.python(python, script: csvReader, [file.path])
    guard r.status == 0 else { throw Tools.ToolMissing(description: "python's csv could not read \(file.path): \(r.stderr)") }
    let table = try JSONDecoder().decode([[String]].self, from: r.stdoutData)
    let header = table.first ?? []
    return (
        header,
        table.dropFirst().map { row in
            #expect(row.count == header.count, "a row of \(row.count) fields under \(header.count) columns")
            return Dictionary(uniqueKeysWithValues: zip(header, row).map { ($0, $1) })
        }
    )
}

@Suite("The plan and history as Markdown, JSON and CSV, read back by their parsers")
struct DataExportTests {
    @Test("export plan --format json decodes with JSONDecoder into PlanReport, equal to plan --json and to the plan itself")
    func jsonDecodes() throws {
        let exported = try headway(["export", "plan", "--assessment", reference, "--format", "json"])
        #expect(exported.status == 0, "\(exported.stderr)")
        let report = try JSONCoding.decoder().decode(PlanReport.self, from: Data(exported.stdout.utf8))
        var printed = try JSONCoding.decoder().decode(PlanReport.self, from: Data(try headway(["plan", "--assessment", reference, "--json"]).stdout.utf8))
        // `plan` alone adds what more access would reach (it plans again for each step up).
        #expect(printed.leftOut != nil && printed.accessSteps != nil)
        printed.leftOut = nil
        printed.accessSteps = nil
        #expect(report == printed)
        let (person, plan) = try Reference.plan(reference)
        #expect(report == PlanReport(plan, curriculum: Reference.curriculum, role: person.role))
        #expect(report.weeks.count == 12 && report.units.count == plan.units.count && report.optimal)
    }

    @Test(
        "the plan's CSV, read by Python's csv module, has a row per activity and each week's hours add up",
        .enabled(if: Tools.shouldRun(Tools.plainPython), "python3 is missing"))
    func planCSV() throws {
        let folder = try scratchFolder(); defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("plan.csv")
        // The format follows the file's extension.
        let out = try headway(["export", "plan", "--assessment", reference, "-o", file.path])
        #expect(out.status == 0, "\(out.stderr)")
        let (header, rows) = try readCSV(file)
        #expect(
            header == [
                "week", "week_start", "week_end", "week_hours", "projected_score", "skill", "skill_name", "level",
                "item_hours", "completes", "activity", "activity_hours"
            ])
        let (_, plan) = try Reference.plan(reference)
        let expected = plan.schedule.flatMap { w in w.items.flatMap { i in i.activities.map { (w, i, $0) } } }
        #expect(rows.count == expected.count)
        for (row, (w, item, activity)) in zip(rows, expected) {
            #expect(row["week"] == "\(w.week)" && row["week_start"] == w.start.description && row["skill"] == item.skill)
            #expect(row["level"] == "\(item.level)" && row["activity"] == activity.text)
            #expect(row["completes"] == (item.completes ? "true" : "false"))
        }
        for w in plan.schedule {
            let hours = rows.filter { $0["week"] == "\(w.week)" }.compactMap { Double($0["activity_hours"]!) }.reduce(0, +)
            #expect(abs(hours - w.hours) < 0.02, "week \(w.week): \(hours) h in rows, \(w.hours) h planned")
        }
        // Activities with commas come back whole: the quoting held.
        #expect(rows.contains { $0["activity"]!.contains(",") })
    }

    @Test(
        "the history CSV holds every snapshot in order, as profile export has them",
        .enabled(if: Tools.shouldRun(Tools.plainPython), "python3 is missing"))
    func historyCSV() throws {
        let db = scratchDatabase()
        defer { try? FileManager.default.removeItem(at: db.deletingLastPathComponent()) }
        #expect(try headway(["profile", "new", "ana", "--from", reference, "--as-of", "2026-11-22"], db: db).status == 0)
        for (skill, level, day) in [("vllm", 3, "2026-12-01"), ("nccl", 3, "2026-12-20"), ("nccl", 4, "2027-01-15")] {
            let set = try headway(["assess", "set", skill, "\(level)", "--as-of", day], db: db)
            #expect(set.status == 0, "\(set.stderr)")
        }
        let folder = try scratchFolder(); defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("history.csv")
        #expect(try headway(["export", "history", "--output", file.path, "--as-of", "2027-01-15"], db: db).status == 0)
        let (header, rows) = try readCSV(file)
        #expect(header == ["as_of", "score", "zone", "label", "base", "evidence", "barriers", "growth", "reason"])
        let archive = try json(try headway(["profile", "export", "-"], db: db).stdout)
        let snapshots = try #require(archive["snapshots"] as? [[String: Any]])
        // Three re-assessments after the first assessment, and the signal that enters its
        // window on 2027-01-01 between the last two (MODEL.md §5: a snapshot for each).
        #expect(rows.count == 5 && rows.count == snapshots.count)
        #expect(rows.map { $0["reason"]! }.filter { $0.hasPrefix("signal ") && $0.hasSuffix("enters its window") }.count == 1)
        #expect(rows.first?["score"] == "49.1" && rows.first?["reason"] == "assessment")
        #expect(rows.map { $0["as_of"]! } == rows.map { $0["as_of"]! }.sorted())
        for (row, s) in zip(rows, snapshots) {
            let parts = s["parts"] as! [String: Double]
            #expect(row["as_of"] == s["as_of"] as? String && row["reason"] == s["reason"] as? String)
            #expect(Double(row["score"]!) == s["score"] as? Double && row["label"] == s["label"] as? String)
            let sum = ["base", "evidence", "barriers", "growth"].map { Double(row[$0]!)! }.reduce(0, +)
            #expect(abs(sum - Double(row["score"]!)!) < 0.051, "parts add up to the score")
            #expect(Double(row["growth"]!) == parts["growth"])
        }
    }

    @Test(
        "CSV quoting: commas, quotes and line breaks in a field come back exactly",
        .enabled(if: Tools.shouldRun(Tools.plainPython), "python3 is missing"))
    func csvQuoting() throws {
        let reason = "re-assessment, after \"the\" review\nsecond line; done"
        let snap = Snapshot(
            asOf: Day("2026-11-23")!, score: 49.1, zone: .green, label: "Green (Transforming)",
            parts: ScoreParts(base: 36.7, evidence: 8.7, barriers: 1.0, growth: 2.7), reason: .text(reason))
        let folder = try scratchFolder(); defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("h.csv")
        try Data(CSV.history([snap, snap]).utf8).write(to: file)
        let (_, rows) = try readCSV(file)
        #expect(rows.count == 2 && rows.allSatisfy { $0["reason"] == reason && $0["label"] == "Green (Transforming)" })
    }

    @Test("the Markdown plan: a headline, a table row per unit, a checklist item per activity, to standard output")
    func markdown() throws {
        let out = try headway(["export", "plan", "--assessment", reference, "--format", "md", "--output", "-"])
        #expect(out.status == 0, "\(out.stderr)")
        let (_, plan) = try Reference.plan(reference)
        let lines = out.stdout.components(separatedBy: "\n")
        #expect(lines.first == "# Headway plan: reference-mid")
        #expect(out.stdout.contains("**AIJRI 49.1 → 50.8 projected** (+1.7)"))
        let rows = lines.filter { $0.range(of: #"^\| \d+ \|"#, options: .regularExpression) != nil }
        #expect(rows.count == plan.units.count)
        // Six unescaped pipes a row: a `|` inside a cell would break the table.
        for row in rows { #expect(row.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count == 6, "\(row)") }
        let activities = plan.schedule.flatMap { $0.items.flatMap(\.activities) }
        #expect(lines.filter { $0.hasPrefix("- [ ] ") }.count == activities.count)
        #expect(lines.filter { $0.hasPrefix("## Week ") }.count == plan.weeks)
        #expect(out.stdout.contains("perf_analyzer"), "an underscore inside a word is left alone")
    }

    @Test("on a profile without a plan, export plan says to make one; export history needs no plan")
    func profileWithoutPlan() throws {
        let db = scratchDatabase()
        defer { try? FileManager.default.removeItem(at: db.deletingLastPathComponent()) }
        #expect(try headway(["profile", "new", "bo", "--from", reference], db: db).status == 0)
        let out = try headway(["export", "plan", "--format", "ics"], db: db)
        #expect(out.status == 66 && out.stdout.isEmpty)
        #expect(out.stderr == "error: profile bo has no plan yet; run `headway plan` first (or pass --assessment FILE)\n")
        let history = try headway(["export", "history"], db: db)
        #expect(history.status == 0 && history.stdout.hasPrefix("as_of,score,zone,label,"))
        let bad = try headway(["export", "history", "--format", "json"], db: db)
        #expect(bad.status != 0 && bad.stderr.contains("--format 'json' is not a history format; allowed: csv"))
    }
}
