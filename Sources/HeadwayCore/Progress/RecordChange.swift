/// Why a change to a person's record is refused; each prints as one line naming what to do.
public enum RecordError: Error, Sendable, Hashable, CustomStringConvertible {
    case beforeProfile(day: Day, profile: String, first: Day, today: Day)
    case inFuture(day: Day, today: Day)
    case atTop(skill: String, name: String)
    case alreadyDone(unit: UnitID, name: String, level: Int)
    case notNext(unit: UnitID, name: String, level: Int)
    case notAnActivity(activity: String, unit: UnitID)
    case dayFull(hours: Double, day: Day, logged: Double)
    case badHours(Double)
    case unknownLog(id: Int64, profile: String)

    public var description: String {
        switch self {
        case .beforeProfile(let d, let profile, let first, let today):
            return "--date \(d) is before profile \(profile) existed; allowed: \(first) to \(today)"
        case .inFuture(let d, let today):
            return "--date \(d) is in the future (today is \(today)); allowed: up to \(today)"
        case .atTop(let skill, let name):
            return "\(name) (\(skill)) is already at level 4; there is no unit left to log"
        case .alreadyDone(let unit, let name, let level):
            return "\(unit) is already done (\(name) is at level \(level)); `undo` reverts a mistaken log, `level \(unit.skill) L` corrects a level"
        case .notNext(let unit, let name, let level):
            return "\(unit) is not your next unit of \(name): you are at level \(level), so the next is \(unit.skill):\(level + 1)"
        case .notAnActivity(let a, let unit):
            return "'\(oneLine(a, limit: 60))' is not an activity of \(unit)"
        case .dayFull(let hours, let day, let logged):
            return
                "hours \(format(hours)) would make \(format(logged + hours)) h logged on \(day); allowed: at most 24 h a day (\(format(logged)) h logged already)"
        case .badHours(let h):
            return "hours '\(format(h))' is not allowed; allowed: more than 0 and at most 24 (a day's total)"
        case .unknownLog(let id, let profile):
            return "log #\(id) is not an entry of profile \(profile); `log list` shows them"
        }
    }
}

/// A log entry as typed: the unit level and the status may be left for the record to decide.
public struct LogDraft: Sendable, Hashable {
    public var skill: String
    /// `nil`: the next level of the skill in the plan, else the person's level + 1.
    public var level: Int?
    public var hours: Double
    /// `nil`: done when the hours logged on the unit reach its hours (or, for an activity,
    /// done), else partial.
    public var status: LogStatus?
    public var note: String?
    public var date: Day
    public var activity: String?
    /// Proof of the work (``LogEntry/evidence``).
    public var evidence: [String]

    public init(
        skill: String, level: Int? = nil, hours: Double, status: LogStatus? = nil, note: String? = nil,
        date: Day, activity: String? = nil, evidence: [String] = []
    ) {
        self.skill = skill; self.level = level; self.hours = hours; self.status = status; self.note = note
        self.date = date; self.activity = activity; self.evidence = evidence
    }
}

/// What a change to the record does: the score before and after on the day it is made, and
/// the snapshot to write with it (`nil` when it does not move the score).
public struct RecordChange: Sendable, Hashable {
    /// The score (one decimal) before the change.
    public let before: Double
    /// The snapshot to write with the change, when it moves the score.
    public let snapshot: Snapshot?
    /// The record with the change made.
    public let after: ProgressRecord

    public static func == (a: RecordChange, b: RecordChange) -> Bool { a.before == b.before && a.snapshot == b.snapshot }
    public func hash(into h: inout Hasher) { h.combine(before); h.combine(snapshot) }
}

/// A log entry decided: what it records, and what that does.
public struct LogDecision: Sendable, Hashable {
    public let entry: LogEntry
    public let change: RecordChange
    /// Whether the entry completes its unit.
    public let completes: Bool
    /// Hours logged on the unit with this entry, and the unit's curriculum hours.
    public let loggedOnUnit: Double
    public let unitHours: Double
}

/// A re-assessment decided: the assessment to store from `day`, and what it does.
public struct Reassessment: Sendable, Hashable {
    public let assessment: Assessment
    public let day: Day
    public let change: RecordChange
    /// Levels it changes, in skill order.
    public let levels: [ScoreMove.LevelChange]
}

/// The context a record change is checked in: the day it is made on, the profile's first day
/// and name, and the current plan (which names a skill's next unit).
public struct RecordContext: Sendable {
    public let today: Day
    public let firstDay: Day
    public let profile: String
    public let plan: Plan?
    public init(today: Day, firstDay: Day, profile: String, plan: Plan? = nil) {
        self.today = today; self.firstDay = firstDay; self.profile = profile; self.plan = plan
    }
}

