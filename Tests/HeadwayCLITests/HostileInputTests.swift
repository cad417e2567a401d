import Foundation
import Testing

@testable import HeadwayCLI

/// Issue 21, second round: what a careless or hostile file, path or archive can do, through the
/// real binary. Each test failed before its fix.
@Suite("Nothing a file, a path or an archive can do breaks a profile or another program's data")
struct HostileInputTests {
    typealias Scratch = BadCorpusTests.Scratch

    static func mode(_ path: String) -> Int { SafetyTests.mode(path) }

    // MARK: - Stored data that imports but does not hold what a view needs

    /// One `Fixtures/bad/imported/NAME.expected`: `today:`, `run:`, `exit:` and `error:` lines.
    struct ImportedCase {
        let today: String
        let run: [String]
        let exit: Int32
        let error: String

        init(_ name: String) throws {
            let text = try BadCorpusTests.expected("imported", name)
            var fields: [String: String] = [:]
            for line in text.split(separator: "\n") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                fields[String(line[..<colon])] = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            }
            today = fields["today"] ?? "2026-11-23"
            run = (fields["run"] ?? "").split(separator: " ").map(String.init)
            exit = Int32(fields["exit"] ?? "") ?? 1
            error = fields["error"] ?? ""
        }
    }

    @Test(
        "each archive of Fixtures/bad/imported imports, then its command fails with its line and exit, in one run and in the shell",
        arguments: BadCorpusTests.inputs("imported"))
    func importedThenRefused(name: String) throws {
        let scratch = try Scratch()
        let expected = try ImportedCase(name)
        let imported = try Run(["profile", "import", "Fixtures/bad/imported/\(name)"], environment: scratch.environment)
        #expect(imported.status == 0, "\(imported)")
        var environment = scratch.environment
        environment["HEADWAY_TODAY"] = expected.today
        let run = try Run(expected.run, environment: environment)
        #expect(run.status == expected.exit, "\(run)")
        #expect(run.stderr == "error: \(expected.error)\n")
        let shell = try Run([], input: Data((expected.run.joined(separator: " ") + "\n").utf8), environment: environment)
        #expect(shell.status != 0 && shell.status < 128, "the shell survives: \(shell)")
        #expect(shell.stderr == "error: \(expected.error)\n")
    }

    // MARK: - Paths that are not places for a file

    /// Every regular file, folder, link and other node under `folder` with what it holds (the
    /// cache is left out: reading commands may fill it).
    static func contents(of folder: URL) -> [String: String] {
        var out: [String: String] = [:]
        guard let names = FileManager.default.subpaths(atPath: folder.path) else { return out }
        for name in names where !name.hasPrefix(".cache/headway/") {
            let path = folder.appendingPathComponent(name).path
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFREG: out[name] = "file \((try? Data(contentsOf: URL(fileURLWithPath: path)))?.hashValue ?? 0) mode \(info.st_mode & 0o7777)"
            case S_IFLNK: out[name] = "link " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?")
            case S_IFIFO: out[name] = "fifo"
            case S_IFDIR: out[name] = "folder"
            default: out[name] = "other"
            }
        }
        return out
    }

    /// One `Fixtures/bad/paths/NAME.case`: `setup:` (a shell line run in the scratch folder
    /// `$DIR`), `env:` (`KEY=VALUE`), `run:`, `exit:` and `error:`; `#` lines are comments.
    static func pathCase(_ name: String, dir: String) throws -> [String: String] {
        let text = try String(contentsOf: BadCorpusTests.bad.appendingPathComponent("paths/\(name)"), encoding: .utf8)
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            fields[String(line[..<colon])] = key(String(line[..<colon])) ? value : value.replacingOccurrences(of: "$DIR", with: dir)
        }
        return fields
    }

    private static func key(_ name: String) -> Bool { name == "setup" }

    @Test(
        "each path of Fixtures/bad/paths (FIFO, device, folder, a folder Headway owns) is refused at once with its line and exit, and nothing changes",
        arguments: BadCorpusTests.inputs("paths"))
    func badPath(name: String) throws {
        let scratch = try SafetyTests.planned()
        let dir = scratch.folder.path
        let fields = try Self.pathCase(name, dir: dir)
        let setup = try Tools.run(
            URL(fileURLWithPath: "/bin/sh"), ["-c", fields["setup"] ?? "true"],
            environment: ["DIR": dir, "REPO": Binary.repository.path, "PATH": "/usr/bin:/bin"])
        try #require(setup.status == 0, "setup: \(setup.stderr)")
        var environment = scratch.environment
        if let env = fields["env"], let eq = env.firstIndex(of: "=") {
            environment[String(env[..<eq])] = String(env[env.index(after: eq)...])
        }
        let before = Self.contents(of: scratch.folder)
        let binary = try #require(Binary.url)
        let started = Date()
        // timeout(1) kills a hung run (a blocked open(2) of a FIFO ignores SIGTERM's handler).
        let run = try Tools.run(
            URL(fileURLWithPath: "/usr/bin/timeout"), ["-s", "KILL", "20", binary.path] + (fields["run"] ?? "").split(separator: " ").map(String.init),
            environment: environment, directory: scratch.folder, timeout: 60)
        #expect(Date().timeIntervalSince(started) < 15, "refused at once, not after a hang")
        #expect(run.status == Int32(fields["exit"] ?? "") ?? -1, "\(run.status): \(run.stderr)")
        #expect(run.stderr == "error: \(fields["error"] ?? "")\n")
        #expect(run.stdout.isEmpty, "\(run.stdout.prefix(200))")
        #expect(Self.contents(of: scratch.folder) == before, "nothing in the folder changed")
    }

    // MARK: - Another program's database

    @Test(
        "each database of Fixtures/bad/databases (another program's SQLite file) is refused in one line, byte for byte unchanged, nothing beside it",
        arguments: BadCorpusTests.inputs("databases"))
    func foreignDatabase(name: String) throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("theirs.sqlite")
        try FileManager.default.copyItem(at: BadCorpusTests.bad.appendingPathComponent("databases/\(name)"), to: db)
        let bytes = try Data(contentsOf: db)
        var environment = Binary.environment(in: folder)
        environment["HEADWAY_DB"] = db.path
        let expected = try BadCorpusTests.expected("databases", name).replacingOccurrences(of: "$DB", with: db.path)
        for command in [
            ["profile", "list"], ["doctor"], ["profile", "new", "ana", "--from", "Fixtures/assessments/reference-mid.yaml"],
            ["profile", "import", "Fixtures/fuzz/profile-import/ana-export.json"]
        ] {
            let run = try Run(command, environment: environment)
            #expect(run.status == 69, "\(command): \(run)")
            #expect(run.stderr == "error: \(expected)\n", "\(command)")
            #expect(try Data(contentsOf: db) == bytes, "\(command) left the file byte for byte")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("theirs") } == ["theirs.sqlite"], "no -wal or -shm")
        }
    }

    @Test("a database Headway makes carries its application id, and an empty file is still taken as a new database")
    func applicationID() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var environment = Binary.environment(in: folder)
        let db = folder.appendingPathComponent("empty.sqlite")
        _ = FileManager.default.createFile(atPath: db.path, contents: nil)
        environment["HEADWAY_DB"] = db.path
        #expect(try Run(["profile", "new", "ana", "--from", "Fixtures/assessments/reference-mid.yaml"], environment: environment).status == 0)
        let header = try Data(contentsOf: db).prefix(72)
        #expect(header.count == 72 && header.suffix(4).elementsEqual([0x48, 0x44, 0x57, 0x59]), "application id HDWY at offset 68")
    }

    // MARK: - Errors never quote a file that is not Headway's

    @Test(
        "a link to a secret given where Headway expects its own file gets an error that quotes none of it",
        arguments: ["password: hunter2-SECRET\nkey: 99\n", "hunter2-SECRET", "- hunter2-SECRET\n", "{\"hunter2-SECRET\": 1}\n"])
    func secretsStaySecret(secret: String) throws {
        let scratch = try Scratch()
        let secretFile = scratch.folder.appendingPathComponent("secret.txt")
        try Data(secret.utf8).write(to: secretFile)
        let link = scratch.folder.appendingPathComponent("link.yaml")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: secretFile)
        let curricula = scratch.folder.appendingPathComponent("curricula")
        try FileManager.default.copyItem(at: Binary.repository.appendingPathComponent("Curricula"), to: curricula)
        try FileManager.default.removeItem(at: curricula.appendingPathComponent("signals.yaml"))
        try FileManager.default.createSymbolicLink(at: curricula.appendingPathComponent("signals.yaml"), withDestinationURL: secretFile)
        for arguments in [
            ["score", "--assessment", link.path], ["plan", "--assessment", link.path], ["profile", "import", link.path],
            ["profile", "new", "x", "--from", link.path], ["curricula", "check", curricula.path], ["score", "--curricula", curricula.path]
        ] {
            let run = try Run(arguments, environment: scratch.environment)
            #expect(run.status != 0 && run.status < 128, "\(arguments): \(run)")
            #expect(!run.stderr.contains("hunter2") && !run.stdout.contains("hunter2"), "\(arguments) quoted the file: \(run.stderr)")
        }
    }

    // MARK: - An import is taken back whole

    /// An import is not a change of the imported profile's journal (that journal is the
    /// history it brings), so `undo` inside it reverts that history as it did before the
    /// export, and `profile delete` takes the import back whole: no row of it is left.
    @Test("an imported profile's undo reverts its own history; profile delete removes every row the import wrote")
    func importTakenBack() throws {
        let scratch = try SafetyTests.planned()
        #expect(try Run(["log", "vllm:3", "2"], environment: scratch.environment).status == 0)
        let archive = scratch.folder.appendingPathComponent("ana.json")
        #expect(try Run(["profile", "export", archive.path], environment: scratch.environment).status == 0)
        func rows() throws -> String {
            let sql = ["assessments", "plans", "logs", "snapshots", "briefings", "changes"]
                .map { "(SELECT count(*) FROM \($0))" }.joined(separator: " || ',' || ")
            return try Tools.run(URL(fileURLWithPath: "/usr/bin/sqlite3"), [scratch.db.path, "SELECT " + sql]).stdout
        }
        let own = try rows()
        #expect(try Run(["profile", "import", archive.path, "--as", "bob"], environment: scratch.environment).status == 0)
        #expect(try rows() != own)
        let undo = try Run(["undo", "--profile", "bob"], environment: scratch.environment)
        #expect(undo.status == 0 && undo.stdout.hasPrefix("Undid log #"), "\(undo)")
        let ana = try Run(["log", "list", "--profile", "ana"], environment: scratch.environment)
        #expect(ana.stdout.contains("vLLM"), "ana's history is not touched: \(ana)")
        let delete = try Run(["profile", "delete", "bob", "--yes"], environment: scratch.environment)
        #expect(delete.status == 0, "\(delete)")
        #expect(try rows() == own, "every row of the import is gone, and only those")
    }

    @Test("redo refuses a kept row it cannot read (a log without its entry, an unknown kind) in one line, 69, the database as it was")
    func redoRefusesAnUnreadableRow() throws {
        let scratch = try Scratch()
        #expect(try Run(["log", "vllm:3", "2"], environment: scratch.environment).status == 0)
        #expect(try Run(["undo"], environment: scratch.environment).status == 0)
        for payload in [#"{"kind":"log"}"#, #"{"kind":"warp"}"#] {
            try SafetyTests.sqlite(scratch.db, "UPDATE redo SET payload = '\(payload)'")
            let bytes = try Data(contentsOf: scratch.db)
            let redo = try Run(["redo"], environment: scratch.environment)
            #expect(redo.status == 69, "\(redo)")
            #expect(redo.stderr.hasPrefix("error: ") && redo.stderr.contains("(redo row 1 holds a change this version cannot read)"), "\(redo.stderr)")
            #expect(redo.stderr.split(separator: "\n").count == 1)
            #expect(try Data(contentsOf: scratch.db) == bytes, "nothing stored")
        }
    }

    // MARK: - undo writes only what a command could have written

    @Test("undo refuses a journal row no command writes (an unknown skill kept by a log edit, the first assessment) and leaves the database as it was")
    func undoWritesOnlyWhatACommandCould() throws {
        let scratch = try Scratch()
        #expect(try Run(["log", "vllm:3", "2"], environment: scratch.environment).status == 0)
        #expect(try Run(["log", "edit", "1", "--hours", "3"], environment: scratch.environment).status == 0)
        try SafetyTests.sqlite(
            scratch.db, "UPDATE changes SET previous = json_set(previous, '$.skill', 'quantum-yoga') WHERE kind = 'log-edit'")
        var bytes = try Data(contentsOf: scratch.db)
        var undo = try Run(["undo"], environment: scratch.environment)
        #expect(undo.status == 65, "\(undo)")
        #expect(
            undo.stderr
                == "error: cannot undo change #2: the entry it would bring back is not one a command writes (previous.skill: unknown skill 'quantum-yoga'; see `headway graph` for the skill ids); nothing was changed; `headway doctor` names the journal's problems\n"
        )
        #expect(try Data(contentsOf: scratch.db) == bytes)

        try SafetyTests.sqlite(
            scratch.db,
            "DELETE FROM changes; INSERT INTO changes (profile_id, kind, assessment_id, as_of) SELECT profile_id, 'reassessment', min(id), '2026-11-23' FROM assessments"
        )
        bytes = try Data(contentsOf: scratch.db)
        undo = try Run(["undo"], environment: scratch.environment)
        #expect(undo.status == 65, "\(undo)")
        #expect(undo.stderr.contains("it names the profile's first assessment, which stays"), "\(undo.stderr)")
        #expect(try Data(contentsOf: scratch.db) == bytes)
        #expect(try Run(["score"], environment: scratch.environment).status == 0, "the profile still works")
    }

    // MARK: - Text from outside is shown, never obeyed

    @Test(
        "each answer of Fixtures/bad/wizard (OSC 52, screen clears, titles) comes back in the wizard's error with its control characters made visible",
        arguments: BadCorpusTests.inputs("wizard"))
    func wizardEscapes(name: String) throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try Data(contentsOf: BadCorpusTests.bad.appendingPathComponent("wizard/\(name)"))
        let run = try Run(["assess"], input: input, environment: Binary.environment(in: folder))
        #expect(!run.stderr.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" }, "no escape byte reaches the terminal: \(run.stderr.debugDescription)")
        #expect(run.stderr.split(separator: "\n").first.map(String.init) == "error: " + (try BadCorpusTests.expected("wizard", name)))
    }

    @Test("an error quoting a path or a name from outside shows its control characters made visible")
    func errorsAreShownNotObeyed() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Run(["profile", "new", "bo", "--from", "\u{1B}]52;c;aGk=\u{07}.yaml"], environment: Binary.environment(in: folder))
        #expect(run.status != 0)
        #expect(!run.stderr.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" }, "\(run.stderr.debugDescription)")
        #expect(run.stderr.contains("\\u{1B}]52"), "\(run.stderr)")
    }
}

