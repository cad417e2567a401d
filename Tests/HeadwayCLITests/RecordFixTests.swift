import Foundation
import Testing

@testable import HeadwayCLI

/// Defects of issue 25 fixed in this round, each as the person met it.
@Suite("The record agrees with what it told the person")
struct RecordFixTests {
    @Test("25.2: `assess set hours 8` says a replan uses 8 h a week, and replan does")
    func replanUsesReassessedHours() throws {
        let db = scratchDatabase()
        _ = try headway(["assess", "--sample"], db: db)
        _ = try headway(["plan"], db: db)
        let set = try headway(["assess", "set", "hours", "8"], db: db)
        #expect(set.stdout.contains("`replan` plans the weeks left with them"))
        let replan = try headway(["replan", "--json"], db: db)
        #expect(replan.status == 0, "\(replan.stderr)")
        #expect(try json(replan.stdout)["hours_per_week"] as? Double == 8)
    }

    @Test("25.11: the briefing's next week never lists an activity already logged done")
    func nextWeekLeavesDoneActivitiesOut() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var env = Binary.environment(in: folder)
        env["HEADWAY_TODAY"] = "2026-11-24"
        #expect(try Binary.run(["assess", "--sample"], input: Data(), environment: env).status == 0)
        let plan = try Binary.run(["plan", "--json"], input: Data(), environment: env)
        let weeks = try json(plan.output)["weeks"] as? [[String: Any]] ?? []
        // The reference plan's first unit runs into week 2 with the same activity on both sides.
        let week1 = (weeks.first?["items"] as? [[String: Any]])?.first?["activities"] as? [String] ?? []
        let week2 = (weeks.dropFirst().first?["items"] as? [[String: Any]])?.first?["activities"] as? [String] ?? []
        let shared = try #require(week1.last)
        try #require(week2.contains(shared))
        // The picker: 1 is the unit, 2 and 3 its activities this week; Enter keeps the defaults.
        let shell = try Binary.run([], input: Data("log\n3\n\n\n\n\nbrief --json\n".utf8), environment: env)
        #expect(shell.output.contains("Logged #1"), "\(shell.output)")
        let brief = try json(String(shell.output[try #require(shell.output.range(of: "{")).lowerBound...]))
        let next = brief["next_week"] as? [[String: Any]] ?? []
        let listed = next.flatMap { $0["activities"] as? [String] ?? [] }
        #expect(!next.isEmpty)
        #expect(!listed.contains { $0.hasPrefix(shared) }, "\(listed)")
    }
}
