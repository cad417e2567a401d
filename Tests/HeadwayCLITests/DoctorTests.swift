import Foundation
import Testing

/// Issue 21: `doctor` names the damage it finds (table, row, field, and a fix where one
/// exists) and exits non-zero, for every damaged database of `Fixtures/bad/damaged`.
@Suite("doctor names the table, row and field of stored damage, and fails")
struct DoctorTests {
    static let folder = Binary.repository.appendingPathComponent("Fixtures/bad/damaged")

    static var damages: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".sql") }
            .map { ($0 as NSString).deletingPathExtension }.sorted()
    }

    /// Profile `ana` with a plan, two logs of vllm:3 (rows 1, 2) and an edit of the first
    /// (journal rows 1 to 3), as the corpus's README describes.
    static func history() throws -> BadCorpusTests.Scratch {
        let scratch = try SafetyTests.planned()
        for arguments in [["log", "vllm:3", "2"], ["log", "vllm:3", "1"], ["log", "edit", "1", "--hours", "3"]] {
            let run = try Run(arguments, environment: scratch.environment)
            guard run.status == 0 else { throw Failure("\(arguments): \(run.stderr)") }
        }
        return scratch
    }

    @Test("a sound history passes")
    func sound() throws {
        let scratch = try Self.history()
        let doctor = try Run(["doctor"], environment: scratch.environment)
        #expect(doctor.status == 0, "\(doctor)")
        #expect(doctor.stdout.contains("stored data  ok"))
    }

    @Test("each damaged database is named by table, row and field, with exit 1", arguments: damages)
    func damaged(name: String) throws {
        let scratch = try Self.history()
        let sql = try String(contentsOf: Self.folder.appendingPathComponent(name + ".sql"), encoding: .utf8)
        try SafetyTests.sqlite(scratch.db, sql)
        // --wide: each finding on its one line, as a terminal of any width would not show it.
        let doctor = try Run(["doctor", "--wide"], environment: scratch.environment)
        #expect(doctor.status == 1, "\(doctor)")
        #expect(doctor.stdout.contains("stored data  FAILED: 1 profile(s)"), "\(doctor)")
        let named =
            doctor.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.hasPrefix("profile ana: ") } ?? ""
        let expectedURL = Self.folder.appendingPathComponent(name + ".expected")
        if ProcessInfo.processInfo.environment["HEADWAY_UPDATE_GOLDEN"] == "1" {
            try (named + "\n").write(to: expectedURL, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8).trimmingCharacters(in: .newlines)
        #expect(named == expected)
        #expect(named.count <= 400, "one readable line: \(named.count) characters")
    }

    @Test("curricula that do not load fail the checkup by name instead of being skipped")
    func brokenCurricula() throws {
        let scratch = try Self.history()
        var environment = scratch.environment
        environment["HEADWAY_CURRICULA"] = scratch.folder.path
        let doctor = try Run(["doctor", "--wide"], environment: environment)
        #expect(doctor.status == 1, "\(doctor)")
        #expect(doctor.stdout.contains("curricula    FAILED: \(scratch.folder.path): is not a curricula folder"), "\(doctor)")
    }
}
