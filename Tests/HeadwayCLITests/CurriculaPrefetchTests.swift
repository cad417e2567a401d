import Foundation
import HeadwayCore
import Testing

@testable import HeadwayApp
@testable import HeadwayCLI

/// The `headway` executable loads the curricula on a second thread while it parses the line and
/// reads the record (``CurriculaPrefetch``). Commands run in process never prefetch, so these run
/// the binary and hold it to the in-process result: the same curricula, the same folder when
/// the environment or `--curricula` names another, the same error when they cannot be read.
@Suite("The executable's curricula prefetch")
struct CurriculaPrefetchTests {
    static let tiny = Binary.repository.appendingPathComponent("Fixtures/curricula/tiny").path

    /// The binary's and the in-process output and status of `arguments`, in `environment`.
    func both(_ arguments: [String], _ environment: [String: String]) throws -> (binary: Binary.Result, inProcess: Binary.Result) {
        (try Binary.run(arguments, input: Data(), environment: environment), try Binary.runInProcess(arguments, environment: environment))
    }

    @Test("on a profile, the binary's score, history and graph are the in-process ones")
    func profileCommands() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = Binary.environment(in: folder)
        let made = try Binary.runInProcess(
            ["profile", "new", "ana", "--from", Binary.repository.appendingPathComponent("Fixtures/assessments/reference-mid.yaml").path],
            environment: environment)
        #expect(made.status == 0, "\(made.output)")
        let planned = try Binary.runInProcess(["plan", "--hours", "6"], environment: environment)
        #expect(planned.status == 0, "\(planned.output)")
        // `progress` and `plan show` take the curricula after reading the record.
        for line in [["score"], ["score", "--json"], ["history"], ["graph"], ["score", "--as-of", "2026-12-20"], ["progress"], ["plan", "show"]] {
            let (binary, inProcess) = try both(line, environment)
            #expect(binary.status == 0, "\(line): \(binary.output)")
            #expect(binary.output == inProcess.output, "\(line)")
        }
    }

    @Test("the score of an assessment file, read without activities, is the one with them, in the binary and in process")
    func scoreWithoutActivities() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = Binary.environment(in: folder)
        var whole = environment
        whole["HEADWAY_NO_CACHE"] = "1"  // from the files: every activity read
        let file = Binary.repository.appendingPathComponent("Fixtures/assessments/platform-toward-ai-platform.yaml").path
        for extra in [[], ["--json"], ["--explain"], ["--what-if", "vllm=3,kubernetes=4"], ["--as-of", "2027-03-01", "--explain"]] {
            let line = ["score", "--assessment", file] + extra
            let (binary, inProcess) = try both(line, environment)
            let complete = try Binary.runInProcess(line, environment: whole)
            #expect(binary.status == 0 && complete.status == 0, "\(line): \(binary.output)")
            #expect(binary.output == complete.output, "\(line)")
            #expect(inProcess.output == complete.output, "\(line)")
        }
    }

    @Test("HEADWAY_CURRICULA and --curricula name the folder the binary reads")
    func otherFolders() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var environment = Binary.environment(in: folder)
        let bundled = try Binary.run(["graph"], input: Data(), environment: environment)
        // The prefetch is skipped for --curricula; HEADWAY_CURRICULA is read by it.
        let named = try both(["graph", "--curricula", Self.tiny], environment)
        environment["HEADWAY_CURRICULA"] = Self.tiny
        let fromEnvironment = try both(["graph"], environment)
        for (binary, inProcess) in [named, fromEnvironment] {
            #expect(binary.status == 0, "\(binary.output)")
            #expect(binary.output == inProcess.output)
            #expect(binary.output != bundled.output, "the tiny curricula's graph, not the bundled one")
        }
        #expect(named.binary.output == fromEnvironment.binary.output)
    }

    @Test("curricula that cannot be read give the binary the in-process error and exit status")
    func unreadable() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var environment = Binary.environment(in: folder)
        environment["HEADWAY_CURRICULA"] = folder.appendingPathComponent("no-such-folder").path
        for line in [["score"], ["graph"], ["score", "--assessment", "Fixtures/assessments/reference-mid.yaml"]] {
            let (binary, inProcess) = try both(line, environment)
            #expect(binary.status != 0 && binary.status == inProcess.status, "\(line): \(binary.output)")
            #expect(binary.output == inProcess.output, "\(line)")
        }
    }
}

@Suite("Curricula taken when an operation first reads them")
struct CurriculaSourceTests {
    /// Counts its loads.
    final class Loads: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.lock(); count += 1; lock.unlock() }
        var total: Int { lock.lock(); defer { lock.unlock() }; return count }
    }

    @Test("they load once, at the first read, and a failed load fails every read the same way without loading again")
    func loadsOnce() throws {
        let curriculum = try Environment.loadCurriculum(CurriculaPrefetchTests.tiny)
        let loads = Loads()
        let source = CurriculaSource {
            loads.add(); return curriculum
        }
        #expect(loads.total == 0, "nothing is loaded before it is read")
        #expect(try source.get().version == curriculum.version)
        #expect(try source.get().version == curriculum.version)
        #expect(loads.total == 1)

        struct Unreadable: Error, Equatable {}
        let failures = Loads()
        let failing = CurriculaSource {
            failures.add(); throw Unreadable()
        }
        #expect(throws: Unreadable.self) { try failing.get() }
        #expect(throws: Unreadable.self) { try failing.get() }
        #expect(failures.total == 1)
    }
}
