import Foundation
import GRDB
import HeadwayCore

/// A change that moved (or may move) the score: a log entry written, edited or removed, or
/// a re-assessment.
public struct StoredChange: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case log, reassessment
        case logEdit = "log-edit"
        case logRemove = "log-rm"
    }
    public let id: Int64
    public let kind: Kind
    /// The log written, edited or removed.
    let logID: Int64?
    let assessmentID: Int64?
    /// The entry before an edit or a removal (what `undo` puts back).
    public let previous: LogEntry?
    /// The day the change takes effect.
    public let asOf: Day
    public let createdAt: String
}

/// Everything about one profile that progress needs, read inside one transaction.
public struct ProfileState: Sendable {
    public let profile: Profile
    /// Oldest first.
    public let assessments: [StoredAssessment]
    /// The journal's re-assessment rows, oldest first: the day each assessment takes effect.
    /// (The journal's log rows are `undo`'s, which reads them itself; reading a year's worth
    /// here took 1-2 ms, 5-9% of a one-shot profile command.)
    public let reassessments: [StoredChange]
    /// By date, then in the order written (entries removed by `log rm` are not here).
    public let logs: [StoredLog]
    /// By as-of day, then in the order written.
    public let snapshots: [StoredSnapshot]
    public let plan: StoredPlan?
    /// The plans read whole (with their units and weeks), oldest first, superseded ones
    /// included: every plan of the programme in force and of the programme in force on the day
    /// the state was read for, or every plan when it was read for no day
    /// (``Store/update(_:curriculaVersion:briefings:day:_:)``, ``Store/state(of:briefings:)``).
    public let plans: [StoredPlan]
    /// Every plan, oldest first, as its row says (a year held ten; `history` lists them).
    public let planSummaries: [PlanSummary]
    /// The programme in force's, by week (a year of older ones is not read); empty unless the
    /// state was read with `briefings`
    /// (``Store/update(_:curriculaVersion:briefings:_:)``, ``Store/state(of:briefings:)``).
    public let briefings: [StoredBriefing]

    /// The plan in force on `day`: the last one made by then (a plan stored without the day
    /// it was made counts from the start), else `nil`.
    public func plan(asOf day: Day) -> StoredPlan? { Self.plan(in: plans, asOf: day) }

    static func plan(in plans: [StoredPlan], asOf day: Day) -> StoredPlan? {
        plans.last { $0.madeOn.map { $0 <= day } ?? true }
    }

    /// The plans of `plan`'s programme up to it, oldest first.
    public func programme(of plan: StoredPlan) -> [StoredPlan] {
        plans.filter { $0.programmeID == plan.programmeID && $0.id <= plan.id }
    }

    /// The day a journaled assessment takes effect (`nil`: from the start).
    public func effectiveDay(ofAssessment id: Int64) -> Day? {
        reassessments.first { $0.assessmentID == id }?.asOf
    }
}

/// What one progress command writes, all in one transaction.
public struct ProfileWrites: Sendable {
    /// The change itself, journaled so that `undo` can revert it.
    public enum Change: Sendable {
        case log(LogEntry)
        case reassessment(Assessment)
        /// Log `id` now reads `entry` (`log edit`).
        case editLog(id: Int64, entry: LogEntry)
        /// Log `id` no longer counts (`log rm`).
        case removeLog(id: Int64)
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
    /// The stored reason of a re-assessment ("re-assessment").
    var reassessmentReason = "re-assessment"
    /// The programme the briefing belongs to, when not the current plan's.
    public var briefingProgramme: Int64?
    /// A plan to store as the profile's current one (`plan`, `replan`), with the same rules as
    /// ``Store/savePlan(_:for:curriculaVersion:continuing:madeOn:)``.
    public var plan: PlanWrite?
    /// The profile's first assessment (a profile made without one); not journaled, as the first
    /// assessment always stays. Its snapshot goes in ``snapshots``.
    public var firstAssessment: Assessment?
    /// Make the profile the current one (`assess` on a profile that is not).
    public var makeCurrent = false
    /// `redo` writes an undone change again: the log keeps its number, and what else was undone
    /// stays to redo (any other change empties it).
    var redoing = false
    var logID: Int64?
    var logCreatedAt: String?

