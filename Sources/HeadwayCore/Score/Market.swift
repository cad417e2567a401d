/// The market factors of the formula, per dimension.
///
/// Every dimension is clamped to its range when read, so overrides and signals can never push
/// a factor out of the model.
public struct Market: Sendable, Hashable {
    var evidenceByDimension: [EvidenceDimension: Double]
    var barriersByDimension: [BarrierDimension: Double]
    var growthValue: Double

    public init(evidence: [EvidenceDimension: Double], barriers: [BarrierDimension: Double], growth: Double) {
        evidenceByDimension = evidence; barriersByDimension = barriers; growthValue = growth
    }

    /// `E`: the sum of the five evidence dimensions, each clamped to -2…2.
    public var evidence: Double {
        EvidenceDimension.allCases.reduce(0) { $0 + clamp(evidenceByDimension[$1] ?? 0, EvidenceDimension.range) }
    }
    /// `B`: the sum of the five barrier dimensions, each clamped to 0…2.
    public var barriers: Double {
        BarrierDimension.allCases.reduce(0) { $0 + clamp(barriersByDimension[$1] ?? 0, BarrierDimension.range) }
    }
    /// `G`, clamped to -2…2.
    public var growth: Double { clamp(growthValue, Growth.range) }

    /// E, B and G as the formula uses them.
    public var totals: MarketTotals { MarketTotals(evidence: evidence, barriers: barriers, growth: growth) }
}

/// The three market factors of the formula: `E` (-10…10), `B` (0…10) and `G` (-2…2).
public struct MarketTotals: Sendable, Hashable, Codable {
    public let evidence: Double
    public let barriers: Double
    public let growth: Double
    public init(evidence: Double, barriers: Double, growth: Double) {
        self.evidence = evidence; self.barriers = barriers; self.growth = growth
    }

    /// `(1 + 0.04 E) (1 + 0.02 B) (1 + 0.05 G)`: what turns task resistance into `raw`.
    var multiplier: Double { (1 + 0.04 * evidence) * (1 + 0.02 * barriers) * (1 + 0.05 * growth) }
}

@inline(__always)
func clamp(_ x: Double, _ range: ClosedRange<Double>) -> Double {
    min(range.upperBound, max(range.lowerBound, x))
}
