import Foundation
import HeadwayCore
import Testing

@testable import HeadwayCLI

/// `MODEL.md` §7: the exit status tells a script the kind of failure (BSD `sysexits.h`); 1 is
/// only "the answer is no". One failure of each class, through the commands in process.
@Suite("Exit statuses tell the kind of failure")
struct ExitClassTests {
    /// A database with a profile and its plan.
    static func planned() throws -> URL {
        let db = scratchDatabase()
        let made = try headway(["profile", "new", "ana", "--from", "Fixtures/assessments/reference-mid.yaml"], db: db)
        guard made.status == 0 else { throw Failure("profile new: \(made.stderr)") }
        guard try headway(["plan"], db: db).status == 0 else { throw Failure("plan failed") }
        return db
    }

    @Test(
        "each kind of failure exits with its class",
        arguments: [
            // usage: typed wrong
            (["plan", "--hours", "99"], ExitClass.usage),
            (["score", "--bogus"], .usage),
            (["graph", "--output", "x.dot"], .usage),
            (["brief", "99"], .usage),
            (["log", "ncl:3", "2"], .usage),
            // bad input data: the person's data is refused
            (["score", "--assessment", "Fixtures/bad/assessments/access-compute.yaml"], .data),
            (["log", "vllm:1", "2", "done"], .data),
            (["log", "rm", "9999"], .data),
            (["plan", "--include", "nccl=4", "--hours", "1", "--weeks", "1"], .data),
            (["profile", "import", "Fixtures/bad/import/assessment-unknown-skill.json"], .data),
            // missing input
            (["score", "--assessment", "Fixtures/assessments/not-there.yaml"], .noInput),
            (["profile", "use", "nobody"], .noInput),
            (["profile", "import", "/nonexistent/profile.json"], .noInput),
            // unavailable: not Headway's database
            (["score", "--db", "Fixtures/bad/databases/notes-app.sqlite"], .unavailable),
            // cannot create an output
            (["export", "plan", "--output", "/nonexistent-folder/plan.ics"], .cantCreate),
            (["profile", "new", "ana", "--from", "Fixtures/assessments/reference-mid.yaml"], .cantCreate),
            // curricula or configuration
            (["score", "--curricula", "/nonexistent-curricula"], .config)
        ] as [([String], ExitClass)])
    func failureClass(arguments: [String], expected: ExitClass) throws {
        let db = try Self.planned()
        let run = try headway(arguments, db: db)
        #expect(run.status == expected.rawValue, "\(arguments): exit \(run.status), \(run.stderr)")
        #expect(run.stderr.hasPrefix("error: "), "\(arguments): \(run.stderr)")
        #expect(run.stdout.isEmpty, "\(arguments): \(run.stdout)")
    }

    @Test("1 is only the answer no: nothing to undo")
    func answerNo() throws {
        let db = scratchDatabase()
        _ = try headway(["profile", "new", "ana", "--from", "Fixtures/assessments/reference-mid.yaml"], db: db)
        let run = try headway(["undo"], db: db)
        #expect(run.status == ExitClass.no.rawValue, "\(run)")
    }

    @Test("docs/EXIT-CODES.md lists every class with its status")
    func documented() throws {
        let doc = try String(contentsOf: repoRoot.appendingPathComponent("docs/EXIT-CODES.md"), encoding: .utf8)
        for c in ExitClass.allCases {
            #expect(doc.contains("| \(c.rawValue) | `\(c.description)`"), "docs/EXIT-CODES.md lacks \(c.rawValue) \(c)")
        }
    }
}
