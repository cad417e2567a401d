import HeadwayCore
import HeadwayStore

/// `assess`: an assessment saved with its score snapshot, and the profile made current, in one
/// transaction: a new profile's first, an existing profile's first, or a journaled
/// re-assessment from `day` (with any signal snapshots due) that `undo` reverts.
public struct TakeAssessment: Sendable {
    public var assessment: Assessment
    public init(_ assessment: Assessment) { self.assessment = assessment }

    /// Where it goes: an existing profile, or a new one by this name.
    public enum Target: Sendable {
        case existing(Profile)
        case new(name: String)
    }

    public func run(_ target: Target, in store: Store, curriculum: Curriculum, day: Day) throws -> (profile: Profile, snapshot: Snapshot) {
        guard let person = PersonalModel(curriculum: curriculum, assessment: assessment) else {
            throw HeadwayError(.data, "the assessment names role '\(assessment.role)', which the curricula do not have")
        }
        let assessment = self.assessment
        switch target {
        case .existing(let profile):
            let (snapshot, written) = try store.update(profile, curriculaVersion: curriculum.version) { state in
                var writes = ProfileWrites()
                writes.makeCurrent = true
                guard !state.assessments.isEmpty else {
                    let snapshot = Snapshot(person.score(at: day), asOf: day, reason: .assessment)
                    writes.firstAssessment = assessment
                    writes.snapshots = [snapshot]
                    return (writes, snapshot)
                }
                let p = try ProfileProgress(curriculum: curriculum, state: state, day: day)
                writes.snapshots = p.signalSnapshots()
                let r = p.record.reassessment(with: assessment, on: day)
                writes.reassess(r)
                return (writes, r.change.snapshot ?? Snapshot(person.score(at: day), asOf: day, reason: .reassessment))
            }
            return (written.profile ?? profile, snapshot)
        case .new(let name):
            let snapshot = Snapshot(person.score(at: day), asOf: day, reason: .assessment)
            let profile = try store.createProfile(
                named: name, assessment: assessment, snapshot: snapshot, curriculaVersion: curriculum.version)
            return (profile, snapshot)
        }

    }
}
