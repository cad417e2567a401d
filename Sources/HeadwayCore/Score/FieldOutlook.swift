/// What a plan is worth against the field: the score at its end with the plan, and without
/// it (the person's levels now, only the field moving).
public struct FieldOutlook: Sendable, Hashable {
    public let now: Double
    /// On the plan's last day with the levels the plan reaches.
    public let withPlan: Double
    /// On the plan's last day with today's levels: the field's drift alone.
    public let withoutPlan: Double

    public var drift: Double { withoutPlan - now }
    /// What the plan adds over doing nothing.
    public var worth: Double { withPlan - withoutPlan }
}

/// A signal acting on the person's role within the coming weeks, and what it does to them.
public struct SignalAhead: Sendable, Hashable {
    public let signal: Signal
    /// Points the signal moves the person's score between the two days.
    public let effect: Double
}

extension PersonalModel {
    /// The plan's worth against the field from `day` to `end`, given the levels it reaches.
    public func fieldOutlook(from day: Day, to end: Day, planned levels: [String: Int]) -> FieldOutlook {
        FieldOutlook(
            now: value(at: day), withPlan: score(at: end, levels: levels).result.value, withoutPlan: value(at: end))
    }

    /// Signals of this role whose window overlaps `(day, day + 7 * weeks]`, each with the
    /// points it moves the score over that span (the others held as they are), in window order.
    public func signalsAhead(from day: Day, weeks: Int = 8) -> [SignalAhead] {
        let end = day.adding(days: 7 * weeks)
        let levels = self.levels
        func value(_ d: Day, _ excluding: Set<String>) -> Double { inputs(at: d, excluding: excluding).score(levels: levels).result.value }
        let ahead = curriculum.signals.filter { s in s.effects.contains { $0.role == role.id } && s.window.from <= end && s.window.to > day }
        // The move with every signal, the same for each one measured against it.
        let with = ahead.isEmpty ? 0 : value(end, []) - value(day, [])
        return
            ahead
            .map { s in
                let without = value(end, [s.id]) - value(day, [s.id])
                return SignalAhead(signal: s, effect: with - without)
            }
            .sorted { ($0.signal.window.from, $0.signal.id) < ($1.signal.window.from, $1.signal.id) }
    }
}
