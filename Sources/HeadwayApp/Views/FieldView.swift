import HeadwayCore

/// What a plan is worth against the field, in words: the score at the plan's end with the plan
/// and without it, and the signals due in the coming weeks with their effect on this person.
public enum FieldView {
    /// "Against the field: …" — `day` is today (or `--as-of`), inside or before the plan.
    public static func outlook(_ person: PersonalModel, _ plan: Plan, from day: Day) -> String {
        let o = person.fieldOutlook(from: day, to: plan.end, planned: person.levels(after: plan))
        let now = ScoreResult.shown(o.now), without = ScoreResult.shown(o.withoutPlan), with = ScoreResult.shown(o.withPlan)
        let drift = ((without - now) * 10).rounded() / 10
        let field =
            drift == 0
            ? "the field alone leaves you at \(fixed(without, 1))"
            : "the field alone moves you from \(fixed(now, 1)) to \(fixed(without, 1)) (\(signed(drift)))"
        return "Against the field: by the plan's end (\(plan.end)) \(field); with the plan you reach \(fixed(with, 1)), "
            + "so the plan is worth \(signed(((with - without) * 10).rounded() / 10)) points."
    }

    /// Signals due in the next `weeks` weeks, one line each (or one line saying there are none).
    public static func signalsAhead(_ person: PersonalModel, from day: Day, weeks: Int = 8) -> [String] {
        let ahead = person.signalsAhead(from: day, weeks: weeks)
        guard !ahead.isEmpty else { return ["No change in the field moves your score in the next \(weeks) weeks."] }
        return ahead.map { a in
            let effect =
                abs(a.effect) < 0.005
                ? "barely moves your score"
                : a.effect < 0
                    ? "takes \(fixed(-a.effect, 2)) points off your score" : "adds \(fixed(a.effect, 2)) points to your score"
            let answers = a.signal.answeredBy.isEmpty ? "" : "; answered by " + a.signal.answeredBy.joined(separator: ", ")
            return
                "Due in the next \(weeks) weeks: \(a.signal.title) (\(a.signal.window.from) to \(a.signal.window.to)) \(effect) by \(day.adding(days: 7 * weeks))\(answers)."
        }
    }
}

extension ScoreResult {
    /// A raw index clamped and rounded as shown.
    public static func shown(_ value: Double) -> Double { (min(100, max(0, value)) * 10).rounded() / 10 }
}

/// "50.5 (50.8 when planned; the field has moved it -0.3 since)": the projection the plan's work
/// reaches under today's field, and why it differs from the plan's own number (issue 25.10).
public func projectedText(_ projected: Double, fieldMoved: Double?) -> String {
    let moved = ((fieldMoved ?? 0) * 10).rounded() / 10
    guard moved != 0 else { return fixed(projected, 1) }
    return "\(fixed(projected + moved, 1)) (\(fixed(projected, 1)) when planned; the field has moved it \(signed(moved)) since)"
}
