import HeadwayCore
import Testing

/// The wizard's time-split rule, in the core (`Role.split(answered:)`), on the reference role.
@Suite("A time split answered task by task")
struct AnsweredSplitTests {
    let role = bundled.role("ai-infrastructure-engineer")!

    @Test("answers count in order while some of 100% is left; the last task takes the rest")
    func remainder() throws {
        let ids = role.tasks.map(\.id)
        try #require(ids.count >= 3)
        let split = role.split(answered: [0: 60, 1: 30])
        #expect(split[ids[0]] == 60 && split[ids[1]] == 30)
        #expect(ids.dropFirst(2).dropLast().allSatisfy { split[$0] == 0 })
        #expect(split[ids.last!] == 10)
        #expect(abs(split.values.reduce(0, +) - 100) < 1e-9)
    }

    @Test("once nothing is left, later answers count as 0")
    func nothingLeft() {
        let ids = role.tasks.map(\.id)
        let split = role.split(answered: [0: 100, 1: 40])
        #expect(split[ids[0]] == 100 && split[ids[1]] == 0 && split[ids.last!] == 0)
    }

    @Test("the role's own split is stored as none")
    func ownSplit() {
        let own = Dictionary(uniqueKeysWithValues: role.tasks.enumerated().dropLast().map { ($0.offset, $0.element.share) })
        #expect(role.split(answered: own).isEmpty)
        #expect(role.stored(split: Dictionary(uniqueKeysWithValues: role.tasks.map { ($0.id, $0.share) })).isEmpty)
    }
}
