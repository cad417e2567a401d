import ArgumentParser
import Foundation
import HeadwayApp
import HeadwayCore
import HeadwayStore

/// `headway history`: the score over time with why it moved.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Your score over time with the reason for each change, as a table and a sparkline.",
        discussion: """
            Snapshots are shown as written. Where a change and the field both moved the score since \
            the snapshot before, the change is split into your work and the field (computed from the \
            record). --json prints them.
            """)

    @OptionGroup var model: ModelOptions
    @OptionGroup var store: StoreOptions
    @Flag(help: "Print JSON.") var json = false

    struct Entry: Encodable {
        let asOf: String
        let score: Double
        let change: Double
        let zone: String
        let label: String
        let reason: String
        /// The curricula version it was made under (`2026.12`, or a content hash for an unversioned folder).
        let curricula: String
        /// `[low, high]`; left out for snapshots written before bands.
        var band: [Double]? = nil
        /// When the person's change and the field both moved the score since the snapshot
        /// before: the two parts of `change` (issue 25.12); left out otherwise.
        var work: Double? = nil
        var field: Double? = nil
        enum CodingKeys: String, CodingKey {
            case score, change, zone, label, reason, curricula, band, work, field
            case asOf = "as_of"
        }
    }

    /// A plan and the curricula it was made under.
    struct PlanEntry: Encodable {
        let start: String, weeks: Int, projectedScore: Double, curricula: String, current: Bool
        enum CodingKeys: String, CodingKey { case start, weeks, curricula, current; case projectedScore = "projected_score" }
    }

    /// The score on the `--as-of` day, which the field may have moved since the last snapshot.
    struct Now: Encodable {
        let asOf: String
        let score: Double
        enum CodingKeys: String, CodingKey { case score; case asOf = "as_of" }
    }

    func run() throws {
        let ((entries, plans, now), written, _, profile) = try withProfileProgress(model, store) { p, writes in
            // As of a day: what was written for days up to it.
            let snapshots =
                (p.state.snapshots.map { ($0.snapshot, CurriculaStamp($0.curriculaVersion).label) }
                + writes.snapshots.map { ($0, p.curriculum.label) }).filter { $0.0.asOf <= p.day }
            let sorted = snapshots.enumerated().sorted { ($0.element.0.asOf, $0.offset) < ($1.element.0.asOf, $1.offset) }.map(\.element)
            var entries: [Entry] = []
            for (i, (s, curricula)) in sorted.enumerated() {
                var entry = Entry(
                    asOf: s.asOf.description, score: s.score, change: round(i == 0 ? 0 : s.score - sorted[i - 1].0.score, 1),
                    zone: s.zone.rawValue, label: s.label, reason: s.reason, curricula: curricula, band: bandJSON(s.band))
                // The field's part: the levels of the snapshot before, scored on this one's day.
                if i > 0, !s.reason.hasPrefix("signal"), let before = p.record.person(at: sorted[i - 1].0.asOf), sorted[i - 1].0.asOf < s.asOf {
                    let previous = sorted[i - 1].0.score
                    let move = RecordedChange(from: previous, to: s.score, drift: before.value(at: s.asOf) - previous)
                    if move.isSplit { entry.work = move.work; entry.field = move.field }
                }
                entries.append(entry)
            }
            let plans = p.state.plans.map {
                PlanEntry(
                    start: $0.plan.start.description, weeks: $0.plan.weeks, projectedScore: $0.plan.projectedScore,
                    curricula: CurriculaStamp($0.curriculaVersion).label, current: $0.id == p.state.plan?.id)
            }
            return (entries, plans, Now(asOf: p.day.description, score: p.person.score(at: p.day).result.rounded))
        }
        if json {
            struct Doc: Encodable { let profile: String; let snapshots: [Entry]; let plans: [PlanEntry]; let now: Now }
            try printJSON(Doc(profile: profile.name, snapshots: entries, plans: plans, now: now))
            return
        }
        for line in signalNotes(written) { Console.out(line) }
        guard let first = entries.first, let last = entries.last else {
            Console.out("No score history yet for profile \(profile.name).")
            return
        }
        let style = Style.current()
        Console.out(
            "Profile \(profile.name): AIJRI \(fixed(first.score, 1)) on \(first.asOf) → \(fixed(last.score, 1)) on \(last.asOf)"
                + " (\(signed(last.score - first.score)))  \(sparkline(entries.map(\.score), width: 60))")
        // Snapshots are written on changes and signal boundaries; between them the field keeps
        // moving, and `score`, `progress` and `brief` say today's number.
        if fixed(now.score, 1) != fixed(last.score, 1) {
            Console.out("Now \(fixed(now.score, 1)) as of \(now.asOf): the field has moved it \(signed(now.score - last.score)) since \(last.asOf).")
        }
        Console.out("")
        var table = Table(["Date", "AIJRI", "Likely", "Change", "Zone", "Reason"], align: [.left, .right, .left, .right, .left, .left])
        for e in entries {
            let band = e.band.map { $0[0] == $0[1] ? "" : "\(fixed($0[0], 1))-\(fixed($0[1], 1))" } ?? ""
            let split = e.work.map { w in " (your work \(signed(w)), the field \(signed(e.field ?? 0)))" } ?? ""
            table.add([e.asOf, fixed(e.score, 1), band, e.change == 0 ? "" : signed(e.change), e.label, e.reason + split])
        }
        Console.out(table.render(width: style.width))
    }
}
