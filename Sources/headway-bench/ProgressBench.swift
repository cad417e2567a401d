import Foundation
import HeadwayCLI
import HeadwayCore
import HeadwayStore

/// Progress benchmark (issue 6): log one entry, then score, on a profile with a year of daily
/// logs. Medians of the real command paths: in-process through `runCommand` (what the shell
/// does per line) and one-shot through the built `headway` binary (process start included).
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
            try store.addLog(LogEntry(date: start.adding(days: i), skill: skill, level: done ? level[skill]! : min(4, level[skill]! + 1),
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
