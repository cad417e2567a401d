import Foundation
import HeadwayCLI
import HeadwayCore
@_spi(Fixtures) import HeadwayStore

/// Progress benchmark: on a profile with a year of daily logs, log one entry then score,
/// replan, and the weekly briefing. Medians of the real command paths: in-process through
/// `runCommand` (what the shell does per line) and one-shot through the built `headway`
/// binary (process start included), beside Taskwarrior's `task next` on as many tasks in the
/// same run.
enum ProgressBench {
    static func run(runs: Int) throws {
        let dir = try StoreBench.scratchFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("year.sqlite").path
        let rows = try prepareYear(path)
        var day = 0
        /// A new day for each run, so a day's 24 h are never reached.
        func logThenScore() -> [String] {
            day += 1
            return ["log", "cuda:3", "0.25", "partial", "--date", Day("2026-01-05")!.adding(days: day % 360).description]
        }
        let common = ["--as-of", "2026-12-31", "--db", path]
        let inProcess = try Timing.median(runs: runs) {
            try silenced {
                guard runCommand(logThenScore() + common) == 0, runCommand(["score", "--json"] + common) == 0 else {
                    throw BenchError("log or score failed in process")
                }
            }
        }
        report(String(format: "log then score, in process (shell), %d-row profile: median %.1f ms (n=%d)", rows, inProcess, runs))
        let oneShot = Timing.median(runs: max(5, runs / 2), warmup: 1) {
            Timing.spawn(headwayBinary, logThenScore() + common)
            Timing.spawn(headwayBinary, ["score", "--json"] + common)
        }
        report(String(format: "log then score, two one-shot processes: median %.1f ms (n=%d)", oneShot, max(5, runs / 2)))

        // A plan current on the bench days, so replan and brief have a week to work on.
        let late = ["--as-of", "2027-01-05", "--db", path]
        try silenced {
            guard runCommand(["plan", "--as-of", "2026-12-28", "--db", path]) == 0 else { throw BenchError("cannot plan on the year profile") }
        }
        let replanIn = try Timing.median(runs: runs) {
            try silenced { guard runCommand(["replan"] + late) == 0 else { throw BenchError("replan failed in process") } }
        }
        report(String(format: "replan, in process (shell), a year of history: median %.1f ms (n=%d)", replanIn, runs))
        let replanOne = Timing.median(runs: max(5, runs / 2), warmup: 1) { Timing.spawn(headwayBinary, ["replan"] + late) }
        report(String(format: "replan, one-shot: median %.1f ms (n=%d)", replanOne, max(5, runs / 2)))
        // The first run generates and stores the week's briefing; later runs show the stored one.
        let briefIn = try Timing.median(runs: runs) {
            try silenced { guard runCommand(["brief"] + late) == 0 else { throw BenchError("brief failed in process") } }
        }
        report(String(format: "brief, in process (shell), a year of history: median %.1f ms (n=%d)", briefIn, runs))
        let briefOne = Timing.median(runs: max(5, runs / 2), warmup: 1) { Timing.spawn(headwayBinary, ["brief"] + late) }
        report(String(format: "brief, one-shot: median %.1f ms (n=%d)", briefOne, max(5, runs / 2)))
        try taskNext(tasks: rows, runs: max(5, runs / 2), in: dir)
    }

    /// Taskwarrior's `task next` on `tasks` tasks, in the same run (when `task` is installed).
    static func taskNext(tasks: Int, runs: Int, in dir: URL) throws {
        guard let task = Timing.which("task") else { report("Taskwarrior `task next`: not measured (task is not installed)"); return }
        let data = dir.appendingPathComponent("task")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let rc = dir.appendingPathComponent("taskrc")
        try "data.location=\(data.path)\nconfirmation=off\nverbose=nothing\n".write(to: rc, atomically: true, encoding: .utf8)
        let env = ["TASKRC": rc.path, "TASKDATA": data.path]
        let lines = (0..<tasks).map {
            "{\"description\":\"bench task \($0)\",\"status\":\"pending\",\"uuid\":\"\(UUID().uuidString.lowercased())\",\"entry\":\"20260101T000000Z\"}"
        }
        let file = dir.appendingPathComponent("tasks.json")
        try ("[" + lines.joined(separator: ",") + "]").write(to: file, atomically: true, encoding: .utf8)
        Timing.spawn(task, ["import", file.path], env: env)
        let ms = Timing.median(runs: runs, warmup: 1) { Timing.spawn(task, ["next"], env: env) }
        report(String(format: "Taskwarrior `task next`, %d tasks, same run: median %.1f ms (n=%d)", tasks, ms, runs))
    }

    /// A profile made on 2026-01-01 with a plan, a log a day for a year (a unit done every
    /// few weeks, the rest partial) and its snapshots, written through the store.
    static func prepareYear(_ path: String) throws -> Int {
        let common = ["--as-of", "2026-01-01", "--db", path]
        let sample = repoRoot.appendingPathComponent("Fixtures/assessments/reference-mid.yaml").path
        try silenced {
            guard runCommand(["profile", "new", "bench", "--from", sample] + common) == 0, runCommand(["plan"] + common) == 0 else {
                throw BenchError("cannot make the bench profile (run from the repository root)")
            }
        }
        let store = try Store.open(at: path)
        let profile = try store.profile(named: "bench")
        let start = Day("2026-01-01")!
        let units = ["vllm", "nccl", "triton", "deepspeed", "kubernetes-gpu", "mlflow"]
        var level: [String: Int] = ["vllm": 2, "nccl": 2, "triton": 1, "deepspeed": 1, "kubernetes-gpu": 2, "mlflow": 2]
        for i in 0..<365 {
            let skill = units[i % units.count]
            let done = i % 30 == 29 && level[skill]! < 4
            if done { level[skill]! += 1 }
            try store.addLog(
                LogEntry(
                    date: start.adding(days: i), skill: skill, level: done ? level[skill]! : min(4, level[skill]! + 1),
                    hours: 1, status: done ? .done : .partial, note: "day \(i)"), for: profile)
        }
        let state = try store.state(of: profile)
        try store.close()
        return state.logs.count + state.snapshots.count + state.assessments.count
    }

    /// Runs `body` with standard output sent to /dev/null.
    static func silenced(_ body: () throws -> Void) throws {
        fflush(nil)
        let saved = dup(STDOUT_FILENO)
        let null = open("/dev/null", O_WRONLY)
        dup2(null, STDOUT_FILENO)
        close(null)
        defer { fflush(nil); dup2(saved, STDOUT_FILENO); close(saved) }
        try body()
    }

    struct BenchError: Error, CustomStringConvertible {
        let description: String
        init(_ d: String) { description = d }
    }
}
