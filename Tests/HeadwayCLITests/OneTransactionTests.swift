import Foundation
import GRDB
import Testing

/// Issue 22: every writing command is one transaction. For each command and each table it
/// writes, a trigger makes that write fail; the command must then fail and leave every row of
/// every table as it was. A command writing several tables thus fails after its first write,
/// and nothing of that first write may stay.
@Suite("Every writing command is one transaction")
struct OneTransactionTests {
    /// Commands that write, each run on a profile with a plan, two log entries and a third undone
    /// (and a second profile, `cy`, not current).
    static let commands: [[String]] = [
        ["log", "vllm:3", "1", "partial"],
        ["log", "edit", "1", "--hours", "1.5"],
        ["log", "rm", "2"],
        ["undo"],
        ["redo"],
        ["plan"],
        ["replan"],
        ["assess", "set", "hours", "8"],
        ["brief", "1", "--as-of", "2026-12-08"],
        ["progress", "--as-of", "2027-03-01"],
        ["profile", "new", "bo", "--from", "Fixtures/assessments/reference-junior.yaml"],
        ["profile", "rename", "ana", "eve"],
        ["profile", "delete", "ana", "--yes"],
        ["profile", "use", "cy"],
        ["profile", "import", exportFile.path, "--as", "dan"]
    ]

    /// Ana's whole history as `profile export` writes it, for `profile import`.
    static let exportFile = scratchDatabase().deletingLastPathComponent().appendingPathComponent("ana.json")

    /// The profile every command starts from, made once and copied.
    static let template: URL = {
        let db = scratchDatabase()
        try! FileManager.default.createDirectory(at: exportFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        for args in [
            ["profile", "new", "ana", "--from", "Fixtures/assessments/reference-mid.yaml", "--as-of", "2026-11-16"],
            ["plan", "--as-of", "2026-11-16"],
            ["log", "vllm:3", "2", "partial", "--as-of", "2026-11-17"],
            ["log", "vllm:3", "1", "partial", "--as-of", "2026-11-18"],
            // Something to redo (every other change empties it).
            ["log", "vllm:3", "1", "partial", "--as-of", "2026-11-18"],
            ["undo", "--as-of", "2026-11-18"],
            // A second profile to switch to; ana stays current.
            ["profile", "new", "cy"],
            ["profile", "use", "ana"],
            ["profile", "export", exportFile.path]
        ] {
            let run = try! headway(args, db: db)
            precondition(run.status == 0, "\(args): \(run.stderr)")
        }
        return db
    }()

    /// A fresh copy of the template (the commands close their connection, so the file is whole).
    static func copy() throws -> URL {
        let db = scratchDatabase()
        try FileManager.default.createDirectory(at: db.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: template, to: db)
        return db
    }

    /// Every row of every table of ours, in order: what "nothing changed" compares.
    static func contents(_ db: URL) throws -> [String: [String]] {
        let queue = try DatabaseQueue(path: db.path)
        defer { try? queue.close() }
        return try queue.read { db in
            var out: [String: [String]] = [:]
            for table in try tables(db) {
                out[table] = try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"").map(\.description).sorted()
            }
            return out
        }
    }

    static func tables(_ db: Database) throws -> [String] {
        try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations' ORDER BY name")
    }

    /// Makes every insert, update and delete on `table` fail.
    static func injectFailure(_ db: URL, on table: String) throws {
        let queue = try DatabaseQueue(path: db.path)
        defer { try? queue.close() }
        try queue.write { db in
            for event in ["INSERT", "UPDATE", "DELETE"] {
                try db.execute(
                    sql: "CREATE TRIGGER inject_\(event.lowercased()) AFTER \(event) ON \"\(table)\" BEGIN SELECT RAISE(ABORT, 'injected failure'); END")
            }
        }
    }

    @Test("a failure at any table a command writes leaves every table as it was", arguments: commands)
    func failureChangesNothing(command: [String]) throws {
        // The command works without the fault, and writes something.
        let plain = try Self.copy()
        let before = try Self.contents(plain)
        let ok = try headway(command, db: plain)
        try #require(ok.status == 0, "\(command) fails even without a fault: \(ok.stderr)")
        let after = try Self.contents(plain)
        let written = after.keys.filter { after[$0] != before[$0] }.sorted()
        try #require(!written.isEmpty, "\(command) wrote nothing")

        for table in written {
            let db = try Self.copy()
            try Self.injectFailure(db, on: table)
            let start = try Self.contents(db)
            let run = try headway(command, db: db)
            #expect(run.status != 0, "\(command) with \(table) failing still succeeded")
            #expect(run.stderr.hasPrefix("error: "), "\(command), \(table): \(run.stderr)")
            #expect(try Self.contents(db) == start, "\(command) with \(table) failing left rows behind")
        }
    }
}