@Suite("Two profile names that look the same are one name")
struct ProfileNameTests {
    @Test("a name is stored NFC: e + combining acute and é are the same profile; zero-width characters are refused")
    func normalisedNames() throws {
        let scratch = try BadCorpusTests.Scratch()
        let from = ["--from", "Fixtures/assessments/reference-mid.yaml"]
        #expect(try Run(["profile", "new", "e\u{301}"] + from, environment: scratch.environment).status == 0)
        let again = try Run(["profile", "new", "\u{E9}"] + from, environment: scratch.environment)
        #expect(again.status != 0 && again.stderr.contains("already exists"), "\(again)")
        #expect(try Run(["profile", "use", "e\u{301}"], environment: scratch.environment).stdout == "Current profile: \u{E9}.\n")
        let hidden = try Run(["profile", "new", "an\u{200B}a"] + from, environment: scratch.environment)
        #expect(hidden.status != 0 && hidden.stderr.contains("an\\u{200B}a"), "\(hidden)")
        let list = try Run(["profile", "list"], environment: scratch.environment)
        #expect(list.stdout.unicodeScalars.map(\.value) == "  ana\n* \u{E9}\n".unicodeScalars.map(\.value), "\(list)")
    }
}

@Suite("The record is never written ahead of today")
struct FutureAsOfTests {
    @Test("log, level, brief and plan refuse an --as-of more than a day ahead (exit 64) and write nothing; a view may look ahead without writing snapshots")
    func futureAsOf() throws {
        let scratch = try SafetyTests.planned()
        // The real clock: HEADWAY_TODAY (a fixed clock for walks through the weeks) lifts the rule.
        var environment = scratch.environment
        environment["HEADWAY_TODAY"] = nil
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        func day(_ offset: Int) -> String {
            var t = parts
            t.tm_mday += Int32(offset)
            t.tm_hour = 12
            var seconds = timegm(&t)
            var out = tm()
            gmtime_r(&seconds, &out)
            return String(format: "%04d-%02d-%02d", Int(out.tm_year) + 1900, Int(out.tm_mon) + 1, Int(out.tm_mday))
        }
        let bytes = try Data(contentsOf: scratch.db)
        for command in [
            ["log", "vllm:3", "2", "--as-of", "9999-12-31"], ["level", "vllm", "3", "--as-of", "9999-12-31"], ["brief", "--as-of", "9999-12-31"],
            ["plan", "--as-of", "9999-12-31"]
        ] {
            let run = try Run(command, environment: environment)
            #expect(run.status == 64, "\(command): \(run)")
            #expect(
                run.stderr == "error: --as-of 9999-12-31 is more than a day past today (\(day(0))); a command that writes takes a day up to \(day(1))\n")
            #expect(try Data(contentsOf: scratch.db) == bytes, "\(command) wrote nothing")
        }
        #expect(try Run(["progress", "--as-of", "9999-06-01"], environment: environment).status == 0)
        let snapshots = try Tools.run(URL(fileURLWithPath: "/usr/bin/sqlite3"), [scratch.db.path, "SELECT count(*) FROM snapshots WHERE as_of > '\(day(1))'"])
        #expect(snapshots.stdout == "0\n", "no snapshot dated ahead")
    }
}

