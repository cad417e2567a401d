import Foundation
import HeadwayCore
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

    @Test("25.1: the current week's brief is live (read early, then work logged, it says what progress says); an ended week's is kept")
    func liveCurrentWeek() throws {
        let db = scratchDatabase()
        _ = try headway(["profile", "new", "ana", "--from", reference, "--as-of", "2026-11-23"], db: db)
        _ = try headway(["plan", "--as-of", "2026-11-23"], db: db)
        func logged(_ args: [String]) throws -> Double {
            let out = try headway(args + ["--json"], db: db)
            #expect(out.status == 0, "\(out.stderr)")
            return (try json(out.stdout)["hours"] as? [String: Any])?["logged"] as? Double ?? -1
        }
        #expect(try logged(["brief", "--as-of", "2026-11-24"]) == 0)
        #expect(try headway(["log", "nsight:2", "3", "partial", "--as-of", "2026-11-26"], db: db).status == 0)
        #expect(try logged(["brief", "--as-of", "2026-11-26"]) == 3, "the week is live: the log shows")
        let progress = try json(try headway(["progress", "--json", "--as-of", "2026-11-26"], db: db).stdout)
        let week1 = (progress["weeks"] as? [[String: Any]])?.first
        #expect(week1?["logged"] as? Double == 3, "progress says the same: \(String(describing: week1))")
        // Week 1 has ended: its briefing is stored as of 2026-11-29 and later work dated in it
        // does not rewrite it.
        let ended = try json(try headway(["brief", "1", "--json", "--as-of", "2026-12-01"], db: db).stdout)
        #expect(ended["generated_on"] as? String == "2026-11-29" && (ended["hours"] as? [String: Any])?["logged"] as? Double == 3)
        #expect(try headway(["log", "nsight:2", "1", "partial", "--date", "2026-11-28", "--as-of", "2026-12-02"], db: db).status == 0)
        #expect(try logged(["brief", "1", "--as-of", "2026-12-03"]) == 3, "kept as written")
    }

    @Test("25.5: removing a completing log takes the level back after a re-assessment in between; a later answer wins over an earlier completion")
    func removedCompletionAfterReassessment() throws {
        let db = scratchDatabase()
        _ = try headway(["profile", "new", "ana", "--from", reference, "--as-of", "2026-11-23"], db: db)
        func score(_ day: String) throws -> Double { try json(try headway(["score", "--json", "--as-of", day], db: db).stdout)["score"] as! Double }
        // The levels in force on a day, as the planning problem of that day states them.
        func nsight(_ day: String) throws -> Int {
            let problem = try headway(["plan", "--export-problem", "--as-of", day], db: db)
            let skills = try json(problem.stdout)["skills"] as? [[String: Any]] ?? []
            return skills.first { $0["id"] as? String == "nsight" }?["level"] as? Int ?? -1
        }
        #expect(try headway(["log", "nsight:2", "8", "done", "--as-of", "2026-11-25"], db: db).status == 0)
        #expect(try nsight("2026-11-25") == 2)
        #expect(try headway(["assess", "set", "vllm", "3", "--as-of", "2026-11-27"], db: db).status == 0)
        let withBoth = try score("2026-11-27")
        #expect(try headway(["log", "rm", "1", "--as-of", "2026-11-28"], db: db).status == 0)
        #expect(try nsight("2026-11-28") == 1, "the completion is gone, and with it level 2")
        #expect(try score("2026-11-28") < withBoth)
        // The record agrees with itself: history's last snapshot is the score now.
        let history = try json(try headway(["history", "--json", "--as-of", "2026-11-28"], db: db).stdout)
        #expect((history["snapshots"] as? [[String: Any]])?.last?["score"] as? Double == (try score("2026-11-28")))
        // Completed again, then answered lower: the answer is the person's word from its day on.
        #expect(try headway(["log", "nsight:2", "8", "done", "--as-of", "2026-11-29"], db: db).status == 0)
        #expect(try headway(["assess", "set", "nsight", "1", "--as-of", "2026-11-30"], db: db).status == 0)
        #expect(try nsight("2026-11-30") == 1)
        #expect(try nsight("2026-11-29") == 2)
    }

    @Test("25.12: log says the change history records, one number, split into your work and the field when both moved")
    func logAndHistoryAgree() throws {
        let db = scratchDatabase()
        _ = try headway(["profile", "new", "ana", "--from", reference, "--as-of", "2026-11-23"], db: db)
        _ = try headway(["plan", "--as-of", "2026-11-23"], db: db)
        _ = try headway(["log", "nsight:2", "8", "done", "--as-of", "2027-01-05"], db: db)
        // Eleven weeks later the field has moved the score; the completion moves it too.
        let log = try headway(["log", "vllm:3", "20", "done", "--as-of", "2027-03-20"], db: db)
        let line = try #require(log.stdout.split(separator: "\n").first { $0.hasPrefix("AIJRI ") })
        let history = try json(try headway(["history", "--json", "--as-of", "2027-03-20"], db: db).stdout)
        let last = try #require((history["snapshots"] as? [[String: Any]])?.last)
        let previous = try #require((history["snapshots"] as? [[String: Any]])?.dropLast().last)
        let change = try #require(last["change"] as? Double), work = try #require(last["work"] as? Double)
        let field = try #require(last["field"] as? Double)
        #expect(abs(work + field - change) < 1e-9 && work > 0 && field < 0)
        func shown(_ x: Double) -> String { (x >= 0 ? "+" : "") + String(format: "%.1f", x) }
        #expect(
            line.hasPrefix(
                "AIJRI \(String(format: "%.1f", previous["score"] as! Double)) → \(String(format: "%.1f", last["score"] as! Double)) "
                    + "(\(shown(change)): your work \(shown(work)), the field \(shown(field)))"), "\(line)")
    }

    @Test("25.7: the sample assessment loads on another installed curricula version, and is the reference fixture")
    func sampleOnEveryVersion() throws {
        let fixture = try String(contentsOf: repoRoot.appendingPathComponent(reference), encoding: .utf8)
        #expect(AssessCommand.Ask.sampleYAML == fixture)
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let env = Binary.environment(in: folder)
        let install = try Binary.runInProcess(
            ["curricula", "install", repoRoot.appendingPathComponent("Curricula/archive/2026.11").path, "--force"], environment: env)
        #expect(install.status == 0, "\(install.output)")
        let sample = try Binary.runInProcess(["assess", "--sample"], environment: env)
        #expect(sample.status == 0 && sample.output.hasPrefix("Loaded the sample assessment into profile sample: AIJRI 49.1"), "\(sample.output)")
    }

    @Test("the Markdown plan ticks an activity logged done, and every activity of a completed unit")
    func markdownTicksDoneWork() throws {
        let db = scratchDatabase()
        _ = try headway(["assess", "--sample"], db: db)
        _ = try headway(["plan"], db: db)
        let before = try headway(["export", "plan", "--format", "md"], db: db).stdout
        #expect(!before.contains("- [x]"))
        let logged = try headway(["log", "--activity", "2"], db: db)
        let text = try #require(logged.stdout.components(separatedBy: "activity “").last?.components(separatedBy: "”").first)
        let after = try headway(["export", "plan", "--format", "md"], db: db).stdout
        #expect(after.contains("- [x] \(text)"), "\(after)")
        #expect(after.components(separatedBy: "- [x]").count == 2, "only that activity")
    }

    @Test(
        "25.4 and 25.9: a mid-week replan gives the week the hours left in it: nobody is behind right after, the week still planned its hours, and the preview is what replan gives"
    )
    func midWeekReplan() throws {
        let db = scratchDatabase()
        _ = try headway(["profile", "new", "ana", "--from", reference, "--as-of", "2026-11-23"], db: db)
        _ = try headway(["plan", "--as-of", "2026-11-23"], db: db)
        // Nothing in week 1; on Thursday of week 2, 4 h logged, and the person is behind.
        #expect(try headway(["log", "infiniband:2", "4", "partial", "--as-of", "2026-12-03"], db: db).status == 0)
        let before = try json(try headway(["progress", "--json", "--as-of", "2026-12-03"], db: db).stdout)
        #expect(before["on_track"] as? Bool == false)
        let preview = try #require((before["replan"] as? [String: Any])?["projected"] as? Double)
        let replan = try json(try headway(["replan", "--json", "--as-of", "2026-12-03"], db: db).stdout)
        #expect(replan["projected_score"] as? Double == preview, "the preview is what replan gives")
        let week = try #require((replan["weeks"] as? [[String: Any]])?.first)
        let items = (week["items"] as? [[String: Any]] ?? []).reduce(0.0) { $0 + ($1["hours"] as? Double ?? 0) }
        #expect(week["start"] as? String == "2026-11-30" && week["hours"] as? Double == 6, "the week keeps its hours: \(week)")
        #expect(items <= 2 + 1e-9, "new work: 6 h less the 4 logged (\(items))")
        let after = try json(try headway(["progress", "--json", "--as-of", "2026-12-03"], db: db).stdout)
        #expect(after["on_track"] as? Bool == true, "right after a replan nobody is behind: \(after)")
        #expect((after["shortfall"] as? Double ?? 1) < 0.01)
        let week2 = try #require((after["weeks"] as? [[String: Any]])?.dropFirst().first)
        #expect(week2["planned"] as? Double == 6 && week2["logged"] as? Double == 4, "the week planned its 6 h: \(week2)")
    }

    @Test("25.8: a new plan counts hours already logged on an unfinished unit, as replan does")
    func newPlanCountsPartialWork() throws {
        let db = scratchDatabase()
        _ = try headway(["assess", "--sample"], db: db)
        _ = try headway(["plan"], db: db)
        #expect(try headway(["log", "nccl:3", "5", "partial"], db: db).status == 0)
        func units(_ args: [String]) throws -> [String: Double] {
            let out = try headway(args + ["--json"], db: db)
            #expect(out.status == 0, "\(out.stderr)")
            let units = try json(out.stdout)["units"] as? [[String: Any]] ?? []
            return Dictionary(uniqueKeysWithValues: units.map { ("\($0["skill"]!):\($0["level"]!)", $0["hours"] as! Double) })
        }
        let plan = try units(["plan"])
        #expect(plan["nccl:3"] == 15, "20 h less the 5 logged: \(plan)")
        #expect(try units(["replan"]) == plan)
    }

    @Test("log --activity N logs item N of this week's list; --activity TEXT with a unit finds one activity or lists them")
    func logOneActivity() throws {
        let db = scratchDatabase()
        _ = try headway(["assess", "--sample"], db: db)
        _ = try headway(["plan"], db: db)
        let byNumber = try headway(["log", "--activity", "2"], db: db)
        #expect(byNumber.status == 0 && byNumber.stdout.contains("(done), activity “"), "\(byNumber.stderr)")
        let byText = try headway(["log", "nccl:3", "--activity", "NCCL-TESTS across"], db: db)
        #expect(byText.status == 0 && byText.stdout.contains("activity “Run nccl-tests across two nodes"), "\(byText.stderr)")
        let none = try headway(["log", "nccl:3", "--activity", "zzz"], db: db)
        #expect(none.status != 0 && none.stderr.hasPrefix("error: no activity of nccl:3 contains 'zzz'; its activities: "))
        let bare = try headway(["log", "--activity", "tests"], db: db)
        #expect(bare.status != 0 && bare.stderr.contains("needs the unit it belongs to"))
    }

    @Test("25.11: the briefing's next week never lists an activity already logged done")
    func nextWeekLeavesDoneActivitiesOut() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var env = Binary.environment(in: folder)
        env["HEADWAY_TODAY"] = "2026-11-24"
        #expect(try Binary.runInProcess(["assess", "--sample"], environment: env).status == 0)
        let plan = try Binary.runInProcess(["plan", "--json"], environment: env)
        let weeks = try json(plan.output)["weeks"] as? [[String: Any]] ?? []
        // The reference plan's first unit runs into week 2 with the same activity on both sides.
        let week1 = (weeks.first?["items"] as? [[String: Any]])?.first?["activities"] as? [String] ?? []
        let week2 = (weeks.dropFirst().first?["items"] as? [[String: Any]])?.first?["activities"] as? [String] ?? []
        let shared = try #require(week1.last)
        try #require(week2.contains(shared))
        // This week's list: 1 is the unit, 2 and 3 its activities (a script cannot answer the
        // picker, 25.14: `--activity N` logs item N with its hours, done).
        let shell = try Binary.run([], input: Data("log --activity 3\nbrief --json\n".utf8), environment: env)
        #expect(shell.output.contains("Logged #1"), "\(shell.output)")
        let brief = try json(String(shell.output[try #require(shell.output.range(of: "{")).lowerBound...]))
        let next = brief["next_week"] as? [[String: Any]] ?? []
        let listed = next.flatMap { $0["activities"] as? [String] ?? [] }
        #expect(!next.isEmpty)
        #expect(!listed.contains { $0.hasPrefix(shared) }, "\(listed)")
    }

    @Test("a programme's end: progress and the last brief sum it up, and the sums are the weeks' own")
    func programmeEnd() throws {
        let db = scratchDatabase()
        _ = try headway(["profile", "new", "ana", "--from", reference, "--as-of", "2026-11-23"], db: db)
        _ = try headway(["plan", "--weeks", "2", "--as-of", "2026-11-23"], db: db)
        _ = try headway(["log", "nsight:2", "3", "partial", "--as-of", "2026-11-24"], db: db)
        _ = try headway(["log", "nsight:2", "2", "done", "--as-of", "2026-12-01"], db: db)
        let during = try json(try headway(["progress", "--json", "--as-of", "2026-12-02"], db: db).stdout)
        #expect(during["summary"] == nil, "no summary while the programme runs")
        let after = try json(try headway(["progress", "--json", "--as-of", "2026-12-08"], db: db).stdout)
        let summary = try #require(after["summary"] as? [String: Any])
        let weeks = after["weeks"] as? [[String: Any]] ?? []
        #expect(summary["logged_hours"] as? Double == weeks.reduce(0) { $0 + ($1["logged"] as? Double ?? 0) })
        #expect(summary["planned_hours"] as? Double == weeks.reduce(0) { $0 + ($1["planned"] as? Double ?? 0) })
        #expect(summary["units_done"] as? [String] == ["nsight:2"])
        #expect(!((summary["units_left"] as? [String]) ?? []).contains("nsight:2"))
        let start = try #require(summary["score_start"] as? Double), end = try #require(summary["score_end"] as? Double)
        let work = try #require(summary["work"] as? Double), field = try #require(summary["field"] as? Double)
        #expect(abs((end - start) - (work + field)) < 0.051, "the move is work plus field")
        #expect(work > 0, "a completed unit is work")
        let score = try json(try headway(["score", "--json", "--as-of", "2026-12-06"], db: db).stdout)["score"] as? Double
        #expect(end == score, "the end score is the score on the programme's last day")
        let text = try headway(["progress", "--as-of", "2026-12-08"], db: db).stdout
        #expect(text.contains("has ended.") && text.contains("`plan` makes the next programme"), "\(text)")
        let brief = try headway(["brief", "--as-of", "2026-12-08"], db: db).stdout
        #expect(brief.contains("The programme of 2026-11-23 to 2026-12-06 (2 weeks) has ended."), "\(brief)")
    }

    @Test("a plan that leaves out a unit in progress says so (plan and replan), and --include keeps it")
    func unitInProgressNeverDroppedSilently() throws {
        let db = scratchDatabase()
        _ = try headway(["profile", "new", "ana", "--from", reference, "--as-of", "2026-11-23"], db: db)
        _ = try headway(["plan", "--as-of", "2026-11-23"], db: db)
        #expect(try headway(["log", "nsight:2", "3", "partial", "--as-of", "2026-11-24"], db: db).status == 0)
        let line = "Not in this plan: NVIDIA Nsight (Systems & Compute) → 2, with 3 h logged on it; `--include nsight=2` keeps it"
        let replan = try headway(["replan", "--exclude", "nsight", "--as-of", "2026-11-25"], db: db)
        #expect(replan.status == 0 && replan.stdout.contains(line), "\(replan.stdout)")
        let plan = try headway(["plan", "--exclude", "nsight", "--as-of", "2026-11-25"], db: db)
        #expect(plan.status == 0 && plan.stdout.contains(line), "\(plan.stdout)")
        let kept = try headway(["plan", "--as-of", "2026-11-25"], db: db)
        #expect(!kept.stdout.contains("Not in this plan"), "\(kept.stdout)")
    }

    @Test("the .ics says what was logged in a started week and marks an activity logged done")
    func calendarSaysWhatWasDone() throws {
        let db = scratchDatabase()
        _ = try headway(["assess", "--sample"], db: db)
        _ = try headway(["plan"], db: db)
        func unfolded(_ ics: String) -> String {
            ics.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\\n", with: "\n").replacingOccurrences(of: "\\,", with: ",")
        }
        let before = unfolded(try headway(["export", "plan", "--format", "ics"], db: db).stdout)
        #expect(before.contains("Logged 0 h of") && !before.contains(" — done"), "\(before.prefix(1200))")
        let logged = try headway(["log", "--activity", "2"], db: db)
        #expect(logged.status == 0, "\(logged.stderr)")
        let text = try #require(logged.stdout.components(separatedBy: "activity “").last?.components(separatedBy: "”").first)
        let hours = try #require(
            logged.stdout.components(separatedBy: "Logged #").last?.components(separatedBy: ": ").last?.components(separatedBy: " h on").first)
        let after = unfolded(try headway(["export", "plan", "--format", "ics"], db: db).stdout)
        #expect(after.contains("Logged \(hours) h of"), "\(after.prefix(1200))")
        #expect(after.contains("- \(text) [") && after.contains(" — done"), "the activity is marked done")
        #expect(after.components(separatedBy: " — done").count == 2, "only that activity")
    }

    @Test("a holiday is no week of work: the pace and the hours a week needed count working weeks only")
    func paceOverWorkingWeeks() throws {
        let db = scratchDatabase()
        let holiday = repoRoot.appendingPathComponent("Fixtures/assessments/holiday-week-5.yaml").path
        _ = try headway(["profile", "new", "ana", "--from", holiday, "--as-of", "2026-11-23"], db: db)
        _ = try headway(["plan", "--as-of", "2026-11-23"], db: db)
        for (day, hours) in ["2026-11-25", "2026-12-02", "2026-12-09", "2026-12-16"].map({ ($0, "3") }) {
            #expect(try headway(["log", "infiniband-roce:2", hours, "partial", "--as-of", day], db: db).status == 0)
        }
        // Weeks 1-5 have ended (5 is the holiday): 12 h over four working weeks.
        let progress = try json(try headway(["progress", "--json", "--as-of", "2026-12-28"], db: db).stdout)
        #expect(progress["pace"] as? Double == 3)
        let left = try #require(progress["remaining_hours"] as? Double)
        #expect(progress["hours_per_week_needed"] as? Double == (left / 7 * 100).rounded() / 100, "weeks 6-12")
        // On week 3's last day the weeks left to work are 4 and 6-12: the holiday is not one.
        let before = try json(try headway(["progress", "--json", "--as-of", "2026-12-13"], db: db).stdout)
        let leftBefore = try #require(before["remaining_hours"] as? Double)
        #expect(before["hours_per_week_needed"] as? Double == (leftBefore / 8 * 100).rounded() / 100, "weeks 4 and 6-12")
        // Weeks 1-4 each fell short of 6 h: the holiday after them makes no streak of its own.
        #expect(progress["streak"] as? Int == 0)
        // On the plan's last day no week is left to spread the work over.
        let last = try headway(["progress", "--as-of", "2027-02-14"], db: db).stdout
        #expect(last.contains("this is its last day.") && !last.contains("finishing needs"), "\(last)")
    }

    @Test("right after a replan that follows a mid-week re-assessment, the field has moved nothing")
    func replanAfterReassessmentIsItsOwnProjection() throws {
        let db = scratchDatabase()
        _ = try headway(["profile", "new", "ana", "--from", reference, "--as-of", "2026-11-23"], db: db)
        _ = try headway(["plan", "--as-of", "2026-11-23"], db: db)
        #expect(try headway(["assess", "set", "nccl", "3", "--as-of", "2026-12-02"], db: db).status == 0)
        let replan = try json(try headway(["replan", "--json", "--as-of", "2026-12-02"], db: db).stdout)
        let progress = try json(try headway(["progress", "--json", "--as-of", "2026-12-02"], db: db).stdout)
        #expect(progress["field_moved"] as? Double == 0, "\(progress)")
        #expect(progress["projected"] as? Double == replan["projected_score"] as? Double)
        let brief = try headway(["brief", "--as-of", "2026-12-02"], db: db).stdout
        #expect(!brief.contains("the field has moved it"), "\(brief)")
    }

    @Test("a re-assessment after completions moves only what it answered, and the brief's moves add up to the week's change")
    func reassessmentMoveKeepsCompletions() throws {
        let db = scratchDatabase()
        _ = try headway(["profile", "new", "ana", "--from", reference, "--as-of", "2026-11-23"], db: db)
        _ = try headway(["plan", "--as-of", "2026-11-23"], db: db)
        #expect(try headway(["log", "nsight:2", "8", "done", "--as-of", "2026-11-24"], db: db).status == 0)
        #expect(try headway(["assess", "set", "nccl", "3", "--as-of", "2026-11-26"], db: db).status == 0)
        let brief = try json(try headway(["brief", "--json", "--as-of", "2026-11-29"], db: db).stdout)
        let moves = brief["moves"] as? [[String: Any]] ?? []
        let reassessment = moves.first { $0["kind"] as? String == "re-assessment" }
        #expect(reassessment?["what"] as? String == "NCCL 2→3", "\(moves)")
        let score = try #require(brief["score"] as? [String: Any])
        let sum = moves.compactMap { $0["points"] as? Double }.reduce(0, +)
        let change = try #require(score["now"] as? Double) - (try #require(score["week_ago"] as? Double))
        #expect(abs(sum - change) <= 0.051, "moves \(sum) against the week's change \(change)")
    }

    @Test("history says the score now when the field has moved it since the last snapshot, as score and progress do")
    func historySaysNow() throws {
        let db = scratchDatabase()
        _ = try headway(["profile", "new", "ana", "--from", reference, "--as-of", "2026-11-23"], db: db)
        let day = "2027-03-01"
        let score = try json(try headway(["score", "--json", "--as-of", day], db: db).stdout)["score"] as? Double
        let history = try json(try headway(["history", "--json", "--as-of", day], db: db).stdout)
        let now = history["now"] as? [String: Any]
        #expect(now?["score"] as? Double == score && now?["as_of"] as? String == day)
        let last = (history["snapshots"] as? [[String: Any]])?.last?["score"] as? Double
        let text = try headway(["history", "--as-of", day], db: db).stdout
        #expect(last != score && text.contains("Now \(fixed(score ?? 0, 1)) as of \(day)"), "\(text)")
    }

    @Test("undo takes a replan back (the plan before is in force again) and redo brings it back; undo --list names both")
    func undoAndRedoAReplan() throws {
        let db = scratchDatabase()
        _ = try headway(["profile", "new", "ana", "--from", reference, "--as-of", "2026-11-23"], db: db)
        _ = try headway(["plan", "--as-of", "2026-11-23"], db: db)
        func shown() throws -> String { try headway(["plan", "show", "--json", "--as-of", "2026-12-01"], db: db).stdout }
        let before = try shown()
        #expect(try headway(["log", "nsight:2", "8", "done", "--as-of", "2026-11-25"], db: db).status == 0)
        #expect(try headway(["replan", "--as-of", "2026-11-30"], db: db).status == 0)
        let replanned = try shown()
        #expect(replanned != before)
        let list = try headway(["undo", "--list", "--as-of", "2026-12-01"], db: db).stdout
        #expect(list.contains("1. plan made 2026-11-30") && list.contains("2. log #1:") && list.contains("3. plan made 2026-11-23"), "\(list)")

        let undo = try headway(["undo", "--as-of", "2026-12-01"], db: db)
        #expect(undo.stdout.hasPrefix("Undid the plan made 2026-11-30") && undo.stdout.contains("made 2026-11-23"), "\(undo.stdout)")
        #expect(try shown() == before, "the plan before the replan, exactly")
        #expect(try headway(["undo", "--list", "--as-of", "2026-12-01"], db: db).stdout.contains("`redo` writes again, next first: plan."))
        #expect(try headway(["redo", "--as-of", "2026-12-01"], db: db).stdout.hasPrefix("Redid the plan made 2026-11-30"))
        #expect(try shown() == replanned)
        let progress = try json(try headway(["progress", "--json", "--as-of", "2026-12-01"], db: db).stdout)
        #expect(progress["week"] as? Int == 2 && progress["plan_start"] as? String == "2026-11-23", "the programme goes on")
    }

    @Test("redo writes an undone log again under its number; any new change ends what can be redone")
    func redoALog() throws {
        let db = scratchDatabase()
        _ = try headway(["profile", "new", "ana", "--from", reference, "--as-of", "2026-11-23"], db: db)
        _ = try headway(["plan", "--as-of", "2026-11-23"], db: db)
        #expect(try headway(["log", "nsight:2", "8", "done", "--as-of", "2026-11-25"], db: db).status == 0)
        #expect(try headway(["assess", "set", "vllm", "3", "--as-of", "2026-11-26"], db: db).status == 0)
        let score = try json(try headway(["score", "--json", "--as-of", "2026-11-26"], db: db).stdout)["score"] as? Double
        let history = try headway(["history", "--json", "--as-of", "2026-11-26"], db: db).stdout
        _ = try headway(["undo", "--as-of", "2026-11-26"], db: db)
        _ = try headway(["undo", "--as-of", "2026-11-26"], db: db)
        #expect(try headway(["redo", "--as-of", "2026-11-26"], db: db).stdout.hasPrefix("Redid log #1: 8 h on NVIDIA Nsight"))
        #expect(try headway(["redo", "--as-of", "2026-11-26"], db: db).stdout.hasPrefix("Redid the re-assessment of 2026-11-26"))
        #expect(try json(try headway(["score", "--json", "--as-of", "2026-11-26"], db: db).stdout)["score"] as? Double == score)
        #expect(try headway(["history", "--json", "--as-of", "2026-11-26"], db: db).stdout == history, "the same snapshots again")

        _ = try headway(["undo", "--as-of", "2026-11-26"], db: db)
        #expect(try headway(["log", "triton:2", "1", "partial", "--as-of", "2026-11-26"], db: db).status == 0)
        let redo = try headway(["redo", "--as-of", "2026-11-26"], db: db)
        #expect(redo.status == 1 && redo.stderr == "error: nothing to redo: profile ana has nothing undone since its last change\n")
    }

    @Test("25.3: after a replan and a re-assessment, a week with nothing logged is behind, never on track at pace 0")
    func emptyWeekAfterReassessmentIsBehind() throws {
        let db = scratchDatabase()
        _ = try headway(["profile", "new", "ana", "--from", reference, "--as-of", "2026-11-23"], db: db)
        _ = try headway(["plan", "--as-of", "2026-11-23"], db: db)
        #expect(try headway(["log", "nsight:2", "6", "partial", "--as-of", "2026-11-26"], db: db).status == 0)
        #expect(try headway(["replan", "--as-of", "2026-11-30"], db: db).status == 0)
        // An answer that reaches one of the plan's units (what could "cover" a shortfall).
        #expect(try headway(["assess", "set", "nccl", "3", "--as-of", "2026-11-30"], db: db).status == 0)
        for day in ["2026-12-06", "2026-12-13"] {
            let progress = try json(try headway(["progress", "--json", "--as-of", day], db: db).stdout)
            #expect(progress["pace"] as? Double == 0 && progress["on_track"] as? Bool == false, "\(day): \(progress)")
            let brief = try headway(["brief", "--as-of", day], db: db).stdout
            #expect(brief.contains("Behind:") && !brief.contains("On track:"), "\(brief)")
        }
    }

}
