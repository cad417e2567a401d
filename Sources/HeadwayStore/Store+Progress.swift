import Foundation
import GRDB
import HeadwayCore

/// A change that moved (or may move) the score: one log entry or one re-assessment.
public struct StoredChange: Sendable, Hashable {
    public let id: Int64
    public let logID: Int64?
    public let assessmentID: Int64?
    /// The day the change takes effect.
    public let asOf: Day
    public let createdAt: String
}

/// Everything about one profile that progress needs, read inside one transaction.
public struct ProfileState: Sendable {
    public let profile: Profile
    /// Oldest first.
    public let assessments: [StoredAssessment]
    /// Oldest first.
    public let changes: [StoredChange]
    /// By date, then in the order written.
    public let logs: [StoredLog]
    /// By as-of day, then in the order written.
    public let snapshots: [StoredSnapshot]
    public let plan: StoredPlan?
    /// Every plan, oldest first (superseded ones included).
    public let plans: [StoredPlan]
    /// By programme, then week.
    public let briefings: [StoredBriefing]

    /// The day a journaled assessment takes effect (`nil`: from the start).
    public func effectiveDay(ofAssessment id: Int64) -> Day? {
        changes.first { $0.assessmentID == id }?.asOf
    }
}

/// What one progress command writes, all in one transaction.
public struct ProfileWrites: Sendable {
    /// The change itself, journaled so that `undo` can revert it.
    public enum Change: Sendable {
        case log(LogEntry)
        case reassessment(Assessment)
    }

    /// Snapshots that are not a change of the person's (signal window boundaries), written first.
    public var snapshots: [Snapshot] = []
    public var change: Change?
    /// The day the change takes effect.
    public var changeDay: Day?
    /// The snapshot the change wrote; it goes when the change is undone.
    public var changeSnapshot: Snapshot?
    /// A briefing to keep (the first one of its programme's week wins), in the programme of
    /// the current plan.
    public var briefing: Briefing?
    /// The programme the briefing belongs to, when not the current plan's.
    public var briefingProgramme: Int64?

    public init() {}
    public var isEmpty: Bool { snapshots.isEmpty && change == nil && changeSnapshot == nil && briefing == nil }
}

/// What ``Store/update(_:curriculaVersion:_:)`` wrote.
public struct ProfileWritten: Sendable {
    public var log: StoredLog?
    public var assessment: StoredAssessment?
    public var change: StoredChange?
    public var snapshots: [StoredSnapshot] = []
    public var changeSnapshot: StoredSnapshot?
    /// The stored briefing of the week (the earlier one when it existed).
    public var briefing: StoredBriefing?
}

/// What `undo` removed.
public struct UndoneChange: Sendable {
    public let change: StoredChange
    public let log: StoredLog?
    public let assessment: StoredAssessment?
    public let snapshots: [StoredSnapshot]
}

extension Store {
    /// Reads the profile's state, lets `body` decide what to write, and writes it — all in
    /// one IMMEDIATE transaction, so two processes logging at once each see the other's
    /// committed entries (a day's hours are checked against every entry of the day) and a
    /// crash leaves all of a command's rows or none.
    ///
    /// An error thrown by `body` rolls everything back and reaches the caller unchanged.
    public func update<T>(_ profile: Profile, curriculaVersion: String,
                          _ body: (ProfileState) throws -> (ProfileWrites, T)) throws -> (T, ProfileWritten) {
        var bodyError: (any Error)?
        do {
            return try queue.write { db in
                let state = try loadState(db, profile)
                let writes: ProfileWrites, value: T
                do { (writes, value) = try body(state) } catch { bodyError = error; throw error }
                return (value, try apply(db, writes, profile: profile.id, curriculaVersion: curriculaVersion))
            }
        } catch {
            if let bodyError { throw bodyError }
            throw StoreError(error, path: path, busyTimeout: busyTimeout)
        }
    }

    /// The profile's state without writing.
    public func state(of profile: Profile) throws -> ProfileState {
        try read { db in try loadState(db, profile) }
    }