@Suite("A read-only database is opened read-only")
struct ReadOnlyDatabaseTests {
    @Test("a 0400 database is read without leaving -wal or -shm behind, doctor passes, and a write is refused in one line")
    func readOnlyFile() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        chmod(folder.path, 0o777)
        // Root may write any file: run as nobody then, where setpriv(1) allows it.
        let asUser: [String] = getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        if getuid() == 0 && !FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") { return }
        let binary = try #require(Binary.url)
        // A checkout inside a 0700 folder (mktemp -d) is out of nobody's reach: nothing to test there.
        if getuid() == 0 {
            let reach = try Tools.run(
                URL(fileURLWithPath: asUser[0]), Array(asUser.dropFirst()) + ["/usr/bin/test", "-x", binary.path, "-a", "-r", "Curricula"],
                environment: [:], directory: Binary.repository)
            if reach.status != 0 { return }
        }
        var environment = Binary.environment(in: folder)
        environment["HEADWAY_NO_CACHE"] = "1"
        func run(_ arguments: [String]) throws -> Tools.Result {
            let argv = asUser + [binary.path] + arguments
            return try Tools.run(URL(fileURLWithPath: argv[0]), Array(argv.dropFirst()), environment: environment, directory: Binary.repository)
        }
        let made = try run(["profile", "new", "ana", "--from", "Fixtures/assessments/reference-mid.yaml"])
        try #require(made.status == 0, "\(made.stderr)")
        let db = folder.appendingPathComponent("headway.sqlite")
        chmod(db.path, 0o400)
        let bytes = try Data(contentsOf: db)
        #expect(try run(["profile", "list"]).stdout == "* ana\n")
        let doctor = try run(["doctor"])
        #expect(doctor.status == 0, "\(doctor.stdout)\(doctor.stderr)")
        let log = try run(["log", "vllm:3", "1"])
        #expect(log.status != 0 && log.stderr.hasPrefix("error: cannot write to \(db.path): it is read-only"), "\(log.stderr)")
        #expect(try Data(contentsOf: db) == bytes)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("headway.sqlite") }
        #expect(left == ["headway.sqlite"], "no -wal or -shm left: \(left)")
    }
}

