import Foundation
import GRDB
import Testing

@_spi(Fixtures) @testable import HeadwayStore

@Suite("The schema written out")
struct SchemaReferenceTests {
    @Test("the written-out reference schema is what the migrations make from scratch")
    func referenceMatchesMigrations() throws {
        let migrated = try SchemaCheck.migrated()
        let written = Self.literal(SchemaCheck.reference)
        let expected = Self.literal(migrated)
        #expect(written == expected, "paste this into SchemaCheck+Reference.swift:\n\(expected)")
        #expect(!migrated.isEmpty)
    }

    @Test("a file just migrated has no structural problem, read in one statement")
    func freshFileHasNoProblem() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue)
        #expect(try queue.read { try SchemaCheck.structuralProblems($0) } == [])
        try queue.write { try $0.execute(sql: "ALTER TABLE logs DROP COLUMN note") }
        #expect(try queue.read { try SchemaCheck.structuralProblems($0) } == ["table logs has no column note"])
    }

    /// The schema as the Swift literal `SchemaCheck+Reference.swift` holds (one column a line).
    static func literal(_ tables: [(table: String, columns: [SchemaCheck.Column])]) -> String {
        tables.map { t in
            "(\"\(t.table)\", [\n" + t.columns.map { "    (\"\($0.name)\", \"\($0.type)\", \($0.notNull)),\n" }.joined() + "]),"
        }.joined(separator: "\n")
    }
}
