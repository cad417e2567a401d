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

    @Test("every skill has a description, hours, a source, and activities that fill each unit; no prerequisite cycle")
    func skillsAreComplete() {
        for s in bundled.graph.skills {
            // A skill the seeds do not name (a curator addition) cites resources instead.
            let cited = s.activities.values.flatMap { $0 }.contains { !$0.step.resources.isEmpty }
            #expect(!s.description.isEmpty && s.hours.count == 4 && (!s.seeds.isEmpty || cited), "\(s.id)")
            for l in 1...4 {
                let list = s.activities[l] ?? []
                #expect(list.count >= (s.hours[l - 1] > 20 ? 3 : 2), "\(s.id) level \(l)")
                #expect(abs(list.reduce(0) { $0 + $1.step.hours } - s.hours[l - 1]) <= 0.5, "\(s.id) level \(l) hours")
                for a in list { #expect(!a.step.evidence.isEmpty, "\(s.id) level \(l): \(a.text)") }
            }
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
            "prerequisite cycle", "skills.yaml", "    requires: [{skill: cuda, level: 1}]\n    seeds: ['004']",
            "    requires: [{skill: cuda, level: 1}, {skill: nccl, level: 1}]\n    seeds: ['004']", "requires itself"
        ),
        ("unknown prerequisite", "skills.yaml", "{skill: cuda, level: 1}", "{skill: cudaa, level: 1}", "requires unknown skill 'cudaa'"),
        ("duplicate skill id", "skills.yaml", "  - id: python\n", "  - id: linux\n", "linux: duplicate skill id"),
        ("unknown task key skill", "roles/ai-infrastructure-engineer.yaml", "nccl: 0.1}", "ncl: 0.1}", "key skill 'ncl' is not in skills.yaml"),
        ("shares not adding to 100", "roles/ai-infrastructure-engineer.yaml", "share: 25", "share: 15", "task shares add to 90; they must add to 100"),
        ("score out of range", "roles/ai-infrastructure-engineer.yaml", "score: 2\n    impact", "score: 6\n    impact", "'score' is 6; allowed: 1..5"),
        ("level out of range", "skills.yaml", "reference_level: 3", "reference_level: 5", "'reference_level' is 5; allowed: 0..4"),
        ("weight out of range", "roles/ai-infrastructure-engineer.yaml", "nccl: 0.1}", "nccl: 2}", "'skills.nccl' is 2; allowed: 0.001..1"),
        ("hours out of range", "skills.yaml", "hours: [4, 10, 20, 36]", "hours: [4, 0, 20, 36]", "'hours' is 0; allowed: 1..200"),
        (
            "task without key skills", "roles/ai-infrastructure-engineer.yaml",
            "    skills: {gpu-cluster-management: 0.25, kubernetes-gpu: 0.15, gpu-batch-scheduling: 0.1, infiniband-roce: 0.2, h100-b200: 0.15, rack-scale-systems: 0.05, nccl: 0.1}",
            "    skills: {}",
            "ai-infrastructure-engineer/gpu-cluster-management: task has no key skills"
        ),
        ("signal on an unknown task", "signals.yaml", "task: standard-deployment", "task: standard-deploy", "unknown task 'standard-deploy'"),
        ("unknown key", "skills.yaml", "    kind: tool\n", "    kind: tool\n    colour: blue\n", "unknown key 'colour'"),
        // Format 2: activities as records.
        (
            "unknown access", "skills.yaml", "          access: multi-gpu\n", "          access: supercomputer\n",
            "access 'supercomputer' is not one of laptop, gpu, multi-gpu, cluster, team"
        ),
        (
            "activities not adding up", "skills.yaml", "            and topology NCCL reports\n          hours: 2\n",
            "            and topology NCCL reports\n          hours: 6\n", "nccl: level 1 activities add up to 8 h; the unit has 4 h"
        ),
        ("unknown resource", "skills.yaml", "resources: [nccl-env-docs]", "resources: [nccl-env-dox]", "resource 'nccl-env-dox' is not in resources.yaml"),
        ("negative GPU hours", "skills.yaml", "          gpu_hours: 4\n", "          gpu_hours: -4\n", "'gpu_hours' is -4; allowed: 0..10000"),
        (
            "activity naming a year", "skills.yaml", "Read the NCCL environment-variable page", "Read the 2026 NCCL environment-variable page",
            "activity text names '2026'; activities must not name a month or a year"
        ),
        (
            "activity naming a month", "skills.yaml", "Read the NCCL environment-variable page", "In March read the NCCL environment-variable page",
            "activity text names 'March'"
        ),
        (
            "duplicated activity", "skills.yaml",
            "        - text: Build nccl-tests and run all_reduce_perf on all GPUs of one node from 8 B to 1 GB with NCCL_DEBUG=INFO, noting the transport\n            and topology NCCL reports",
            "        - text: Read the NCCL environment-variable page and sort the variables into system configuration (kept in nccl.conf) and debugging-only\n            ones that must not stay in production scripts",
            "is also listed under nccl level 1; activities must not repeat"
        ),
        (
            "evidence missing", "skills.yaml", "          evidence: a two-column table with a one-line reason per variable\n", "",
            "nccl level 1: missing key 'evidence'"
        ),
        (
            "alternative needing more", "skills.yaml", "              time and rank count\n            hours: 2\n            access: laptop\n",
            "              time and rank count\n            hours: 2\n            access: cluster\n", "an alternative needs less access"
        ),
        (
            "resource without a locator", "resources.yaml", "    locator: https://docs.nvidia.com/deeplearning/nccl/user-guide/docs/env.html\n", "",
            "missing key 'locator'"
        ),
        (
            "resource with a made-up locator", "resources.yaml", "    locator: https://docs.nvidia.com/deeplearning/nccl/user-guide/docs/env.html\n",
            "    locator: see the NVIDIA site\n", "is not an https URL, a DOI"
        ),
        (
            "retired skill weighted", "roles/ai-infrastructure-engineer.yaml", "nccl: 0.1}", "nccl: 0.1, tgi: 0.1}",
            "weights retired skill 'tgi'; move its weight to sglang"
        ),
        (
            "signal without a source", "signals.yaml",
            "    seeds: [\"001\"]\n    window: {from: 2025-01-01, to: 2027-12-31}\n    effects:\n      - {role: mlops-engineer, task: standard-deployment",
            "    window: {from: 2025-01-01, to: 2027-12-31}\n    effects:\n      - {role: mlops-engineer, task: standard-deployment",
            "signal has no source"
        )
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
            let expectedFile = b.name == "retired skill weighted" ? "roles/ai-infrastructure-engineer.yaml" : b.file
            #expect(hit.file.hasSuffix(expectedFile))
            #expect(hit.line > 0 || b.name == "retired skill weighted", "\(b.name) has no line")
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
        // nccl needs cuda, which needs linux.
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
