import Foundation
import Testing

@testable import HeadwayCLI

/// Defects of issue 25 fixed in this round, each as the person met it.
@Suite("The record agrees with what it told the person")
struct RecordFixTests {
    @Test("25.2: `assess set hours 8` says a replan uses 8 h a week, and replan does")
    func replanUsesReassessedHours() throws {
        let db = scratchDatabase()
        _ = try headway(["assess", "--sample"], db: db)
        _ = try headway(["plan"], db: db)
        let set = try headway(["assess", "set", "hours", "8"], db: db)
        #expect(set.stdout.contains("`replan` plans the weeks left with them"))
        let replan = try headway(["replan", "--json"], db: db)
        #expect(replan.status == 0, "\(replan.stderr)")
        #expect(try json(replan.stdout)["hours_per_week"] as? Double == 8)
    }
}
