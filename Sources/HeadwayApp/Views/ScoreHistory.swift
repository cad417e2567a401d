import HeadwayCore
import HeadwayStore

/// `history`: the score over time as the snapshots wrote it, each change split into the
/// person's work and the field's drift where both moved since the snapshot before (issue
/// 25.12), the plans made, and the score on the day itself, which the field may have moved
/// since the last snapshot.
public struct ScoreHistory: Sendable {
    public struct Entry: Sendable {
        public let snapshot: Snapshot
        /// The curricula it was made under (`2026.12`, or a content hash for an unversioned folder).
        public let curricula: String
        /// Points since the entry before, to 0.1 (0 for the first).
        public let change: Double
        /// The change as your work and the field's drift, when both moved.
        public let split: RecordedChange?
    }

    public struct PlanEntry: Sendable {
        public let plan: PlanSummary
        public let curricula: String
        public let current: Bool
    }

    public let entries: [Entry]
    public let plans: [PlanEntry]
    /// The day read (`--as-of`) and the score on it.
    public let day: Day
    public let scoreNow: Double

    /// The history as of `p.day`: what was written for days up to it, with `written` (signal
    /// snapshots this command is about to write) among them.
    public init(_ p: ProfileProgress, written: [Snapshot]) {
        let snapshots =
            (p.state.snapshots.map { ($0.snapshot, CurriculaStamp($0.curriculaVersion).label) } + written.map { ($0, p.curriculum.label) })
            .filter { $0.0.asOf <= p.day }
        let sorted = snapshots.enumerated().sorted { ($0.element.0.asOf, $0.offset) < ($1.element.0.asOf, $1.offset) }.map(\.element)
        var entries: [Entry] = []
        for (i, (s, curricula)) in sorted.enumerated() {
            var split: RecordedChange?
            // The field's part: the levels of the snapshot before, scored on this one's day.
            if i > 0, !s.reason.isSignal, let before = p.record.person(at: sorted[i - 1].0.asOf), sorted[i - 1].0.asOf < s.asOf {
                let previous = sorted[i - 1].0.score
                let move = RecordedChange(from: previous, to: s.score, drift: before.value(at: s.asOf) - previous)
                if move.isSplit { split = move }
            }
            let change = i == 0 ? 0 : ((s.score - sorted[i - 1].0.score) * 10).rounded() / 10
            entries.append(Entry(snapshot: s, curricula: curricula, change: change, split: split))
        }
        self.entries = entries
        plans = p.state.planSummaries.map {
            PlanEntry(plan: $0, curricula: CurriculaStamp($0.curriculaVersion).label, current: $0.id == p.state.plan?.id)
        }
        day = p.day
        scoreNow = p.person.result(at: p.day).rounded
    }
}
