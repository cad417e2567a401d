import Foundation
import Testing

@Suite("Team batch")
struct BatchTests {
    @Test("plans every file, reports a bad one by name, and still finishes the others")
    func batch() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hw-batch-\(UUID().uuidString)")
        let input = dir.appendingPathComponent("in"), output = dir.appendingPathComponent("out/plans")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let reference = try String(contentsOf: repoRoot.appendingPathComponent("Fixtures/assessments/reference-mid.yaml"), encoding: .utf8)
        for i in 0..<24 {
            try (reference + "skills: {vllm: \(i % 5), nccl: \((i / 5) % 5)}\nhours_per_week: \(2 + i % 10)\n")
                .replacingOccurrences(of: "hours_per_week: 6\n", with: "")
                .write(to: input.appendingPathComponent(String(format: "person-%02d.yaml", i)), atomically: true, encoding: .utf8)
        }
        try "role: ai-infrastructure-engineer\nskills: {vllm: 7}\n".write(to: input.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let out = try headwayProcess(["batch", "plan", "--assessments", input.path, "--output", output.path, "--jobs", "4"])
        #expect(out.status == 1)
        #expect(out.stderr == "error: broken.yaml:2: skills.vllm: is 7; allowed: 0..4\n")
        #expect(out.stdout.contains("Planned 24 of 25 assessments"))
        let plans = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasSuffix(".plan.json") }
        #expect(plans.count == 24)
        // Each plan is the same as planning that file alone.
        let alone = try headwayProcess(["plan", "--assessment", input.appendingPathComponent("person-07.yaml").path, "--json"])
        let batched = try String(contentsOf: output.appendingPathComponent("person-07.plan.json"), encoding: .utf8)
        #expect(alone.stdout == batched)
        let summary = try json(try String(contentsOf: output.appendingPathComponent("summary.json"), encoding: .utf8))
        #expect((summary["entries"] as? [[String: Any]])?.count == 25)
    }

    @Test("a missing input folder is one clear line")
    func missingFolder() throws {
        let out = try headwayProcess(["batch", "plan", "--assessments", "/nonexistent/team", "--output", "/tmp/x"])
        #expect(out.status == 66 && out.stderr == "error: cannot read --assessments /nonexistent/team: no such folder or not readable\n")
    }
}
