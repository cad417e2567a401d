import Foundation
import Testing

/// What a path, a file or a hand-edited export can do to the record, tried through the real
/// binary with a fresh database per case: nothing of it may be lost, and nothing may crash.
@Suite("Nothing a path, a file or a hand-edited export can do harms the record")
struct SafetyTests {
    typealias Scratch = BadCorpusTests.Scratch

    static func mode(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_mode & 0o777) : -1
    }

    static func sqlite(_ db: URL, _ sql: String) throws {
        let result = try Tools.run(URL(fileURLWithPath: "/usr/bin/sqlite3"), [db.path, sql])
        guard result.status == 0 else { throw Failure("sqlite3 \(sql): \(result.stderr)") }
    }

    /// A scratch profile with a saved plan (so every export has something to write).
    static func planned() throws -> Scratch {
        let scratch = try Scratch()
        let plan = try Run(["plan"], environment: scratch.environment)
        guard plan.status == 0 else { throw Failure("plan: \(plan.stderr)") }
        return scratch
    }

    // MARK: - Output paths

    @Test(
        "no export may write over the database, its -wal or -shm, however the path is spelled",
        arguments: ["$DB", "./headway.sqlite", "../$NAME/headway.sqlite", "$DB-wal", "$DB-shm", "link-to-db", "hard-link-to-db"])
    func outputIsNeverTheDatabase(spelling: String) throws {
        let scratch = try Self.planned()
        let db = scratch.db.path, folder = scratch.folder
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link-to-db").path, withDestinationPath: db)
        try FileManager.default.linkItem(atPath: db, toPath: folder.appendingPathComponent("hard-link-to-db").path)
        let bytes = try Data(contentsOf: scratch.db)
        let path = spelling.replacingOccurrences(of: "$DB", with: db).replacingOccurrences(of: "$NAME", with: folder.lastPathComponent)
        let target = path.hasPrefix("/") ? path : (spelling.hasPrefix("link") || spelling.hasPrefix("hard") ? folder.appendingPathComponent(path).path : path)
        for command in [
            ["export", "history", "--output", target], ["export", "report", "--output", target],
            ["export", "plan", "--format", "md", "--output", target], ["profile", "export", target]
        ] {
            let run = try Run(command, environment: scratch.environment, in: folder)
            #expect(run.status == 73, "\(command): \(run)")
            #expect(run.stderr.hasPrefix("error: cannot write ") && run.stderr.contains("nothing was written"), "\(command): \(run.stderr)")
            #expect(run.stderr.filter { $0 == "\n" }.count == 1, "one line: \(run.stderr)")
            #expect(try Data(contentsOf: scratch.db) == bytes, "\(command) left the database as it was")
        }
        let list = try Run(["profile", "list"], environment: scratch.environment)
        #expect(list.stdout == "* ana\n")
    }

    @Test("no export may write into Headway's data folder")
    func outputIsNeverInTheDataFolder() throws {
        let scratch = try Self.planned()
        let data = scratch.folder.appendingPathComponent("data/headway")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let run = try Run(["export", "plan", "--output", data.appendingPathComponent("plan.ics").path], environment: scratch.environment)
        #expect(run.status == 73)
        #expect(run.stderr.contains("inside Headway's data folder"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: data.path).isEmpty)
    }

    // MARK: - Symlinks and modes

    @Test("--output through a symlink replaces the file it names, keeps the link and the file's mode")
    func outputThroughSymlink() throws {
        let scratch = try Self.planned()
        let real = scratch.folder.appendingPathComponent("real.ics"), link = scratch.folder.appendingPathComponent("link.ics")
        try Data("old\n".utf8).write(to: real)
        chmod(real.path, 0o640)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real.ics")
        let run = try Run(["export", "plan", "--output", link.path], environment: scratch.environment)
        #expect(run.status == 0, "\(run)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "real.ics", "the link is still a link")
        #expect(try String(contentsOf: real, encoding: .utf8).hasPrefix("BEGIN:VCALENDAR"))
        #expect(Self.mode(real.path) == 0o640)
    }

    @Test("a new export is 0644 (less the umask), a new profile export 0600, and a re-export keeps a 0600 file 0600")
    func exportModes() throws {
        let scratch = try Self.planned()
        let plan = scratch.folder.appendingPathComponent("plan.md"), history = scratch.folder.appendingPathComponent("ana.json")
        #expect(try Run(["export", "plan", "--output", plan.path], environment: scratch.environment).status == 0)
        #expect(Self.mode(plan.path) == 0o644 & ~0o022)
        #expect(try Run(["profile", "export", history.path], environment: scratch.environment).status == 0)
        #expect(Self.mode(history.path) == 0o600)
        chmod(plan.path, 0o600)
        #expect(try Run(["export", "plan", "--output", plan.path], environment: scratch.environment).status == 0)
        #expect(Self.mode(plan.path) == 0o600)
        #expect(try Run(["profile", "export", history.path], environment: scratch.environment).status == 0)
        #expect(Self.mode(history.path) == 0o600)
    }

    @Test("a temporary file left by a killed export is removed by the next one")
    func abandonedTemporaryFiles() throws {
        let scratch = try Self.planned()
        // A pid far above pid_max belongs to no process.
        let left = scratch.folder.appendingPathComponent(".plan.ics.headway-99999999-AbCdEf")
        try Data("half".utf8).write(to: left)
        let run = try Run(["export", "plan", "--output", scratch.folder.appendingPathComponent("plan.ics").path], environment: scratch.environment)
        #expect(run.status == 0, "\(run)")
        #expect(!FileManager.default.fileExists(atPath: left.path))
        let names = try FileManager.default.contentsOfDirectory(atPath: scratch.folder.path)
        #expect(!names.contains { $0.contains(".headway-") }, "\(names)")
    }

    @Test("a database path that is a dangling symlink creates the file it names 0600, and doctor checks that file")
    func danglingDatabaseLink() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let real = folder.appendingPathComponent("store/real.sqlite"), link = folder.appendingPathComponent("link.sqlite")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: real.path)
        var environment = Binary.environment(in: folder)
        environment["HEADWAY_DB"] = link.path
        #expect(try Run(["profile", "new", "ana"], environment: environment).status == 0)
        #expect(Self.mode(real.path) == 0o600)
        #expect(Self.mode(real.deletingLastPathComponent().path) == 0o700)
        let doctor = try Run(["doctor"], environment: environment)
        #expect(doctor.status == 0, "\(doctor)")
        #expect(doctor.stdout.contains("permissions  ok (600)"), "\(doctor.stdout)")
    }

    // MARK: - Text that would drive the terminal

    @Test("escape sequences and bidi overrides in imported text are shown escaped by history, plan show, brief and the Markdown export")
    func escapesAreShownNotObeyed() throws {
        let scratch = try Scratch()
        var document = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: Binary.repository.appendingPathComponent("Fixtures/fuzz/profile-import/ana-export.json"))) as? [String: Any])
        let attack = "\u{1B}]52;c;aGk=\u{07}\u{1B}]0;title\u{07}\u{1B}[2J\u{202E}\u{9B}"
        var plans = try #require(document["plans"] as? [[String: Any]])
        var schedule = try #require(plans[1]["schedule"] as? [[String: Any]])
        var items = try #require(schedule[0]["items"] as? [[String: Any]])
        var activities = try #require(items[0]["activities"] as? [[String: Any]])
        activities[0]["text"] = "read" + attack
        items[0]["activities"] = activities; schedule[0]["items"] = items; plans[1]["schedule"] = schedule
        document["plans"] = plans
        var snapshots = try #require(document["snapshots"] as? [[String: Any]])
        snapshots[0]["reason"] = "assessment" + attack
        document["snapshots"] = snapshots
        document["name"] = "bo"
        let file = scratch.folder.appendingPathComponent("attack.json")
        try JSONSerialization.data(withJSONObject: document).write(to: file)
        let imported = try Run(["profile", "import", file.path], environment: scratch.environment)
        #expect(imported.status == 0, "\(imported)")
        let markdown = scratch.folder.appendingPathComponent("plan.md")
        for command in [
            ["history", "--profile", "bo"], ["plan", "show", "--profile", "bo"], ["brief", "--profile", "bo"],
            ["export", "plan", "--format", "md", "--profile", "bo"],
            ["export", "plan", "--output", markdown.path, "--profile", "bo"]
        ] {
            let run = try Run(command, environment: scratch.environment)
            #expect(run.status == 0, "\(command): \(run)")
            let shown = command.contains(markdown.path) ? try String(contentsOf: markdown, encoding: .utf8) : run.stdout
            #expect(
                !shown.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" || $0 == "\u{9B}" },
                "\(command) shows no raw control: \(shown.debugDescription.prefix(300))")
            if command[0] != "brief" { #expect(shown.contains("\\u{1B}") && shown.contains("52;c;aGk="), "\(command) shows the escape as text") }
        }
        // JSON stays JSON and keeps the value.
        let json = try Run(["profile", "export", "-", "--profile", "bo"], environment: scratch.environment)
        let back = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(((back["snapshots"] as? [[String: Any]])?.first?["reason"] as? String) == "assessment" + attack)
        #expect(!json.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" || $0 == "\u{9B}" })
    }

    @Test("an escape sequence in a curricula skill name is shown escaped")
    func curriculaNameEscaped() throws {
        let scratch = try Scratch()
        let copy = scratch.folder.appendingPathComponent("Curricula")
        try FileManager.default.copyItem(at: Binary.repository.appendingPathComponent("Curricula"), to: copy)
        let skills = copy.appendingPathComponent("skills.yaml")
        let text = try String(contentsOf: skills, encoding: .utf8)
        let range = try #require(text.range(of: "name: vLLM"))
        try text.replacingCharacters(in: range, with: "name: \"vLLM\\e]0;owned\\a\"").write(to: skills, atomically: true, encoding: .utf8)
        for command in [["plan", "--curricula", copy.path], ["graph", "--curricula", copy.path]] {
            let run = try Run(command, environment: scratch.environment)
            #expect(run.status == 0, "\(command): \(run)")
            #expect(!run.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" }, "\(command)")
        }
    }

    // MARK: - A database changed by hand

    @Test("a dropped column is refused in one line by every store command, and doctor names the table and column")
    func droppedColumn() throws {
        let scratch = try Self.planned()
        try Self.sqlite(scratch.db, "ALTER TABLE snapshots DROP COLUMN label")
        let bytes = try Data(contentsOf: scratch.db)
        for command in [["history"], ["progress"], ["brief"], ["plan", "show"], ["log", "vllm:3", "1"], ["profile", "list"]] {
            let run = try Run(command, environment: scratch.environment)
            #expect(run.status == 69, "\(command): \(run)")
            #expect(
                run.stderr
                    == "error: \(scratch.db.path) was changed outside Headway (table snapshots has no column label); restore a backup, or run `headway doctor` to see every difference; the file was left as it is\n",
                "\(command)")
        }
        let doctor = try Run(["doctor"], environment: scratch.environment)
        #expect(doctor.status == 1)
        #expect(doctor.stdout.contains("schema check FAILED: table snapshots has no column label"), "\(doctor.stdout)")
        #expect(try Data(contentsOf: scratch.db) == bytes)
    }

    @Test("text in a number column is one line naming it, for reading commands and profile export alike")
    func textInANumberColumn() throws {
        let scratch = try Self.planned()
        #expect(try Run(["log", "vllm:3", "2"], environment: scratch.environment).status == 0)
        try Self.sqlite(scratch.db, "UPDATE logs SET hours = 'abc'")
        for command in [["history"], ["progress"], ["brief"], ["profile", "export", "-"]] {
            let run = try Run(command, environment: scratch.environment)
            #expect(run.status == 69, "\(command): \(run)")
            #expect(run.stderr.contains("(logs row 1, hours holds 'abc', which is not a number)"), "\(command): \(run.stderr)")
        }
        let doctor = try Run(["doctor"], environment: scratch.environment)
        #expect(doctor.stdout.contains("logs.hours: 1 row of another type than REAL"), "\(doctor.stdout)")
    }

    @Test("profile export still works when a dropped column held nothing it needs")
    func exportAroundADroppedOptionalColumn() throws {
        let scratch = try Self.planned()
        #expect(try Run(["log", "vllm:3", "2"], environment: scratch.environment).status == 0)
        try Self.sqlite(scratch.db, "ALTER TABLE logs DROP COLUMN note")
        let out = scratch.folder.appendingPathComponent("rescue.json")
        let run = try Run(["profile", "export", out.path], environment: scratch.environment)
        #expect(run.status == 0, "\(run)")
        let back = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any])
        #expect((back["logs"] as? [Any])?.count == 1)
    }

    @Test(
        "huge stored numbers never crash a view",
        arguments: [
            "UPDATE logs SET hours = 1e17", "UPDATE plan_units SET gain = 1e300", "UPDATE plan_weeks SET hours = 1e300",
            "UPDATE snapshots SET part_base = 1e300"
        ])
    func hugeStoredNumbers(sql: String) throws {
        let scratch = try Self.planned()
        #expect(try Run(["log", "vllm:3", "2"], environment: scratch.environment).status == 0)
        try Self.sqlite(scratch.db, "PRAGMA ignore_check_constraints = 1; " + sql)
        for command in [["progress"], ["brief"], ["plan", "show"], ["history"], ["export", "report", "--output", "-"]] {
            let run = try Run(command, environment: scratch.environment)
            #expect(run.status < 128, "\(command) after \(sql) crashed: \(run)")
        }
    }

    // MARK: - Locks, read-only media, leftovers

    @Test("a reading command does not wait for a writer")
    func readersDoNotWait() throws {
        let scratch = try Self.planned()
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        holder.arguments = [scratch.db.path]
        let input = Pipe()
        holder.standardInput = input
        holder.standardOutput = FileHandle.nullDevice
        try holder.run()
        input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE; UPDATE profiles SET name = name;\n".utf8))
        usleep(300_000)
        let start = Date()
        let run = try Run(["history"], environment: scratch.environment)
        let took = Date().timeIntervalSince(start)
        input.fileHandleForWriting.write(Data("ROLLBACK;\n.quit\n".utf8))
        try? input.fileHandleForWriting.close()
        holder.waitUntilExit()
        #expect(run.status == 0, "\(run)")
        #expect(took < 3, "history waited \(took) s for the writer")
    }

    @Test("a database on a read-only mount can be read and exported; a write is one line", .enabled(if: getuid() == 0, "mounting needs root"))
    func readOnlyMedia() throws {
        let scratch = try Self.planned()
        let mount = scratch.folder.appendingPathComponent("ro")
        try FileManager.default.createDirectory(at: mount, withIntermediateDirectories: true)
        try #require(try Tools.run(URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=8m", "tmpfs", mount.path]).status == 0)
        defer { _ = try? Tools.run(URL(fileURLWithPath: "/bin/umount"), [mount.path]) }
        let db = mount.appendingPathComponent("headway.sqlite")
        try FileManager.default.copyItem(at: scratch.db, to: db)
        #expect(try Tools.run(URL(fileURLWithPath: "/bin/mount"), ["-o", "remount,ro", mount.path]).status == 0)
        var environment = scratch.environment
        environment["HEADWAY_DB"] = db.path
        for command in [
            ["history"], ["plan", "show"], ["profile", "list"], ["doctor"],
            ["profile", "export", scratch.folder.appendingPathComponent("out.json").path]
        ] {
            let run = try Run(command, environment: environment)
            #expect(run.status == 0, "\(command): \(run)")
        }
        let log = try Run(["log", "vllm:3", "1"], environment: environment)
        #expect(log.status == 73)
        #expect(
            log.stderr == "error: cannot write in \(mount.path): the folder is read-only; make it writable or pass --db PATH in a writable folder\n",
            "\(log.stderr)")
    }

    @Test("a leftover -shm without write permission is put right, and doctor says so")
    func readOnlyShm() throws {
        let scratch = try Self.planned()
        let shm = scratch.db.path + "-shm"
        _ = FileManager.default.createFile(atPath: shm, contents: Data(count: 32768))
        chmod(shm, 0o400)
        let doctor = try Run(["doctor"], environment: scratch.environment)
        #expect(doctor.status == 0, "\(doctor)")
        #expect(doctor.stdout.contains("wal and shm  repaired: headway.sqlite-shm had mode 400; set it to 600"), "\(doctor.stdout)")
        let log = try Run(["log", "vllm:3", "1"], environment: scratch.environment)
        #expect(log.status == 0, "\(log)")
    }

    // MARK: - Weak spots

    @Test("hours written as hex or with an exponent are refused", arguments: ["0x10", "1e-300", "1e1", "inf", "+2"])
    func hoursSpelling(hours: String) throws {
        let scratch = try Scratch()
        try scratch.refuse(["log", "vllm:3", hours], expected: "hours '\(hours)' is not allowed; allowed: more than 0 and at most 24 (a day's total)")
    }

    @Test("a note of one letter and 50,000 combining marks is counted by scalars against the 2,000 limit")
    func combiningMarks() throws {
        let scratch = try Scratch()
        let note = "a" + String(repeating: "\u{0301}", count: 50_000)
        try scratch.refuse(
            ["log", "vllm:3", "1", "--note", note],
            expected: "the note has 50001 characters (Unicode scalars); allowed: at most 2000")
    }

    @Test("a profile name with a right-to-left override is refused")
    func bidiName() throws {
        let scratch = try Scratch()
        try scratch.refuse(
            ["profile", "new", "\u{202E}evil"],
            expected:
                "profile name '\\u{202E}evil' is not allowed; use 1..64 characters, no control or bidirectional-override characters, without leading or trailing spaces"
        )
    }

    // MARK: - Soak

    /// The suite runs a small soak; `HEADWAY_SOAK=full` runs the one docs/STORE.md reports, with
    /// the binary `HEADWAY_SOAK_BINARY` names when set (a release build: a debug `log` on a
    /// 20,000-log profile takes seconds).
    static let soak: (writers: Int, operations: Int, logs: Int) =
        ProcessInfo.processInfo.environment["HEADWAY_SOAK"] == "full" ? (8, 50, 20_000) : (4, 5, 2_000)
    static let soakBinary = ProcessInfo.processInfo.environment["HEADWAY_SOAK_BINARY"].map { URL(fileURLWithPath: $0) }

    @Test("concurrent writers on a large profile: none fails, none is lost, integrity ok")
    func soakWriters() throws {
        let (writers, operations, logs) = Self.soak
        let scratch = try Scratch()
        let archive = scratch.folder.appendingPathComponent("big.json")
        try Self.bigProfile(logs: logs).write(to: archive)
        let imported = try Run(["profile", "import", archive.path], environment: scratch.environment)
        try #require(imported.status == 0, "\(imported)")
        let start = Date()
        let environment = scratch.environment
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: writers) { w in
            for i in 0..<operations {
                let day = Self.day(offset: 400 + w * operations + i)
                do {
                    // 400 x 0.04 h stays under the unit's 20 h: it never completes, so every write is allowed.
                    let run = try Run(
                        ["log", "vllm:3", "0.04", "partial", "--date", day, "--profile", "soak"], environment: environment,
                        binary: Self.soakBinary)
                    if run.status != 0 { failures.add(run.stderr) }
                } catch { failures.add("\(error)") }
            }
        }
        let seconds = Date().timeIntervalSince(start)
        let failed = failures.all
        #expect(failed.count == 0, "\(failed.count) failed, the first: \(failed.prefix(2))")
        let count = try Tools.run(URL(fileURLWithPath: "/usr/bin/sqlite3"), [scratch.db.path, "SELECT count(*) FROM logs"])
        #expect(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "\(logs + writers * operations)", "none lost")
        let integrity = try Tools.run(URL(fileURLWithPath: "/usr/bin/sqlite3"), [scratch.db.path, "PRAGMA integrity_check"])
        #expect(integrity.stdout == "ok\n")
        print("soak: \(writers) writers x \(operations) log operations on \(logs) logs: \(failed.count) failed in \(String(format: "%.1f", seconds)) s")
    }

    /// Issue 21: with 16 writers one operation in 400 failed as busy. Every operation opens the
    /// file (the first ones create the WAL), checks it and writes: 400 in all, none may fail.
    @Test("16 concurrent writers x 25 operations from a fresh file: none fails, none is lost")
    func sixteenWriters() throws {
        let scratch = try Scratch()
        let environment = scratch.environment
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 16) { w in
            for i in 0..<25 {
                do {
                    let run = try Run(
                        ["log", "vllm:3", "0.01", "partial", "--note", "writer \(w) op \(i)"], environment: environment)
                    if run.status != 0 { failures.add(run.stderr) }
                } catch { failures.add("\(error)") }
            }
        }
        let failed = failures.all
        #expect(failed.count == 0, "\(failed.count) of 400 failed, the first: \(failed.prefix(2))")
        let count = try Tools.run(URL(fileURLWithPath: "/usr/bin/sqlite3"), [scratch.db.path, "SELECT count(*) FROM logs"])
        #expect(count.stdout == "400\n", "none lost")
    }

    /// `YYYY-MM-DD`, `offset` days after 2024-01-01.
    static func day(offset: Int) -> String {
        var t = tm()
        t.tm_year = 124; t.tm_mon = 0; t.tm_mday = Int32(1 + offset); t.tm_hour = 12
        var time = timegm(&t)
        var out = tm()
        gmtime_r(&time, &out)
        return String(format: "%04d-%02d-%02d", out.tm_year + 1900, out.tm_mon + 1, out.tm_mday)
    }

    /// A profile export named `soak` whose history starts 2024-01-01, with `logs` log rows,
    /// 16 a day of one hour each.
    static func bigProfile(logs: Int) throws -> Data {
        var document = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: Binary.repository.appendingPathComponent("Fixtures/fuzz/profile-import/ana-export.json"))) as? [String: Any])
        document["name"] = "soak"
        document["created_at"] = "2024-01-01T00:00:00.000Z"
        document["plans"] = []
        var assessments = try #require(document["assessments"] as? [[String: Any]])
        assessments[0]["created_at"] = "2024-01-01T00:00:00.000Z"
        assessments[0]["start"] = "2024-01-01"
        document["assessments"] = assessments
        var snapshots = try #require(document["snapshots"] as? [[String: Any]])
        snapshots[0]["as_of"] = "2024-01-01"
        snapshots[0]["created_at"] = "2024-01-01T00:00:00.000Z"
        document["snapshots"] = snapshots
        let skills = ["linux", "python", "docker", "vllm", "nccl"]
        document["logs"] = (0..<logs).map { i -> [String: Any] in
            let day = day(offset: i / 16)
            return [
                "id": i + 1, "created_at": day + "T12:00:00.000Z", "date": day, "skill": skills[i % skills.count],
                "level": 1 + i % 2, "activity": NSNull(), "hours": 1, "status": "partial", "note": NSNull()
            ]
        }
        return try JSONSerialization.data(withJSONObject: document)
    }
}

/// Error lines gathered from concurrent writers.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []  // guarded by `lock`
    func add(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
