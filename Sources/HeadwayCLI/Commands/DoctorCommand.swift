import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayStore

/// `headway doctor`: is the database sound, and was its history made with these curricula?
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor", _superCommandName: leafSuperCommand,
        abstract: "Check the database: integrity, foreign keys, schema version, permissions, curricula version.",
        discussion: "Exits non-zero when the file is damaged or its schema is not the one this binary writes.")

    @OptionGroup var store: StoreOptions
    @Option(help: ArgumentHelp("Use another curricula folder of the same format.", valueName: "dir"))
    var curricula: String?

    func run() throws {
        let db = try store.open(checkSchema: false)  // doctor names what differs instead
        // The database is worth checking even when the curricula cannot be loaded.
        var curriculumFailure: String?
        let curriculum: Curriculum?
        do { curriculum = try Environment.loadCurriculum(curricula) } catch {
            curriculum = nil
            curriculumFailure = "\(error)".replacingOccurrences(of: "error: ", with: "")
        }
        let c = try storeCall { try db.checkup(curriculaVersion: curriculum?.version) }
        let data = try curriculum.map { curriculum in try storeCall { try db.dataProblems(curriculum: curriculum) } } ?? []
        func line(_ label: String, _ text: String) { print(label.padding(toLength: 13, withPad: " ", startingAt: 0) + text) }
        line("database", db.path)
        line("schema", "\(c.appliedMigrations.last ?? "none") (\(c.appliedMigrations.count) of \(c.knownMigrations.count) migrations applied)")
        line("integrity", c.integrity == ["ok"] ? "ok" : "FAILED: " + c.integrity.joined(separator: "; "))
        line("foreign keys", c.foreignKeyProblems.isEmpty ? "ok" : "FAILED: " + c.foreignKeyProblems.joined(separator: "; "))
        line(
            "permissions",
            c.fileMode & 0o077 == 0
                ? "ok (\(String(c.fileMode, radix: 8)))"
                : "\(String(c.fileMode, radix: 8)): other users can read it; run chmod 600 \(db.path)")
        line("schema check", c.schemaProblems.isEmpty ? "ok" : "FAILED: " + c.schemaProblems.joined(separator: "; "))
        line(
            "wal and shm",
            !c.sidecarProblems.isEmpty
                ? "FAILED: " + c.sidecarProblems.joined(separator: "; ")
                : db.repairs.isEmpty ? "ok" : "repaired: " + db.repairs.joined(separator: "; "))
        if let curriculum {
            let stale = c.staleCurricula.filter { $0.value > 0 }.sorted { $0.key < $1.key }
            line(
                "curricula",
                stale.isEmpty
                    ? "ok (version \(curriculum.version))"
                    : "version \(curriculum.version); made with another version: "
                        + stale.map { "\($0.value) \($0.key)" }.joined(separator: ", "))
            // Which curricula each part of the history was made under (profiles remember it).
            for table in ["plans", "snapshots"] {
                let counts = (c.curriculaVersions[table] ?? [:]).map { (CurriculaStamp($0.key).label, $0.value) }
                let merged = Dictionary(counts, uniquingKeysWith: +).sorted { $0.key < $1.key }
                if !merged.isEmpty { line("", "\(table) made under " + merged.map { "\($0.key) (\($0.value))" }.joined(separator: ", ")) }
            }
        } else {
            line("curricula", "FAILED: \(curriculumFailure ?? "not loaded"); stored data not checked (fix the folder, or pass --curricula DIR)")
        }
        if curriculum != nil {
            let damage = data.filter { !$0.otherCurricula }
            line("stored data", damage.isEmpty ? "ok (every profile reads as a command wrote it)" : "FAILED: \(damage.count) profile(s)")
            for problem in data { line("", (problem.otherCurricula ? "note: made under other curricula: " : "") + problem.description) }
        }
        if !c.isHealthy || curriculum == nil || data.contains(where: { !$0.otherCurricula }) {
            throw HeadwayError(.no, "\(db.path) failed its checkup; see above")
        }
    }
}
