import Foundation
import Testing

/// SIGKILL at random points of real commands, and a database swapped for garbage under an open
/// shell: nothing committed is lost, nothing is left half-written, and the shell keeps working.
@Suite("Fault injection", .serialized)
struct FaultInjectionTests {
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("headway")
    }

    static func environment(_ db: URL) -> [String: String] {
        [
            "PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "NO_COLOR": "1", "HEADWAY_TODAY": "2026-11-23",
            "HEADWAY_CURRICULA": repoRoot.appendingPathComponent("Curricula").path, "HEADWAY_DB": db.path
        ]
    }

    /// Starts `headway arguments`, kills it with SIGKILL after `delay` seconds unless it has
    /// finished; returns its exit status, or nil when it was killed.
    static func runKilled(_ arguments: [String], db: URL, after delay: Double) throws -> Int32? {
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        p.environment = environment(db)
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(delay)
        while p.isRunning && Date() < deadline { usleep(500) }
        if p.isRunning {
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            return nil
        }
        p.waitUntilExit()
        return p.terminationStatus
    }

    @Test("plans saved while being killed at random points: every acknowledged plan is kept, none is half-written")
    func killDuringPlanSaving() throws {
        let db = scratchDatabase()
        #expect(try headway(["profile", "new", "ana", "--from", reference], db: db).status == 0)
        var rng = SystemRandomNumberGenerator()
        var acknowledged = 0
        for i in 0..<24 {
            let hours = String(2 + i % 10)
            if try Self.runKilled(["plan", "--hours", hours], db: db, after: Double.random(in: 0.005...0.12, using: &rng)) == 0 {
                acknowledged += 1
            }
            let doctor = try headway(["doctor"], db: db)
            #expect(doctor.status == 0 && doctor.stdout.contains("integrity    ok"), "round \(i): \(doctor.stdout)\(doctor.stderr)")
        }
        let archive = try json(try headway(["profile", "export", "-"], db: db).stdout)
        let plans = try #require(archive["plans"] as? [[String: Any]])
        #expect(plans.count >= acknowledged)
        for plan in plans {
            // A stored plan is whole: as many weeks as it says, and every unit scheduled.
            let weeks = plan["schedule"] as? [[String: Any]] ?? []
            #expect(weeks.count == plan["weeks"] as? Int)
            let scheduled = weeks.flatMap { $0["items"] as? [[String: Any]] ?? [] }.reduce(0.0) { $0 + ($1["hours"] as? Double ?? 0) }
            let units = (plan["units"] as? [[String: Any]] ?? []).reduce(0.0) { $0 + ($1["hours"] as? Double ?? 0) }
            #expect(abs(scheduled - units) < 1e-6)
        }
        if acknowledged > 0 { #expect(try headway(["plan", "show", "--json"], db: db).status == 0) }
    }

    @Test("imports killed at random points leave either the whole profile or none of it")
    func killDuringImport() throws {
        let source = scratchDatabase()
        _ = try headway(["profile", "new", "ana", "--from", reference], db: source)
        for h in ["4", "6", "8"] { _ = try headway(["plan", "--hours", h], db: source) }
        let file = source.deletingLastPathComponent().appendingPathComponent("ana.json")
        #expect(try headway(["profile", "export", file.path], db: source).status == 0)
        let original = try json(try String(contentsOf: file, encoding: .utf8))
        let plans = (original["plans"] as? [Any])?.count ?? 0
        #expect(plans == 3)

        let db = scratchDatabase()
        _ = try headway(["profile", "new", "keeper", "--from", reference], db: db)
        var rng = SystemRandomNumberGenerator()
        for i in 0..<16 {
            let name = "copy-\(i)"
            let status = try Self.runKilled(["profile", "import", file.path, "--as", name], db: db, after: Double.random(in: 0.005...0.1, using: &rng))
            let list = try headway(["profile", "list"], db: db).stdout
            let present = list.split(separator: "\n").contains { $0.hasSuffix(" " + name) }
            if status == 0 { #expect(present, "round \(i): an acknowledged import is missing") }
            if present {
                let copy = try json(try headway(["profile", "export", "-", "--profile", name], db: db).stdout)
                #expect((copy["plans"] as? [Any])?.count == plans, "round \(i): a partial import")
            }
        }
        #expect(try headway(["doctor"], db: db).status == 0)
    }

    @Test("a database replaced by garbage under an open shell: one clear line, the garbage untouched, the shell goes on")
    func garbageUnderTheShell() throws {
        let db = scratchDatabase()
        #expect(try headway(["profile", "new", "ana", "--from", reference], db: db).status == 0)
        let p = Process()
        p.executableURL = Self.binary
        p.environment = Self.environment(db)
        let input = Pipe()
        let outFile = db.deletingLastPathComponent().appendingPathComponent("out.txt")
        let errFile = db.deletingLastPathComponent().appendingPathComponent("err.txt")
        _ = FileManager.default.createFile(atPath: outFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        p.standardInput = input
        p.standardOutput = try FileHandle(forWritingTo: outFile)
        p.standardError = try FileHandle(forWritingTo: errFile)
        try p.run()
        input.fileHandleForWriting.write(Data("score --json\n".utf8))
        // Wait for the first answer before pulling the file away.
        let deadline = Date().addingTimeInterval(20)
        while (try String(contentsOf: outFile, encoding: .utf8)).contains("\"score\"") == false && Date() < deadline { usleep(10_000) }
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db.path + suffix) }
        try garbage.write(to: db)
        input.fileHandleForWriting.write(Data("score\nscore --assessment \(reference) --json\nquit\n".utf8))
        try input.fileHandleForWriting.close()
        p.waitUntilExit()
        let out = try String(contentsOf: outFile, encoding: .utf8), err = try String(contentsOf: errFile, encoding: .utf8)
        #expect(p.terminationStatus != 0, "a failed command makes the script fail")
        let lines = err.split(separator: "\n")
        #expect(lines.count == 1, "\(err)")
        #expect(err.contains(db.path) && err.contains("not a Headway database"), "\(err)")
        // The shell kept working: the stateless score after the failure answered.
        #expect(out.components(separatedBy: "\"score\"").count == 3, "\(out)")
        #expect(try Data(contentsOf: db) == garbage)
    }
}
