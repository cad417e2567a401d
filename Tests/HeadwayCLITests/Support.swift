import Foundation

@testable import HeadwayCLI

let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

struct Output {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs one `headway` command line in this process (``Context/capture(environment:_:)``:
/// standard output and error captured, a fixed day, no colour, the bundled curricula), the way
/// the binary runs it. Tests that need a real process (a kill, two writers, a terminal, the
/// shell's transcripts) spawn the binary instead (`Binary`).
func headway(_ arguments: [String], db: URL? = nil, columns: Int? = nil, environment: [String: String] = [:]) throws -> Output {
    if ProcessInfo.processInfo.environment["HEADWAY_TEST_PROCESS"] == "1" {
        return try headwayProcess(arguments, db: db, environment: environment)
    }
    InProcess.enterRepository
    var env = [
        "PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "NO_COLOR": "1", "HEADWAY_TODAY": "2026-11-23",
        "HEADWAY_CURRICULA": repoRoot.appendingPathComponent("Curricula").path
    ]
    if let db { env["HEADWAY_DB"] = db.path }
    if let columns { env["COLUMNS"] = String(columns) }
    env.merge(environment) { $1 }
    let run = Context.capture(environment: env) { runCommand(arguments, origin: .commandLine) }
    return Output(status: run.status, stdout: run.stdout, stderr: run.stderr)
}

enum InProcess {
    /// Relative paths in the tests (`Fixtures/…`) are the repository's, as the binary's were.
    static let enterRepository: Void = {
        if FileManager.default.currentDirectoryPath != repoRoot.path {
            _ = FileManager.default.changeCurrentDirectoryPath(repoRoot.path)
        }
    }()
}

/// Runs the built `headway` (beside this test bundle; `swift build` first) as its own process,
/// with the environment of ``headway(_:db:columns:environment:)``: for a command that blocks on work of its own
/// threads (`batch plan` waits on a task group, which must not hold a test's thread).
func headwayProcess(_ arguments: [String], db: URL? = nil, environment: [String: String] = [:]) throws -> Output {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        .appendingPathComponent("headway")
    guard FileManager.default.isExecutableFile(atPath: binary.path) else {
        throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "\(binary.path) is missing: run `swift build` before `swift test`"])
    }
    let p = Process()
    p.executableURL = binary
    p.arguments = arguments
    p.currentDirectoryURL = repoRoot
    var env = [
        "PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "NO_COLOR": "1", "HEADWAY_TODAY": "2026-11-23",
        "HEADWAY_CURRICULA": repoRoot.appendingPathComponent("Curricula").path
    ]
    if let db { env["HEADWAY_DB"] = db.path }
    env.merge(environment) { $1 }
    p.environment = env
    let outFile = FileManager.default.temporaryDirectory.appendingPathComponent("hw-out-\(UUID().uuidString)")
    let errFile = FileManager.default.temporaryDirectory.appendingPathComponent("hw-err-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: outFile.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: outFile); try? FileManager.default.removeItem(at: errFile) }
    p.standardOutput = try FileHandle(forWritingTo: outFile)
    p.standardError = try FileHandle(forWritingTo: errFile)
    p.standardInput = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    return Output(
        status: p.terminationStatus, stdout: try String(contentsOf: outFile, encoding: .utf8),
        stderr: try String(contentsOf: errFile, encoding: .utf8))
}

func json(_ text: String) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
}

func scratchDatabase() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("headway-cli-\(UUID().uuidString)/headway.sqlite")
}
