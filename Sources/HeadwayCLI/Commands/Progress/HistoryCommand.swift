import ArgumentParser
import Foundation
import HeadwayApp
import HeadwayCore
import HeadwayStore

/// `headway history`: the score over time with why it moved.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", _superCommandName: leafSuperCommand,
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
        let (history, written, _, profile) = try withProfileProgress(model, store) { p, writes in
            ScoreHistory(p, written: writes.snapshots)
        }
        let entries = history.entries.map { e in
            Entry(
                asOf: e.snapshot.asOf.description, score: e.snapshot.score, change: e.change, zone: e.snapshot.zone.rawValue,
                label: e.snapshot.label, reason: e.snapshot.reason.description, curricula: e.curricula, band: bandJSON(e.snapshot.band),
                work: e.split?.work, field: e.split?.field)
        }
        let plans = history.plans.map {
            PlanEntry(
                start: $0.plan.start.description, weeks: $0.plan.weeks, projectedScore: $0.plan.projectedScore, curricula: $0.curricula,
                current: $0.current)
        }
        let now = Now(asOf: history.day.description, score: history.scoreNow)
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
