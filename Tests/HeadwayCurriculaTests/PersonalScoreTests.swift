import Foundation
import HeadwayCore
import HeadwayCurricula
import HeadwaySynthetic
import Testing

@Suite("The personal score (MODEL.md §3)")
struct PersonalScoreTests {
    static let referenceDay = Day("2026-11-22")!

    @Test("the reference fixture reproduces seed 004: 49.1, Green (Transforming)")
    func referenceFixture() throws {
        let a = try AssessmentLoader.load(repoRoot.appendingPathComponent("Fixtures/assessments/reference-mid.yaml"), curriculum: bundled)
        let s = try #require(PersonalModel(curriculum: bundled, assessment: a)).score(at: Self.referenceDay).result
        #expect(abs(s.taskResistance - 3.45) < 1e-12)
        #expect((s.raw * 10_000).rounded() / 10_000 == 4.4339)
        #expect(s.rounded == 49.1 && s.label == "Green (Transforming)")
        #expect(abs(s.shareAtThreePlus - 0.55) < 1e-12)
        let p = s.shownParts
        #expect([p.base, p.evidence, p.barriers, p.growth] == [36.7, 8.7, 1.0, 2.7])
    }

    @Test("a mid-level assessment with no answers gives each role's own score on its reference date")
    func roleReference() throws {
        for role in bundled.roles {
            let own = AIJRI.score(tasks: role.tasks.map { ($0.share / 100, $0.score) }, market: role.market.totals)
            let person = try #require(PersonalModel(curriculum: bundled, assessment: Assessment(role: role.id)))
            let s = person.score(at: role.referenceDate).result
            #expect(abs(s.value - own.value) < 1e-9, "\(role.id)")
            if let published = role.publishedScore { #expect(s.rounded == published, "\(role.id)") }
        }
    }

    @Test("signals move the score only away from the reference date")
    func signalsDrift() throws {
        let person = try #require(PersonalModel(curriculum: bundled, assessment: Assessment(role: "ai-infrastructure-engineer")))
        let later = person.score(at: Day("2029-06-30")!).result.value
        #expect(later < person.score(at: Self.referenceDay).result.value)
    }

    /// A random valid assessment of `role`: some levels, maybe a time split, maybe overrides.
    static func randomAssessment(_ role: Role, _ rng: inout SplitMix64) -> Assessment {
        var a = Assessment(role: role.id, seniority: Seniority.allCases.randomElement(using: &rng)!)
        for s in bundled.graph.skills where Int.random(in: 0..<3, using: &rng) == 0 { a.skills[s.id] = Int.random(in: 0...4, using: &rng) }
        if Bool.random(using: &rng) {
            var split = role.tasks.map { _ in Double(Int.random(in: 0...10, using: &rng)) }
            if split.allSatisfy({ $0 == 0 }) { split[0] = 1 }
            let total = split.reduce(0, +)
            var percents = split.map { ($0 / total * 100 * 100).rounded() / 100 }
            let largest = percents.indices.max { percents[$0] < percents[$1] }!
            percents[largest] += 100 - percents.reduce(0, +)
            a.timeSplit = Dictionary(uniqueKeysWithValues: zip(role.tasks.map(\.id), percents))
        }
        if Int.random(in: 0..<4, using: &rng) == 0 {
            a.market.evidence[EvidenceDimension.allCases.randomElement(using: &rng)!] = Double(Int.random(in: -2...2, using: &rng))
            a.market.growth = Double(Int.random(in: -2...2, using: &rng))
        }
        return a
    }

    static func randomDay(_ rng: inout SplitMix64) -> Day { Day("2024-01-01")!.adding(days: Int.random(in: 0...(365 * 8), using: &rng)) }

    @Test("over 1,000 random assessments per role: monotone in levels and in share moves, bounded, deterministic",
          arguments: ["ai-engineer-mlops", "ai-infrastructure-engineer", "mlops-engineer"])
    func properties(roleID: String) throws {
        let role = try #require(bundled.role(roleID))
        var rng = SplitMix64(seed: UInt64(roleID.utf8.reduce(0) { $0 &* 31 &+ Int($1) }.magnitude))
        for i in 0..<1_000 {
            let a = Self.randomAssessment(role, &rng)
            #expect(a.problems(in: bundled).isEmpty, "case \(i): \(a.problems(in: bundled))")
            let person = try #require(PersonalModel(curriculum: bundled, assessment: a))
            let day = Self.randomDay(&rng)
            let before = person.score(at: day)
            #expect((0...100).contains(before.result.value))
            #expect(person.score(at: day) == before, "case \(i): not deterministic")

            // Raising any level never lowers the score.
            let skill = bundled.graph.skills.randomElement(using: &rng)!.id
            var levels = person.levels
            if levels[skill]! < 4 {
                levels[skill]! += 1
                let after = person.score(at: day, levels: levels).result.value
                #expect(after >= before.result.value - 1e-12, "case \(i): raising \(skill) lowered the score")
            }

            // Moving share from a task with higher a_t to one with lower never lowers it.
            let tasks = before.tasks
            let hi = tasks.indices.max { tasks[$0].automation < tasks[$1].automation }!
            let lo = tasks.indices.min { tasks[$0].automation < tasks[$1].automation }!
            if tasks[hi].automation > tasks[lo].automation, tasks[hi].share > 0 {
                var split = Dictionary(uniqueKeysWithValues: tasks.map { ($0.id, $0.share * 100) })
                let moved = tasks[hi].share * 100 * Double.random(in: 0.1...1, using: &rng)
                split[tasks[hi].id]! -= moved
                split[tasks[lo].id]! += moved
                var b = a
                b.timeSplit = split
                let after = try #require(PersonalModel(curriculum: bundled, assessment: b)).score(at: day).result.value
                #expect(after >= before.result.value - 1e-9, "case \(i): moving share lowered the score")
            }
        }
    }
}
