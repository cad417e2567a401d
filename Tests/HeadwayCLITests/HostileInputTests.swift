import Foundation
import Testing

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
}
