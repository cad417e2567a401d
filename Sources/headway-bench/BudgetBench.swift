import Foundation

/// The speed budget (issue 8): each one-shot figure beside Taskwarrior doing comparable work,
/// in the same run, so the machine's load affects both alike.
enum BudgetBench {
    static func run() throws {
        guard let task = Timing.which("task") else {
            report("budget: not measured: Taskwarrior is not installed (apt-get install taskwarrior)")
            return
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("headway-bench-budget-\(getpid())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let taskHome = work.appendingPathComponent("task")
        try FileManager.default.createDirectory(at: taskHome, withIntermediateDirectories: true)
        let rc = taskHome.appendingPathComponent("taskrc")
        try "data.location=\(taskHome.path)/data\nconfirmation=off\nverbose=nothing\n".write(to: rc, atomically: true, encoding: .utf8)
        let taskEnv = ["TASKRC": rc.path, "TASKDATA": taskHome.appendingPathComponent("data").path]

        // A year of history: 730 logs, 52 snapshots and briefings, 4 plans.
        let year = work.appendingPathComponent("year.json")
        try StoreBench.archive(logs: 730, plans: 4, weeks: 52).write(to: year)
        let db = work.appendingPathComponent("year.sqlite").path
        let env = ["HEADWAY_DB": db, "NO_COLOR": "1"]
        Timing.spawn(headwayBinary, ["profile", "import", year.path], env: env)
        // Taskwarrior with a year of its own: 730 tasks.
        let tasks = work.appendingPathComponent("tasks.json")
        try taskJSON(count: 730).write(to: tasks)
        Timing.spawn(task, ["import", tasks.path], env: taskEnv)

        let runs = 20
        let fixture = repoRoot.appendingPathComponent("Fixtures/assessments/reference-mid.yaml").path
        let next = Timing.median(runs: runs) { Timing.spawn(task, ["next"], env: taskEnv) }
        let score = Timing.median(runs: runs) { Timing.spawn(headwayBinary, ["score"], env: env) }
        let plan = Timing.median(runs: runs) { Timing.spawn(headwayBinary, ["plan", "--assessment", fixture, "--json"], env: env) }
        let shell = Timing.median(runs: runs) { Timing.spawnWithInput(headwayBinary, [], input: "quit\n", env: env) }
        report("task next (730 tasks)                     median \(Timing.ms(next))")
        report("score, profile with a year of history     median \(Timing.ms(score))  (\(ratio(score, next)) × task next)")
        report("plan --assessment --json (one-shot)       median \(Timing.ms(plan))  (\(ratio(plan, next)) × task next)")
        report("shell start-up and quit                   median \(Timing.ms(shell))  (\(ratio(shell, next)) × task next)")

        // Bulk work: a year of logs imported, 1,000 assessments planned; peer: task import.
        let importRuns = 5
        let imported = Timing.median(runs: importRuns, warmup: 1) {
            let fresh = work.appendingPathComponent("import-\(UUID().uuidString).sqlite").path
            Timing.spawn(headwayBinary, ["profile", "import", year.path], env: ["HEADWAY_DB": fresh])
        }
        let taskImport = Timing.median(runs: importRuns, warmup: 1) {
            let data = work.appendingPathComponent("task-\(UUID().uuidString)")
            Timing.spawn(task, ["import", tasks.path], env: ["TASKRC": rc.path, "TASKDATA": data.path])
        }
        report(
            "profile import, a year of history         median \(Timing.ms(imported))  (task import of 730 tasks: \(Timing.ms(taskImport)), \(ratio(imported, taskImport)) ×)"
        )

        let team = work.appendingPathComponent("team")
        try FileManager.default.createDirectory(at: team, withIntermediateDirectories: true)
        let reference = try String(contentsOfFile: fixture, encoding: .utf8).replacingOccurrences(of: "hours_per_week: 6\n", with: "")
        for i in 0..<1_000 {
            try (reference + "hours_per_week: \(2 + i % 12)\nskills: {vllm: \(i % 5), nccl: \((i / 5) % 5), cuda: \((i / 25) % 5)}\n")
                .write(to: team.appendingPathComponent("person-\(i).yaml"), atomically: false, encoding: .utf8)
        }
        let thousand = try tasks1000(work)
        let batch = Timing.median(runs: 3, warmup: 0) {
            Timing.spawn(
                headwayBinary, ["batch", "plan", "--assessments", team.path, "--output", work.appendingPathComponent("plans-\(UUID().uuidString)").path])
        }
        let taskThousand = Timing.median(runs: 3, warmup: 0) {
            Timing.spawn(task, ["import", thousand.path], env: ["TASKRC": rc.path, "TASKDATA": work.appendingPathComponent("t1k-\(UUID().uuidString)").path])
        }
        report(
            "batch plan, 1,000 assessments, all cores  median \(Timing.ms(batch))  (task import of 1,000 tasks: \(Timing.ms(taskThousand)), \(ratio(batch, taskThousand)) ×)"
        )
    }

    static func ratio(_ a: Double, _ b: Double) -> String { String(format: "%.2f", a / b) }

    static func taskJSON(count: Int) throws -> Data {
        let rows = (0..<count).map { i in
            [
                "description": "Logged hour \(i)", "status": i % 3 == 0 ? "completed" : "pending", "project": "bench",
                "entry": "20260105T090000Z", "uuid": UUID().uuidString.lowercased()
            ]
        }
        return try JSONSerialization.data(withJSONObject: rows)
    }

    static func tasks1000(_ work: URL) throws -> URL {
        let url = work.appendingPathComponent("tasks1000.json")
        try taskJSON(count: 1_000).write(to: url)
        return url
    }
}