extension ProgressRecord {
    /// The most a day may hold, over all entries.
    static let hoursPerDay = 24.0

    /// Decides what `draft` records on `context.today`: which unit (the next one of the skill,
    /// in plan order), its status (done once the unit's hours are logged), whether it completes
    /// the unit, and the snapshot that completion writes.
    public func decide(_ draft: LogDraft, in context: RecordContext) throws(RecordError) -> LogDecision {
        let day = draft.date
        try checkDay(day, context)
        guard draft.hours > 0, draft.hours <= Self.hoursPerDay else { throw .badHours(draft.hours) }
        guard let person = person(at: context.today) else {
            throw .beforeProfile(day: day, profile: context.profile, first: context.firstDay, today: context.today)
        }
        let skill = draft.skill
        let now = person.level(of: skill)
        let name = curriculum.graph[skill]?.name ?? skill
        let unitLevel: Int
        if let level = draft.level {
            unitLevel = level
        } else {
            let planned = context.plan?.units.filter { $0.skill == skill && $0.level > now }.map(\.level).min()
            guard let next = planned ?? (now < 4 ? now + 1 : nil) else { throw .atTop(skill: skill, name: name) }
            unitLevel = next
        }
        let unit = UnitID(skill: skill, level: unitLevel)
        guard now < unitLevel else { throw .alreadyDone(unit: unit, name: name, level: now) }
        guard unitLevel == now + 1 else { throw .notNext(unit: unit, name: name, level: now) }
        if let a = draft.activity, curriculum.graph[skill]?.activity(unitLevel, named: a) == nil {
            throw .notAnActivity(activity: a, unit: unit)
        }
        let spent = hoursSpent(on: unit, through: context.today)
        let hours = unitHours(unit)
        let status = draft.status ?? (draft.activity != nil || spent + draft.hours >= hours - 1e-9 ? .done : .partial)
        if status != .skipped { try checkDayTotal(draft.hours, on: day, excluding: nil) }
        let entry = LogEntry(
            date: day, skill: skill, level: unitLevel, activity: draft.activity, hours: draft.hours,
            status: status, note: draft.note, evidence: draft.evidence)
        let after = with(logs: logs + [DatedLog(entry: entry, recorded: "~")])
        let completes = after.completions.contains { $0.unit == unit } && !completions.contains { $0.unit == unit }
        let reason = Snapshot.Reason.completed(unit, on: day == context.today ? nil : day)
        let change = RecordChange(
            before: roundedScore(on: context.today), snapshot: completes ? after.snapshot(on: context.today, reason: reason) : nil,
            after: after)
        return LogDecision(
            entry: entry, change: change, completes: completes,
            loggedOnUnit: spent + (status == .skipped ? 0 : draft.hours), unitHours: hours)
    }

    /// Decides `log edit`: entry `id` reads `entry` (same unit) from now on. It writes a
    /// snapshot when the score or a completion moves.
    public func edit(_ id: Int64, to entry: LogEntry, in context: RecordContext) throws(RecordError) -> RecordChange {
        guard let old = log(id) else { throw .unknownLog(id: id, profile: context.profile) }
        try checkDay(entry.date, context)
        guard entry.status == .skipped || (entry.hours > 0 && entry.hours <= Self.hoursPerDay) else { throw .badHours(entry.hours) }
        if entry.status != .skipped { try checkDayTotal(entry.hours, on: entry.date, excluding: id) }
        if let a = entry.activity, curriculum.graph[entry.skill]?.activity(entry.level, named: a) == nil {
            throw .notAnActivity(activity: a, unit: entry.unit)
        }
        var edited = old
        edited.entry = entry
        let after = with(logs: logs.map { $0.id == id ? edited : $0 })
        return moved(to: after, on: context.today, reason: .logEdited(id: id))
    }

    /// Decides `log rm`: entry `id` no longer counts. It writes a snapshot when the score or
    /// a completion moves.
    public func remove(_ id: Int64, in context: RecordContext) throws(RecordError) -> RecordChange {
        guard log(id) != nil else { throw .unknownLog(id: id, profile: context.profile) }
        let after = with(logs: logs.filter { $0.id != id })
        return moved(to: after, on: context.today, reason: .logRemoved(id: id))
    }

