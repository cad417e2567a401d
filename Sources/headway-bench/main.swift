import Foundation

/// `headway-bench [score|planner|store|export|shell|progress|budget|year|all]`: Headway's benchmarks, each beside its peer in the same run.
let which = CommandLine.arguments.dropFirst().first ?? "all"
let known = ["score", "planner", "store", "export", "shell", "progress", "budget", "year", "all"]
guard known.contains(which) else {
    FileHandle.standardError.write(Data("usage: headway-bench [\(known.joined(separator: "|"))]\n".utf8))
    exit(64)
}

/// Runs one benchmark group, turning a thrown error into a failed exit.
func group(_ name: String, _ body: () throws -> Void) {
    guard which == name || which == "all" else { return }
    do { try body() } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        exit(1)
    }
}

group("score") { try ScoreBench.run() }
group("planner") { PlannerBench.run() }
group("store") { try StoreBench.run(runs: 11) }
group("export") { try ExportBench.run(runs: 11) }
group("shell") { try ShellBench.run(runs: 11) }
group("progress") { try ProgressBench.run(runs: 21) }
group("budget") { try BudgetBench.run() }
group("year") { try YearBench.run(runs: 30) }
