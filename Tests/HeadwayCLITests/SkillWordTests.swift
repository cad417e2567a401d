import HeadwayCore
import Testing

@testable import HeadwayCLI

/// Issue 25.6: a skill is named by its id, or by a unique word or prefix of its id or name;
/// an ambiguous word lists the candidates, and a typo gets the nearest id.
@Suite("Naming a skill")
struct SkillWordTests {
    static let curriculum = WizardTests.curriculum

    @Test(
        "a unique word or prefix names one skill",
        arguments: [
            ("infiniband", "infiniband-roce"), ("SGLang", "sglang"), ("guardrails", "llm-guardrails"), ("nsight", "nsight"),
            ("kubeflow", "kubeflow"), ("NCCL", "nccl"), ("rocm", "rocm"), ("megatron", "large-scale-pretraining")
        ])
    func uniqueWord(word: String, id: String) throws {
        #expect(try Self.curriculum.skill(typed: word).id == id)
    }

    @Test("an ambiguous word lists the candidates, the closest first; a typo gets a suggestion")
    func ambiguous() throws {
        do {
            _ = try Self.curriculum.skill(typed: "inference")
            Issue.record("'inference' named one skill")
        } catch let e as HeadwayError {
            #expect(e.description.hasPrefix("'inference' could be inference-benchmarking"))
            #expect(e.description.contains("inference-optimisation") && e.exitCode == 64)
            #expect(!e.description.contains("\n"))
        }
        do {
            _ = try Self.curriculum.skill(typed: "ncl")
            Issue.record("'ncl' named a skill")
        } catch let e as HeadwayError {
            #expect(e.description.contains("did you mean 'nccl'?"))
        }
    }

    @Test("log takes the word, in process as on the command line")
    func logTakesAWord() throws {
        let db = scratchDatabase()
        _ = try headway(["assess", "--sample"], db: db)
        let out = try headway(["log", "infiniband", "2"], db: db)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("InfiniBand & RoCE networking"))
    }
}
