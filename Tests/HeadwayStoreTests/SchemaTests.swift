import Foundation
import GRDB
import HeadwayCore
import Testing

@_spi(Fixtures) @testable import HeadwayStore

@Suite("Schema and migrations")
struct SchemaTests {
    @Test("every migration applies, one by one, to an empty file")
    func migrationsFromEmptyFile() throws {
        let dir = try temporaryFolder(); defer { removeFolder(dir) }
        let queue = try DatabaseQueue(path: dir.appendingPathComponent("step.sqlite").path)
        for (i, id) in Schema.identifiers.enumerated() {
            try Schema.migrator.migrate(queue, upTo: id)
            let applied = try queue.read { try Schema.migrator.appliedMigrations($0) }
            #expect(applied == Array(Schema.identifiers.prefix(i + 1)))
        }
        let tables = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        }
        #expect(
            tables == [
                "assessment_levels", "assessments", "briefings", "changes", "grdb_migrations", "logs", "plan_activities",
                "plan_items", "plan_units", "plan_weeks", "plans", "profiles", "programmes", "redo", "snapshots"
            ])
        #expect(try queue.read { try String.fetchAll($0, sql: "PRAGMA foreign_key_check") }.isEmpty)
    }

    @Test("opening a new path creates a 0700 folder, a 0600 file, WAL mode and every migration")
    func openCreates() throws {
        let dir = try temporaryFolder(); defer { removeFolder(dir) }
        let path = dir.appendingPathComponent("a/b/headway.sqlite").path
        let store = try Store.open(at: path)
        let mode = { (p: String) in (try FileManager.default.attributesOfItem(atPath: p)[.posixPermissions] as! Int) & 0o777 }
        #expect(try mode(path) == 0o600)
        #expect(try mode(dir.appendingPathComponent("a/b").path) == 0o700)
        let (journal, fk, busy) = try store.read { db in
            (
                try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"),
                try Int.fetchOne(db, sql: "PRAGMA busy_timeout")
            )
        }
        #expect(journal == "wal")
        #expect(fk == 1)
        // The wait for the write lock is Headway's own busy handler (short, jittered retries
        // for `busyTimeout` seconds), so SQLite's busy_timeout is off.
        #expect(busy == 0)
        #expect(store.busyTimeout == Store.defaultBusyTimeout)
        let c = try store.checkup(curriculaVersion: nil)
        #expect(c.appliedMigrations == Store.migrations)
        #expect(c.isHealthy)
    }

    @Test("reopening a migrated file writes nothing")
    func reopenIsReadOnlyUntilAWrite() throws {
        let dir = try temporaryFolder(); defer { removeFolder(dir) }
        let url = dir.appendingPathComponent("h.sqlite")
        do { let s = try Store.open(at: url.path); try s.createProfile(named: "ana"); try s.close() }
        let before = try bytes(url)
        do { let s = try Store.open(at: url.path); _ = try s.profiles(); try s.close() }
        #expect(try bytes(url) == before)
    }

    @Test(
        "CHECK constraints refuse values outside the model's ranges",
        arguments: [
            "UPDATE assessments SET hours_per_week = 41",
            "UPDATE assessments SET weeks = 0",
            "UPDATE assessments SET seniority = 'intern'",
            "UPDATE assessment_levels SET level = 5",
            "UPDATE plan_units SET level = 0",
            "UPDATE plan_units SET hours = 0",
            "UPDATE plans SET projected_score = 100.5",
            "UPDATE logs SET status = 'maybe'",
            "UPDATE logs SET hours = 0 WHERE status != 'skipped'",
            "UPDATE snapshots SET score = -1",
            "UPDATE snapshots SET zone = 'Blue'",
            "UPDATE briefings SET week = 53",
            "UPDATE profiles SET name = ''",
            "UPDATE profiles SET is_current = 1"
        ])
    func checks(sql: String) throws {
        let dir = try temporaryFolder(); defer { removeFolder(dir) }
        let store = try Store.open(at: dir.appendingPathComponent("h.sqlite").path)
        try fillHistory(store, try store.createProfile(named: "ana"))
        try store.createProfile(named: "bo")
        #expect(throws: StoreError.self) { try store.write { try $0.execute(sql: sql) } }
    }

    @Test("the API refuses a log with an out-of-range level, naming the constraint")
    func apiRefusesBadRows() throws {
        let dir = try temporaryFolder(); defer { removeFolder(dir) }
        let store = try Store.open(at: dir.appendingPathComponent("h.sqlite").path)
        let p = try store.createProfile(named: "ana")
        let error = #expect(throws: StoreError.self) {
            try store.addLog(LogEntry(date: day0, skill: "vllm", level: 5, hours: 1, status: .done), for: p)
        }
        guard case .invalid(let text)? = error else { Issue.record("expected .invalid, got \(String(describing: error))"); return }
        #expect(text.contains("level"))
        #expect(try store.logs(for: p).isEmpty)
    }
}

@Suite("Snapshot reasons in the file")
struct SnapshotReasonStoreTests {
    @Test("v11 reads each sentence written before it into its code once; the store reads the code, not the sentence")
    func migrationFillsCodes() throws {
        let dir = try temporaryFolder(); defer { removeFolder(dir) }
        let path = dir.appendingPathComponent("old.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v10-redo")
        let sentences = [
            "assessment", "completed nccl:3 (done 2026-11-20)", "re-assessment vllm-serving:2?", "signal x-y enters its window",
            "log #4 removed", "curricula 2026.12: signal \"x\" added, -0.2", "a note typed by hand"
        ]
        try queue.write { db in
            try db.execute(sql: "INSERT INTO profiles (name, is_current) VALUES ('ana', 1)")
            for (i, s) in sentences.enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO snapshots (profile_id, as_of, score, zone, label, part_base, part_evidence, part_barriers,
                                               part_growth, reason, curricula_version)
                        VALUES (1, ?, 49.1, 'Green', 'Green (Transforming)', 36.7, 8.7, 1.0, 2.7, ?, 'v')
                        """, arguments: [Day("2026-11-01")!.adding(days: i).description, s])
            }
        }
        try queue.close()
        let store = try Store.open(at: path)
        let ana = try #require(try store.profiles().first)
        let reasons = try store.snapshots(for: ana).map(\.snapshot.reason)
        #expect(
            reasons == [
                .assessment, .completed(UnitID(skill: "nccl", level: 3), on: Day("2026-11-20")!),
                .reassessedSkill(skill: "vllm-serving", level: 2, unsure: true), .signal(id: "x-y", entering: true), .logRemoved(id: 4),
                .curricula(label: "2026.12", changes: "signal \"x\" added, -0.2"), .text("a note typed by hand")
            ])
        // The sentence column is for a person reading the file: changing it changes nothing read.
        try store.write { try $0.execute(sql: "UPDATE snapshots SET reason = 'completed vllm:4'") }
        #expect(try store.snapshots(for: ana).map(\.snapshot.reason) == reasons)
        // A code this version does not know is named, not guessed.
        try store.write { try $0.execute(sql: "UPDATE snapshots SET reason_code = 'override' WHERE id = 1") }
        let error = #expect(throws: (any Error).self) { try store.snapshots(for: ana) }
        #expect("\(error.map { String(describing: $0) } ?? "")".contains("reason_code 'override'"))
    }
}
