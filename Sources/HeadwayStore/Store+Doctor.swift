import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#endif

/// What `headway doctor` reports about a database.
public struct Checkup: Sendable, Hashable {
    /// `["ok"]` when the file is sound, else SQLite's findings.
    public let integrity: [String]
    /// Rows whose parent is missing, as "table rowid -> parent".
    public let foreignKeyProblems: [String]
    /// Migrations applied to the file, in order.
    public let appliedMigrations: [String]
    /// Migrations this binary knows.
    public let knownMigrations: [String]
    /// The file's permission bits (0o600 expected).
    public let fileMode: Int
    /// Per table (assessments, plans, snapshots): rows stamped with another curricula version.
    public let staleCurricula: [String: Int]
    /// What differs from the schema this binary writes, naming the table and column: a missing
    /// table or column, another declared type, values of another type (`'abc'` as hours).
    public var schemaProblems: [String] = []
    /// `-wal` or `-shm` files that would stop writes (not writable, another owner).
    public var sidecarProblems: [String] = []
    /// Per table (assessments, plans, snapshots): how many rows each curricula version stamped.
    public var curriculaVersions: [String: [String: Int]] = [:]

    public var isHealthy: Bool {
        integrity == ["ok"] && foreignKeyProblems.isEmpty && appliedMigrations == knownMigrations
            && schemaProblems.isEmpty && sidecarProblems.isEmpty
    }
}

extension Store {
    /// Integrity, foreign keys, schema version, permissions, and history made with another
    /// curricula than `curriculaVersion` (`nil` when the curricula could not be loaded).
    public func checkup(curriculaVersion: String?) throws -> Checkup {
        // `path` is the real file (a symlink was followed when the store was opened).
        let mode = DatabasePath.mode(path) ?? 0
        let sidecars = DatabasePath.sidecars(path).compactMap(Self.sidecarProblem)
        return try read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            let fk = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { r in
                "\(r[0] as String) row \(r[1] as Int64? ?? -1) -> \(r[2] as String)"
            }
            var stale: [String: Int] = [:]
            if let curriculaVersion {
                for table in ["assessments", "plans", "snapshots"] {
                    stale[table] =
                        try Int.fetchOne(
                            db, sql: "SELECT count(*) FROM \(table) WHERE curricula_version != ?",
                            arguments: [curriculaVersion]) ?? 0
                }
            }
            let applied = try Schema.migrator.appliedMigrations(db)
            var checkup = Checkup(
                integrity: integrity, foreignKeyProblems: fk, appliedMigrations: applied,
                knownMigrations: Schema.identifiers, fileMode: mode & 0o777, staleCurricula: stale)
            checkup.schemaProblems =
                applied == Schema.identifiers
                ? try SchemaCheck.structuralProblems(db) + SchemaCheck.valueProblems(db) : []
            checkup.sidecarProblems = sidecars
            // GROUP BY over a column holding another type would not stop the checkup.
            for table in ["assessments", "plans", "snapshots"] {
                for row in try Row.fetchAll(db, sql: "SELECT CAST(curricula_version AS TEXT), count(*) FROM \(table) GROUP BY 1") {
                    checkup.curriculaVersions[table, default: [:]][(row[0] as String?) ?? "NULL"] = row[1] as Int
                }
            }
            return checkup
        }
    }

    /// Why a `-wal` or `-shm` file would block writes, or nil (also when there is none).
    static func sidecarProblem(_ file: String) -> String? {
        var info = stat()
        guard lstat(file, &info) == 0 else { return nil }
        let name = (file as NSString).lastPathComponent
        if info.st_mode & S_IFMT != S_IFREG { return "\(name) is not a regular file; move it aside" }
        if info.st_uid != getuid() { return "\(name) belongs to user \(info.st_uid), not to you; writes may fail; fix its owner" }
        if info.st_mode & 0o600 != 0o600 {
            return "\(name) has mode \(String(info.st_mode & 0o777, radix: 8)) and cannot be written; run chmod 600 \(file)"
        }
        return nil
    }
}