    /// Decides `level SKILL L` / `assess set`: a re-assessment from `day` that keeps every level
    /// reached so far and sets this one; `nil` when the skill is already there.
    public func reassessment(setting skill: String, to level: Int, on day: Day) -> Reassessment? {
        guard let person = person(at: day), person.level(of: skill) != level, let answers = assessment(at: day) else { return nil }
        // From the answers in force, not the levels reached: a completion stays a completion
        // (removing its log later takes it back), only this skill is answered anew.
        var assessment = answers.assessment
        assessment.skills[skill] = level
        return reassessment(assessment, on: day, reason: .reassessedSkill(skill: skill, level: level, unsure: false))
    }

    /// Decides `assess set hours|split|off|unsure|sure`: a re-assessment from `day` with `edit`
    /// applied to the answers in force (every level reached so far kept); `nil` when the
    /// answers stay the same.
    public func reassessment(editing edit: (inout Assessment) -> Void, on day: Day, reason: Snapshot.Reason) -> Reassessment? {
        guard let answers = assessment(at: day) else { return nil }
        var assessment = answers.assessment
        edit(&assessment)
        guard assessment != answers.assessment else { return nil }
        return reassessment(assessment, on: day, reason: reason)
    }

    /// Decides `assess` on a profile that has a history: the new answers from `day` on. A skill
    /// they leave unanswered keeps the level reached so far (assessed or completed), so work
    /// already done is not lost.
    public func reassessment(with answers: Assessment, on day: Day) -> Reassessment {
        var assessment = answers
        // Unanswered skills keep their last answer; completions keep counting on top of it.
        if let previous = self.assessment(at: day) {
            for (skill, level) in previous.assessment.skills where assessment.skills[skill] == nil { assessment.skills[skill] = level }
        }
        return reassessment(assessment, on: day, reason: .reassessment)
    }

    private func reassessment(_ assessment: Assessment, on day: Day, reason: Snapshot.Reason) -> Reassessment {
        let was = levels(at: day) ?? [:]
        let after = with(assessment: DatedAssessment(assessment: assessment, from: day, recorded: "~"))
        let now = after.levels(at: day) ?? [:]
        let changes = Set(was.keys).union(now.keys).sorted().compactMap { s -> ScoreMove.LevelChange? in
            let a = was[s] ?? 0, b = now[s] ?? 0
            return a == b ? nil : ScoreMove.LevelChange(skill: s, from: a, to: b)
        }
        let change = RecordChange(before: roundedScore(on: day), snapshot: after.snapshot(on: day, reason: reason), after: after)
        return Reassessment(assessment: assessment, day: day, change: change, levels: changes)
    }

    // MARK: Helpers

    private func checkDay(_ day: Day, _ context: RecordContext) throws(RecordError) {
        guard day <= context.today else { throw .inFuture(day: day, today: context.today) }
        guard day >= context.firstDay else {
            throw .beforeProfile(day: day, profile: context.profile, first: context.firstDay, today: context.today)
        }
    }

    private func checkDayTotal(_ hours: Double, on day: Day, excluding id: Int64?) throws(RecordError) {
        let logged = logs.filter { $0.id == nil || $0.id != id }
            .filter { $0.entry.status != .skipped && $0.entry.date == day }.reduce(0) { $0 + $1.entry.hours }
        guard logged + hours <= Self.hoursPerDay + 1e-9 else { throw .dayFull(hours: hours, day: day, logged: logged) }
    }

    func roundedScore(on day: Day) -> Double { person(at: day)?.result(at: day).rounded ?? 0 }

    func snapshot(on day: Day, reason: Snapshot.Reason) -> Snapshot? {
        score(at: day).map { Snapshot($0, asOf: day, reason: reason) }
    }

    /// The change to `after`, with a snapshot when the score on `day` or a completion moved.
    private func moved(to after: ProgressRecord, on day: Day, reason: Snapshot.Reason) -> RecordChange {
        let before = person(at: day)?.result(at: day)
        // The day's person after the change, built once for whether the score moved and its snapshot.
        let now = after.person(at: day)
        let scoreMoved = abs((now?.value(at: day) ?? 0) - (before?.value ?? 0)) > 1e-9
        let completionsMoved = Set(after.completions.map(\.unit)) != Set(completions.map(\.unit))
        return RecordChange(
            before: before?.rounded ?? 0,
            snapshot: scoreMoved || completionsMoved ? now.map { Snapshot($0.score(at: day), asOf: day, reason: reason) } : nil, after: after)
    }
}

extension RecordError: ClassifiedError {
    /// The record refuses the entry: bad data, whatever way it was typed.
    public var exitClass: ExitClass { .data }
}
