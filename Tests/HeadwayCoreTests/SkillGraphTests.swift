import HeadwayCore
import Testing

@Suite("The skills graph")
struct SkillGraphTests {
    static func skill(_ id: String, _ requires: [(String, Int)] = []) -> Skill {
        Skill(
            id: id, name: id, kind: .tool, group: "g", description: id, referenceLevel: 2, hours: [1, 2, 3, 4],
            requires: requires.map { Prerequisite(skill: $0.0, level: $0.1) }, seeds: ["004"], activities: [:])
    }

    @Test("topological order puts every prerequisite first")
    func topological() throws {
        let g = SkillGraph(
            groups: [],
            skills: [
                Self.skill("nccl", [("cuda", 2), ("ib", 1)]), Self.skill("cuda", [("linux", 2)]),
                Self.skill("ib", [("linux", 1)]), Self.skill("linux")
            ])
        let order = try #require(g.topologicalOrder())
        for s in g.skills { for p in s.requires { #expect(order.firstIndex(of: p.skill)! < order.firstIndex(of: s.id)!) } }
        #expect(g.findCycle() == nil)
    }

    @Test("a cycle is found and printed as a closed path")
    func cycle() throws {
        let g = SkillGraph(groups: [], skills: [Self.skill("a", [("b", 1)]), Self.skill("b", [("c", 1)]), Self.skill("c", [("a", 2)])])
        let cycle = try #require(g.findCycle())
        #expect(cycle.first == cycle.last)
        #expect(Set(cycle) == ["a", "b", "c"])
        #expect(g.topologicalOrder() == nil)
    }

    @Test("closure keeps the highest level needed; unlocks lists direct dependents")
    func closureAndUnlocks() {
        let g = SkillGraph(
            groups: [],
            skills: [
                Self.skill("nccl", [("cuda", 2), ("linux", 1)]), Self.skill("cuda", [("linux", 3)]),
                Self.skill("linux")
            ])
        #expect(g.prerequisiteClosure(of: "nccl") == ["cuda": 2, "linux": 3])
        #expect(g.unlocks("linux").map(\.skill).sorted() == ["cuda", "nccl"])
    }
}
