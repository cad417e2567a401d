import Foundation

/// What a command reads of the world and where its text goes: the process's environment and
/// streams by default, or a captured run's.
///
/// Every command reads the environment (`HEADWAY_DB`, `HEADWAY_TODAY`, `NO_COLOR`, …) through
/// ``Environment`` and writes through ``Console``, and both ask `Context.current`, a task-local
/// value. A test runs a whole command line in process, concurrently with others:
///
///     let run = Context.capture(environment: ["HEADWAY_TODAY": "2026-11-23"]) {
///         runCommand(["score", "--assessment", file], origin: .commandLine)
///     }
///     // run.status, run.stdout, run.stderr
struct Context: Sendable {
    /// The environment variables a command sees.
    let environment: [String: String]
    /// Where text goes: `nil` is the process's standard output and error.
    let capture: Capture?

    /// The process's own environment and streams.
    static let process = Context(environment: processEnvironment(), capture: nil)

    /// The process's environment, read from `environ` as `getenv` reads it (the first of a
    /// repeated name wins): Foundation's `ProcessInfo` sets up much more on first use.
    private static func processEnvironment() -> [String: String] {
        var environment: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "="), environment[String(text[..<equals])] == nil {
                environment[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            entry += 1
        }
        return environment
    }

    @TaskLocal static var current: Context = .process

    /// Whether standard output is a terminal (a captured run's never is).
    var outputIsTerminal: Bool { capture == nil && isatty(STDOUT_FILENO) == 1 }
    /// Whether standard input is a terminal (a captured run's never is).
    var inputIsTerminal: Bool { capture == nil && isatty(STDIN_FILENO) == 1 }

    /// A finished captured run: its exit status and both streams.
    struct Run: Sendable {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `body` with `environment` and captured streams; standard input reads as empty.
    static func capture(environment: [String: String], _ body: () -> Int32) -> Run {
        let capture = Capture()
        let status = $current.withValue(Context(environment: environment, capture: capture), operation: body)
        return capture.finish(status)
    }

    /// Text written during a captured run, kept apart per stream.
    final class Capture: @unchecked Sendable {
        private let lock = NSLock()
        // Guarded by `lock`.
        private var out = "", err = ""

        func write(_ text: String, error: Bool) {
            lock.lock(); defer { lock.unlock() }
            if error { err += text } else { out += text }
        }

        func finish(_ status: Int32) -> Run {
            lock.lock(); defer { lock.unlock() }
            return Run(status: status, stdout: out, stderr: err)
        }
    }
}
