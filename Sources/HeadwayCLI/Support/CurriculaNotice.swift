import Foundation
import HeadwayCore
import HeadwayCurricula
import HeadwayStore

/// The curricula changed under a profile: its newest snapshot was made with other curricula
/// than the ones loaded now. The first command that may write records it as one snapshot,
/// dated that day, whose reason names each change that moved the score and by how much.
struct CurriculaNotice {
    /// The curricula the profile's newest snapshot was made with, when still on this machine.
    let old: Curriculum?
    let oldStamp: CurriculaStamp
    /// The snapshot to write.
    let snapshot: Snapshot
    /// The profile as the earlier curricula read it, to date signal boundaries passed before the change.
    let oldProgress: ProfileProgress?

    /// `nil` when the curricula are the ones of the profile's newest snapshot, or when the
    /// command looks at a day before it (a view of the past writes nothing).
    init?(_ progress: ProfileProgress) {
        guard let last = progress.state.snapshots.max(by: { $0.id < $1.id }) else { return nil }
        let stamp = CurriculaStamp(last.curriculaVersion)
        let current = progress.curriculum
        guard stamp.hash != current.contentHash, !stamp.hash.isEmpty,
              progress.day >= (progress.state.snapshots.map(\.snapshot.asOf).max() ?? progress.day) else { return nil }
        oldStamp = stamp
        old = CurriculaEntry.folder(of: stamp).flatMap { try? CurriculumLoader.load(from: $0, cache: Environment.cacheFolder()) }
        oldProgress = old.flatMap { try? ProfileProgress(curriculum: $0, state: progress.state, day: progress.day) }
        let day = progress.day
        let now = progress.person.score(at: day)
        let name = "curricula \(current.label)"
        guard let old, let oldProgress,
              let move = CurriculaDiff(old: old, new: current)
                .move(before: oldProgress.person.assessment, after: progress.person.assessment, on: day) else {
            snapshot = Snapshot(now, asOf: day, reason: "\(name): replaces \(stamp.label), which is no longer on this machine to compare")
            return
        }
        snapshot = Snapshot(now, asOf: day, reason: name + ": " + Self.reason(move))
    }

    /// `signal "x" added, -0.2; task y re-rated, +0.1`: each change that moved the shown score,
    /// in the diff's order. Parts are differences of the running total rounded to one decimal,
    /// so the parts shown add up to the change shown.
    static func reason(_ move: CurriculaMove) -> String {
        var running = move.before.result.value
        var parts: [(summary: String, shown: Double)] = []
        for e in move.effects {
            let shown = round(running + e.points, 1) - round(running, 1)
            running += e.points
            if abs(shown) >= 0.05 { parts.append((e.change.summary, shown)) }
        }
        guard !parts.isEmpty else {
            return move.effects.isEmpty ? "no change that moves this score"
                : move.effects.map(\.change.summary).joined(separator: "; ") + ", 0.0"
        }
        func text(_ p: (summary: String, shown: Double)) -> String { "\(p.summary), \(signed(p.shown))" }
        // A long list keeps the first changes and sums the rest, so it still adds up.
        guard parts.count > 4 else { return parts.map(text).joined(separator: "; ") }
        let rest = parts.dropFirst(3).reduce(0) { $0 + $1.shown }
        return parts.prefix(3).map(text).joined(separator: "; ") + "; \(parts.count - 3) more changes, \(signed(rest))"
    }
}
