import Foundation
import GRDB
import HeadwayCore
import Testing

@_spi(Fixtures) @testable import HeadwayStore

/// Each fault is refused with one line naming the file, and the file keeps every byte.
@Suite("Faults")
struct FaultTests {
    /// A closed database with some history, and its bytes.
    func seeded(_ dir: URL, name: String = "h.sqlite") throws -> (URL, Data) {
        let url = dir.appendingPathComponent(name)
        let store = try Store.open(at: url.path)
        let p = try store.createProfile(named: "ana")
        try fillHistory(store, p)
        for i in 0..<300 {
            try store.addLog(
                LogEntry(
                    date: day0.adding(days: i), skill: "vllm", level: 1, hours: 1, status: .done,
                    note: String(repeating: "n", count: 200)), for: p)
        }
        try store.close()
        return (url, try bytes(url))
    }

    func expectOneLine(_ error: StoreError?, naming path: String) {
        let text = error?.description ?? ""
        #expect(!text.contains("\n"))
        #expect(text.contains(path), "\(text)")
    }

    @Test("a file that is not a database is refused untouched")
    func notADatabase() throws {
        let dir = try temporaryFolder(); defer { removeFolder(dir) }
        let url = dir.appendingPathComponent("notes.sqlite")
        let original = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try original.write(to: url)
        let error = #expect(throws: StoreError.self) { try Store.open(at: url.path) }
        #expect(error == .notADatabase(path: url.path))
        expectOneLine(error, naming: url.path)
        #expect(try bytes(url) == original)
        #expect(!FileManager.default.fileExists(atPath: url.path + "-wal"))
    }

