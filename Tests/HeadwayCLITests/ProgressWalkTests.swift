import Foundation
import HeadwayCore
import HeadwayCurricula
import Testing

/// Twelve simulated weeks of one person, through the built binary, dates moved with --as-of.
@Suite("Twelve weeks of progress")
struct ProgressWalkTests {
    static let curriculum: Curriculum = {
        do { return try CurriculumLoader.load(from: repoRoot.appendingPathComponent("Curricula")) } catch { fatalError("\(error)") }
    }()
    static let fixture = repoRoot.appendingPathComponent("Fixtures/assessments/reference-mid.yaml")
    static let golden = repoRoot.appendingPathComponent("Fixtures/golden/brief-week12.txt")

    /// The model's own answer, computed here without the CLI's record: the fixture's
    /// assessment with the levels the walk has reached, on `day`.
    struct Expected {
        var assessment: Assessment
        func score(on day: Day) -> Double {
            PersonalModel(curriculum: ProgressWalkTests.curriculum, assessment: assessment)!.score(at: day).result.rounded
        }
        func level(_ s: String) -> Int { PersonalModel(curriculum: ProgressWalkTests.curriculum, assessment: assessment)!.level(of: s) }
    }

    final class Walk {
        let db = scratchDatabase()
        var expected: Expected
        var reasons = ["assessment"]
        /// Hours spent and units completed per plan week (1-based), as the test logged them.
        var hours: [Int: Double] = [:]
        var done: [Int: [String]] = [:]
        let start = Day("2026-11-23")!

        init() throws {
            expected = Expected(assessment: try AssessmentLoader.load(ProgressWalkTests.fixture, curriculum: ProgressWalkTests.curriculum))
        }

        @discardableResult
        func run(_ args: [String], on day: Day, sourceLocation: SourceLocation = #_sourceLocation) throws -> Output {
            let out = try headway(args + ["--as-of", day.description], db: db)
            #expect(out.status == 0, "\(args) on \(day): \(out.stderr)", sourceLocation: sourceLocation)
            return out
        }

        func week(of day: Day) -> Int { start.days(to: day) / 7 + 1 }

        /// Logs `hours` on `unit`; `completes` says whether the test expects the unit done after it.
        func log(
            _ unit: UnitID, _ hours: Double, _ status: String? = nil, on day: Day, completes: Bool,
            sourceLocation: SourceLocation = #_sourceLocation
        ) throws {
            let before = expected.score(on: day)
            let out = try run(["log", unit.description, format(hours)] + (status.map { [$0] } ?? []), on: day, sourceLocation: sourceLocation)
            if status != "skipped" { addHours(day, hours) }
            if completes {
                expected.assessment.skills[unit.skill] = unit.level
                reasons.append("completed \(unit)")
                done[week(of: day), default: []].append(ProgressWalkTests.name(unit))
                let after = expected.score(on: day)
                ProgressWalkTests.checkMove(out.stdout, before: before, after: after, sourceLocation: sourceLocation)
            } else {
                #expect(!out.stdout.contains("AIJRI"), "a log that completes nothing writes no snapshot: \(out.stdout)", sourceLocation: sourceLocation)
            }
        }

        private func addHours(_ day: Day, _ h: Double) { hours[week(of: day), default: 0] += h }

        func json(_ args: [String], on day: Day) throws -> [String: Any] {
            try HeadwayCLITests.json(run(args + ["--json"], on: day).stdout)
        }
    }

