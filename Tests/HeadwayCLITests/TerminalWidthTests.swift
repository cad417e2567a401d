import Foundation
import Testing

@testable import HeadwayCLI

/// Issue 25.16: text output fits the terminal's width; documents and `--wide` keep their lines.
@Suite("Output fits COLUMNS")
struct TerminalWidthTests {
    /// Lines wider than `width` that could have been wrapped (more than one word after the indent).
    static func overlong(_ text: String, width: Int) -> [String] {
        text.split(separator: "\n").filter { line in
            TextFit.visibleWidth(line) > width && line.drop { $0 == " " }.contains(" ")
        }.map(String.init)
    }

    @Test("every view of a profile with a plan and a week of work fits 80 columns", arguments: [80, 100])
    func viewsFit(width: Int) throws {
        let db = scratchDatabase()
        _ = try headway(["profile", "new", "ana", "--from", reference, "--as-of", "2026-11-23"], db: db)
        let plan = try headway(["plan", "--as-of", "2026-11-23"], db: db, columns: width)
        #expect(Self.overlong(plan.stdout, width: width).isEmpty, "\(Self.overlong(plan.stdout, width: width))")
        _ = try headway(["log", "nsight:2", "3", "partial", "--as-of", "2026-11-25"], db: db)
        // `portfolio` is a Markdown document (for a CV or a pull request), written as exports are.
        let views = [
            ["plan", "show"], ["plan", "show", "2"], ["progress"], ["brief"], ["score"], ["history"], ["roles"], ["signals"],
            ["replan"], ["log", "list"], ["graph", "nccl"], ["assess", "set", "vllm", "3"], ["undo"],
            ["help"], ["log", "--help"], ["curricula", "list"], ["doctor"]
        ]
        for view in views {
            let out = try headway(view + ["--as-of", "2026-11-26"], db: db, columns: width)
            let long = Self.overlong(out.stdout, width: width)
            #expect(long.isEmpty, "\(view.joined(separator: " ")): \(long)")
        }
    }

    @Test("a wrapped line continues under its indent and its item; --wide and exports keep long lines")
    func wrapsUnderItsIndent() throws {
        let line = "    - " + Array(repeating: "word", count: 30).joined(separator: " ")
        let fitted = TextFit.fit(line, width: 40).split(separator: "\n")
        #expect(fitted.count > 1 && fitted.allSatisfy { $0.count <= 40 })
        #expect(fitted.dropFirst().allSatisfy { $0.hasPrefix("      word") })
        #expect(TextFit.fit("  https://example.org/" + String(repeating: "a", count: 90), width: 40).split(separator: "\n").count == 1)

        let db = scratchDatabase()
        _ = try headway(["profile", "new", "ana", "--from", reference, "--as-of", "2026-11-23"], db: db)
        _ = try headway(["plan", "--as-of", "2026-11-23"], db: db)
        let wide = try headway(["plan", "show", "--wide", "--as-of", "2026-11-23"], db: db, columns: 80)
        #expect(wide.status == 0 && !Self.overlong(wide.stdout, width: 80).isEmpty, "--wide keeps the long lines")
        let narrow = try headway(["plan", "show", "--as-of", "2026-11-23"], db: db, columns: 80)
        #expect(narrow.stdout.split(separator: "\n").count > wide.stdout.split(separator: "\n").count)
        for format in ["md", "csv", "ics"] {
            let doc = try headway(["export", "plan", "--format", format, "--output", "-", "--as-of", "2026-11-23"], db: db, columns: 80)
            let file = try headway(["export", "plan", "--format", format, "--output", "-", "--as-of", "2026-11-23"], db: db)
            #expect(doc.stdout == file.stdout, "\(format) is a document: never wrapped")
        }
    }
}
