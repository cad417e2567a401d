import Foundation

/// Wall-clock timing helpers for the benchmarks (the core never reads a clock; this does).
enum Timing {
    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// Runs `body` `runs` times after `warmup` runs and returns the median in milliseconds.
    static func median(runs: Int, warmup: Int = 2, _ body: () throws -> Void) rethrows -> Double {
        for _ in 0..<warmup { try body() }
        var samples: [Double] = []
        for _ in 0..<runs {
            let t0 = now()
            try body()
            samples.append((now() - t0) * 1000)
        }
        samples.sort()
        return samples[samples.count / 2]
    }

    /// Runs a program to completion with its output discarded; fails loudly on a non-zero exit.
    static func spawn(_ path: String, _ args: [String], env: [String: String] = [:]) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        var environment = ProcessInfo.processInfo.environment
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { fatalError("cannot run \(path): \(error)") }
        p.waitUntilExit()
        if p.terminationStatus != 0 { fatalError("\(path) \(args.joined(separator: " ")) exited \(p.terminationStatus)") }
    }

    /// Runs a program with `input` on its standard input, output discarded.
    static func spawnWithInput(_ path: String, _ args: [String], input: String, env: [String: String] = [:]) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        var environment = ProcessInfo.processInfo.environment
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let pipe = Pipe()
        p.standardInput = pipe
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { fatalError("cannot run \(path): \(error)") }
        pipe.fileHandleForWriting.write(Data(input.utf8))
        try? pipe.fileHandleForWriting.close()
        p.waitUntilExit()
        if p.terminationStatus != 0 { fatalError("\(path) exited \(p.terminationStatus)") }
    }

    /// The first executable called `name` on PATH.
    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static func ms(_ x: Double) -> String { String(format: "%.1f ms", x) }
}

/// The repository root: the current directory when it holds Package.swift.
let repoRoot = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)

/// The `headway` binary built beside this benchmark.
let headwayBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    .deletingLastPathComponent().appendingPathComponent("headway").path

/// Prints a result line at once, so progress shows when the output is piped.
func report(_ line: String) {
    print(line)
    fflush(nil)
}
