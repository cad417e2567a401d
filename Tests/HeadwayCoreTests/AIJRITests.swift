import Foundation
import HeadwayCore
import Testing

@Suite("The AIJRI formula (MODEL.md §2)")
struct AIJRITests {
    /// Seed 004's task table: AI Infrastructure Engineer, mid-level.
    static let seedTasks: [(share: Double, automation: Double)] = [
        (0.25, 2), (0.20, 3), (0.15, 3), (0.15, 2), (0.10, 3), (0.10, 3), (0.05, 2)
    ]
    static let seedMarket = MarketTotals(evidence: 5, barriers: 1, growth: 1)

    @Test("reproduces seed 004's worked example to the digit")
    func workedExample() {
        let r = AIJRI.score(tasks: Self.seedTasks, market: Self.seedMarket)
        #expect(abs(r.taskResistance - 3.45) < 1e-12)
        #expect((r.raw * 10_000).rounded() / 10_000 == 4.4339)
        #expect(r.rounded == 49.1)
        #expect(r.zone == .green)
        #expect(r.label == "Green (Transforming)")
        #expect(abs(r.shareAtThreePlus - 0.55) < 1e-12)
        let parts = r.shownParts
        #expect([parts.base, parts.evidence, parts.barriers, parts.growth] == [36.7, 8.7, 1.0, 2.7])
    }

    @Test("a task counts toward 3+ exactly when it shows as 3.00 or more to two decimals")
    func threePlusAsShown() {
        let market = MarketTotals(evidence: 0, barriers: 0, growth: 0)
        let shown = AIJRI.score(tasks: [(0.3, 2.996), (0.7, 1)], market: market)
        #expect(String(format: "%.2f", 2.996) == "3.00")
        #expect(abs(shown.shareAtThreePlus - 0.3) < 1e-12)
        let below = AIJRI.score(tasks: [(0.3, 2.994), (0.7, 1)], market: market)
        #expect(String(format: "%.2f", 2.994) == "2.99")
        #expect(below.shareAtThreePlus == 0)
    }

    @Test("the four exact parts add up to the unclamped index")
    func partsAddUp() {
        let r = AIJRI.score(tasks: Self.seedTasks, market: Self.seedMarket)
        #expect(abs(r.parts.sum - r.value) < 1e-9)
    }

    @Test(
        "zones follow the rounded value",
        arguments: [
            (47.95, Zone.green), (48.0, .green), (47.94, .yellow), (25.0, .yellow), (24.96, .yellow), (24.94, .red), (0, .red)
        ])
    func zones(value: Double, zone: Zone) {
        #expect(Zone(rounded: (value * 10).rounded() / 10) == zone)
    }

    @Test("Green sub-labels: Accelerated at G = 2, Transforming at 20% or more at 3+, else Stable")
    func subLabels() {
        let low: [(share: Double, automation: Double)] = [(0.85, 1), (0.15, 3)]
        #expect(AIJRI.score(tasks: low, market: .init(evidence: 5, barriers: 3, growth: 2)).label == "Green (Accelerated)")
        #expect(AIJRI.score(tasks: low, market: .init(evidence: 5, barriers: 3, growth: 1)).label == "Green (Stable)")
        let mixed: [(share: Double, automation: Double)] = [(0.8, 1), (0.2, 3)]
        #expect(AIJRI.score(tasks: mixed, market: .init(evidence: 5, barriers: 3, growth: 1)).label == "Green (Transforming)")
        #expect(AIJRI.score(tasks: [(1, 4)], market: .init(evidence: 0, barriers: 0, growth: 0)).label == "Red")
    }

    @Test("shown parts always add up to the shown score")
    func shownPartsAddUp() {
        var rng = SeededRandom(seed: 7)
        for _ in 0..<2_000 {
            let n = Int.random(in: 1...8, using: &rng)
            var shares = (0..<n).map { _ in Double.random(in: 0.01...1, using: &rng) }
            let total = shares.reduce(0, +)
            shares = shares.map { $0 / total }
            let tasks = shares.map { ($0, Double.random(in: 1...5, using: &rng)) }
            let market = MarketTotals(
                evidence: Double.random(in: -10...10, using: &rng), barriers: Double.random(in: 0...10, using: &rng),
                growth: Double.random(in: -2...2, using: &rng))
            let r = AIJRI.score(tasks: tasks, market: market)
            let p = r.shownParts
            #expect(Int((p.sum * 10).rounded()) == Int((r.rounded * 10).rounded()))
            #expect((0...100).contains(r.value))
        }
    }
}
