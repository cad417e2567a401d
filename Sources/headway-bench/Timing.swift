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

    /// Milliseconds `body` takes, once.
    static func time(_ body: () throws -> Void) rethrows -> Double {
        let t0 = now()
        try body()
        return (now() - t0) * 1000
    }

    /// Runs a program to completion with its output discarded (and `input`, if any, on its
    /// standard input); fails loudly on a non-zero exit. posix_spawn and waitpid, not
    /// Foundation's Process, whose wait polls and would put a ~50 ms floor under every figure.
    static func spawn(_ path: String, _ args: [String], env: [String: String] = [:], input: String? = nil) {
        var environment = ProcessInfo.processInfo.environment
        for (k, v) in env { environment[k] = v }
        var inputPath = "/dev/null"
        if let input {
            inputPath = NSTemporaryDirectory() + "/headway-bench-input-\(getpid())"
            _ = FileManager.default.createFile(atPath: inputPath, contents: Data(input.utf8))
        }
        defer { if input != nil { unlink(inputPath) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inputPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + args).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid = pid_t()
        guard posix_spawn(&pid, path, &actions, nil, argv, envp) == 0 else { fatalError("cannot run \(path)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED/WEXITSTATUS by hand: the macros are not imported into Swift.
        let exited = status & 0x7f == 0, code = (status >> 8) & 0xff
        if !exited || code != 0 { fatalError("\(path) \(args.joined(separator: " ")) failed (status \(status))") }
    }

    /// Runs a program with `input` on its standard input, output discarded.
    static func spawnWithInput(_ path: String, _ args: [String], input: String, env: [String: String] = [:]) {
        spawn(path, args, env: env, input: input)
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

/// The `headway` binary built beside this benchmark, or `HEADWAY_BENCH_BINARY` (an installed one).
let headwayBinary =
    ProcessInfo.processInfo.environment["HEADWAY_BENCH_BINARY"].flatMap { $0.isEmpty ? nil : $0 }
    ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    .deletingLastPathComponent().appendingPathComponent("headway").path

/// Prints a result line at once, so progress shows when the output is piped.
func report(_ line: String) {
    print(line)
    fflush(nil)
}
