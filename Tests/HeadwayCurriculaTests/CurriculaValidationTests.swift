import Foundation
import HeadwayCore
import HeadwayCurricula
import Testing

@Suite("Curricula validation")
struct CurriculaValidationTests {
    @Test("the bundled curricula pass every check")
    func bundledPasses() {
        let (curriculum, problems) = CurriculumLoader.check(bundledCurricula)
        #expect(problems.isEmpty, "\(problems)")
        #expect(
            curriculum?.roles.map(\.id) == [
                "agent-architect", "ai-engineer-mlops", "ai-infrastructure-engineer", "ai-platform-engineer", "ai-solutions-architect",
                "chief-technology-officer", "cloud-engineer", "data-center-technician", "devops-engineer", "evaluation-engineer",
                "inference-optimization-specialist", "kubernetes-platform-engineer", "ml-ai-engineer", "ml-platform-engineer",
                "mlops-engineer", "platform-engineer", "solutions-architect-senior"
            ])
    }

    @Test("every skill has a description, hours, seeds, and 2/2/2/1 activities; no prerequisite cycle")
    func skillsAreComplete() {
        for s in bundled.graph.skills {
            #expect(!s.description.isEmpty && s.hours.count == 4 && !s.seeds.isEmpty, "\(s.id)")
            for l in 1...3 { #expect((s.activities[l]?.count ?? 0) >= 2, "\(s.id) level \(l)") }
            #expect((s.activities[4]?.count ?? 0) >= 1, "\(s.id) level 4")
        }
        #expect(bundled.graph.findCycle() == nil)
    }

    @Test("seed 004's role carries the task table exactly")
    func seedTable() throws {
        let role = try #require(bundled.role("ai-infrastructure-engineer"))
        #expect(role.tasks.map(\.share) == [25, 20, 15, 15, 10, 10, 5])
        #expect(role.tasks.map(\.score) == [2, 3, 3, 2, 3, 3, 2])
        #expect(role.tasks.map(\.impact) == [.augmentation, .augmentation, .augmentation, .augmentation, .augmentation, .augmentation, .notInvolved])
        #expect(role.market.evidence == 5 && role.market.barriers == 1 && role.growth.score == 1)
        #expect(ProtectiveDimension.allCases.reduce(0) { $0 + role.protective[$1]!.score } == 2)
        #expect(role.ladder.contains(LadderRung(name: "Platform Engineer", score: 43.5, seed: "004")))
        #expect(role.ladder.contains(LadderRung(name: "ML Platform Engineer", score: 47.5, seed: "004")))
    }

    @Test("derived roles mark every task as an estimate with its reason")
    func estimatesAreMarked() {
        for role in bundled.roles where role.id != "ai-infrastructure-engineer" {
            #expect(role.estimate?.isEmpty == false, "\(role.id)")
            for t in role.tasks { #expect(t.estimate?.isEmpty == false, "\(role.id)/\(t.id)") }
        }
    }

    /// Each kind of break, made in a scratch copy, with the text its diagnostic must contain.
    static let breaks: [(name: String, file: String, old: String, new: String, expect: String)] = [
        (
            "prerequisite cycle", "skills.yaml", "      - {skill: cuda, level: 2}\n      - {skill: infiniband-roce, level: 1}",
            "      - {skill: cuda, level: 2}\n      - {skill: infiniband-roce, level: 1}\n      - {skill: nccl, level: 1}", "requires itself"
        ),
        ("unknown prerequisite", "skills.yaml", "- {skill: cuda, level: 2}", "- {skill: cudaa, level: 2}", "requires unknown skill 'cudaa'"),
        ("duplicate skill id", "skills.yaml", "  - id: python\n", "  - id: linux\n", "linux: duplicate skill id"),
        ("unknown task key skill", "roles/ai-infrastructure-engineer.yaml", "nccl: 0.1}", "ncl: 0.1}", "key skill 'ncl' is not in skills.yaml"),
        ("shares not adding to 100", "roles/ai-infrastructure-engineer.yaml", "share: 25", "share: 15", "task shares add to 90; they must add to 100"),
        ("score out of range", "roles/ai-infrastructure-engineer.yaml", "score: 2\n    impact", "score: 6\n    impact", "'score' is 6; allowed: 1..5"),
        ("level out of range", "skills.yaml", "reference_level: 3", "reference_level: 5", "'reference_level' is 5; allowed: 0..4"),
        ("weight out of range", "roles/ai-infrastructure-engineer.yaml", "nccl: 0.1}", "nccl: 2}", "'skills.nccl' is 2; allowed: 0.001..1"),
        ("hours out of range", "skills.yaml", "hours: [4, 10, 20, 36]", "hours: [4, 0, 20, 36]", "'hours' is 0; allowed: 1..200"),
        (
            "skill without activities", "skills.yaml",
            "      4: [\"Tune collectives for a 256+ GPU fabric (topology files, SHARP where available) and publish an internal tuning guide\"]\n", "",
            "nccl: level 4 has 0 activities; at least 1 needed"
        ),
        (
            "task without key skills", "roles/ai-infrastructure-engineer.yaml",
            "skills: {gpu-cluster-management: 0.3, kubernetes-gpu: 0.2, infiniband-roce: 0.2, h100-b200: 0.2, nccl: 0.1}", "skills: {}",
            "ai-infrastructure-engineer/gpu-cluster-management: task has no key skills"
        ),
        ("signal on an unknown task", "signals.yaml", "task: standard-deployment", "task: standard-deploy", "unknown task 'standard-deploy'"),
        ("unknown key", "skills.yaml", "    kind: tool\n", "    kind: tool\n    colour: blue\n", "unknown key 'colour'")
    ]

    @Test("each kind of break is caught with file, line and id", arguments: breaks.indices)
    func catchesBreak(index: Int) throws {
        let b = Self.breaks[index]
        let dir = try scratchCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        try edit(dir, b.file, replacing: b.old, with: b.new)
        let (curriculum, problems) = CurriculumLoader.check(dir)
        #expect(curriculum == nil, "\(b.name) was not refused")
        let hit = problems.first { $0.description.contains(b.expect) }
        #expect(hit != nil, "\(b.name): \(problems.map(\.description))")
        if let hit {
            #expect(hit.file.hasSuffix(b.file == "skills.yaml" || b.name == "prerequisite cycle" ? "skills.yaml" : b.file))
            #expect(hit.line > 0, "\(b.name) has no line")
        }
    }

    @Test("a real cycle through several skills is printed as the cycle")
    func longCycle() throws {
        let dir = try scratchCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        // cuda needs linux; make linux need nccl, which needs cuda: linux -> nccl -> cuda -> linux.
        try edit(
            dir, "skills.yaml", replacing: "    reference_level: 3\n    hours: [4, 12, 24, 40]\n    requires: []",
            with: "    reference_level: 3\n    hours: [4, 12, 24, 40]\n    requires: [{skill: nccl, level: 1}]")
        let (_, problems) = CurriculumLoader.check(dir)
        let cycle = try #require(problems.first { $0.message.hasPrefix("prerequisite cycle: ") })
        let path = cycle.message.dropFirst("prerequisite cycle: ".count).components(separatedBy: " -> ")
        #expect(path.first == path.last)
        #expect(path.contains("nccl") && path.contains("linux"))
    }

    @Test("every problem is reported at once")
    func reportsAll() throws {
        let dir = try scratchCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        try edit(dir, "skills.yaml", replacing: "hours: [4, 10, 20, 36]", with: "hours: [4, 0, 20, 36]")
        try edit(dir, "roles/ai-infrastructure-engineer.yaml", replacing: "share: 25", with: "share: 15")
        try edit(dir, "signals.yaml", replacing: "task: standard-deployment", with: "task: standard-deploy")
        let (_, problems) = CurriculumLoader.check(dir)
        #expect(problems.count >= 3)
    }
}