    /// Reverts the profile's last journaled change — its log entry or re-assessment, the
    /// change row and the snapshot it wrote — in one transaction; `nil` when there is none.
    public func undoLastChange(for profile: Profile) throws -> UndoneChange? {
        try write { db in
            guard let change = try fetchChanges(db, where: "profile_id = ? ORDER BY id DESC LIMIT 1", [profile.id]).first else {
                return nil
            }
            let snapshots = try fetchSnapshots(db, where: "change_id = ? ORDER BY id", [change.id])
            var log: StoredLog?, assessment: StoredAssessment?
            if let id = change.logID {
                log = try fetchLogs(db, where: "id = ?", [id]).first
                try db.execute(sql: "DELETE FROM logs WHERE id = ?", arguments: [id])
            }
            if let id = change.assessmentID {
                assessment = try fetchAssessments(db, where: "id = ?", [id]).first
                try db.execute(sql: "DELETE FROM assessments WHERE id = ?", arguments: [id])
            }
            // The foreign keys cascade to the change and its snapshot; these make sure of it
            // even on a connection where foreign keys were off.
            try db.execute(sql: "DELETE FROM snapshots WHERE change_id = ?", arguments: [change.id])
            try db.execute(sql: "DELETE FROM changes WHERE id = ?", arguments: [change.id])
            return UndoneChange(change: change, log: log, assessment: assessment, snapshots: snapshots)
        }
    }

    func loadState(_ db: Database, _ profile: Profile) throws -> ProfileState {
        let current = try fetchProfile(db, id: profile.id)
        let plans = try fetchPlans(db, where: "profile_id = ? ORDER BY id", [profile.id])
        return ProfileState(profile: current,
                            assessments: try fetchAssessments(db, where: "profile_id = ? ORDER BY id", [profile.id]),
                            changes: try fetchChanges(db, where: "profile_id = ? ORDER BY id", [profile.id]),
                            logs: try fetchLogs(db, where: "profile_id = ? ORDER BY date, id", [profile.id]),
                            snapshots: try fetchSnapshots(db, where: "profile_id = ? ORDER BY as_of, id", [profile.id]),
                            plan: plans.last { $0.supersededBy == nil }, plans: plans,
                            briefings: try fetchBriefings(db, where: "profile_id = ? ORDER BY programme_id, week", [profile.id]))
    }

    private func apply(_ db: Database, _ w: ProfileWrites, profile: Int64, curriculaVersion: String) throws -> ProfileWritten {
        var out = ProfileWritten()
        for s in w.snapshots {
            let id = try insertSnapshot(db, s, profile: profile, curriculaVersion: curriculaVersion, createdAt: nil)
            out.snapshots += try fetchSnapshots(db, where: "id = ?", [id])
        }
        if let change = w.change {
            guard let day = w.changeDay else { throw StoreError.invalid("a change needs the day it takes effect") }
            var logID: Int64?, assessmentID: Int64?
            switch change {
            case .log(let entry):
                logID = try insertLog(db, entry, profile: profile, createdAt: nil)
                out.log = try fetchLogs(db, where: "id = ?", [logID!]).first
            case .reassessment(let a):
                assessmentID = try insertAssessment(db, a, profile: profile, reason: "re-assessment",
                                                    curriculaVersion: curriculaVersion, createdAt: nil)
                out.assessment = try fetchAssessments(db, where: "id = ?", [assessmentID!]).first
            }
            try db.execute(sql: """
                INSERT INTO changes (profile_id, log_id, assessment_id, as_of) VALUES (?, ?, ?, ?)
                """, arguments: [profile, logID, assessmentID, day.description])
            let changeID = db.lastInsertedRowID
            out.change = try fetchChanges(db, where: "id = ?", [changeID]).first
            if let s = w.changeSnapshot {
                let id = try insertSnapshot(db, s, profile: profile, curriculaVersion: curriculaVersion, createdAt: nil)
                try db.execute(sql: "UPDATE snapshots SET change_id = ? WHERE id = ?", arguments: [changeID, id])
                out.changeSnapshot = try fetchSnapshots(db, where: "id = ?", [id]).first
            }
        } else if w.changeSnapshot != nil {
            throw StoreError.invalid("a change snapshot needs its change")
        }
        if let b = w.briefing {
            let programme = try w.briefingProgramme ?? currentProgramme(db, profile)
            _ = try insertBriefing(db, b, profile: profile, programme: programme, createdAt: nil)
            out.briefing = try fetchBriefings(db, where: "programme_id = ? AND week = ?", [programme, b.week]).first
        }
        return out
    }

    func fetchChanges(_ db: Database, where clause: String, _ args: StatementArguments) throws -> [StoredChange] {
        try Row.fetchAll(db, sql: "SELECT * FROM changes WHERE \(clause)", arguments: args).map { r in
            let text: String = r["as_of"]
            guard let day = Day(text) else { throw StoreError.invalid("a stored date '\(text)' is not YYYY-MM-DD") }
            return StoredChange(id: r["id"], logID: r["log_id"], assessmentID: r["assessment_id"], asOf: day, createdAt: r["created_at"])
        }
    }
}
