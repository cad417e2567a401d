import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayCurricula
import HeadwayStore

/// What `assess` shares between its ways in: which profile, and saving with a snapshot.
enum Assessing {
    /// The profile an assessment goes to: an existing one, or the name of one to create.
    struct Target {
        var existing: Profile?
        var newName: String?
    }

    /// `--profile NAME` (created when missing), else the current profile, else a new one
    /// (named `defaultName()` when `create`, else asked by the wizard).
    static func target(_ db: Store, explicit: String?, create: Bool) throws -> Target {
        if let explicit {
            if let p = try storeCall({ try db.profiles() }).first(where: { $0.name == explicit }) { return Target(existing: p) }
            return Target(newName: explicit)
        }
        if let current = try storeCall({ try db.currentProfile() }) { return Target(existing: current) }
        return Target(newName: create ? defaultName() : nil)
    }

    /// The name offered for a first profile: the login name, else `me`.
    static func defaultName() -> String {
        let user = Context.current.environment["USER"] ?? ""
        return user.isEmpty || user.count > 64 ? "me" : user
    }

    /// Stores `assessment` (creating the profile if needed) with a score snapshot of `day`.
    static func save(
        _ assessment: Assessment, to target: Target, in db: Store, curriculum: Curriculum,
        day: Day
    ) throws -> (profile: Profile, snapshot: Snapshot) {
        guard let person = PersonalModel(curriculum: curriculum, assessment: assessment) else {
            throw HeadwayError(.data, "the assessment names role '\(assessment.role)', which the curricula do not have")
        }
        return try storeCall {
            if let profile = target.existing {
                // One transaction: the assessment (a profile's first, or a journaled
                // re-assessment from `day` with any signal snapshots due), its snapshot, and
                // the profile made current.
                let (snapshot, written) = try db.update(profile, curriculaVersion: curriculum.version) { state in
                    var writes = ProfileWrites()
                    writes.makeCurrent = true
                    guard !state.assessments.isEmpty else {
                        let snapshot = Snapshot(person.score(at: day), asOf: day, reason: "assessment")
                        writes.firstAssessment = assessment
                        writes.snapshots = [snapshot]
                        return (writes, snapshot)
                    }
                    let p = try ProfileProgress(curriculum: curriculum, state: state, day: day)
                    writes.snapshots = p.signalSnapshots()
                    let r = p.record.reassessment(with: assessment, on: day)
                    writes.reassess(r)
                    return (writes, r.change.snapshot ?? Snapshot(person.score(at: day), asOf: day, reason: "re-assessment"))
                }
                return (written.profile ?? profile, snapshot)
            }
            let snapshot = Snapshot(person.score(at: day), asOf: day, reason: "assessment")
            let profile = try db.createProfile(
                named: target.newName ?? defaultName(), assessment: assessment,
                snapshot: snapshot, curriculaVersion: curriculum.version)
            return (profile, snapshot)
        }
    }

    /// Questions asked outside the shell: libedit on a terminal, plain lines otherwise.
    static func standardInput() -> any LineSource {
        isatty(STDIN_FILENO) == 1 ? EditLineReader(historyFile: nil, completion: nil) : StandardInputLines(echo: false)
    }
}
