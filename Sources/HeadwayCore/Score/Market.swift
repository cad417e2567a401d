/// The market factors of the formula, per dimension.
///
/// Every dimension is clamped to its range when read, so overrides and signals can never push
/// a factor out of the model.
public struct Market: Sendable, Hashable {
    public var evidenceByDimension: [EvidenceDimension: Double]
    public var barriersByDimension: [BarrierDimension: Double]
    public var growthValue: Double

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
}

@inline(__always)
func clamp(_ x: Double, _ range: ClosedRange<Double>) -> Double {
    min(range.upperBound, max(range.lowerBound, x))
}
