import Foundation
import HeadwayCore
import HeadwayStore

/// `profile new`: a profile by `name`, made current. With an assessment, it is taken as the
/// profile's first (``TakeAssessment``: the assessment and its score snapshot, reason
/// "assessment", on `day`), in the same transaction as the profile.
public struct CreateProfile: Sendable {
    public var name: String
    /// The first assessment, with the curricula it is scored against.
    public var first: (assessment: Assessment, curriculum: Curriculum)?

    public init(name: String, first: (assessment: Assessment, curriculum: Curriculum)? = nil) {
        self.name = name
        self.first = first
    }

    /// The profile, and the first snapshot when there was an assessment.
    public func run(in store: Store, day: Day) throws -> (profile: Profile, snapshot: Snapshot?) {
        guard let (assessment, curriculum) = first else {
            return (try store.createProfile(named: name, assessment: nil, snapshot: nil, curriculaVersion: ""), nil)
        }
        let taken = try TakeAssessment(assessment).run(.new(name: name), in: store, curriculum: curriculum, day: day)
        return (taken.profile, taken.snapshot)
    }
}

/// `profile import`: a profile export, checked against the curricula like a file the person
/// wrote when it is made (before any database is opened), then imported as a new profile in one
/// transaction, or not at all.
public struct ImportProfile: Sendable {
    public let archive: ProfileArchive
    /// The new profile's name; `nil`, the export's.
    public var name: String?

    /// The export's bytes read back; `path` is what its one-line errors name.
    public init(data: Data, path: String, curriculum: Curriculum, name: String? = nil) throws {
        archive = try ProfileArchive.decode(data, path: path, curriculum: curriculum)
        self.name = name
    }

    public func run(in store: Store) throws -> Profile {
        try store.importArchive(archive, as: name)
    }
}

/// `profile use`: makes the profile named `name` the current one.
public struct UseProfile: Sendable {
    public var name: String

    public init(name: String) { self.name = name }

    /// The profile now current.
    public func run(in store: Store) throws -> Profile { try store.useProfile(named: name) }
}

/// `profile rename`: the profile named `old` is called `new` from now on; its history follows it.
public struct RenameProfile: Sendable {
    public var old: String, new: String

    public init(_ old: String, to new: String) {
        self.old = old
        self.new = new
    }

    /// The profile under its new name.
    public func run(in store: Store) throws -> Profile { try store.renameProfile(old, to: new) }
}

/// `profile delete`: the profile named `name` and its whole history, in one transaction.
public struct DeleteProfile: Sendable {
    public var name: String

    public init(name: String) { self.name = name }

    /// The profile that would be deleted: a name that is not there fails here, before anyone is
    /// asked to confirm.
    public func target(in store: Store) throws -> Profile { try store.profile(named: name) }

    public func run(in store: Store) throws { try store.deleteProfile(named: name) }
}