    /// The score line of a change: it ends at the model's score, and when the field moved too
    /// since the last snapshot (issue 25.12), its "your work" part is the change's own effect
    /// by the model (`after - before` on its day), to the 0.1 the split is rounded to.
    static func checkMove(_ output: String, before: Double, after: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("AIJRI ") }) else {
            Issue.record("no score line in \(output)", sourceLocation: sourceLocation)
            return
        }
        #expect(line.contains("→ \(fixed1(after)) ("), "\(line)", sourceLocation: sourceLocation)
        let fromText = line.dropFirst("AIJRI ".count).prefix { $0 != " " }
        let from = Double(fromText) ?? .nan
        if let r = line.range(of: "your work ") {
            let work = Double(line[r.upperBound...].prefix { $0 != "," }) ?? .nan
            #expect(abs(work - (after - before)) <= 0.1 + 1e-9, "\(line)", sourceLocation: sourceLocation)
        } else {
            #expect(abs(from - before) <= 0.05 + 1e-9, "no split, so it starts from the score before: \(line)", sourceLocation: sourceLocation)
        }
    }

    static func name(_ u: UnitID) -> String { "\(curriculum.graph[u.skill]!.name) → \(u.level)" }

    /// The role's signals a week reports (MODEL §6): those whose window first touches the
    /// programme in that week (a signal under way when it starts, in its week 1). Every one of
    /// the bundled role's signals moves a score by 0.1 or more once complete, so none is left
    /// out for being small; `twelveWeeks` checks that on the effects reported.
    static func signalsFirstTouching(_ from: Day, _ to: Day, programmeStart: Day) -> [String] {
        curriculum.signals.filter { s in
            s.effects.contains { $0.role == "ai-infrastructure-engineer" } && (from...to).contains(max(s.window.from, programmeStart))
        }
        .sorted { ($0.window.from, $0.id) < ($1.window.from, $1.id) }.map(\.id)
    }

    @Test("a person logs, slips, replans and re-assesses over 12 weeks; scores, snapshot reasons and briefings follow the model")
    func twelveWeeks() throws {
        let w = try Walk()
        defer { try? FileManager.default.removeItem(at: w.db.deletingLastPathComponent()) }
        let d = { (offset: Int) in w.start.adding(days: offset) }
        try w.run(["profile", "new", "ana", "--from", Self.fixture.path], on: d(0))
        try w.run(["plan"], on: d(0))
        var briefs: [Int: [String: Any]] = [:]

        func endOfWeek(_ k: Int, onTrack: Bool?, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let sunday = d(7 * k - 1)
            let score = try w.json(["score"], on: sunday)
            #expect(score["score"] as? Double == w.expected.score(on: sunday), "week \(k) score", sourceLocation: sourceLocation)
            let brief = try w.json(["brief"], on: sunday)
            briefs[k] = brief
            #expect(brief["week"] as? Int == k, sourceLocation: sourceLocation)
            let scores = brief["score"] as? [String: Any] ?? [:]
            #expect(scores["now"] as? Double == w.expected.score(on: sunday), "week \(k) briefing score", sourceLocation: sourceLocation)
            let hours = brief["hours"] as? [String: Any] ?? [:]
            #expect(hours["logged"] as? Double == (w.hours[k] ?? 0), "week \(k) logged hours", sourceLocation: sourceLocation)
            let units = brief["units"] as? [String: Any] ?? [:]
            #expect(units["done"] as? [String] == (w.done[k] ?? []), "week \(k) units done", sourceLocation: sourceLocation)
            let reported = brief["signals"] as? [[String: Any]] ?? []
            let signals = reported.compactMap { $0["id"] as? String }
            #expect(
                signals == Self.signalsFirstTouching(d(7 * k - 7), sunday, programmeStart: d(0)), "week \(k) field changes",
                sourceLocation: sourceLocation)
            for s in reported {
                #expect(abs(s["effect_complete"] as? Double ?? 0) >= 0.1, "\(s)", sourceLocation: sourceLocation)
            }
            if let onTrack {
                let outlook = brief["outlook"] as? [String: Any] ?? [:]
                #expect(outlook["on_track"] as? Bool == onTrack, "week \(k) on track", sourceLocation: sourceLocation)
                if !onTrack { #expect(outlook["replan_projected"] is Double, "a briefing behind plan says what replan gives", sourceLocation: sourceLocation) }
            }
            let sections = (brief["sections"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
            #expect(sections == ["Score", "Hours and units", "On track?", "Next week", "Field changes", "Against the field"], sourceLocation: sourceLocation)
        }

        // Weeks 1-2: on plan (Triton → 2 in 10 h, then NCCL → 3 begins).
        let triton = UnitID(skill: "triton", level: 2), nccl = UnitID(skill: "nccl", level: 3)
        try w.log(triton, 3, on: d(1), completes: false)
        try w.log(triton, 3, on: d(3), completes: false)
        try endOfWeek(1, onTrack: true)
        try w.log(triton, 4, on: d(8), completes: true)  // 10 h reached: done by default
        try w.log(nccl, 2, on: d(10), completes: false)
        try endOfWeek(2, onTrack: true)
        // Weeks 3-5: slipping.
        try w.log(nccl, 2, on: d(15), completes: false)
        try endOfWeek(3, onTrack: false)
        try w.log(nccl, 6, "skipped", on: d(23), completes: false)
        try endOfWeek(4, onTrack: false)
        try w.log(nccl, 3, "partial", on: d(29), completes: false)
        try endOfWeek(5, onTrack: false)
        let progress = try w.json(["progress"], on: d(35))
        #expect(progress["on_track"] as? Bool == false)
        let promised = (progress["replan"] as? [String: Any])?["projected"] as? Double

        // Week 6: replan once; `progress` said what it would give, and it gives that.
        let replanned = try w.json(["replan"], on: d(35))
        #expect(replanned["projected_score"] as? Double == promised)
        // The new plan, week by week, logged fully from here on.
        for k in 6...12 {
            let show = try w.json(["plan", "show", String(k)], on: d(7 * k - 7))
            let items = ((show["weeks"] as? [[String: Any]])?.first?["items"] as? [[String: Any]]) ?? []
            for (i, item) in items.enumerated() {
                let unit = UnitID(skill: item["skill"] as! String, level: item["level"] as! Int)
                guard w.expected.level(unit.skill) < unit.level else { continue }
                let completes = item["completes"] as! Bool
                try w.log(unit, item["hours"] as! Double, completes ? "done" : "partial", on: d(7 * k - 7 + i), completes: completes)
            }
            // Week 6 crosses 2027-01-01, where a signal's window opens: the first command after it
            // (at the latest the week's briefing) records it, after the week's earlier completions.
            if k == 6 { w.reasons.append("signal managed-platforms-absorb-gpu-ops enters its window") }
            if k == 8 {
                // A self-rated change, then a mistaken log that is undone.
                let before = w.expected.score(on: d(55))
                let out = try w.run(["level", "kubernetes-gpu", "3"], on: d(55))
                w.expected.assessment.skills["kubernetes-gpu"] = 3
                w.reasons.append("re-assessment kubernetes-gpu:3")
                Self.checkMove(out.stdout, before: before, after: w.expected.score(on: d(55)))
                let ds = w.expected.level("deepspeed") + 1
                try w.run(["log", "deepspeed:\(ds)", "1", "partial"], on: d(55))
                let undo = try w.run(["undo"], on: d(55))
                #expect(undo.stdout.hasPrefix("Undid log #"), "\(undo.stdout)")
                #expect(undo.stdout.contains("deepspeed") || undo.stdout.contains("DeepSpeed"))
            }
            try endOfWeek(k, onTrack: k >= 7 ? true : nil)
        }

        // Snapshot reasons, in order, as the model says they happened.
        let history = try w.json(["history"], on: d(83))
        let reasons = (history["snapshots"] as? [[String: Any]] ?? []).compactMap { $0["reason"] as? String }
        #expect(reasons == w.reasons)
        // The last snapshot holds the score the model gives the levels reached, on its day.
        let last = (history["snapshots"] as? [[String: Any]])?.last
        let lastDay = try #require(Day(last?["as_of"] as? String ?? ""))
        #expect(last?["score"] as? Double == w.expected.score(on: lastDay))

        // An ended week's briefing is stored as it stood on its last day (exactly what the live
        // one read that Sunday said), then shown unchanged, even after more history (MODEL §6).
        let stored = try w.json(["brief", "1"], on: d(82))
        #expect(NSDictionary(dictionary: try w.json(["brief", "1"], on: d(83))) == NSDictionary(dictionary: stored))
        #expect(NSDictionary(dictionary: stored) == NSDictionary(dictionary: try #require(briefs[1])))

        // The final briefing, as a person reads it.
        let text = try w.run(["brief", "12"], on: d(83)).stdout
        if ProcessInfo.processInfo.environment["HEADWAY_UPDATE_GOLDEN"] == "1" {
            try text.write(to: Self.golden, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOf: Self.golden, encoding: .utf8)
        #expect(text == golden, "the final briefing differs from Fixtures/golden/brief-week12.txt (HEADWAY_UPDATE_GOLDEN=1 rewrites it)")
        let markdown = try w.run(["brief", "12", "--markdown"], on: d(83)).stdout
        #expect(markdown.hasPrefix("# Briefing: week 12 of 12"))
        #expect(markdown.contains("## Field changes"))
    }
}

func fixed1(_ x: Double) -> String { String(format: "%.1f", x) }
