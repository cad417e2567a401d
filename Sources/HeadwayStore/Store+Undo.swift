import Foundation
import GRDB
import HeadwayCore

/// One step of a profile's journal, newest first in ``Store/journal(for:)``: a change (a log
/// written, edited or removed, a re-assessment) or a plan made.
public struct JournalStep: Sendable {
    public let change: StoredChange?
    /// The log the change wrote, edited (as it reads now) or removed.
    public let log: StoredLog?
    public let plan: StoredPlan?
    public let createdAt: String
}

/// What `redo` wrote again.
public struct RedoneChange: Sendable {
    public let kind: RedoRecord.Kind
    public let written: ProfileWritten
}

/// An undone change as `redo` writes it again, kept in the `redo` table as JSON.
public struct RedoRecord: Codable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case log, reassessment
        case logEdit = "log-edit"
        case logRemove = "log-rm"
        case plan
    }
    public var kind: Kind
    /// The log written (its number is kept), edited or removed.
    var logID: Int64?
    /// A log's entry as written; an edit's entry after the edit.
    var entry: LogEntryJSON?
    var logCreatedAt: String?
    var assessment: Assessment?
    var reason: String?
    /// The day the change takes effect.
    var asOf: String?
    var snapshot: Snapshot?
    var plan: Plan?
    var continuing: Bool?
    var madeOn: String?
    var curriculaVersion: String?

    /// The change as ``ProfileWrites``, marked as a redo.
    func writes() throws -> ProfileWrites {
        var w = ProfileWrites()
        w.redoing = true
        w.changeDay = asOf.flatMap(Day.init)
        w.changeSnapshot = snapshot
        switch kind {
        case .log:
            guard let entry, let logID else { throw StoreError.invalid("a kept redo of a log has no entry") }
            w.change = .log(try entry.entry())
            w.logID = logID
            w.logCreatedAt = logCreatedAt
        case .logEdit:
            guard let entry, let logID else { throw StoreError.invalid("a kept redo of a log edit has no entry") }
            w.change = .editLog(id: logID, entry: try entry.entry())
        case .logRemove:
            guard let logID else { throw StoreError.invalid("a kept redo of a log removal has no log") }
            w.change = .removeLog(id: logID)
        case .reassessment:
            guard let assessment else { throw StoreError.invalid("a kept redo of a re-assessment has no assessment") }
            w.change = .reassessment(assessment)
            w.reassessmentReason = reason ?? "re-assessment"
        case .plan:
            guard let plan else { throw StoreError.invalid("a kept redo of a plan has no plan") }
            w.plan = PlanWrite(plan, continuing: continuing ?? false, madeOn: madeOn.flatMap(Day.init))
        }
        return w
    }
}

extension Store {
    /// Reverts the profile's last step — its log entry, edit, removal or re-assessment with the
    /// change row and the snapshot it wrote, or the plan made last (the plan it replaced is in
    /// force again) — in one transaction, and keeps it for `redo`; `nil` when there is none.
    ///
    /// It writes only what a command could have written: a kept entry `check` refuses (an
    /// unknown skill, hours out of range, a note too long: an imported journal may hold
    /// anything) is not written back, and the profile's first assessment is never removed.
    public func undoLastChange(for profile: Profile, check: (LogEntry) -> String? = { _ in nil }) throws -> UndoneChange? {
        try write { db in
            let last = try fetchChanges(db, Table("changes").filter(Column("profile_id") == profile.id).order(Column("id").desc).limit(1)).first
            let plan = try fetchPlans(
                db, Table("plans").filter(Column("profile_id") == profile.id && Column("superseded_by") == nil).order(Column("id").desc).limit(1)
            ).first
            if let plan, last.map({ plan.createdAt > $0.createdAt }) ?? true {
                return try undoPlan(db, plan, profile: profile)
            }
            guard let change = last else { return nil }
            if let previous = change.previous, change.kind == .logEdit, let problem = check(previous) {
                throw StoreError.unrevertable(change: change.id, detail: "the entry it would bring back is not one a command writes (\(problem))")
            }
            if let id = change.assessmentID,
                id == (try Table("assessments").filter(Column("profile_id") == profile.id).select(min(Column("id")), as: Int64.self).fetchOne(db))
            {
                throw StoreError.unrevertable(change: change.id, detail: "it names the profile's first assessment, which stays")
            }
            let snapshots = try fetchSnapshots(db, Table("snapshots").filter(Column("change_id") == change.id).order(Column("id")))
            var redo = RedoRecord(kind: RedoRecord.Kind(rawValue: change.kind.rawValue)!)
            redo.asOf = change.asOf.description
            redo.snapshot = snapshots.last?.snapshot
            redo.logID = change.logID
            var log: StoredLog?, assessment: StoredAssessment?
            switch (change.kind, change.logID) {
            case (.log, let id?):
                log = try fetchLogs(db, Table("logs").filter(Column("id") == id), removed: true).first
                redo.entry = log.map { LogEntryJSON($0.entry) }
                redo.logCreatedAt = log?.createdAt
                try rowOf("logs", id: id).deleteAll(db)
            case (.logEdit, let id?):
                guard let previous = change.previous else { throw StoreError.invalid("log edit change \(change.id) has no previous entry") }
                redo.entry = try fetchLogs(db, Table("logs").filter(Column("id") == id), removed: true).first.map { LogEntryJSON($0.entry) }
                try updateLog(db, id, previous)
                log = try fetchLogs(db, Table("logs").filter(Column("id") == id), removed: true).first
            case (.logRemove, let id?):
                try rowOf("logs", id: id).updateAll(db, Column("removed").set(to: 0))
                log = try fetchLogs(db, Table("logs").filter(Column("id") == id)).first
            default:
                break
            }
            if let id = change.assessmentID {
                assessment = try fetchAssessments(db, Table("assessments").filter(Column("id") == id)).first
                redo.assessment = assessment?.assessment
                redo.reason = assessment?.reason
                try rowOf("assessments", id: id).deleteAll(db)
            }
            // The foreign keys cascade to the change and its snapshot; these make sure of it
            // even on a connection where foreign keys were off.
            try Table("snapshots").filter(Column("change_id") == change.id).deleteAll(db)
            try rowOf("changes", id: change.id).deleteAll(db)
            try keepForRedo(db, redo, profile: profile)
            return UndoneChange(change: change, log: log, assessment: assessment, snapshots: snapshots)
        }
    }

