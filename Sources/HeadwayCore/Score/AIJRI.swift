/// The AI job resistance index of seed 004, as `MODEL.md` §2 defines it.
///
///     TR  = 6.00 - sum_t w_t * a_t
///     raw = TR * (1 + 0.04 E) * (1 + 0.02 B) * (1 + 0.05 G)
///     AIJRI = clamp(100 * (raw - 0.54) / 7.93, 0, 100)
public enum AIJRI {
    public static let offset = 0.54
    public static let scale = 7.93

    /// The clamped index for a task resistance under `market` (no parts, no rounding).
    public static func score(taskResistance tr: Double, market: MarketTotals) -> Double {
        min(100, max(0, 100 * (tr * market.multiplier - offset) / scale))
    }

    /// Scores tasks given as (share summing to 1, automation score 1…5) under `market`.
    public static func score(tasks: [(share: Double, automation: Double)], market: MarketTotals) -> ScoreResult {
        let weighted = tasks.reduce(0) { $0 + $1.share * $1.automation }
        let tr = 6.0 - weighted
        let e = market.evidence, b = market.barriers, g = market.growth
        let afterEvidence = tr * (1 + 0.04 * e)
        let afterBarriers = afterEvidence * (1 + 0.02 * b)
        let raw = afterBarriers * (1 + 0.05 * g)
        // Counted on the automation every view shows (two decimals): a task the table shows
        // at 3.00 is at 3+ (issue 25.15; docs/ASSESS.md).
        let atThreePlus = tasks.reduce(0) { $0 + (($1.automation * 100).rounded() >= 300 ? $1.share : 0) }
        let unclamped = 100 * (raw - offset) / scale
        let parts = ScoreParts(
            base: 100 * (tr - offset) / scale,
            evidence: 100 * (afterEvidence - tr) / scale,
            barriers: 100 * (afterBarriers - afterEvidence) / scale,
            growth: 100 * (raw - afterBarriers) / scale)
        return ScoreResult(
            value: min(100, max(0, unclamped)), taskResistance: tr, raw: raw,
            shareAtThreePlus: atThreePlus, growth: g, parts: parts)
    }
}

/// The four parts the score splits into, added in this order.
public struct ScoreParts: Sendable, Hashable, Codable {
    public let base: Double
    public let evidence: Double
    public let barriers: Double
    public let growth: Double

    // Public so a stored snapshot can be read back with the parts it was shown with.
    public init(base: Double, evidence: Double, barriers: Double, growth: Double) {
        self.base = base; self.evidence = evidence; self.barriers = barriers; self.growth = growth
    }

    public var sum: Double { base + evidence + barriers + growth }

    /// The parts rounded to one decimal so that they add up to `total` (already rounded):
    /// the rounding error goes to the part whose own rounding lost the most
    /// (largest remainder), so the shown explanation always adds up to the shown score.
    public func rounded(toTotal total: Double) -> ScoreParts {
        // Parts read back from a foreign file may be anything; they are shown as they are.
        guard [base, evidence, barriers, growth, total].allSatisfy({ $0.isFinite && abs($0) < 1e6 }) else { return self }
        let exact = [base, evidence, barriers, growth].map { $0 * 10 }
        var tenths = exact.map { $0.rounded(.down) }
        var missing = Int((total * 10).rounded()) - Int(tenths.reduce(0, +))
        let order = exact.indices.sorted { (exact[$0] - tenths[$0]) > (exact[$1] - tenths[$1]) }
        var i = 0
        while missing > 0 { tenths[order[i % 4]] += 1; missing -= 1; i += 1 }
        // A clamped score (below 0 or above 100) takes its difference off the last parts.
        var j = 3
        while missing < 0 { tenths[j] -= 1; missing += 1; j = j == 0 ? 3 : j - 1 }
        return ScoreParts(base: tenths[0] / 10, evidence: tenths[1] / 10, barriers: tenths[2] / 10, growth: tenths[3] / 10)
    }
}

/// A zone of the index.
public enum Zone: String, Sendable, Codable {
    case green = "Green", yellow = "Yellow", red = "Red"

    /// The zone of a score already rounded to one decimal.
    public init(rounded score: Double) {
        self = score >= 48 ? .green : score >= 25 ? .yellow : .red
    }
}

/// One AIJRI computation with everything needed to explain it.
public struct ScoreResult: Sendable, Hashable {
    /// The index, clamped to 0…100, unrounded.
    public let value: Double
    public let taskResistance: Double
    public let raw: Double
    /// Share of task time whose automation score is 3 or more.
    public let shareAtThreePlus: Double
    /// `G` after clamping (decides "Accelerated").
    public let growth: Double
    /// Exact (unrounded) parts; they add up to the unclamped index.
    public let parts: ScoreParts

    /// The index shown to one decimal.
    public var rounded: Double { (value * 10).rounded() / 10 }
    public var zone: Zone { Zone(rounded: rounded) }

    /// "Green (Accelerated)", "Green (Transforming)", "Green (Stable)", "Yellow" or "Red".
    public var label: String {
        guard zone == .green else { return zone.rawValue }
        if abs(growth - 2) < 1e-9 { return "Green (Accelerated)" }
        return shareAtThreePlus >= 0.2 - 1e-9 ? "Green (Transforming)" : "Green (Stable)"
    }

    /// The parts as shown: one decimal each, adding up to ``rounded``.
    public var shownParts: ScoreParts { parts.rounded(toTotal: rounded) }
}
