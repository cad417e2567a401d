import Foundation
import Testing

@testable import HeadwayCore

/// A snapshot's reason is stored as a code with parameters and read back from them; the
/// sentence is only shown (issue 22.2).
@Suite("Snapshot reasons are typed")
struct SnapshotReasonTests {
    /// One of each case, with the awkward values the commands can give them.
    static let examples: [Snapshot.Reason] = [
        .assessment, .reassessment,
        .reassessedSkill(skill: "nccl", level: 3, unsure: false), .reassessedSkill(skill: "vllm-serving", level: 0, unsure: true),
        .reassessedAnswer(key: "hours", value: "8"), .reassessedAnswer(key: "split", value: "ops=30 design=20 debug=50"),
        .completed(UnitID(skill: "triton-kernels", level: 2), on: nil), .completed(UnitID(skill: "nccl", level: 4), on: Day("2026-11-20")!),
        .logEdited(id: 7), .logRemoved(id: 12_345),
        .signal(id: "managed-platforms-absorb-gpu-ops", entering: true), .signal(id: "routine-infra-ops-automated", entering: false),
        .curricula(label: "2026.12", changes: "signal \"x\" added, -0.2; nccl hours 30 → 24, +0.1"),
        .curricula(label: "2026.12", changes: "replaces 2026.11, which is no longer on this machine to compare"),
        .text("weekly check: a reason, with: colons")
    ]

    @Test("every case comes back from its code and parameters", arguments: examples)
    func codeRoundTrip(reason: Snapshot.Reason) {
        #expect(Snapshot.Reason(code: reason.code, parameters: reason.parameters) == reason)
    }

    @Test("the sentences Headway wrote before codes are read back into their case", arguments: examples)
    func legacySentences(reason: Snapshot.Reason) {
        #expect(Snapshot.Reason(legacy: reason.description) == reason)
    }

    @Test("the sentences are the ones shown since the first round")
    func sentences() {
        #expect(
            Self.examples.prefix(12).map(\.description) == [
                "assessment", "re-assessment", "re-assessment nccl:3", "re-assessment vllm-serving:0?", "re-assessment hours 8",
                "re-assessment split ops=30 design=20 debug=50", "completed triton-kernels:2", "completed nccl:4 (done 2026-11-20)",
                "log #7 edited", "log #12345 removed", "signal managed-platforms-absorb-gpu-ops enters its window",
                "signal routine-infra-ops-automated completes its window"
            ])
    }

    @Test(
        "a sentence Headway never wrote stays text, even one that starts like a reason",
        arguments: [
            "assessment ", "completed", "completed nccl", "completed nccl:x", "completed nccl:3 (done 2026-13-01)", "log #x edited",
            "log #3 deleted", "signal x enters", "curricula", "curricula 2026.12", "override vllm:3", "", "re-assessment nccl:three"
        ])
    func foreignSentences(sentence: String) {
        #expect(Snapshot.Reason(legacy: sentence) == .text(sentence))
    }

    @Test(
        "a code this version does not know, or a parameter missing or malformed, is not a reason",
        arguments: [
            ("override", ["skill": "x"]), ("completed", ["skill": "nccl"]), ("completed", ["skill": "nccl", "level": "x"]),
            ("completed", ["skill": "nccl", "level": "2", "done": "yesterday"]), ("log.edited", ["log": "seven"]),
            ("reassessment.skill", ["skill": "nccl", "level": "3"]), ("signal.enters", [:]), ("curricula", ["label": "x"]), ("text", [:])
        ])
    func unknownCodes(code: String, parameters: [String: String]) {
        #expect(Snapshot.Reason(code: code, parameters: parameters) == nil)
    }

    @Test("as JSON, a reason is its code and parameters; a sentence written there before codes (a kept redo row) still reads")
    func json() throws {
        let reason = Snapshot.Reason.completed(UnitID(skill: "nccl", level: 3), on: Day("2026-11-20")!)
        let data = try JSONEncoder().encode(reason)
        #expect(try JSONDecoder().decode(Snapshot.Reason.self, from: data) == reason)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["code"] as? String == "completed")
        #expect(try JSONDecoder().decode(Snapshot.Reason.self, from: Data(#""completed nccl:3 (done 2026-11-20)""#.utf8)) == reason)
        #expect(try JSONDecoder().decode(Snapshot.Reason.self, from: Data(#""weekly check""#.utf8)) == .text("weekly check"))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Snapshot.Reason.self, from: Data(#"{"code": "override", "parameters": {}}"#.utf8)) }
    }
}
