import Foundation

/// One-shot `headway score` against Taskwarrior's `task next` on 100 tasks, same run.
enum ScoreBench {
    static func run() {
        let runs = 30
        let fixture = repoRoot.appendingPathComponent("Fixtures/assessments/reference-mid.yaml").path
        let ours = Timing.median(runs: runs) {
            Timing.spawn(headwayBinary, ["score", "--assessment", fixture, "--as-of", "2026-11-22"])
        }
        let oursJSON = Timing.median(runs: runs) {
            Timing.spawn(headwayBinary, ["score", "--assessment", fixture, "--as-of", "2026-11-22", "--json"])
        }
        report("score (one-shot, human)   median \(Timing.ms(ours)) over \(runs) runs")
        report("score --json (one-shot)   median \(Timing.ms(oursJSON)) over \(runs) runs")
        guard let task = Timing.which("task") else {
            report("task next                 not measured: Taskwarrior is not installed (apt-get install taskwarrior)")
            return
        }
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("headway-bench-task-\(getpid())")
        try? FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let rc = home.appendingPathComponent("taskrc")
        try? "data.location=\(home.path)/data\nconfirmation=off\nverbose=nothing\n".write(to: rc, atomically: true, encoding: .utf8)
        let env = ["TASKRC": rc.path, "TASKDATA": home.appendingPathComponent("data").path]
        for i in 0..<100 { Timing.spawn(task, ["add", "Benchmark task \(i)", "project:bench", "priority:\(["H", "M", "L"][i % 3])"], env: env) }
        let peer = Timing.median(runs: runs) { Timing.spawn(task, ["next"], env: env) }
        report("task next (100 tasks)     median \(Timing.ms(peer)) over \(runs) runs")
        report(String(format: "ratio score/task-next     %.2f (target: at most 2.00)", ours / peer))
        try? FileManager.default.removeItem(at: home)
    }
}