    @Test("a corrupted database is refused untouched when a command reads the damage, and doctor names it")
    func corrupted() throws {
        let dir = try temporaryFolder(); defer { removeFolder(dir) }
        var (url, original) = try seeded(dir)
        let pageSize = 4096
        #expect(original.count > 6 * pageSize)
        // Scribble over the middle of pages 3..5: b-tree pages with rows on them.
        for page in 2..<5 {
            let at = page * pageSize + 8
            original.replaceSubrange(at..<(at + 64), with: Data(repeating: 0xA5, count: 64))
        }
        try original.write(to: url)
        // Opening reads the header and the schema only; reading the profile's record reads the damage.
        let error = #expect(throws: StoreError.self) {
            let store = try Store.open(at: url.path)
            for profile in try store.profiles() { _ = try store.state(of: profile) }
        }
        guard case .corrupted? = error else { Issue.record("expected .corrupted, got \(String(describing: error))"); return }
        expectOneLine(error, naming: url.path)
        // doctor's checkup names the damage (or, where SQLite cannot even run the check, says corrupted).
        do {
            let checkup = try Store.open(at: url.path, checkSchema: false).checkup(curriculaVersion: nil)
            #expect(checkup.integrity != ["ok"], "doctor's integrity check names the damage: \(checkup.integrity)")
        } catch let e as StoreError {
            guard case .corrupted = e else { Issue.record("doctor: expected the damage named, got \(e)"); return }
        }
        #expect(try bytes(url) == original)
    }

    @Test("a schema newer than this binary is refused untouched")
    func newerSchema() throws {
        let dir = try temporaryFolder(); defer { removeFolder(dir) }
        let (url, _) = try seeded(dir)
        do {
            let raw = try DatabaseQueue(path: url.path)
            try raw.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v2-from-the-future')") }
            try raw.close()
        }
        let original = try bytes(url)
        let error = #expect(throws: StoreError.self) { try Store.open(at: url.path) }
        #expect(error == .newerSchema(path: url.path, unknown: ["v2-from-the-future"]))
        expectOneLine(error, naming: url.path)
        #expect(try bytes(url) == original)
    }

    @Test("another process holding the write lock past the timeout is reported, not a 'database is locked'")
    func busy() throws {
        let dir = try temporaryFolder(); defer { removeFolder(dir) }
        let (url, original) = try seeded(dir)
        var config = Configuration()
        config.allowsUnsafeTransactions = true  // keep BEGIN IMMEDIATE open across accesses
        let holder = try DatabaseQueue(path: url.path, configuration: config)
        try holder.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") }
        let store = try Store.open(at: url.path, busyTimeout: 0.3)
        let p = try store.profile(named: "ana")  // reads go on under WAL
        let started = Date()
        let error = #expect(throws: StoreError.self) {
            try store.addLog(LogEntry(date: day0, skill: "vllm", level: 1, hours: 1, status: .done), for: p)
        }
        #expect(Date().timeIntervalSince(started) >= 0.25)
        #expect(error == .busy(path: url.path, seconds: 0.3))
        #expect(error?.description.contains("database is locked") == false)
        expectOneLine(error, naming: url.path)
        try holder.writeWithoutTransaction { try $0.execute(sql: "ROLLBACK") }
        try holder.close()
        try store.close()
        #expect(try bytes(url) == original)
    }

    @Test("a database in a read-only folder is read, and a write is refused untouched")
    func readOnlyFolder() throws {
        let dir = try temporaryFolder(); defer { removeFolder(dir) }
        let folder = dir.appendingPathComponent("ro")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let isRoot = getuid() == 0
        // Root ignores permission bits, so it needs a read-only mount to see the fault.
        if isRoot {
            try #require(
                try run(URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=16m", "tmpfs", folder.path]).status == 0,
                "root without mount rights: cannot make a read-only folder here")
        }
        defer { if isRoot { _ = try? run(URL(fileURLWithPath: "/bin/umount"), [folder.path]) } }
        let (url, original) = try seeded(folder)
        if isRoot {
            #expect(try run(URL(fileURLWithPath: "/bin/mount"), ["-o", "remount,ro", folder.path]).status == 0)
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: folder.path)
        }
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder.path) }
        // An existing file opens for reading; a write is refused by the folder, untouched.
        let store = try Store.open(at: url.path)
        #expect(store.isReadOnly)
        #expect(try store.profiles().count == 1)
        let error = #expect(throws: StoreError.self) { try store.createProfile(named: "bo") }
        #expect(error == .readOnlyFolder(folder: folder.path))
        expectOneLine(error, naming: folder.path)
        try store.close()
        #expect(try bytes(url) == original)
        // A new database in that folder is refused the same way.
        #expect(throws: StoreError.readOnlyFolder(folder: folder.path)) {
            try Store.open(at: folder.appendingPathComponent("new.sqlite").path)
        }
    }

    @Test(
        "a really full disk (a 1 MiB tmpfs) fails the import with one line; nothing is saved",
        .enabled(if: getuid() == 0, "mounting a tmpfs needs root"))
    func fullTmpfs() throws {
        let dir = try temporaryFolder(); defer { removeFolder(dir) }
        let mountPoint = dir.appendingPathComponent("tiny")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        try #require(try run(URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=1m", "tmpfs", mountPoint.path]).status == 0)
        defer { _ = try? run(URL(fileURLWithPath: "/bin/umount"), [mountPoint.path]) }
        let url = mountPoint.appendingPathComponent("h.sqlite")
        do { let s = try Store.open(at: url.path); try fillHistory(s, try s.createProfile(named: "ana")); try s.close() }
        let original = try bytes(url)
        let source = try Store.open(at: dir.appendingPathComponent("big.sqlite").path)
        let big = try source.createProfile(named: "big")
        try source.write { db in
            for _ in 0..<20_000 {
                _ = try source.insertLog(
                    db,
                    LogEntry(
                        date: day0, skill: "vllm", level: 1, hours: 1, status: .done,
                        note: String(repeating: "x", count: 100)), profile: big.id, createdAt: nil)
            }
        }
        let store = try Store.open(at: url.path)
        let error = #expect(throws: StoreError.self) { try store.importArchive(try source.export(big)) }
        #expect(error == .diskFull(path: url.path))
        try store.close()
        #expect(try bytes(url) == original)
    }

    @Test("a full disk (RLIMIT_FSIZE in a child process) fails the import with one line; nothing is saved")
    func diskFull() throws {
        let dir = try temporaryFolder(); defer { removeFolder(dir) }
        let (url, _) = try seeded(dir)
        // An export large enough that its WAL frames pass the limit.
        let source = try Store.open(at: dir.appendingPathComponent("big.sqlite").path)
        let big = try source.createProfile(named: "big")
        try source.write { db in
            for i in 0..<20_000 {
                _ = try source.insertLog(
                    db,
                    LogEntry(
                        date: day0.adding(days: i % 365), skill: "vllm", level: 1, hours: 1,
                        status: .done, note: String(repeating: "x", count: 100)),
                    profile: big.id, createdAt: nil)
            }
        }
        let exportURL = dir.appendingPathComponent("big.json")
        try source.export(big).encoded().write(to: exportURL)
        let original = try bytes(url)
        // sh's ulimit -f counts 512-byte blocks: 2 MiB, above the seeded file, below the import.
        #expect(original.count < 2 << 20)
        let script = "trap '' XFSZ; ulimit -f 4096; exec \"$0\" profile import \"$1\" --db \"$2\""
        let result = try run(URL(fileURLWithPath: "/bin/sh"), ["-c", script, try product("headway").path, exportURL.path, url.path])
        #expect(result.status == 74)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("disk is full"), "\(result.stderr)")
        #expect(result.stderr.contains(url.path))
        #expect(try bytes(url) == original)
        let store = try Store.open(at: url.path)
        #expect(try store.profiles().map(\.name) == ["ana"])
        #expect(try store.checkup(curriculaVersion: nil).isHealthy)
    }
}
