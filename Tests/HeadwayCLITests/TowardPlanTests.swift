import Foundation
import Testing

@testable import HeadwayCLI

/// A plan made `--toward` a role remembers it: `replan`, `plan show`, `progress`, `brief` and a
/// profile export all keep aiming at that role until `replan --toward` says otherwise.
@Suite("A plan toward a move keeps its target")
struct TowardPlanTests {
    static let target = "ml-platform-engineer"

    /// The JSON object a command prints.
    func json(_ arguments: [String], db: URL) throws -> [String: Any] {
        let out = try headway(arguments, db: db)
        #expect(out.status == 0, "\(arguments): \(out.stderr)")
        return try #require(JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
    }

    func number(_ object: [String: Any], _ key: String) -> Double { (object[key] as? NSNumber)?.doubleValue ?? .nan }

    @Test("replan keeps the target role; progress and plan show read the plan in it; --toward the own role aims home again")
    func replanKeepsTarget() throws {
        let db = scratchDatabase()
        #expect(try headway(["profile", "new", "ana", "--from", reference], db: db).status == 0)
        let own = try json(["score", "--json"], db: db)
        let made = try json(["plan", "--toward", Self.target, "--json"], db: db)
        // The target role's start score, not the own role's.
        #expect(abs(number(made, "start_score") - number(own, "score")) > 1)
        #expect(try headway(["log", "triton", "4", "--as-of", "2026-11-25"], db: db).status == 0)

        let replanned = try json(["replan", "--as-of", "2026-12-01", "--json"], db: db)
        #expect(number(replanned, "start_score") == number(made, "start_score"), "the replan still starts from the target role's score")
        let progress = try json(["progress", "--as-of", "2026-12-01", "--json"], db: db)
        #expect(progress["toward"] as? String == Self.target)
        #expect(number(progress, "projected") == (number(replanned, "projected_score") * 10).rounded() / 10)

        let shown = try headway(["plan", "show", "--as-of", "2026-12-01"], db: db)
        #expect(shown.stdout.hasPrefix("Toward ML Platform Engineer: the plan raises your score there"), "\(shown.stdout.prefix(200))")
        let brief = try headway(["brief", "--as-of", "2026-12-01"], db: db)
        #expect(brief.stdout.contains("The plan aims at ML Platform Engineer: its projected and at-pace scores are your score there"))

        let home = try json(["replan", "--as-of", "2026-12-01", "--toward", "ai-infrastructure-engineer", "--json"], db: db)
        #expect(abs(number(home, "start_score") - number(own, "score")) < 0.05)
        let after = try json(["progress", "--as-of", "2026-12-01", "--json"], db: db)
        #expect(after["toward"] == nil)
        #expect(!(try headway(["plan", "show", "--as-of", "2026-12-01"], db: db)).stdout.hasPrefix("Toward"))
    }

    @Test("a profile export carries the target, an import keeps it, and an import naming no role is refused")
    func exportKeepsTarget() throws {
        let db = scratchDatabase()
        #expect(try headway(["profile", "new", "ana", "--from", reference], db: db).status == 0)
        #expect(try headway(["plan", "--toward", Self.target], db: db).status == 0)
        let file = db.deletingLastPathComponent().appendingPathComponent("ana.json")
        #expect(try headway(["profile", "export", file.path], db: db).status == 0)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("\"toward\" : \"\(Self.target)\""))

        let other = scratchDatabase()
        #expect(try headway(["profile", "import", file.path], db: other).status == 0)
        let progress = try json(["progress", "--json"], db: other)
        #expect(progress["toward"] as? String == Self.target)

        let bad = db.deletingLastPathComponent().appendingPathComponent("bad.json")
        try text.replacingOccurrences(of: "\"toward\" : \"\(Self.target)\"", with: "\"toward\" : \"astronaut\"")
            .write(to: bad, atomically: true, encoding: .utf8)
        let refused = try headway(["profile", "import", bad.path, "--as", "bo"], db: other)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("toward: 'astronaut' is not a role of the curricula"), "\(refused.stderr)")
        let profiles = try headway(["profile", "list", "--json"], db: other)
        #expect(!profiles.stdout.contains("\"bo\""), "nothing of the refused import is stored: \(profiles.stdout)")
    }
}

/// Issue 25.17: `export plan --assessment FILE` ignored the file's `goals.toward` and
/// `availability`, so it exported another plan than `plan --assessment FILE` shows.
@Suite("Every export of a plan from an assessment file is the plan `plan` shows")
struct ExportedPlanIsThePlanTests {
    static let file = "Fixtures/assessments/platform-toward-ai-platform.yaml"

    @Test("JSON export has plan's units and weeks; Markdown names the target role and plan's hours; the calendar's holiday week has 0 h")
    func sameAsPlan() throws {
        let plan = try json(try headway(["plan", "--assessment", Self.file, "--json"]).stdout)
        let exported = try json(try headway(["export", "plan", "--assessment", Self.file, "--format", "json"]).stdout)
        for key in ["units", "weeks", "start_score", "projected_score", "total_hours", "start", "end"] {
            #expect(
                try JSONSerialization.data(withJSONObject: ["v": plan[key] ?? NSNull()], options: .sortedKeys)
                    == JSONSerialization.data(withJSONObject: ["v": exported[key] ?? NSNull()], options: .sortedKeys), "\(key)")
        }
        let weeks = try #require(plan["weeks"] as? [[String: Any]])
        let holiday = try #require(weeks.first { $0["start"] as? String == "2026-12-21" })
        #expect(holiday["hours"] as? Double == 0, "the holiday week has no hours")

        let shown = try headway(["plan", "--assessment", Self.file]).stdout
        let markdown = try headway(["export", "plan", "--assessment", Self.file, "--format", "md"]).stdout
        #expect(markdown.contains("AI Platform Engineer · 12 weeks from 2026-11-23"), "the header names the target role")
        let used = try #require(shown.split(separator: "\n").first { $0.contains(" used, ") })
        let hours = try #require(used.range(of: #"\d+ h of \d+ used"#, options: .regularExpression))
        #expect(markdown.contains(String(used[hours])), "markdown says what plan says: \(used[hours])")

        let calendar = try headway(["export", "plan", "--assessment", Self.file, "--format", "ics"]).stdout
        #expect(calendar.contains("DTSTART;VALUE=DATE:20261214"))
        #expect(calendar.contains("DESCRIPTION:Week 5 of 12 (2026-12-21 to 2026-12-27)\\, 0 h\\,"), "the holiday week has no hours")
    }
}
