import HeadwayCore
import HeadwayStore

/// The curricula changed under a profile: its newest snapshot was made with other curricula
/// than the ones loaded now. The first command that may write records it as one snapshot,
/// dated that day (the core decides it: ``ProgressRecord/curriculaSnapshot(earlier:earlierLabel:on:)``);
/// the workspace finds the earlier curricula by the content hash stamped on that snapshot.
struct CurriculaNotice {
    /// The snapshot to write.
    let snapshot: Snapshot
    /// The profile as the earlier curricula read it, to date signal boundaries passed before the change.
    let oldProgress: ProfileProgress?

    /// `nil` when the curricula are the ones of the profile's newest snapshot, or when the
    /// command looks at a day before it (a view of the past writes nothing).
    init?(_ progress: ProfileProgress, earlier: (CurriculaStamp) -> Curriculum?) {
        guard let last = progress.state.snapshots.max(by: { $0.id < $1.id }) else { return nil }
        let stamp = CurriculaStamp(last.curriculaVersion)
        guard stamp.hash != progress.curriculum.contentHash, !stamp.hash.isEmpty,
            progress.day >= (progress.state.snapshots.map(\.snapshot.asOf).max() ?? progress.day)
        else { return nil }
        let old = earlier(stamp)
        oldProgress = old.flatMap { try? ProfileProgress(curriculum: $0, state: progress.state, day: progress.day) }
        guard let snapshot = progress.record.curriculaSnapshot(earlier: oldProgress?.record, earlierLabel: stamp.label, on: progress.day)
        else { return nil }
        self.snapshot = snapshot
    }
}
