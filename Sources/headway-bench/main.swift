import Foundation

// headway-bench store|shell [RUNS]: the store (StoreBench.swift) or shell (ShellBench.swift)
// benchmarks, medians over RUNS (default 11).
let args = Array(CommandLine.arguments.dropFirst())
switch args.first {
case "store":
    let runs = args.count > 1 ? Int(args[1]) ?? 11 : 11
    do { try StoreBench.run(runs: runs) } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        exit(1)
    }
case "shell":
    let runs = args.count > 1 ? Int(args[1]) ?? 11 : 11
    do { try ShellBench.run(runs: runs) } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        exit(1)
    }
default:
    FileHandle.standardError.write(Data("usage: headway-bench store|shell [runs]\n".utf8))
    exit(64)
}
