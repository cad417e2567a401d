import HeadwayCore

/// A person's named record in the database.
public struct Profile: Sendable, Hashable {
    public let id: Int64
    public let name: String
    /// Whether commands use this profile when no `--profile` is given.
    public let isCurrent: Bool
    /// ISO 8601 UTC.
    public let createdAt: String
}

/// An assessment as stored, with why it was taken and the curricula it was made with.
public struct StoredAssessment: Sendable, Hashable {
    public let id: Int64
    public let assessment: Assessment
    /// "assessment" for the first one, "re-assessment" for a level set directly, …
    public let reason: String
    public let curriculaVersion: String
    public let createdAt: String
}

/// A plan as stored; a plan replaced by a newer one names it in ``supersededBy``.
public struct StoredPlan: Sendable, Hashable {
    public let id: Int64
    public let plan: Plan
    public let supersededBy: Int64?
    public let curriculaVersion: String
    public let createdAt: String
    /// The programme the plan belongs to (`savePlan(_:for:curriculaVersion:continuing:madeOn:)`).
    public let programmeID: Int64
    /// The day it was made (the `--as-of` day); `nil` for a plan stored before this was kept.
    public let madeOn: Day?
}

/// A stored plan as `history` lists it: its row, without its units and weeks.
public struct PlanSummary: Sendable, Hashable {
    public let id: Int64
    public let start: Day
    public let weeks: Int
    public let projectedScore: Double
    public let curriculaVersion: String
    public let programmeID: Int64

    init(_ p: StoredPlan) {
        (id, start, weeks, projectedScore) = (p.id, p.plan.start, p.plan.weeks, p.plan.projectedScore)
        (curriculaVersion, programmeID) = (p.curriculaVersion, p.programmeID)
    }
}

public struct StoredLog: Sendable, Hashable {
    public let id: Int64
    public let entry: LogEntry
    public let createdAt: String
    /// Removed by `log rm` (kept, so `undo` can bring it back).
    public var removed: Bool = false
}

public struct StoredSnapshot: Sendable, Hashable {
    public let id: Int64
    public let snapshot: Snapshot
    public let curriculaVersion: String
    public let createdAt: String
}

public struct StoredBriefing: Sendable, Hashable {
    public let id: Int64
    public let briefing: Briefing
    public let createdAt: String
    /// The programme whose week it reports on.
    public let programmeID: Int64
}