/// Files with personal data are private, new or replaced.
@Suite("Personal data is written 0600, its folders 0700")
struct PersonalDataModeTests {
    @Test("profile export onto an existing 0644 file leaves it 0600")
    func profileExportOverA0644File() throws {
        let scratch = try BadCorpusTests.Scratch()
        let file = scratch.folder.appendingPathComponent("ana.json")
        try Data("{}".utf8).write(to: file)
        chmod(file.path, 0o644)
        let run = try Run(["profile", "export", file.path], environment: scratch.environment)
        #expect(run.status == 0, "\(run)")
        #expect(SafetyTests.mode(file.path) == 0o600)
    }

    @Test("batch plan makes its output folder 0700 and every file in it 0600, whatever the umask")
    func batchModes() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("team"), output = folder.appendingPathComponent("plans")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Binary.repository.appendingPathComponent("Fixtures/assessments/reference-mid.yaml"), to: input.appendingPathComponent("ana.yaml"))
        let run = try Run(["batch", "plan", "--assessments", input.path, "--output", output.path], environment: Binary.environment(in: folder))
        #expect(run.status == 0, "\(run)")
        #expect(SafetyTests.mode(output.path) == 0o700)
        for name in try FileManager.default.contentsOfDirectory(atPath: output.path) {
            #expect(SafetyTests.mode(output.appendingPathComponent(name).path) == 0o600, "\(name)")
        }
    }
}