    public init() {}
    public var isEmpty: Bool {
        snapshots.isEmpty && change == nil && changeSnapshot == nil && briefing == nil && plan == nil && firstAssessment == nil
            && !makeCurrent
    }
    /// Whether the writes change what the person did or decided (not only derived rows, which a
    /// read-only database may skip).
    var changesTheRecord: Bool { change != nil || changeSnapshot != nil || plan != nil || firstAssessment != nil || makeCurrent }
}

/// A plan to store in ``ProfileWrites``: a new programme, or (`continuing`) the next plan of
/// the programme in force (a replan). `madeOn` is the `--as-of` day it was made.
public struct PlanWrite: Sendable {
    public var plan: Plan
    public var continuing: Bool
    public var madeOn: Day?
    public init(_ plan: Plan, continuing: Bool = false, madeOn: Day? = nil) {
        self.plan = plan
        self.continuing = continuing
        self.madeOn = madeOn
    }
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
    /// The plan stored, now the profile's current one.
    public var plan: StoredPlan?
    /// The profile as it is after the writes (made current).
    public var profile: Profile?
}

/// What `undo` reverted: a journaled change, or a plan (the plan it replaced is current again).
public struct UndoneChange: Sendable {
    /// The change reverted; `nil` when it was a plan.
    public let change: StoredChange?
    /// The log written (now gone), or the entry edited or removed (as it is again).
    public let log: StoredLog?
    public let assessment: StoredAssessment?
    public let snapshots: [StoredSnapshot]
    /// The plan (or replan) taken back, and the plan in force again (`nil`: none).
    public var plan: StoredPlan? = nil
    public var restoredPlan: StoredPlan? = nil
}

extension Store {
    /// Reads the profile's state, lets `body` decide what to write, and writes it — all in
    /// one IMMEDIATE transaction, so two processes logging at once each see the other's
    /// committed entries (a day's hours are checked against every entry of the day) and a
    /// crash leaves all of a command's rows or none.
    ///
    /// `body` first runs in a read transaction, which in WAL mode never waits for a writer: a
    /// command with nothing to write (`history`, `progress` with no new signal window) is done
    /// then. Only when there is something to write is the state read again under the write
    /// lock and `body` run again on it (it must decide, not act: no output, no questions). On
    /// a read-only database derived rows (signal snapshots, a briefing) are not saved and the
    /// value is returned; a change (a log, a re-assessment) is refused.
    ///
    /// An error thrown by `body` rolls everything back and reaches the caller unchanged.
    ///
    /// The state holds the stored briefings of the programme in force only with `briefings`
    /// (only `brief` reads them, and only that programme's; their bodies were a large part of
    /// reading a year of history). With a `day`, only the plans of the programme in force and
    /// of the one in force on that day are read whole (``ProfileState/plans``).
    public func update<T>(
        _ profile: Profile, curriculaVersion: @autoclosure () throws -> String, briefings: Bool = false, day: Day? = nil,
        _ body: (ProfileState) throws -> (ProfileWrites, T)
    ) throws -> (T, ProfileWritten) {
        var bodyError: (any Error)?
        do {
            let (writes, value, version) = try retryingWhileBusy(seconds: busyTimeout) {
                try queue.read { db -> (ProfileWrites, T, Int) in
                    let state = try loadState(db, profile, briefings: briefings, day: day)
                    let result: (ProfileWrites, T)
                    do { result = try body(state) } catch { bodyError = error; throw error }
                    return (result.0, result.1, try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0)
                }
            }
            if writes.isEmpty { return (value, ProfileWritten()) }
            if let readOnlyReason {
                guard !writes.changesTheRecord else { throw readOnlyReason }
                return (value, ProfileWritten())
            }
            // Asked for only now: the caller may still be loading the curricula while the state is read.
            let stamp: String
            do { stamp = try curriculaVersion() } catch { bodyError = error; throw error }
            return try retryingWhileBusy(seconds: busyTimeout) {
                try queue.write { db in
                    // No other connection committed since the read (data_version is unchanged):
                    // what `body` decided still holds; else it decides again on the new state.
                    if try Int.fetchOne(db, sql: "PRAGMA data_version") == version {
                        return (value, try apply(db, writes, profile: profile.id, curriculaVersion: stamp))
                    }
                    let state = try loadState(db, profile, briefings: briefings, day: day)
                    let again: ProfileWrites, value: T
                    do { (again, value) = try body(state) } catch { bodyError = error; throw error }
                    return (value, try apply(db, again, profile: profile.id, curriculaVersion: stamp))
                }
            }
        } catch {
            if let bodyError { throw bodyError }
            throw StoreError(error, path: path, busyTimeout: busyTimeout)
        }
    }