    /// Takes `plan` back: the plan it replaced is in force again, and a programme it started
    /// goes with it (its briefings too).
    private func undoPlan(_ db: Database, _ plan: StoredPlan, profile: Profile) throws -> UndoneChange {
        let others = try Table("plans").filter(Column("programme_id") == plan.programmeID && Column("id") != plan.id).fetchCount(db)
        var redo = RedoRecord(kind: .plan)
        redo.plan = plan.plan
        redo.continuing = others > 0
        redo.madeOn = plan.madeOn?.description
        redo.curriculaVersion = plan.curriculaVersion
        try Table("plans").filter(Column("superseded_by") == plan.id).updateAll(db, Column("superseded_by").set(to: nil))
        try rowOf("plans", id: plan.id).deleteAll(db)
        if others == 0 { try rowOf("programmes", id: plan.programmeID).deleteAll(db) }
        try keepForRedo(db, redo, profile: profile)
        let restored = try fetchPlans(
            db, Table("plans").filter(Column("profile_id") == profile.id && Column("superseded_by") == nil).order(Column("id").desc).limit(1)
        ).first
        return UndoneChange(change: nil, log: nil, assessment: nil, snapshots: [], plan: plan, restoredPlan: restored)
    }

    private func keepForRedo(_ db: Database, _ record: RedoRecord, profile: Profile) throws {
        try db.execute(sql: "INSERT INTO redo (profile_id, payload) VALUES (?, ?)", arguments: [profile.id, try jsonText(record)])
    }

    /// Writes the last undone step again, in one transaction (`nil` when nothing is left to
    /// redo: nothing was undone, or a change was made since).
    public func redoLastUndone(for profile: Profile, curriculaVersion: String) throws -> RedoneChange? {
        try write { db in
            let newest = Table("redo").select(Column("id"), Column("payload")).filter(Column("profile_id") == profile.id).order(Column("id").desc)
            guard let row = try Row.fetchOne(db, newest) else { return nil }
            let id: Int64 = try row.decoded("id", "redo")
            let record: RedoRecord, writes: ProfileWrites
            do {
                record = try jsonValue(RedoRecord.self, try row.decoded("payload", "redo"))
                writes = try record.writes()
            } catch {
                throw ForeignData("redo row \(id) holds a change this version cannot read")
            }
            try rowOf("redo", id: id).deleteAll(db)
            let written = try apply(db, writes, profile: profile.id, curriculaVersion: record.curriculaVersion ?? curriculaVersion)
            return RedoneChange(kind: record.kind, written: written)
        }
    }

    /// The profile's journal, newest first: what `undo` would revert, in turn.
    public func journal(for profile: Profile, limit: Int = 10) throws -> (steps: [JournalStep], redo: [RedoRecord]) {
        try read { db in
            let changes = try fetchChanges(db, Table("changes").filter(Column("profile_id") == profile.id).order(Column("id").desc).limit(limit))
            // Every plan, replaced ones too: by time, a replaced plan comes after the newer one
            // that replaced it, which undo takes back first.
            let plans = try fetchPlans(db, Table("plans").filter(Column("profile_id") == profile.id).order(Column("id").desc).limit(limit))
            var logs: [Int64: StoredLog] = [:]
            let ids = changes.compactMap(\.logID)
            for l in try fetchLogs(db, Table("logs").filter(ids.contains(Column("id"))), removed: true) { logs[l.id] = l }
            let steps =
                changes.map { JournalStep(change: $0, log: $0.logID.flatMap { logs[$0] }, plan: nil, createdAt: $0.createdAt) }
                + plans.map { JournalStep(change: nil, log: nil, plan: $0, createdAt: $0.createdAt) }
            let redo = try Table("redo").select(Column("payload"), as: String.self).filter(Column("profile_id") == profile.id).order(Column("id").desc)
                .fetchAll(db)
                .compactMap { try? jsonValue(RedoRecord.self, $0) }
            return (Array(steps.sorted { $0.createdAt > $1.createdAt }.prefix(limit)), redo)
        }
    }
}