/// CSV and HTML exports carry text from outside (notes, activities, names) to other programs.
@Suite("Exports do not pass formulas or control characters on")
struct ExportInjectionTests {
    @Test("a CSV cell starting with = + - @ gets a ' in front; numbers stay numbers; control characters are dropped")
    func csvFormulaInjection() {
        #expect(CSV.field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(CSV.field("+1+2") == "'+1+2")
        #expect(CSV.field("-cmd|' /C calc'!A0") == "'-cmd|' /C calc'!A0")
        #expect(CSV.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSV.field("-1.5") == "-1.5")
        #expect(CSV.field("read\u{1B}]52;c;aGk=\u{07}docs\u{202E}") == "read]52;c;aGk=docs")
    }

    @Test("HTML shows control characters and bidi overrides instead of passing them on")
    func htmlControls() {
        #expect(html("a\u{1B}[2J<b>\u{202E}") == "a\\u{1B}[2J&lt;b&gt;\\u{202E}")
    }
}

@Suite("Errors speak the person's terms")
struct InternalMessageTests {
    @Test("an encoding error (an infinite number) is one line without Foundation's internals, exit 70")
    func encodingError() {
        let error = EncodingError.invalidValue(Double.infinity, .init(codingPath: [], debugDescription: "Unable to encode Double.infinity directly in JSON."))
        let exit = CommandExit(error, arguments: ["progress", "--json"], origin: .commandLine)
        #expect(exit.code == 70)
        #expect(!exit.text.contains("EncodingError") && !exit.text.contains("invalidValue") && !exit.text.contains("Double"), "\(exit.text)")
        #expect(!exit.text.contains("\n"))
    }
}
