import Foundation
import GRDB
import HeadwayCore

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
                    stale[table] = try Table(table).filter(Column("curricula_version") != curriculaVersion).fetchCount(db)
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
                let version = SQL("CAST(\(Column("curricula_version")) AS TEXT)")
                for row in try Row.fetchAll(db, Table(table).select(version, count(Column("id"))).group(version)) {
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

/// A stored row no command could have written, as `doctor` names it: the table, the row's id,
/// the field, what is wrong, and what to do about it.
public struct DataProblem: Sendable, Hashable, CustomStringConvertible {
    public let profile: String
    public let table: String
    /// The row's id in `table`; nil when the problem is not one row's.
    public let row: Int64?
    /// The column, and inside a JSON column the path to the value (`previous.skill`).
    public let field: String?
    public let message: String
    /// A command that repairs it, when one exists.
    public let fix: String?
    /// Made under other curricula than the ones loaded (a skill or role they dropped): worth
    /// saying, not damage.
    public let otherCurricula: Bool

    public var description: String {
        let place = [table, row.map { "row \($0)" }, field].compactMap { $0 }.joined(separator: " ")
        return "profile \(profile): \(place): \(message)" + (fix.map { "; fix: \($0)" } ?? "")
    }
}

extension Store {
    /// Every profile read the way an export reads it and checked with the rules `profile import`
    /// applies (the same rules the commands that write follow), against `curriculum`: dates that
    /// do not parse, values out of range, journal rows `undo` could not replay. One problem per
    /// profile at most (the first found), named by table, row id and field.
    public func dataProblems(curriculum: Curriculum) throws -> [DataProblem] {
        var problems: [DataProblem] = []
        for profile in try profiles() {
            let archive: ProfileArchive
            do { archive = try export(profile) } catch let error as StoreError {
                problems.append(Self.unreadable(error, profile: profile))
                continue
            }
            guard let text = archive.planProblem() ?? archive.problem(against: curriculum) else { continue }
            problems.append(try locate(text, in: archive, profile: profile, curriculum: curriculum))
        }
        return problems
    }

    /// A row the store could not read at all (a date that does not parse, text where a number
    /// belongs), named from the read's message ("logs row 2, date holds …").
    static func unreadable(_ error: StoreError, profile: Profile) -> DataProblem {
        var detail: String
        switch error {
        case .foreignSchema(_, let d), .invalid(let d): detail = d
        default: detail = error.description
        }
        var table = "profiles", row: Int64? = profile.id, field: String?
        let words = detail.split(separator: " ", maxSplits: 3).map(String.init)
        if words.count == 4, words[1] == "row", words[2].hasSuffix(","), let id = Int64(words[2].dropLast()) {
            table = words[0]; row = id
            let rest = words[3]
            if let holds = rest.range(of: " holds ") {
                field = String(rest[..<holds.lowerBound])
                detail = String(rest[holds.lowerBound...]).trimmingCharacters(in: .whitespaces)
            } else {
                detail = rest
            }
        }
        return DataProblem(
            profile: profile.name, table: table, row: row, field: field, message: detail,
            fix: "no command can read past this row; restore a backup of the file, or correct the value with sqlite3",
            otherCurricula: false)
    }

    /// `problem` names a value by its place in the export ("logs[3].hours: …"); the export keeps
    /// each table's rows in id order, so the index gives the row's id in the database.
    private func locate(_ problem: String, in archive: ProfileArchive, profile: Profile, curriculum: Curriculum) throws -> DataProblem {
        let tables = ["assessments", "plans", "logs", "snapshots", "briefings", "changes"]
        guard let colon = problem.range(of: ": "),
            let open = problem.firstIndex(of: "["), open < colon.lowerBound,
            let close = problem[open...].firstIndex(of: "]"),
            let index = Int(problem[problem.index(after: open)..<close]),
            let table = tables.first(where: { $0 == problem[..<open] })
        else {
            let field = problem.range(of: ": ").map { String(problem[..<$0.lowerBound]) }
            let message = problem.range(of: ": ").map { String(problem[$0.upperBound...]) } ?? problem
            return DataProblem(
                profile: profile.name, table: "profiles", row: profile.id, field: field, message: message, fix: nil, otherCurricula: false)
        }
        let ids = try read { db in
            try Int64.fetchAll(db, Table(table).select(Column("id")).filter(Column("profile_id") == profile.id).order(Column("id")))
        }
        let row = index < ids.count ? ids[index] : nil
        var field = String(problem[problem.index(after: close)..<colon.lowerBound])
        if field.hasPrefix(".") { field.removeFirst() }
        let message = String(problem[colon.upperBound...])
        let version: String? =
            switch table {
            case "assessments": index < archive.assessments.count ? archive.assessments[index].curriculaVersion : nil
            case "plans": index < archive.plans.count ? archive.plans[index].curriculaVersion : nil
            case "snapshots": index < archive.snapshots.count ? archive.snapshots[index].curriculaVersion : nil
            default: nil
            }
        let otherCurricula = version.map { !$0.isEmpty && $0 != curriculum.version } ?? false
        let fix: String? =
            switch table {
            case "logs": row.map { "`headway log rm \($0)` removes the entry, or `headway undo` if it was the last change" }
            case "changes": "`headway undo` stops at this change; restore a backup to undo past it"
            case "plans": "`headway replan` writes a new plan over it"
            case "assessments": "`headway assess` writes a new assessment"
            default: nil
            }
        return DataProblem(
            profile: profile.name, table: table, row: row, field: field.isEmpty ? nil : field, message: message, fix: fix,
            otherCurricula: otherCurricula)
    }
}
