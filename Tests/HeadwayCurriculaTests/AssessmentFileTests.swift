import Foundation
import HeadwayCore
import HeadwayCurricula
import Testing

@Suite("Assessment files")
struct AssessmentFileTests {
    static let badDir = repoRoot.appendingPathComponent("Fixtures/bad/assessments")
    static let badFiles: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: badDir.path)) ?? []
        return names.filter { !$0.hasSuffix(".expected") }.sorted()
    }()

    @Test("there are at least 12 bad assessment fixtures, each with its expected error")
    func enoughFixtures() {
        #expect(Self.badFiles.count >= 12)
    }

    @Test("each bad assessment gives exactly its expected one-line error", arguments: badFiles)
    func badAssessment(name: String) throws {
        let expected = try String(contentsOf: Self.badDir.appendingPathComponent((name as NSString).deletingPathExtension + ".expected"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let display = "Fixtures/bad/assessments/\(name)"
        #expect(
            performing: {
                try AssessmentLoader.load(Self.badDir.appendingPathComponent(name), displayName: display, curriculum: bundled)
            },
            throws: { error in
                let text = (error as? Diagnostic)?.description ?? "\(error)"
                return text == expected && !text.contains("\n")
            })
    }

    @Test(
        "every good fixture loads and scores",
        arguments: [
            "reference-mid.yaml", "reference-junior.yaml", "reference-senior.yaml",
            "mlops-engineer-mid.yaml", "ai-engineer-mlops-mid.json"
        ])
    func goodFixture(name: String) throws {
        let a = try AssessmentLoader.load(repoRoot.appendingPathComponent("Fixtures/assessments/\(name)"), curriculum: bundled)
        let s = try #require(PersonalModel(curriculum: bundled, assessment: a)).score(at: Day("2026-11-23")!)
        #expect((0...100).contains(s.result.value))
    }

    @Test("juniors score below and seniors above the reference")
    func seniorityOrder() throws {
        func score(_ s: Seniority) throws -> Double {
            try #require(PersonalModel(curriculum: bundled, assessment: Assessment(role: "ai-infrastructure-engineer", seniority: s)))
                .score(at: Day("2026-11-22")!).result.value
        }
        #expect(try score(.junior) < score(.mid))
        #expect(try score(.mid) < score(.senior))
        #expect(try score(.senior) <= score(.staff))
    }

    @Test("a YAML bomb of aliases is refused before it is expanded")
    func aliasBomb() throws {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 { yaml += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        yaml += "role: ai-infrastructure-engineer\n"
        #expect(
            performing: {
                try AssessmentLoader.load(data: Data(yaml.utf8), name: "bomb.yaml", curriculum: bundled)
            }, throws: { ($0 as? Diagnostic)?.message.contains("YAML nodes") == true })
    }
}
