import Foundation

/// Shell benchmarks (issue 5): wall time of whole processes, medians over `runs`, against
/// Taskwarrior's `task next` measured in the same run when `task` is installed.
///
/// - shell start-up: `headway` in script mode reading `quit` (empty database, then a profile
///   with a plan).
/// - one-shot `headway score` on that profile.
/// - `task next` on an empty Taskwarrior database (its own start-up cost).
enum ShellBench {
    static func run(runs: Int) throws {
        let headway = URL(fileURLWithPath: headwayBinary)
        guard FileManager.default.isExecutableFile(atPath: headway.path) else {
            throw BenchError("\(headway.path) is missing: run `swift build` first")
        }
        let dir = try StoreBench.scratchFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        var env = ProcessInfo.processInfo.environment
        env["HEADWAY_DB"] = dir.appendingPathComponent("bench.sqlite").path
        env["HEADWAY_TODAY"] = "2026-11-23"
        env["NO_COLOR"] = "1"

        _ = try spawn(headway.path, [], input: "quit\n", env: env)  // warm the page cache
        StoreBench.report(
            "shell start-up, empty database (script mode, `quit`)",
            try (0..<runs).map { _ in try spawn(headway.path, [], input: "quit\n", env: env) })

        _ = try spawn(headway.path, [], input: "assess --sample\nplan\n", env: env)
        StoreBench.report(
            "shell start-up, a profile with a plan (script mode, `quit`)",
            try (0..<runs).map { _ in try spawn(headway.path, [], input: "quit\n", env: env) })
        StoreBench.report(
            "one-shot `headway score` on that profile",
            try (0..<runs).map { _ in try spawn(headway.path, ["score"], input: "", env: env) })
        StoreBench.report(
            "shell running `score` then `quit`",
            try (0..<runs).map { _ in try spawn(headway.path, [], input: "score\nquit\n", env: env) })

        if let task = which("task") {
            var taskEnv = env
            let data = dir.appendingPathComponent("task")
            try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
            let rc = dir.appendingPathComponent("taskrc")
            try "data.location=\(data.path)\nconfirmation=off\nverbose=nothing\n".write(to: rc, atomically: true, encoding: .utf8)
            taskEnv["TASKRC"] = rc.path
            taskEnv["TASKDATA"] = data.path
            for i in 0..<20 { _ = try spawn(task, ["add", "benchmark task \(i)"], input: "", env: taskEnv) }
            StoreBench.report(
                "Taskwarrior `task next` (20 tasks), same run",
                try (0..<runs).map { _ in try spawn(task, ["next"], input: "", env: taskEnv) })
        } else {
            print("Taskwarrior `task next`: not measured (task is not installed)")
        }
    }

    /// Runs a process to completion with `input` on standard input; returns milliseconds.
    ///
    /// posix_spawn and waitpid, not `Process`: its `waitUntilExit` polls a run loop and
    /// rounds every measurement up to about 50 ms.
    static func spawn(_ path: String, _ args: [String], input: String, env: [String: String]) throws -> Double {
        let inputFile = FileManager.default.temporaryDirectory.appendingPathComponent("headway-bench-in-\(UUID().uuidString)")
        try input.write(to: inputFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: inputFile) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inputFile.path, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + args).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let rc = posix_spawn(&pid, path, &actions, nil, argv, envp)
        guard rc == 0 else { throw BenchError("cannot start \(path): error \(rc)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        guard status == 0 else { throw BenchError("\(path) \(args) exited with status \(status)") }
        return ms
    }

    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    struct BenchError: Error, CustomStringConvertible {
        let description: String
        init(_ d: String) { description = d }
    }
}