    /// The profile's state without writing (`briefings` false: without the stored briefings).
    public func state(of profile: Profile, briefings: Bool = true) throws -> ProfileState {
        try read { db in try loadState(db, profile, briefings: briefings) }
    }

    func loadState(_ db: Database, _ profile: Profile, briefings: Bool = true, day: Day? = nil) throws -> ProfileState {
        let current = try fetchProfile(db, id: profile.id)
        // Every plan's row; the units and weeks of the programmes a view of `day` can show.
        let rows = try fetchPlanRows(db, Table("plans").filter(Column("profile_id") == profile.id).order(Column("id")))
        let read = Set(
            day.map { [rows.last { $0.supersededBy == nil }, ProfileState.plan(in: rows, asOf: $0)].compactMap { $0?.programmeID } }
                ?? rows.map(\.programmeID))
        let plans = try withParts(db, rows.filter { read.contains($0.programmeID) })
        let inForce = plans.last { $0.supersededBy == nil }
        return ProfileState(
            profile: current,
            assessments: try fetchAssessments(db, Table("assessments").filter(Column("profile_id") == profile.id).order(Column("id"))),
            reassessments: try fetchChanges(
                db,
                Table("changes").filter(Column("profile_id") == profile.id && Column("kind") == StoredChange.Kind.reassessment.rawValue)
                    .order(Column("id"))),
            logs: try fetchLogs(db, Table("logs").filter(Column("profile_id") == profile.id).order(Column("date"), Column("id"))),
            snapshots: try fetchSnapshots(db, Table("snapshots").filter(Column("profile_id") == profile.id).order(Column("as_of"), Column("id"))),
            plan: inForce, plans: plans, planSummaries: rows.map(PlanSummary.init),
            briefings: briefings
                ? try inForce.map {
                    try fetchBriefings(
                        db,
                        Table("briefings").filter(Column("profile_id") == profile.id && Column("programme_id") == $0.programmeID)
                            .order(Column("week")))
                } ?? []
                : [])
    }

