import Foundation
import Testing

@testable import HeadwayCLI

/// The `headway` executable closes the databases a command opened when it ends, without freeing
/// them (``StoresUntilExit``): the file must be as a freed database leaves it — every write in
/// the database file itself, no `-wal` or `-shm` beside it.
@Suite("The executable's databases at exit")
struct StoresUntilExitTests {
    @Test("after a writing and a reading command the database file alone holds the record")
    func closedAtExit() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = Binary.environment(in: folder)
        let sample = Binary.repository.appendingPathComponent("Fixtures/assessments/reference-mid.yaml").path
        for line in [["profile", "new", "ana", "--from", sample], ["plan", "--hours", "6"], ["progress"]] {
            let run = try Binary.run(line, input: Data(), environment: environment)
            #expect(run.status == 0, "\(line): \(run.output)")
            let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("headway") }.sorted()
            #expect(left == ["headway.sqlite"], "\(line): no -wal or -shm left: \(left)")
        }
        // A copy of the file alone has the plan: nothing was left in a write-ahead log.
        let copy = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(at: folder.appendingPathComponent("headway.sqlite"), to: copy.appendingPathComponent("headway.sqlite"))
        let shown = try Binary.runInProcess(["plan", "show"], environment: Binary.environment(in: copy))
        #expect(shown.status == 0, "\(shown.output)")
        #expect(shown.output.contains("6 h/week"), "\(shown.output)")
    }
}
