import Foundation
import GRDB

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
    /// Per table (assessments, plans, snapshots): how many rows each curricula version stamped.
    public var curriculaVersions: [String: [String: Int]] = [:]

    public var isHealthy: Bool {
        integrity == ["ok"] && foreignKeyProblems.isEmpty && appliedMigrations == knownMigrations
    }
}

extension Store {
    /// Integrity, foreign keys, schema version, permissions, and history made with another
    /// curricula than `curriculaVersion` (`nil` when the curricula could not be loaded).
    public func checkup(curriculaVersion: String?) throws -> Checkup {
        let mode = ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int) ?? 0
        return try read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            let fk = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { r in
                "\(r[0] as String) row \(r[1] as Int64? ?? -1) -> \(r[2] as String)"
            }
            var stale: [String: Int] = [:]
            if let curriculaVersion {
                for table in ["assessments", "plans", "snapshots"] {
                    stale[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE curricula_version != ?",
                                                    arguments: [curriculaVersion]) ?? 0
                }
            }
            var checkup = Checkup(integrity: integrity, foreignKeyProblems: fk,
                                  appliedMigrations: try Schema.migrator.appliedMigrations(db),
                                  knownMigrations: Schema.identifiers, fileMode: mode & 0o777, staleCurricula: stale)
            for table in ["assessments", "plans", "snapshots"] {
                for row in try Row.fetchAll(db, sql: "SELECT curricula_version, count(*) FROM \(table) GROUP BY curricula_version") {
                    checkup.curriculaVersions[table, default: [:]][row[0] as String] = row[1] as Int
                }
            }
            return checkup
        }
    }
}
