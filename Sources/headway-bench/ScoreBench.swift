import Foundation

/// One-shot `headway score` beside Taskwarrior's `task next`, same run: stateless on the
/// reference assessment (peer: 100 tasks, target at most 1.5×), and on a profile with a year
/// of history (peer: 730 tasks, target at most 2×). `HEADWAY_BENCH_BINARY` measures another
/// build, e.g. the one `scripts/install` put on PATH.
enum ScoreBench {
    static func run() throws {
        let runs = 30
        let fixture = repoRoot.appendingPathComponent("Fixtures/assessments/reference-mid.yaml").path
        report("binary: \(headwayBinary)")
        guard let task = Timing.which("task") else {
            report("score: not measured: Taskwarrior is not installed (apt-get install taskwarrior)")
            return
        }
        let work = try StoreBench.scratchFolder(); defer { try? FileManager.default.removeItem(at: work) }

        // A year of history: 730 logs, 52 snapshots and briefings, 4 plans; Taskwarrior: 730 tasks.
        let year = work.appendingPathComponent("year.json")
        try StoreBench.archive(logs: 730, plans: 4, weeks: 52).write(to: year)
        let env = ["HEADWAY_DB": work.appendingPathComponent("year.sqlite").path, "NO_COLOR": "1"]
        Timing.spawn(headwayBinary, ["profile", "import", year.path], env: env)
        let hundred = try taskwarrior(work.appendingPathComponent("task100"), tasks: 100)
        let year730 = try taskwarrior(work.appendingPathComponent("task730"), tasks: 730)
        if ProcessInfo.processInfo.environment["HEADWAY_BENCH_KEEP"] == "1" {
            report("kept: HEADWAY_DB=\(env["HEADWAY_DB"]!)")
        }

        // Interleaved, so a change in the machine's load hits both sides of each ratio alike.
        var ours: [Double] = [], peer: [Double] = [], history: [Double] = [], peer730: [Double] = []
        for round in -2..<runs {
            let a = Timing.time { Timing.spawn(headwayBinary, ["score", "--assessment", fixture, "--as-of", "2026-11-22"]) }
            let b = Timing.time { Timing.spawn(task, ["next"], env: hundred) }
            let c = Timing.time { Timing.spawn(headwayBinary, ["score"], env: env) }
            let d = Timing.time { Timing.spawn(task, ["next"], env: year730) }
            if round >= 0 { ours.append(a); peer.append(b); history.append(c); peer730.append(d) }
        }
        let (o, p, h, q) = (median(ours), median(peer), median(history), median(peer730))
        report("score --assessment FILE (one-shot)        median \(Timing.ms(o)) over \(runs) runs")
        report("task next (100 tasks)                     median \(Timing.ms(p))")
        report(String(format: "ratio                                     %.2f × task next (target: at most 1.50)", o / p))
        report("score, profile with a year of history     median \(Timing.ms(h))")
        report("task next (730 tasks)                     median \(Timing.ms(q))")
        report(String(format: "ratio                                     %.2f × task next (target: at most 2.00)", h / q))
        if ProcessInfo.processInfo.environment["HEADWAY_BENCH_KEEP"] == "1" { exit(0) }
    }

    /// A Taskwarrior home with `tasks` pending and completed tasks; returns its environment.
    static func taskwarrior(_ home: URL, tasks: Int) throws -> [String: String] {
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let rc = home.appendingPathComponent("taskrc")
        try "data.location=\(home.path)/data\nconfirmation=off\nverbose=nothing\n".write(to: rc, atomically: true, encoding: .utf8)
        let env = ["TASKRC": rc.path, "TASKDATA": home.appendingPathComponent("data").path]
        let file = home.appendingPathComponent("tasks.json")
        try BudgetBench.taskJSON(count: tasks).write(to: file)
        Timing.spawn(Timing.which("task")!, ["import", file.path], env: env)
        return env
    }

    static func median(_ samples: [Double]) -> Double { samples.sorted()[samples.count / 2] }
}
