import Foundation
import HeadwayCore
import HeadwayCurricula

/// Outside programs the export tests hand files to: a real consumer of each format.
///
/// Locally a test whose tool is missing is skipped with the install line; under CI
/// (`CI=true`) it runs and fails with that line, so a missing install step cannot pass unseen.
enum Tools {
    static let ci = ProcessInfo.processInfo.environment["CI"] == "true"

    /// The first executable called `name` on this process's PATH.
    static func find(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":").map(String.init) + ["/usr/bin", "/bin"] {
            let url = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// python3 that can import `module` (pip may have installed it for one python of several).
    static func python(with module: String) -> URL? {
        for name in ["python3", "python"] {
            guard let url = find(name) else { continue }
            if let r = try? Tools.run(url, ["-c", "import \(module)"]), r.status == 0 { return url }
        }
        return nil
    }

    static let icalendarPython = python(with: "icalendar")
    static let plainPython = python(with: "csv")
    static let graphviz = find("dot")
    static let chromium = find("chromium") ?? find("chromium-browser")

    /// Whether a test needing the tool should run: it is there, or CI must prove it is.
    static func shouldRun(_ tool: URL?) -> Bool { tool != nil || ci }

    /// The tool, or an error that says how to install it.
    static func require(_ tool: URL?, _ install: String) throws -> URL {
        guard let tool else { throw ToolMissing(description: "missing test tool: \(install)") }
        return tool
    }

    struct ToolMissing: Error, CustomStringConvertible { let description: String }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        var stdoutData: Data
    }

    /// Runs a program to completion (killed after `timeout` seconds), output through files so
    /// a chatty program cannot fill a pipe and stall.
    static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String]? = nil,
        directory: URL? = nil, timeout: Double = 120
    ) throws -> Result {
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        if let environment { p.environment = environment }
        if let directory { p.currentDirectoryURL = directory }
        let tmp = FileManager.default.temporaryDirectory
        let outURL = tmp.appendingPathComponent("tool-out-\(UUID().uuidString)"), errURL = tmp.appendingPathComponent("tool-err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outURL); try? FileManager.default.removeItem(at: errURL) }
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning {
            if Date() > deadline { p.terminate(); break }
            usleep(20_000)
        }
        p.waitUntilExit()
        try out.close(); try err.close()
        let o = try Data(contentsOf: outURL)
        return Result(
            status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self), stdoutData: o)
    }

    /// Runs a Python script given as text with `arguments`; its standard output is returned.
    static func python(_ python: URL, script: String, _ arguments: [String]) throws -> Result {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("check-\(UUID().uuidString).py")
        try script.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return try run(python, [file.path] + arguments)
    }
}

/// A fresh folder for one test's files.
func scratchFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("headway-export-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The model the binary computes, recomputed in the test process to check exports against.
enum Reference {
    static let curriculum: Curriculum = try! CurriculumLoader.load(from: repoRoot.appendingPathComponent("Curricula"))

    static func person(_ file: String) throws -> PersonalModel {
        let a = try AssessmentLoader.load(repoRoot.appendingPathComponent(file), curriculum: curriculum)
        return PersonalModel(curriculum: curriculum, assessment: a)!
    }

    /// The plan `export plan --assessment FILE` computes (the assessment's own start, hours, weeks).
    static func plan(_ file: String) throws -> (PersonalModel, Plan) {
        let person = try person(file)
        let a = person.assessment
        let plan = try person.plan(PlanRequest(start: a.start ?? Day("2026-11-23")!, weeks: a.weeks, hoursPerWeek: a.hoursPerWeek, goals: a.goals))
        return (person, plan)
    }
}
