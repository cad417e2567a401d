import Foundation
import Testing

/// Every file of `Fixtures/bad/` through the real binary: one clear error line (the
/// `.expected` beside it), a non-zero exit, nothing on standard output, and the database
/// (made with a profile first) byte-for-byte unchanged.
@Suite("The bad-input corpus fails cleanly through the real binary")
struct BadCorpusTests {
    static let bad = Binary.repository.appendingPathComponent("Fixtures/bad")

    /// The inputs of one kind (`assessments`, `curricula`, `import`, `repl`), sorted.
    static func inputs(_ kind: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: bad.appendingPathComponent(kind).path)) ?? []
        return names.filter { !$0.hasSuffix(".expected") }.sorted()
    }

    static func expected(_ kind: String, _ name: String) throws -> String {
        let url = bad.appendingPathComponent(kind).appendingPathComponent((name as NSString).deletingPathExtension + ".expected")
        return try String(contentsOf: url, encoding: .utf8).trimmingCharacters(in: .newlines)
    }

    /// A scratch folder with a database holding profile `ana`, and the database's bytes.
    final class Scratch {
        let folder: URL
        let db: URL
        let environment: [String: String]
        let bytes: Data
        let files: [String]

        init() throws {
            folder = try Binary.temporaryFolder()
            db = folder.appendingPathComponent("headway.sqlite")
            environment = Binary.environment(in: folder)
            let made = try Run(["profile", "new", "ana", "--from", "Fixtures/assessments/reference-mid.yaml"], environment: environment)
            guard made.status == 0 else { throw Failure("cannot make the scratch profile: \(made.stderr)") }
            bytes = try Data(contentsOf: db)
            files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        /// Runs `headway` and checks the common promises; returns the error line.
        func refuse(
            _ arguments: [String], input: Data = Data(), expected: String,
            sourceLocation: SourceLocation = #_sourceLocation
        ) throws {
            let run = try Run(arguments, input: input, environment: environment)
            let wanted = expected.replacingOccurrences(of: "$DB", with: db.path)
            #expect(run.status != 0 && run.status < 128, "exit \(run.status) (a signal is > 128)", sourceLocation: sourceLocation)
            #expect(run.stderr == "error: \(wanted)\n", sourceLocation: sourceLocation)
            #expect(run.stdout.isEmpty, "nothing on standard output: \(run.stdout.prefix(200))", sourceLocation: sourceLocation)
            try unchanged(sourceLocation: sourceLocation)
        }

        func unchanged(sourceLocation: SourceLocation = #_sourceLocation) throws {
            #expect(try Data(contentsOf: db) == bytes, "database bytes unchanged", sourceLocation: sourceLocation)
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == files,
                "no file left beside the database", sourceLocation: sourceLocation)
        }
    }

    // MARK: - assessments

    @Test("each bad assessment is refused by `profile new --from` with its line", arguments: inputs("assessments"))
    func assessment(name: String) throws {
        let scratch = try Scratch()
        // `profile new` names the file by its full path; the `.expected` by the repository's.
        let expected = try Self.expected("assessments", name)
        #expect(expected.hasPrefix("Fixtures/bad/assessments/\(name)"))
        try scratch.refuse(
            ["profile", "new", "bo", "--from", "Fixtures/bad/assessments/\(name)"],
            expected: Binary.repository.path + "/" + expected)
    }

    @Test("a 10 MB assessment is refused before it is parsed")
    func tenMegabytes() throws {
        let scratch = try Scratch()
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("huge.yaml")
        var text = "role: ai-infrastructure-engineer\nskills:\n"
        while text.utf8.count < 10 << 20 { text += "  vllm-\(text.utf8.count): 2\n" }
        try Data(text.utf8).write(to: file)
        let size = try Data(contentsOf: file).count
        try scratch.refuse(
            ["profile", "new", "bo", "--from", file.path],
            expected: "\(file.path): is \(size) bytes; files over 4194304 bytes are refused")
    }

    // MARK: - curricula

    /// Where a curricula attack goes in the scratch copy, from its name's prefix.
    static let slots = ["skills": "skills.yaml", "role": "roles/ai-infrastructure-engineer.yaml", "signals": "signals.yaml"]

    @Test("each bad curricula file, put into a copy of Curricula/, stops `plan` with its line", arguments: inputs("curricula"))
    func curricula(name: String) throws {
        let scratch = try Scratch()
        let copy = scratch.folder.appendingPathComponent("Curricula")
        try FileManager.default.copyItem(at: Binary.repository.appendingPathComponent("Curricula"), to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        let slot = try #require(Self.slots[String(name.prefix { $0 != "-" })], "\(name) names no slot (skills--, role--, signals--)")
        let target = copy.appendingPathComponent(slot)
        let attack = try Data(contentsOf: Self.bad.appendingPathComponent("curricula/\(name)"))
        if name.hasSuffix(".edit") {
            // First line: text of the bundled file; the rest: what replaces it.
            let text = String(decoding: attack, as: UTF8.self)
            let split = try #require(text.firstIndex(of: "\n"))
            let old = String(text[..<split]), new = String(text[text.index(after: split)...].dropLast())
            let original = try String(contentsOf: target, encoding: .utf8)
            let range = try #require(original.range(of: old), "'\(old)' is not in \(slot)")
            try original.replacingCharacters(in: range, with: new).write(to: target, atomically: true, encoding: .utf8)
        } else {
            try attack.write(to: target)
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: scratch.folder.path).sorted()
        let run = try Run(["plan", "--curricula", copy.path], environment: scratch.environment)
        let wanted = try Self.expected("curricula", name).replacingOccurrences(of: "$DIR", with: copy.path)
        #expect(run.status == 78)
        #expect(run.stderr == "error: \(wanted)\n")
        #expect(run.stdout.isEmpty)
        #expect(try Data(contentsOf: scratch.db) == scratch.bytes, "database bytes unchanged")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.folder.path).sorted() == files)
    }

    // MARK: - profile import

    @Test("each bad export document is refused by `profile import` with its line", arguments: inputs("import"))
    func profileImport(name: String) throws {
        let scratch = try Scratch()
        try scratch.refuse(["profile", "import", "Fixtures/bad/import/\(name)"], expected: try Self.expected("import", name))
    }

    @Test("SQL in a note, an activity and a name is stored as text: the tables survive and it exports verbatim")
    func sqlIsData() throws {
        let scratch = try Scratch()
        let sql = "'); DROP TABLE logs; --"
        var document = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: Binary.repository.appendingPathComponent("Fixtures/fuzz/profile-import/ana-export.json"))) as? [String: Any])
        document["name"] = "bo\(sql)"
        document["logs"] = [
            [
                "id": 1, "created_at": "2026-11-23T18:00:00.000Z", "date": "2026-11-23", "skill": "vllm", "level": 3,
                "activity": "x\(sql)", "hours": 2, "status": "done", "note": "SELECT * FROM profiles; \(sql)"
            ]
        ]
        let file = scratch.folder.appendingPathComponent("in.json")
        try JSONSerialization.data(withJSONObject: document).write(to: file)
        let imported = try Run(["profile", "import", file.path], environment: scratch.environment)
        #expect(imported.status == 0, "\(imported.stderr)")
        let out = scratch.folder.appendingPathComponent("out.json")
        let exported = try Run(["profile", "export", out.path, "--profile", "bo\(sql)"], environment: scratch.environment)
        #expect(exported.status == 0, "\(exported.stderr)")
        let back = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any])
        let log = try #require((back["logs"] as? [[String: Any]])?.first)
        #expect(back["name"] as? String == "bo\(sql)")
        #expect(log["note"] as? String == "SELECT * FROM profiles; \(sql)")
        #expect(log["activity"] as? String == "x\(sql)")
        let list = try Run(["profile", "list"], environment: scratch.environment)
        #expect(list.stdout == "* ana\n  bo\(sql)\n", "both profiles are still there")
    }

    // MARK: - shell lines

    @Test("each bad shell line gets its one error line (none for a blank line) and the database stays", arguments: inputs("repl"))
    func shellLine(name: String) throws {
        let scratch = try Scratch()
        var line = try Data(contentsOf: Self.bad.appendingPathComponent("repl/\(name)"))
        line.append(0x0A)
        let expected = try Self.expected("repl", name)
        if expected.isEmpty {
            // A blank line is no command: the shell skips it, as a POSIX shell does.
            let run = try Run([], input: line, environment: scratch.environment)
            #expect(run.status == 0 && run.stderr.isEmpty && run.stdout.isEmpty, "\(run)")
            try scratch.unchanged()
        } else {
            try scratch.refuse([], input: line, expected: expected)
        }
    }

    /// Issue 25.14: piped into the shell, `log` with no arguments took the next lines as its
    /// answers. A script's lines are commands: the prompt is refused and the next line runs.
    @Test("in a script, `log` without arguments fails in one line and the next line runs as a command")
    func scriptNeverPrompts() throws {
        let scratch = try Scratch()
        let run = try Run([], input: Data("log\nprofile list\n".utf8), environment: scratch.environment)
        #expect(run.stderr == "error: log needs SKILL[:LEVEL] HOURS when standard input is not a terminal, e.g. `log nccl:3 2 partial`\n")
        #expect(run.stdout == "* ana\n", "\(run)")
        try scratch.unchanged()
    }

    @Test("a 1 MB shell line is refused by length, in one line")
    func megabyteLine() throws {
        let scratch = try Scratch()
        var line = Data("score --profile ".utf8) + Data(repeating: UInt8(ascii: "x"), count: 1 << 20)
        let size = line.count
        line.append(0x0A)
        try scratch.refuse([], input: line, expected: "the line is \(size) bytes long; the limit is 65536")
    }

    @Test("the corpus covers every kind of attack the issue names")
    func coverage() {
        #expect(Self.inputs("assessments").count >= 35)
        #expect(Self.inputs("curricula").count >= 20)
        #expect(Self.inputs("import").count >= 20)
        #expect(Self.inputs("repl").count >= 20)
    }
}

