import Foundation
import HeadwayCLI
import HeadwayCore
import HeadwayStore

/// Issue 22's speed goals, in one run, each command paired with Taskwarrior's `task next` on
/// 30 tasks (a Headway run, then a `task next` run, alternating, so load hits both alike):
/// one-shot `score --assessment FILE` (goal ≤ 1.25×), and `progress`, `brief`, `plan show` and
/// `history` on a profile with a year of history made by the real commands (goal ≤ 2×). Then
/// the shell's prompt after a command on that profile, in process (goal ≤ 5 ms).
enum YearBench {
    static func run(runs: Int) throws {
        guard let task = Timing.which("task") else {
            report("year: not measured: Taskwarrior is not installed (apt-get install taskwarrior)")
            return
        }
        report("binary: \(headwayBinary)")
        let work = try StoreBench.scratchFolder(); defer { try? FileManager.default.removeItem(at: work) }
        let path = work.appendingPathComponent("year.sqlite").path
        let made = try prepare(path)
        report(
            "profile: \(made.weeks) weeks, \(made.logs) log entries, \(made.snapshots) snapshots, \(made.briefings) briefings, \(made.programmes) programmes (made in \(String(format: "%.1f", made.seconds)) s)"
        )
        if let keep = ProcessInfo.processInfo.environment["HEADWAY_BENCH_KEEP_AT"] {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(atPath: path, toPath: keep)
            report("kept a copy at \(keep)")
        }
        let peer = try ScoreBench.taskwarrior(work.appendingPathComponent("task30"), tasks: 30)
        let fixture = repoRoot.appendingPathComponent("Fixtures/assessments/reference-mid.yaml").path
        let env = ["HEADWAY_DB": path, "NO_COLOR": "1", "HEADWAY_TODAY": lastDay.description]
        let commands: [(name: String, args: [String], goal: Double)] = [
            ("score --assessment FILE", ["score", "--assessment", fixture, "--as-of", "2026-11-22"], 1.25),
            ("progress", ["progress"], 2), ("brief", ["brief"], 2), ("plan show", ["plan", "show"], 2),
            ("history", ["history"], 2)
        ]
        // The week's briefing is stored by the first `brief`; the pairs time showing it.
        Timing.spawn(headwayBinary, ["brief"], env: env)
        for c in commands {
            var ours: [Double] = [], theirs: [Double] = []
            for round in -2..<runs {
                let a = Timing.time { Timing.spawn(headwayBinary, c.args, env: env) }
                let b = Timing.time { Timing.spawn(task, ["next"], env: peer) }
                if round >= 0 { ours.append(a); theirs.append(b) }
            }
            let (o, p) = (ScoreBench.median(ours), ScoreBench.median(theirs))
            let ratios = zip(ours, theirs).map { $0 / $1 }
            report(
                String(
                    format: "%-24@ median %5.1f ms   task next (30 tasks) %5.1f ms   ratio %.2f× (median of pairs %.2f×; goal ≤ %.2f×) %@",
                    c.name as NSString, o, p, o / p, ScoreBench.median(ratios), c.goal, (o / p <= c.goal ? "met" : "MISSED") as NSString))
        }
        // The prompt after a command: what the shell reads to draw `headway[me · wk 3 · 49.1]> `.
        let prompt = Timing.median(runs: 101) { _ = ShellPrompt.text(today: lastDay, databasePath: path) }
        report(String(format: "shell prompt after a command, in process: median %.2f ms (goal ≤ 5 ms) %@", prompt, prompt <= 5 ? "met" : "MISSED"))
    }

    /// The last day of the simulated year; the commands above run as of it.
    static let lastDay = Day("2026-11-29")!

    /// Fifty-two weeks of a person following their plans, through the commands themselves: a new
    /// programme every 12 weeks (five), a replan half-way through each, about a dozen log
    /// entries a week on the week's planned items (done when the plan says an item completes its
    /// unit), and each week's briefing.
    static func prepare(_ path: String) throws -> (weeks: Int, logs: Int, snapshots: Int, briefings: Int, programmes: Int, seconds: Double) {
        let t0 = Timing.now()
        let first = Day("2025-12-01")!
        let sample = repoRoot.appendingPathComponent("Fixtures/assessments/reference-mid.yaml").path
        func run(_ args: [String], on day: Day) throws {
            try ProgressBench.silenced {
                guard runCommand(args + ["--as-of", day.description, "--db", path]) == 0 else {
                    throw ProgressBench.BenchError("`headway \(args.joined(separator: " "))` failed as of \(day) (run from the repository root)")
                }
            }
        }
        try run(["profile", "new", "year", "--from", sample], on: first)
        let weeks = 52
        for w in 0..<weeks {
            let monday = first.adding(days: 7 * w)
            // Last week's briefing, kept once the week has ended (before a new programme starts).
            if w > 0 { try run(["brief", String((w - 1) % 12 + 1)], on: monday) }
            if w % 12 == 0 { try run(["plan", "--start", monday.description, "--hours", "6", "--weeks", "12"], on: monday) }
            if w % 12 == 6 { try run(["replan"], on: monday) }
            let store = try Store.open(at: path)
            let plan = try store.currentPlan(for: try store.profile(named: "year"))?.plan
            try store.close()
            guard let week = plan?.schedule.first(where: { $0.start <= monday && monday < $0.start.adding(days: 7) }) else { continue }
            // About twelve entries a week: two a day on six days, each item's hours spread over its share.
            let entries = week.items.flatMap { item in
                (0..<max(1, Int((item.hours / week.hours * 12).rounded()))).map { (item, $0) }
            }
            let count = entries.count
            for (i, (item, k)) in entries.enumerated() {
                let day = monday.adding(days: min(5, i * 6 / max(count, 1)))
                let parts = max(1, Int((item.hours / week.hours * 12).rounded()))
                let hours = (item.hours / Double(parts) * 4).rounded(.down) / 4
                let status = item.completes && k == parts - 1 ? "done" : "partial"
                try run(["log", "\(item.skill):\(item.level)", String(max(0.25, hours)), status, "--date", day.description], on: day)
            }
        }
        try run(["brief", String((weeks - 1) % 12 + 1)], on: first.adding(days: 7 * weeks))
        let store = try Store.open(at: path)
        let profile = try store.profile(named: "year")
        let state = try store.state(of: profile)
        // The state holds the programme in force's briefings only; the profile has a year of them.
        let briefings = try store.briefings(for: profile).count
        try store.close()
        return (
            weeks, state.logs.count, state.snapshots.count, briefings,
            Set(state.plans.map(\.programmeID)).count, Timing.now() - t0
        )
    }
}
