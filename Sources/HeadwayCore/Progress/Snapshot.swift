/// A score at a moment, with why it was taken (`MODEL.md` §5).
///
/// Snapshots are history: once written they are never recomputed, so they keep the numbers
/// as shown then (one decimal, parts adding up to the score).
public struct Snapshot: Sendable, Hashable, Codable {
    public var asOf: Day
    /// The score shown, 0…100, one decimal.
    public var score: Double
    public var zone: Zone
    /// "Green (Transforming)", "Yellow", …
    public var label: String
    /// The four shown parts, adding up to `score`.
    public var parts: ScoreParts
    /// What moved the score (shown as "assessment", "completed vllm:3", "signal …").
    public var reason: Reason
    /// The score's band as shown (one decimal); nil in snapshots written before bands.
    public var band: ScoreBand? = nil

    public init(asOf: Day, score: Double, zone: Zone, label: String, parts: ScoreParts, reason: Reason) {
        self.asOf = asOf; self.score = score; self.zone = zone; self.label = label; self.parts = parts; self.reason = reason
    }

    /// The snapshot of a computed score as it is shown: rounded score and shown parts.
    public init(_ score: PersonalScore, asOf: Day, reason: Reason) {
        let r = score.result
        self.init(asOf: asOf, score: r.rounded, zone: r.zone, label: r.label, parts: r.shownParts, reason: reason)
        band = score.band.map { ScoreBand(low: $0.shown.low, high: $0.shown.high) }
    }
}
