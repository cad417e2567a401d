/// What a programme came to, once its last week has ended: the score from its first day to its
/// last, split into the person's work and the field's drift, the hours planned and logged, and
/// the units done and left (issue 25, "a programme's end").
public struct ProgrammeSummary: Sendable, Hashable {
    public let start: Day
    public let end: Day
    public let weeks: Int
    /// From the score on the first day to the score on the last; `field` is what the field did
    /// to the levels the person started with.
    public let move: RecordedChange
    public let plannedHours: Double
    public let loggedHours: Double
    /// Units completed during the programme, in the order done.
    public let unitsDone: [UnitID]
    /// Units of the plan in force at the end that were not completed.
    public let unitsLeft: [UnitID]
    /// The score the plan projected for its end.
    public let projected: Double
}

extension PlanProgress {
    /// The programme's summary, once `day` is past its last day; `nil` before, or when the record
    /// gives no model on its first or last day (a role the curricula no longer have).
    public func summary() -> ProgrammeSummary? {
        guard day > end, let first = record.person(at: start), let last = record.person(at: end) else { return nil }
        let from = first.value(at: start)
        let to = last.value(at: end)
        let drift = first.value(at: end) - from
        let weeks = self.weeks()
        var done: [UnitID] = []
        for w in weeks { for u in w.done where !done.contains(u) { done.append(u) } }
        let left = plan.units.map(\.id).filter { !done.contains($0) && (record.levels(at: end)?[$0.skill] ?? 0) < $0.level }
        return ProgrammeSummary(
            start: start, end: end, weeks: weeksCount, move: RecordedChange(from: from, to: to, drift: drift),
            plannedHours: weeks.reduce(0) { $0 + $1.plannedHours }, loggedHours: weeks.reduce(0) { $0 + $1.loggedHours },
            unitsDone: done, unitsLeft: left, projected: plan.projectedScore)
    }
}
