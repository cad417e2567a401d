import Foundation

/// `headway-bench [score|planner|store|progress|all]`: Headway's benchmarks, each beside its peer in the same run.
let which = CommandLine.arguments.dropFirst().first ?? "all"
let known = ["score", "planner", "store", "progress", "all"]
guard known.contains(which) else {
    FileHandle.standardError.write(Data("usage: headway-bench [\(known.joined(separator: "|"))]\n".utf8))
    exit(64)
}
if which == "score" || which == "all" { ScoreBench.run() }
if which == "planner" || which == "all" { PlannerBench.run() }
if which == "store" || which == "all" {
    do { try StoreBench.run(runs: 11) } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        exit(1)
    }
}
if which == "progress" || which == "all" {
    do { try ProgressBench.run(runs: 21) } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        exit(1)
    }
}
