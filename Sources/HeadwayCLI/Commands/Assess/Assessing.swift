import ArgumentParser
import Foundation
import HeadwayApp
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
        let operation = TakeAssessment(assessment)
        if let profile = target.existing { return try operation.run(.existing(profile), in: db, curriculum: curriculum, day: day) }
        return try operation.run(.new(name: target.newName ?? defaultName()), in: db, curriculum: curriculum, day: day)
    }

    /// Questions asked outside the shell: libedit on a terminal, plain lines otherwise.
    static func standardInput() -> any LineSource {
        isatty(STDIN_FILENO) == 1 ? EditLineReader(historyFile: nil, completion: nil) : StandardInputLines(echo: false)
    }
}
