import Foundation
import Testing

@Suite("The band in every score view, and `assess set` for one answer at a time")
struct AssessSetTests {
    final class Profile {
        let folder: URL
        let environment: [String: String]
        init() throws {
            folder = try Binary.temporaryFolder()
            environment = Binary.environment(in: folder)
            let made = try run(["profile", "new", "ana", "--from", "Fixtures/assessments/reference-mid.yaml"])
            #expect(made.status == 0, "\(made.output)")
        }
        deinit { try? FileManager.default.removeItem(at: folder) }

        @discardableResult
        func run(_ arguments: [String]) throws -> Binary.Result {
            try Binary.runInProcess(arguments, environment: environment)
        }

        func json(_ arguments: [String]) throws -> [String: Any] {
            let r = try run(arguments)
            return try #require(JSONSerialization.jsonObject(with: Data(r.output.utf8)) as? [String: Any], "\(r.output)")
        }
    }

    @Test("score, plan and history show the band; their JSON carries it as [low, high] around the score")
    func bandEverywhere() throws {
        let p = try Profile()
        let score = try p.json(["score", "--json"])
        let band = try #require(score["band"] as? [Double])
        let value = try #require(score["score"] as? Double)
        #expect(band.count == 2 && band[0] < value && value < band[1])
        #expect(try p.run(["score"]).output.contains("AIJRI \(value), likely \(band[0])-\(band[1])"))
        let plan = try p.json(["plan", "--json"])
        let start = try #require(plan["start_band"] as? [Double]), end = try #require(plan["projected_band"] as? [Double])
        #expect(start == band)
        #expect(end[0] <= (plan["projected_score"] as? Double ?? 0) && end[1] >= (plan["projected_score"] as? Double ?? 0))
        #expect(end[1] - end[0] < start[1] - start[0], "skills the plan raises count as sure at their end level")
        #expect(try p.run(["plan", "show"]).output.contains("Likely \(start[0])-\(start[1]) at the start"))
        let history = try p.json(["history", "--json"])
        let first = try #require((history["snapshots"] as? [[String: Any]])?.first)
        #expect(first["band"] as? [Double] == band)
    }

    @Test("`assess set hours|split|off|unsure|sure` each writes one re-assessment that `undo` reverts")
    func oneAnswer() throws {
        let p = try Profile()
        #expect(try p.run(["assess", "set", "hours", "5"]).output.contains("Hours per week: 6 → 5"))
        let split = try p.run([
            "assess", "set", "split",
            "gpu-cluster-management=40,model-serving-inference=20,training-pipeline-orchestration=10,"
                + "cuda-nccl-optimisation=10,gpu-cost-management=10,monitoring-incident-response=5,cross-functional-collaboration=5"
        ])
        #expect(split.status == 0, "\(split.output)")
        #expect(try p.run(["assess", "set", "off", "2026-12-21"]).output.contains("Weeks off: 2026-12-21"))
        let assumed = try #require(try p.json(["score", "--json"])["band"] as? [Double])
        let answered = try p.run(["assess", "set", "vllm", "2"])
        #expect(answered.output.contains("vLLM (vllm): 2 (assumed) → 2"), "\(answered.output)")
        let before = try #require(try p.json(["score", "--json"])["band"] as? [Double])
        #expect(before[1] - before[0] <= assumed[1] - assumed[0])
        let unsure = try p.run(["assess", "set", "unsure", "vllm"])
        #expect(unsure.output.contains("Unsure, may be one level off: vLLM (2)"), "\(unsure.output)")
        let wider = try #require(try p.json(["score", "--json"])["band"] as? [Double])
        #expect(wider[1] - wider[0] >= before[1] - before[0])
        #expect(try p.run(["assess", "set", "sure", "vllm"]).status == 0)
        #expect(try p.json(["score", "--json"])["band"] as? [Double] == before)
        let plan = try p.json(["plan", "--json"])
        #expect(plan["hours_per_week"] as? Double == 5)
        let history = try p.json(["history", "--json"])
        let reasons = (history["snapshots"] as? [[String: Any]] ?? []).compactMap { $0["reason"] as? String }
        #expect(reasons.filter { $0.hasPrefix("re-assessment") }.count == 6, "\(reasons)")
        // The plan was made last: undo takes it back first, then the re-assessment.
        #expect(try p.run(["undo"]).output.hasPrefix("Undid the plan "))
        let undo = try p.run(["undo"])
        #expect(undo.status == 0, "\(undo.output)")
        #expect(try p.json(["score", "--json"])["band"] as? [Double] == wider)
    }

    @Test(
        "a bad value is one line naming what is allowed, and nothing is written",
        arguments: [
            (["hours", "50"], "hours 50 is out of range; allowed: 1-40"),
            (["hours", "lots"], "hours 'lots' is not a number; allowed: 1-40"),
            (["split", "gpu-cluster-management=50"], "time_split: shares add to 50; they must add to 100"),
            (["split", "nonsense"], "split 'nonsense' is not TASK=PERCENT; allowed tasks: gpu-cluster-management"),
            (["off", "soon"], "off 'soon' is not a date; allowed: YYYY-MM-DD"),
            (["off", "2026-12-21=99"], "that week's hours must be 0-40"),
            (["unsure", "nccl"], "'nccl' has no level under skills; only an answered level can be unsure"),
            (["unsure", "no-such"], "unknown skill 'no-such'"),
            (["vllm", "7?"], "level '7' is not allowed; allowed: 0-4")
        ] as [([String], String)])
    func refuses(arguments: [String], message: String) throws {
        let p = try Profile()
        let before = try p.run(["history", "--json"]).output
        let r = try p.run(["assess", "set"] + arguments)
        #expect(r.status != 0)
        #expect(r.output.contains(message), "\(r.output)")
        #expect(r.output.split(separator: "\n").count == 1)
        #expect(try p.run(["history", "--json"]).output == before)
    }
}
