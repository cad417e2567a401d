import Foundation
import HeadwayCore
import Testing

@testable import HeadwayCurricula

/// Inputs the libFuzzer targets (`Fuzz/`) broke, kept in `Fixtures/fuzz/regressions/` and fed
/// to the same function with the same property the fuzzer checks.
@Suite("Inputs the fuzzers found stay fixed (assessments, curricula)")
struct FuzzRegressionTests {
    static let folder = repoRoot.appendingPathComponent("Fixtures/fuzz/regressions")
    static func files(_ target: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix(target + "-") }.sorted()
    }

    @Test("each assessment the fuzzer broke is refused in one line, or loads and scores within 0...100", arguments: files("assessment"))
    func assessment(name: String) throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(name))
        let a: Assessment
        do { a = try AssessmentLoader.load(data: data, name: "fuzz.yaml", curriculum: bundled) } catch {
            #expect(!error.description.isEmpty && !error.description.contains("\n"), "\(error.description.debugDescription)")
            return
        }
        let model = try #require(PersonalModel(curriculum: bundled, assessment: a))
        for day in [Day("2026-11-23")!, a.start ?? Day("2026-11-23")!] {
            #expect((0...100).contains(model.score(at: day).result.value))
        }
    }

    @Test("a whole file that is one quoted value with a newline: the error stays one line and quotes none of it")
    func newlineInValue() throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("assessment-newline-in-scalar.yaml"))
        #expect(
            performing: { try AssessmentLoader.load(data: data, name: "fuzz.yaml", curriculum: bundled) },
            throws: { error in
                (error as? Diagnostic)?.description
                    == "fuzz.yaml:1: expected a mapping of assessment keys, found plain text"
            })
    }

    @Test("an escape sequence or a newline in a key reaches the message escaped, and a long key is cut")
    func escapedKeys() throws {
        let yaml = "role: ai-infrastructure-engineer\nskills:\n  \"a\\e[2J\\nb\": 2\n  \(String(repeating: "k", count: 300)): 1\n"
        #expect(
            performing: { try AssessmentLoader.load(data: Data(yaml.utf8), name: "x.yaml", curriculum: bundled) },
            throws: { error in
                (error as? Diagnostic)?.description
                    == "x.yaml:3: skills.a\\u{1B}[2J\\nb: unknown skill 'a\\u{1B}[2J\\nb'; see `headway graph` for the skill ids"
            })
    }

    @Test(
        "oneLine escapes control characters and cuts at its limit",
        arguments: [
            ("plain", 500, "plain"),
            ("a\nb\r\tc", 500, "a\\nb\\r\\tc"),
            ("\u{1B}[2J\u{7F}\u{85}\u{2028}", 500, "\\u{1B}[2J\\u{7F}\\u{85}\\u{2028}"),
            ("abcdef", 3, "abc…"),
            ("abc", 3, "abc"),
            ("é日本🙂", 500, "é日本🙂")
        ] as [(String, Int, String)])
    func oneLineText(text: String, limit: Int, expected: String) {
        #expect(oneLine(text, limit: limit) == expected)
    }
}
