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

    @Test("the reference fingerprint is a migrated file's; another table, a changed column or index changes it")
    func fingerprint() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue)
        let migrated = try queue.read { try SchemaCheck.fingerprint($0) }
        #expect(migrated == SchemaCheck.referenceFingerprint, "paste into SchemaCheck+Reference.swift: 0x\(String(migrated, radix: 16))")
        #expect(try queue.read { try SchemaCheck.isReference($0) })
        // A file made by an older binary and migrated one version at a time ends the same.
        let stepwise = try DatabaseQueue()
        for identifier in Schema.identifiers { try Schema.migrator.migrate(stepwise, upTo: identifier) }
        #expect(try stepwise.read { try SchemaCheck.isReference($0) })
        for change in [
            "CREATE TABLE mine (x TEXT)", "ALTER TABLE logs ADD COLUMN mine TEXT", "DROP INDEX IF EXISTS \(try Self.anIndex(queue))"
        ] {
            let copy = try DatabaseQueue()
            try Schema.migrator.migrate(copy)
            try copy.write { try $0.execute(sql: change) }
            #expect(try copy.read { try !SchemaCheck.isReference($0) }, "\(change)")
        }
    }

    /// The name of one index the migrations make.
    static func anIndex(_ queue: DatabaseQueue) throws -> String {
        try queue.read { try #require(try String.fetchOne($0, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")) }
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
