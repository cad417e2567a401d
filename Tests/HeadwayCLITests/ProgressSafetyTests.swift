import Foundation
import HeadwayCore
import HeadwayCurricula
import HeadwayStore
import Testing

/// `log`, `level` and `undo` under bad input, a kill, and two writers at once.
@Suite("Logging is safe")
struct ProgressSafetyTests {
    static let fixture = repoRoot.appendingPathComponent("Fixtures/assessments/reference-mid.yaml").path

    /// A profile made on 2026-11-23 with its plan, Triton → 2 done on 11-24 and 19 of the 20 h of NCCL → 3 on 11-25
    /// (all 20 would complete it).
    static func prepared() throws -> URL {
        let db = scratchDatabase()
        for args in [
            ["profile", "new", "ana", "--from", fixture], ["plan"],
            ["log", "triton", "10", "--as-of", "2026-11-24"],
            ["log", "nccl:3", "19", "partial", "--date", "2026-11-25", "--as-of", "2026-11-25"]
        ] {
            let out = try headway(args, db: db)
            #expect(out.status == 0, "\(args): \(out.stderr)")
        }
        return db
    }

    static func bytes(_ db: URL) throws -> [Data] {
        let wal = URL(fileURLWithPath: db.path + "-wal")
        return [try Data(contentsOf: db), (try? Data(contentsOf: wal)) ?? Data()]
    }

    /// Typed wrong (a value out of range, an unknown skill, a missing argument) exits 64; what the
    /// record refuses (a unit already done, a day over 24 h, a day before the profile) exits 65
    /// (`MODEL.md` §7).
    @Test(
        "bad input to log and level is one clear line, a non-zero exit, and the same database bytes",
        arguments: [
            (["log", "nope", "2"], 64, "unknown skill 'nope'"),
            (["log", "nccl:5", "2"], 64, "skill[:level] 'nccl:5' is not a unit; allowed: SKILL or SKILL:LEVEL with LEVEL 1..4"),
            (["log", "nccl", "0"], 64, "hours '0' is not allowed; allowed: more than 0 and at most 24"),
            (["log", "nccl", "30"], 64, "hours '30' is not allowed; allowed: more than 0 and at most 24"),
            (["log", "nccl", "2", "--date", "2026-12-01"], 64, "--date 2026-12-01 is in the future (today is 2026-11-25)"),
            (["log", "nccl", "2", "--date", "2026-11-20"], 65, "--date 2026-11-20 is before profile ana existed; allowed: 2026-11-23 to 2026-11-25"),
            (["log", "nccl", "2", "--date", "2026-11-31"], 64, "--date '2026-11-31' is not a date; allowed: YYYY-MM-DD"),
            (["log", "triton:2", "1"], 65, "triton:2 is already done (Triton Inference Server is at level 2)"),
            (["log", "nccl", "6"], 65, "hours 6 would make 25 h logged on 2026-11-25; allowed: at most 24 h a day"),
            (["log", "nccl:4", "1"], 65, "nccl:4 is not your next unit of NCCL: you are at level 2, so the next is nccl:3"),
            (["log", "nccl", "2", "maybe"], 64, "status 'maybe' is not allowed; allowed: done, partial, skipped"),
            (["log", "nccl"], 64, "log nccl needs the hours spent"),
            (["log", "infiniband-rce", "2"], 64, "unknown skill 'infiniband-rce'; did you mean 'infiniband-roce'?"),
            (["log", "ncl:3", "2"], 64, "unknown skill 'ncl'; did you mean 'nccl'?"),
            (["log", "edit", "1", "--status", "finished"], 64, "--status 'finished' is not allowed; allowed: done, partial, skipped"),
            (["log", "edit", "1", "--hours", "25"], 64, "--hours '25' is not allowed; allowed: more than 0 and at most 24"),
            (["level", "nope", "3"], 64, "unknown skill 'nope'"),
            (["level", "nccl", "5"], 64, "level '5' is not allowed; allowed: 0-4"),
            (["level", "nccl", "two"], 64, "level 'two' is not allowed; allowed: 0-4"),
            (["graph", "vlm"], 64, "unknown skill 'vlm'; did you mean 'vllm'?"),
            (["plan", "--exclude", "infiniband-rce"], 64, "--exclude names unknown skill 'infiniband-rce'; did you mean 'infiniband-roce'?"),
            (["plan", "--start", "soon"], 64, "--start 'soon' is not a date; allowed: YYYY-MM-DD")
        ])
    func badInput(args: [String], code: Int32, message: String) throws {
        let db = try Self.prepared()
        defer { try? FileManager.default.removeItem(at: db.deletingLastPathComponent()) }
        let before = try Self.bytes(db)
        let out = try headway(args + ["--as-of", "2026-11-25"], db: db)
        #expect(out.status == code)
        #expect(out.stdout.isEmpty, "\(out.stdout)")
        let lines = out.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(out.stderr)")
        #expect(out.stderr.hasPrefix("error: ") && out.stderr.contains(message), "\(out.stderr)")
        #expect(try Self.bytes(db) == before, "the database is unchanged")
    }

