import HeadwayCore
import HeadwayStore

/// A change to the record, as written: the change the record decided, the score before it on
/// its day, and the last score recorded before it (where `history` says the move starts).
public struct RecordedEdit: Sendable {
    public let written: ProfileWritten
    /// The score on the change's day without it.
    public let before: Double
    /// The last score the record held on or before the change's day.
    public let recorded: Double?
}

/// `log`: work on a unit. The record decides it (the unit, the day's hours, the activity) and
/// it is written with its journal row and, when it completes the unit, its snapshot, in one
/// transaction.
public struct LogWork: Sendable {
    public var skill: String
    /// `nil`: the next level of the skill in the plan, else the person's level + 1.
    public var level: Int?
    public var hours: Double
    public var status: LogStatus?
    public var note: String?
    /// `nil`: the workspace's day.
    public var date: Day?
    public var activity: String?
    public var evidence: [String]

    public init(
        skill: String, level: Int?, hours: Double, status: LogStatus?, note: String? = nil, date: Day? = nil,
        activity: String? = nil, evidence: [String] = []
    ) {
        self.skill = skill; self.level = level; self.hours = hours; self.status = status
        self.note = note; self.date = date; self.activity = activity; self.evidence = evidence
    }

    public struct Outcome: Sendable {
        public let decision: LogDecision
        /// The unit as the person reads it ("NCCL → 3").
        public let unitName: String
        public let edit: RecordedEdit
    }

    public func run(in w: Workspace) throws -> Outcome {
        let (value, written) = try w.update { p, writes -> (LogDecision, String, Double?) in
            let draft = LogDraft(
                skill: skill, level: level, hours: hours, status: status, note: note, date: date ?? p.day, activity: activity,
                evidence: evidence)
            let decision = try p.record.decide(draft, in: p.context)
            writes.change = .log(decision.entry)
            writes.changeDay = decision.entry.date
            writes.changeSnapshot = decision.change.snapshot
            let recorded = p.recordedScore(onOrBefore: decision.change.snapshot?.asOf ?? p.day, pending: writes.snapshots)
            return (decision, p.name(decision.entry.unit), recorded)
        }
        let (decision, name, recorded) = value
        return Outcome(decision: decision, unitName: name, edit: RecordedEdit(written: written, before: decision.change.before, recorded: recorded))
    }
}

/// `log rm N`: an entry no longer counts (journaled; `undo` brings it back).
public struct RemoveLog: Sendable {
    public var id: Int64
    public init(id: Int64) { self.id = id }

    public struct Outcome: Sendable {
        /// The entry as it was.
        public let entry: LogEntry
        public let edit: RecordedEdit
    }

    public func run(in w: Workspace) throws -> Outcome {
        let id = self.id
        let (value, written) = try w.update { p, writes -> (LogEntry, Double, Double?) in
            guard let old = p.record.log(id)?.entry else {
                throw HeadwayError(.data, RecordError.unknownLog(id: id, profile: p.state.profile.name).description)
            }
            let change = try p.record.remove(id, in: p.context)
            writes.change = .removeLog(id: id)
            writes.changeDay = old.date
            writes.changeSnapshot = change.snapshot
            return (old, change.before, p.recordedScore(onOrBefore: change.snapshot?.asOf ?? p.day, pending: writes.snapshots))
        }
        return Outcome(entry: value.0, edit: RecordedEdit(written: written, before: value.1, recorded: value.2))
    }
}

/// `log edit N`: an entry reads otherwise (journaled; `undo` brings the old one back).
public struct EditLog: Sendable {
    public var id: Int64
    public var hours: Double?
    public var status: LogStatus?
    public var date: Day?
    /// An empty note removes it.
    public var note: String?

    public init(id: Int64, hours: Double? = nil, status: LogStatus? = nil, date: Day? = nil, note: String? = nil) {
        self.id = id; self.hours = hours; self.status = status; self.date = date; self.note = note
    }

    public struct Outcome: Sendable {
        public let old: LogEntry
        public let new: LogEntry
        public let edit: RecordedEdit
    }

    public func run(in w: Workspace) throws -> Outcome {
        let (value, written) = try w.update { p, writes -> (LogEntry, LogEntry, Double, Double?) in
            guard let old = p.record.log(id)?.entry else {
                throw HeadwayError(.data, RecordError.unknownLog(id: id, profile: p.state.profile.name).description)
            }
            var entry = old
            if let hours { entry.hours = hours }
            if let status { entry.status = status }
            if let date { entry.date = date }
            if let note { entry.note = note.isEmpty ? nil : note }
            guard entry != old else { throw HeadwayError(.no, "log #\(id) already reads so; nothing changed") }
            let change = try p.record.edit(id, to: entry, in: p.context)
            writes.change = .editLog(id: id, entry: entry)
            writes.changeDay = min(old.date, entry.date)
            writes.changeSnapshot = change.snapshot
            return (old, entry, change.before, p.recordedScore(onOrBefore: change.snapshot?.asOf ?? p.day, pending: writes.snapshots))
        }
        return Outcome(old: value.0, new: value.1, edit: RecordedEdit(written: written, before: value.2, recorded: value.3))
    }
}

/// `undo`: the profile's last journaled change is reverted, with its snapshot, in one
/// transaction; an entry it would bring back must be one a command could write.
public struct Undo: Sendable {
    public init() {}

    public struct Outcome: Sendable {
        public let undone: UndoneChange
        /// The score on the workspace's day afterwards (`nil` when the record gives no model).
        public let scoreNow: Double?
    }

    public func run(in w: Workspace) throws -> Outcome {
        let curriculum = try w.curriculum
        // A `StoreError` reaches the command as it is: it knows its exit class.
        guard let undone = try w.store.undoLastChange(for: w.profile, check: { ProfileArchive.logEntryProblem($0, "previous", curriculum) })
        else {
            throw HeadwayError(.no, "nothing to undo: profile \(w.profile.name) has no change or plan left (the first assessment stays)")
        }
        return Outcome(undone: undone, scoreNow: w.scoreNow())
    }
}

/// `redo`: writes the last undone step again (a log keeps its number; a plan is in force again).
public struct Redo: Sendable {
    public init() {}

    public struct Outcome: Sendable {
        public let redone: RedoneChange
        /// The score on the workspace's day afterwards (`nil` when the record gives no model).
        public let scoreNow: Double?
    }

    public func run(in w: Workspace) throws -> Outcome {
        try w.refuseWritingAhead()
        guard let redone = try w.store.redoLastUndone(for: w.profile, curriculaVersion: try w.curriculum.version) else {
            throw HeadwayError(.no, "nothing to redo: profile \(w.profile.name) has nothing undone since its last change")
        }
        return Outcome(redone: redone, scoreNow: w.scoreNow())
    }
}
