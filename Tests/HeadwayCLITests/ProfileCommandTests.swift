import Foundation
import GRDB
import HeadwayCore
import HeadwayStore
import Testing

/// Profile commands against a database file, run in process: what they write is read back
/// through the store.
@Suite("Commands on the database")
struct ProfileCommandTests {
    let assessment = "Fixtures/assessments/reference-mid.yaml"

    @Test("score --assessment stays stateless: no database is opened or created")
    func statelessScore() throws {
        let db = scratchDatabase()
        defer { try? FileManager.default.removeItem(at: db.deletingLastPathComponent()) }
        let r = try headway(["score", "--assessment", assessment, "--json"], db: db)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db.deletingLastPathComponent().path))
    }

    @Test("profile new --from, then score prints what score --assessment prints; export/import keeps it")
    func scoreFromProfile() throws {
        let db = scratchDatabase(), dir = db.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try headway(["profile", "new", "ana", "--from", assessment], db: db).status == 0)
        let stateless = try headway(["score", "--assessment", assessment, "--json"])
        let stored = try headway(["score", "--json"], db: db)
        #expect(stored.status == 0, "\(stored.stderr)")
        #expect(stored.stdout == stateless.stdout)
        let text = try headway(["score"], db: db)
        #expect(text.stdout == (try headway(["score", "--assessment", assessment])).stdout)

        let store = try Store.open(at: db.path)
        let snapshots = try store.snapshots(for: try store.profile(named: "ana"))
        #expect(snapshots.map(\.snapshot.reason) == [.assessment])
        #expect(snapshots.first?.snapshot.asOf == Day("2026-11-23"))
        #expect(snapshots.first?.snapshot.score == (try json(stored.stdout))["score"] as? Double)
        try store.close()

        let export = dir.appendingPathComponent("ana.json")
        #expect(try headway(["profile", "export", export.path], db: db).status == 0)
        let other = dir.appendingPathComponent("other.sqlite")
        let imported = try headway(["profile", "import", export.path], db: other)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try headway(["score", "--json"], db: other).stdout == stored.stdout)
        let again = dir.appendingPathComponent("again.json")
        #expect(try headway(["profile", "export", again.path], db: other).status == 0)
        #expect(try Data(contentsOf: again) == Data(contentsOf: export))
    }

    @Test("profile list, use, rename and delete; delete without a terminal needs --yes")
    func profileCommands() throws {
        let db = scratchDatabase()
        defer { try? FileManager.default.removeItem(at: db.deletingLastPathComponent()) }
        _ = try headway(["profile", "new", "ana"], db: db)
        _ = try headway(["profile", "new", "bo"], db: db)
        #expect(try headway(["profile", "list"], db: db).stdout == "  ana\n* bo\n")
        #expect(try headway(["profile", "use", "ana"], db: db).status == 0)
        #expect(try headway(["profile", "rename", "bo", "carla"], db: db).status == 0)
        #expect(try headway(["profile", "list"], db: db).stdout == "* ana\n  carla\n")
        let refused = try headway(["profile", "delete", "carla"], db: db)
        #expect(refused.status == 64)
        #expect(refused.stderr == "error: refusing to delete profile carla without confirmation: standard input is not a terminal; pass --yes\n")
        #expect(try headway(["profile", "delete", "carla", "--yes"], db: db).status == 0)
        #expect(try headway(["profile", "list"], db: db).stdout == "* ana\n")
        let missing = try headway(["profile", "use", "zed"], db: db)
        #expect(missing.status == 66)
        #expect(missing.stderr.split(separator: "\n").count == 1)
    }

    @Test("--db beats HEADWAY_DB, which beats XDG_DATA_HOME")
    func location() throws {
        let dir = scratchDatabase().deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: dir) }
        let xdg = dir.appendingPathComponent("xdg"), xdgFile = xdg.appendingPathComponent("headway/headway.sqlite")
        _ = try headway(["profile", "new", "x"], environment: ["XDG_DATA_HOME": xdg.path])
        #expect(FileManager.default.fileExists(atPath: xdgFile.path))
        let env = dir.appendingPathComponent("env.sqlite")
        _ = try headway(["profile", "new", "e"], environment: ["XDG_DATA_HOME": xdg.path, "HEADWAY_DB": env.path])
        let flag = dir.appendingPathComponent("flag.sqlite")
        _ = try headway(
            ["profile", "new", "f", "--db", flag.path], environment: ["XDG_DATA_HOME": xdg.path, "HEADWAY_DB": env.path])
        #expect(try Store.open(at: env.path).profiles().map(\.name) == ["e"])
        #expect(try Store.open(at: flag.path).profiles().map(\.name) == ["f"])
        #expect(try Store.open(at: xdgFile.path).profiles().map(\.name) == ["x"])
    }

    @Test("doctor reports a sound file, and history made with another curricula version")
    func doctor() throws {
        let db = scratchDatabase()
        defer { try? FileManager.default.removeItem(at: db.deletingLastPathComponent()) }
        _ = try headway(["profile", "new", "ana", "--from", assessment], db: db)
        let ok = try headway(["doctor"], db: db)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("integrity    ok"))
        #expect(ok.stdout.contains("curricula    ok"))
        #expect(try headway(["plan", "--hours", "6"], db: db).status == 0)
        // A plan made by another version of the curricula, as an upgrade leaves it.
        try DatabaseQueue(path: db.path).write { try $0.execute(sql: "UPDATE plans SET curricula_version = 'an-older-version'") }
        let stale = try headway(["doctor"], db: db)
        #expect(stale.stdout.contains("made with another version: 1 plans"), "\(stale.stdout)")
    }

    @Test("a file that is not a database: one line on stderr naming it, exit 69, bytes kept")
    func notADatabase() throws {
        let db = scratchDatabase()
        defer { try? FileManager.default.removeItem(at: db.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: db.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("name,score\nana,49.1\n".utf8).write(to: db)
        let r = try headway(["profile", "list"], db: db)
        #expect(r.status == 69)
        #expect(
            r.stderr
                == "error: \(db.path) is not a Headway database (not an SQLite file); move it aside or pass --db PATH to use another file\n")
        #expect(try Data(contentsOf: db) == Data("name,score\nana,49.1\n".utf8))
    }
}