    func apply(_ db: Database, _ w: ProfileWrites, profile: Int64, curriculaVersion: String) throws -> ProfileWritten {
        var out = ProfileWritten()
        // A new change of the person's: what was undone before it can no longer be redone.
        if !w.redoing && (w.change != nil || w.plan != nil) {
            try Table("redo").filter(Column("profile_id") == profile).deleteAll(db)
        }
        if let a = w.firstAssessment {
            guard try Table("assessments").filter(Column("profile_id") == profile).isEmpty(db) else {
                throw StoreError.invalid("profile \(profile) already has an assessment; a later one is a re-assessment")
            }
            let id = try insertAssessment(db, a, profile: profile, reason: "assessment", curriculaVersion: curriculaVersion, createdAt: nil)
            out.assessment = try fetchAssessments(db, Table("assessments").filter(Column("id") == id)).first
        }
        if let p = w.plan {
            out.plan = try insertCurrentPlan(
                db, p.plan, profile: profile, curriculaVersion: curriculaVersion, continuing: p.continuing, madeOn: p.madeOn)
        }
        if w.makeCurrent {
            try makeCurrent(db, profile)
            out.profile = try fetchProfile(db, id: profile)
        }
        for s in w.snapshots {
            let id = try insertSnapshot(db, s, profile: profile, curriculaVersion: curriculaVersion, createdAt: nil)
            out.snapshots += try fetchSnapshots(db, Table("snapshots").filter(Column("id") == id))
        }
        if let change = w.change {
            guard let day = w.changeDay else { throw StoreError.invalid("a change needs the day it takes effect") }
            var logID: Int64?, assessmentID: Int64?, previous: String?
            let kind: StoredChange.Kind
            switch change {
            case .log(let entry):
                kind = .log
                logID = try insertLog(db, entry, profile: profile, createdAt: w.logCreatedAt)
                if let id = w.logID, id != logID {
                    try rowOf("logs", id: logID!).updateAll(db, Column("id").set(to: id))
                    logID = id
                }
                out.log = try fetchLogs(db, Table("logs").filter(Column("id") == logID!)).first
            case .reassessment(let a):
                kind = .reassessment
                assessmentID = try insertAssessment(
                    db, a, profile: profile, reason: w.reassessmentReason,
                    curriculaVersion: curriculaVersion, createdAt: nil)
                out.assessment = try fetchAssessments(db, Table("assessments").filter(Column("id") == assessmentID!)).first
            case .editLog(let id, let entry):
                kind = .logEdit
                guard let old = try fetchLogs(db, Table("logs").filter(Column("id") == id && Column("profile_id") == profile)).first else {
                    throw StoreError.invalid("log #\(id) is not an entry of this profile")
                }
                previous = try jsonText(LogEntryJSON(old.entry))
                try updateLog(db, id, entry)
                logID = id
                out.log = try fetchLogs(db, Table("logs").filter(Column("id") == id)).first
            case .removeLog(let id):
                kind = .logRemove
                guard let old = try fetchLogs(db, Table("logs").filter(Column("id") == id && Column("profile_id") == profile)).first else {
                    throw StoreError.invalid("log #\(id) is not an entry of this profile")
                }
                previous = try jsonText(LogEntryJSON(old.entry))
                try rowOf("logs", id: id).updateAll(db, Column("removed").set(to: 1))
                logID = id
                out.log = old
            }
            try db.execute(
                sql: """
                    INSERT INTO changes (profile_id, kind, log_id, assessment_id, previous, as_of) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [profile, kind.rawValue, logID, assessmentID, previous, day.description])
            let changeID = db.lastInsertedRowID
            out.change = try fetchChanges(db, Table("changes").filter(Column("id") == changeID)).first
            if let s = w.changeSnapshot {
                let id = try insertSnapshot(db, s, profile: profile, curriculaVersion: curriculaVersion, createdAt: nil)
                try rowOf("snapshots", id: id).updateAll(db, Column("change_id").set(to: changeID))
                out.changeSnapshot = try fetchSnapshots(db, Table("snapshots").filter(Column("id") == id)).first
            }
        } else if w.changeSnapshot != nil {
            throw StoreError.invalid("a change snapshot needs its change")
        }
        if let b = w.briefing {
            let programme = try w.briefingProgramme ?? currentProgramme(db, profile)
            _ = try insertBriefing(db, b, profile: profile, programme: programme, createdAt: nil)
            out.briefing = try fetchBriefings(db, Table("briefings").filter(Column("programme_id") == programme && Column("week") == b.week)).first
        }
        return out
    }

    func fetchChanges(_ db: Database, _ request: QueryInterfaceRequest<Row>) throws -> [StoredChange] {
        try db.decodeRows(of: "changes", request) { r, c in
            func value<T: DatabaseValueConvertible>(_ column: String) throws -> T { try r.decoded(c[column]) }
            let text: String = try value("as_of")
            guard let day = Day(text) else { throw ForeignData("changes.as_of holds '\(text.prefix(40))', which is not a YYYY-MM-DD date") }
            let kindText: String = try value("kind")
            guard let kind = StoredChange.Kind(rawValue: kindText) else {
                throw ForeignData("a stored change kind '\(kindText.prefix(40))' is not one this version knows")
            }
            let previous = try (value("previous") as String?).map { try jsonValue(LogEntryJSON.self, $0).entry() }
            return StoredChange(
                id: try value("id"), kind: kind, logID: try value("log_id"), assessmentID: try value("assessment_id"),
                previous: previous, asOf: day, createdAt: try value("created_at"))
        }
    }

    /// Rewrites log `id` to read `e` (its id, profile and written time stay).
    func updateLog(_ db: Database, _ id: Int64, _ e: LogEntry) throws {
        try rowOf("logs", id: id).updateAll(
            db,
            Column("date").set(to: e.date.description), Column("skill").set(to: e.skill), Column("level").set(to: e.level),
            Column("activity").set(to: e.activity), Column("hours").set(to: e.hours), Column("status").set(to: e.status.rawValue),
            Column("note").set(to: e.note), Column("evidence").set(to: try jsonText(e.evidence)))
    }
}
