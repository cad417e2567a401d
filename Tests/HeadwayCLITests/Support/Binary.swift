import Foundation

@testable import HeadwayCLI

/// The `headway` binary built beside this test bundle (`swift build` runs before `swift test`).
enum Binary {
    static let url: URL? = {
        var candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        candidates.append(Bundle.main.bundleURL)
        for dir in candidates {
            let url = dir.appendingPathComponent("headway")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }()

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    struct Result {
        let output: String
        let status: Int32
    }

    /// Runs `headway arguments` with `input` on standard input; standard output and standard
    /// error share one pipe, so the output reads in the order it was written.
    static func run(_ arguments: [String], input: Data, environment: [String: String]) throws -> Result {
        guard let url else { throw Missing() }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = repository
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stdout
        try process.run()
        // Write and read at once: a large input or output must not fill a pipe and stall.
        let writer = Thread {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(output: String(decoding: data, as: UTF8.self), status: process.terminationStatus)
    }

    /// Runs `headway arguments` in this process with `environment` and nothing on standard input,
    /// as ``run(_:input:environment:)`` runs the binary (from the repository, `environment`
    /// alone); the output is standard output, then standard error. `HEADWAY_TEST_PROCESS=1`
    /// runs the binary instead.
    static func runInProcess(_ arguments: [String], environment: [String: String]) throws -> Result {
        if ProcessInfo.processInfo.environment["HEADWAY_TEST_PROCESS"] == "1" {
            return try run(arguments, input: Data(), environment: environment)
        }
        InProcess.enterRepository
        let run = Context.capture(environment: environment) { runCommand(arguments, origin: .commandLine) }
        return Result(output: run.stdout + run.stderr, status: run.status)
    }

    /// A fresh environment: fixed day, no colour, a temporary database and data folder. The
    /// curricula cache is the one every test process shares (the in-process commands' too): with
    /// a cache of its own, each spawned command parsed and checked every YAML file of the
    /// curricula, unoptimised, which was a quarter of the suite's CPU.
    static func environment(in folder: URL) -> [String: String] {
        [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": folder.path,
            "XDG_CACHE_HOME": URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(".cache").path,
            "XDG_DATA_HOME": folder.appendingPathComponent("data").path,
            "HEADWAY_DB": folder.appendingPathComponent("headway.sqlite").path,
            "HEADWAY_TODAY": "2026-11-23",
            "NO_COLOR": "1",
            "COLUMNS": "100",
            "USER": "ana",
            "LANG": "C.UTF-8"
        ]
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String { "the headway binary is not beside the tests; run `swift build` before `swift test`" }
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("headway-test-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