    @Test("undo reverts the last change with its snapshot, newest first, then says there is nothing left")
    func undo() throws {
        let db = try Self.prepared()
        defer { try? FileManager.default.removeItem(at: db.deletingLastPathComponent()) }
        func reasons() throws -> [String] {
            let doc = try json(try headway(["history", "--json", "--as-of", "2026-11-25"], db: db).stdout)
            return (doc["snapshots"] as? [[String: Any]] ?? []).compactMap { $0["reason"] as? String }
        }
        func score() throws -> Double? { try json(try headway(["score", "--json", "--as-of", "2026-11-25"], db: db).stdout)["score"] as? Double }
        let start = try score()
        let level = try headway(["level", "cuda", "3", "--as-of", "2026-11-25"], db: db)
        #expect(level.status == 0)
        #expect(try reasons() == ["assessment", "completed triton:2", "re-assessment cuda:3"])
        #expect(try score() != start)

        let first = try headway(["undo", "--as-of", "2026-11-25"], db: db)
        #expect(first.stdout.hasPrefix("Undid the re-assessment of 2026-11-25 and its snapshot ("), "\(first.stdout)")
        #expect(try reasons() == ["assessment", "completed triton:2"])
        #expect(try score() == start)

        let second = try headway(["undo", "--as-of", "2026-11-25"], db: db)
        #expect(second.stdout.hasPrefix("Undid log #2: 19 h on NCCL → 3 (partial) for 2026-11-25."), "\(second.stdout)")
        let third = try headway(["undo", "--as-of", "2026-11-25"], db: db)
        #expect(
            third.stdout.hasPrefix("Undid log #1: 10 h on Triton Inference Server → 2 (done) for 2026-11-24 and its snapshot (49.3, completed triton:2)."),
            "\(third.stdout)")
        #expect(try reasons() == ["assessment"])
        // Then the plans, newest first; the first assessment stays.
        while try headway(["undo", "--list"], db: db).stdout.contains(". plan ") {
            #expect(try headway(["undo"], db: db).stdout.hasPrefix("Undid the plan "))
        }
        let none = try headway(["undo"], db: db)
        #expect(none.status == 1)
        #expect(none.stderr == "error: nothing to undo: profile ana has no change or plan left (the first assessment stays)\n")
    }

    /// A `headway` shell reading `script` with the day fixed to `today`.
    static func shell(_ db: URL, today: String) throws -> (Process, Pipe, Pipe) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("headway")
        p.currentDirectoryURL = repoRoot
        p.environment = [
            "PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "NO_COLOR": "1", "HEADWAY_TODAY": today,
            "HEADWAY_DB": db.path, "HEADWAY_CURRICULA": repoRoot.appendingPathComponent("Curricula").path
        ]
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = FileHandle.nullDevice
        try p.run()
        return (p, input, output)
    }

    static func loggedIDs(_ text: String) -> [Int64] {
        text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("Logged #") else { return nil }
            return Int64(line.dropFirst(8).prefix { $0.isNumber })
        }
    }

    @Test("a shell logging in a loop killed with SIGKILL keeps every entry it reported, and the score history stays consistent")
    func crash() throws {
        let curriculum = try CurriculumLoader.load(from: repoRoot.appendingPathComponent("Curricula"))
        let assessment = try AssessmentLoader.load(URL(fileURLWithPath: Self.fixture), curriculum: curriculum)
        let person = PersonalModel(curriculum: curriculum, assessment: assessment)!
        let db = scratchDatabase()
        defer { try? FileManager.default.removeItem(at: db.deletingLastPathComponent()) }
        #expect(try headway(["profile", "new", "ana", "--from", Self.fixture], db: db).status == 0)

        // Every unit of every skill in order: ten short partial entries, then done; spread over
        // days, and long enough that the kill always lands mid-script.
        var script = ""
        var n = 0
        for s in curriculum.graph.skills {
            for l in stride(from: person.level(of: s.id) + 1, through: 4, by: 1) {
                let date = Day("2026-11-23")!.adding(days: n / 40)
                script += String(repeating: "log \(s.id):\(l) 0.01 partial --date \(date)\n", count: 10)
                script += "log \(s.id):\(l) 0.5 done --date \(date)\n"
                n += 1
            }
        }
        let (p, input, output) = try Self.shell(db, today: "2027-06-30")
        let bytes = Data(script.utf8)
        // The script outlasts the shell it is killed in: writing on must fail (EPIPE), not kill the tests.
        signal(SIGPIPE, SIG_IGN)
        let writer = Thread {
            try? input.fileHandleForWriting.write(contentsOf: bytes); try? input.fileHandleForWriting.close()
        }
        writer.start()
        var received = Data()
        while Self.loggedIDs(String(decoding: received, as: UTF8.self)).count < 60 {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            received.append(chunk)
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        #expect(p.terminationReason == .uncaughtSignal, "killed before it finished its \(n) lines")
        // Only whole lines were reported.
        let text = String(decoding: received, as: UTF8.self)
        let reported = Self.loggedIDs(String(text[..<(text.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex)]))
        #expect(reported.count >= 60)

        let store = try Store.open(at: db.path)
        let ana = try store.profile(named: "ana")
        let logs = try store.logs(for: ana)
        #expect(Set(reported).isSubset(of: Set(logs.map(\.id))))
        #expect(try store.checkup(curriculaVersion: nil).integrity == ["ok"])
        // Every completion has exactly its snapshot, in order, and the last one holds the model's score.
        let snapshots = try store.snapshots(for: ana).map(\.snapshot)
        let completed = snapshots.filter { $0.reason.code == "completed" }
        let done = logs.filter { $0.entry.status == .done }
        #expect(!done.isEmpty)
        #expect(completed.map { String($0.reason.description.split(separator: " ")[1]) } == done.map { $0.entry.unit.description })
        #expect(zip(completed, completed.dropFirst()).allSatisfy { $0.score <= $1.score }, "levels only rise, so the score never falls")
        var levels = person.levels
        for l in done { levels[l.entry.skill] = l.entry.level }
        if let last = completed.last {
            #expect(last.score == person.score(at: Day("2027-06-30")!, levels: levels).result.rounded)
        }
        // The file is usable afterwards.
        let after = try headway(["undo", "--as-of", "2027-06-30"], db: db)
        #expect(after.status == 0, "\(after.stderr)")
    }

    @Test("two shells logging to the same profile at once lose nothing")
    func twoShells() throws {
        let db = scratchDatabase()
        defer { try? FileManager.default.removeItem(at: db.deletingLastPathComponent()) }
        #expect(try headway(["profile", "new", "ana", "--from", Self.fixture], db: db).status == 0)
        let lines = 60
        let shells = try (0..<2).map { i -> (Process, Pipe, Pipe) in
            let shell = try Self.shell(db, today: "2026-11-30")
            let skill = i == 0 ? "nccl" : "cuda"
            let script = (0..<lines).map { j in "log \(skill) 0.1 partial --note \"shell \(i) line \(j)\"\n" }.joined()
            let input = shell.1
            Thread {
                input.fileHandleForWriting.write(Data(script.utf8)); try? input.fileHandleForWriting.close()
            }.start()
            return shell
        }
        var ids: [[Int64]] = []
        for (p, _, output) in shells {
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            #expect(p.terminationStatus == 0)
            ids.append(Self.loggedIDs(text))
        }
        #expect(ids.map(\.count) == [lines, lines])
        let store = try Store.open(at: db.path)
        let logs = try store.logs(for: try store.profile(named: "ana"))
        #expect(logs.count == 2 * lines)
        #expect(Set(logs.map(\.id)) == Set(ids.flatMap { $0 }))
        for i in 0..<2 {
            let notes = Set(logs.compactMap(\.entry.note).filter { $0.hasPrefix("shell \(i) ") })
            #expect(notes.count == lines, "every line of shell \(i) is there once")
        }
    }
}