/// One run of the built `headway` with separate standard output and error.
struct Run: CustomStringConvertible {
    let status: Int32
    let stdout: String
    let stderr: String

    init(
        _ arguments: [String], input: Data = Data(), environment: [String: String], in directory: URL? = nil,
        binary: URL? = nil
    ) throws {
        guard let url = binary ?? Binary.url else { throw Binary.Missing() }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("headway-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (inFile, outFile, errFile) = (
            scratch.appendingPathComponent("in"), scratch.appendingPathComponent("out"),
            scratch.appendingPathComponent("err")
        )
        try input.write(to: inFile)
        _ = FileManager.default.createFile(atPath: outFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = directory ?? Binary.repository
        process.standardInput = try FileHandle(forReadingFrom: inFile)
        process.standardOutput = try FileHandle(forWritingTo: outFile)
        process.standardError = try FileHandle(forWritingTo: errFile)
        try process.run()
        process.waitUntilExit()
        status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        stdout = String(decoding: try Data(contentsOf: outFile), as: UTF8.self)
        stderr = String(decoding: try Data(contentsOf: errFile), as: UTF8.self)
    }

    var description: String { "exit \(status), stdout \(stdout.prefix(200).debugDescription), stderr \(stderr.prefix(300).debugDescription)" }
}

struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
