import Foundation
import Testing

@testable import HeadwayCLI

/// Issue 23.5: proof of work kept with log entries, refused when it could harm a terminal or a
/// file, carried by exports and imports, and gathered by `portfolio`.
@Suite("Evidence and the portfolio")
struct EvidenceTests {
    static func profile() throws -> URL {
        let db = scratchDatabase()
        _ = try headway(["assess", "--sample"], db: db)
        _ = try headway(["plan"], db: db)
        return db
    }

    @Test(
        "bad evidence is one line, exit 65, and nothing is logged",
        arguments: [
            (String(repeating: "a", count: 2001), "evidence is 2001 characters; allowed: at most 2000"),
            ("screen\u{1B}[2Jclear", "evidence holds control characters"),
            ("a\u{202E}b", "evidence holds control characters"),
            ("line\u{2028}break", "evidence holds control characters"),
            ("   ", "evidence is empty")
        ])
    func refused(evidence: String, message: String) throws {
        let db = try Self.profile()
        let before = try Data(contentsOf: db)
        let out = try headway(["log", "nccl", "2", "--evidence", evidence], db: db)
        #expect(out.status == 65)
        #expect(out.stderr.contains(message), "\(out.stderr)")
        #expect(out.stderr.filter { $0 == "\n" }.count == 1)
        #expect(try Data(contentsOf: db) == before, "database bytes unchanged")
    }

    @Test("the portfolio lists the evidence of completed units and work in progress, in md, html and json")
    func portfolio() throws {
        let db = try Self.profile()
        #expect(try headway(["log", "infiniband-roce", "6", "--evidence", "https://github.com/example/ib"], db: db).status == 0)
        #expect(try headway(["log", "infiniband-roce", "8", "done", "--evidence", "a fat-tree sheet"], db: db).status == 0)
        #expect(try headway(["log", "nccl", "2", "--evidence", "notes on NCCL_DEBUG"], db: db).status == 0)
        let md = try headway(["portfolio"], db: db)
        #expect(md.status == 0, "\(md.stderr)")
        #expect(md.stdout.contains("## InfiniBand & RoCE networking: level 1 → 2 · 14 h · +0.41 points"))
        #expect(md.stdout.contains("  - evidence: https://github.com/example/ib") && md.stdout.contains("  - evidence: a fat-tree sheet"))
        #expect(md.stdout.contains("## Work in progress") && md.stdout.contains("notes on NCCL_DEBUG"))
        let html = try headway(["portfolio", "--format", "html"], db: db)
        #expect(html.stdout.contains("<a href=\"https://github.com/example/ib\">"))
        let doc = try json(try headway(["portfolio", "--format", "json"], db: db).stdout)
        let skills = doc["skills"] as? [[String: Any]] ?? []
        #expect(skills.first?["skill"] as? String == "infiniband-roce")
        #expect((doc["other_evidence"] as? [String]) == ["notes on NCCL_DEBUG"])
        // Written to a file, it is private to its owner.
        let file = db.deletingLastPathComponent().appendingPathComponent("portfolio.md")
        #expect(try headway(["portfolio", "--output", file.path], db: db).status == 0)
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test("a profile export carries the evidence, import takes it back, and refuses evidence no command could write")
    func exportImport() throws {
        let db = try Self.profile()
        #expect(try headway(["log", "nccl", "2", "--evidence", "https://example.org/proof"], db: db).status == 0)
        let file = db.deletingLastPathComponent().appendingPathComponent("export.json")
        #expect(try headway(["profile", "export", file.path], db: db).status == 0)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("https://example.org/proof"))
        let other = scratchDatabase()
        let imported = try headway(["profile", "import", file.path, "--as", "copy"], db: other)
        #expect(imported.status == 0, "\(imported.stderr)")
        let list = try headway(["portfolio", "--profile", "copy", "--format", "json"], db: other)
        #expect(list.stdout.contains("https://example.org/proof"))
        let bad = db.deletingLastPathComponent().appendingPathComponent("bad.json")
        try text.replacingOccurrences(of: "https://example.org/proof", with: "proof\\u0007bell").write(to: bad, atomically: true, encoding: .utf8)
        let third = scratchDatabase()
        let refused = try headway(["profile", "import", bad.path], db: third)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("evidence"), "\(refused.stderr)")
        #expect(try headway(["profile", "list"], db: third).stdout.contains("No profiles"))
    }
}
