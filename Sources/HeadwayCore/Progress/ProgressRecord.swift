/// An assessment and the day it applies from.
public struct DatedAssessment: Sendable, Hashable {
    public var assessment: Assessment
    /// The first day it applies; `nil` for one that applies from the start (the first assessment,
    /// or one loaded from a file), so it holds on any day once it is the latest.
    public var from: Day?
    /// When it was recorded (ISO 8601, sortable): orders it against logs of the same day.
    public var recorded: String

    public init(assessment: Assessment, from: Day?, recorded: String) {
        self.assessment = assessment; self.from = from; self.recorded = recorded
    }
}

/// A log entry with when it was recorded (ISO 8601, sortable) and its id in the store.
public struct DatedLog: Sendable, Hashable {
    public var entry: LogEntry
    public var recorded: String
    /// The entry's number (`Logged #3`); `nil` for one not stored yet.
    public var id: Int64?
    public init(entry: LogEntry, recorded: String, id: Int64? = nil) { self.entry = entry; self.recorded = recorded; self.id = id }
}

/// The moment a unit became complete: a `done` entry for the whole unit, the `done` entry
/// that completed the last of its activities, or the entry whose hours used up the unit's
/// hours (work already done counts: a unit with no hours left is complete).
public struct Completion: Sendable, Hashable {
    public let unit: UnitID
    public let day: Day
    public let recorded: String
}

/// One person's record over time — what they said (assessments) and what they did (logs) —
/// and what it means on any day: their assessment, levels and model then.
///
/// Levels on day `D`: the latest assessment that applies on `D`, raised by every unit
/// completed on or before `D` after that assessment took effect (a completion on the
/// re-assessment's own day counts when it was recorded after it). A re-assessment made with
/// `level` already holds the levels reached before it, so completions before it are not lost.
public struct ProgressRecord: Sendable {
    public let curriculum: Curriculum
    /// In the order they were taken.
    public let assessments: [DatedAssessment]
    /// By date, then in the order recorded.
    public let logs: [DatedLog]
    /// Every completion, by day then in the order recorded.
    public let completions: [Completion]

    public init(curriculum: Curriculum, assessments: [DatedAssessment], logs: [DatedLog]) {
        self.curriculum = curriculum
        self.assessments = assessments
        let sorted = logs.sorted { ($0.entry.date, $0.recorded) < ($1.entry.date, $1.recorded) }
        self.logs = sorted
        self.completions = Self.completions(sorted, graph: curriculum.graph)
    }

    private static func completions(_ logs: [DatedLog], graph: SkillGraph) -> [Completion] {
        var out: [Completion] = []
        var complete = Set<UnitID>()
        var activitiesDone: [UnitID: Set<String>] = [:]
        var spent: [UnitID: Double] = [:]
        for log in logs where log.entry.status != .skipped {
            let unit = log.entry.unit
            guard !complete.contains(unit) else { continue }
            spent[unit, default: 0] += log.entry.hours
            var completes = false
            if log.entry.status == .done {
                if let activity = log.entry.activity {
                    // An activity is done when it or its alternative was logged done.
                    let all = graph.activities(of: unit.skill, level: unit.level)
                    activitiesDone[unit, default: []].insert(activity)
                    let done = activitiesDone[unit] ?? []
                    completes = !all.isEmpty && all.allSatisfy { a in done.contains { a.isNamed($0) } }
                } else {
                    completes = true
                }
            }
            if let hours = graph.hours(of: unit.skill, toLevel: unit.level), spent[unit]! >= hours - 1e-9 { completes = true }
            if completes {
                complete.insert(unit)
                out.append(Completion(unit: unit, day: log.entry.date, recorded: log.recorded))
            }
        }
        return out
    }

    /// The assessment that applies on `day`: the latest one taken whose first day is not after it.
    public func assessment(at day: Day) -> DatedAssessment? {
        assessments.last { $0.from.map { $0 <= day } ?? true }
    }

    /// Whether `c` counts on top of assessment `a`.
    private func counts(_ c: Completion, after a: DatedAssessment) -> Bool {
        guard let from = a.from else { return true }
        return c.day > from || (c.day == from && c.recorded > a.recorded)
    }

    /// Every skill's level on `day`; `nil` before there is an assessment.
    ///
    /// A skill's level is its last answer, raised by the units completed after that answer: a
    /// re-assessment that leaves a skill as it was does not answer it again, so a completion
    /// before it keeps counting, and removing that completion later takes the level back
    /// (issue 25.5). A new answer for the skill replaces what was completed before it.
    public func levels(at day: Day) -> [String: Int]? {
        guard let a = assessment(at: day), let base = PersonalModel(curriculum: curriculum, assessment: a.assessment) else { return nil }
        return base.levels.merging(raised(at: day, over: base)) { $1 }
    }

    /// The levels of the skills that units completed by `day` raise, from those of `base` (the
    /// assessment that applies); only those skills, so a history that builds a person for every
    /// snapshot does not build a map of the whole graph for each.
    private func raised(at day: Day, over base: PersonalModel) -> [String: Int] {
        var raised: [String: Int] = [:]
        let answered = lastAnswers(through: day)
        for c in completions where c.day <= day && (answered[c.unit.skill].map { counts(c, after: $0) } ?? true) {
            let skill = c.unit.skill
            // A skill the graph no longer has was assessed at no level.
            let from = raised[skill] ?? (curriculum.graph.referenceLevel(of: skill) == nil ? 0 : base.level(of: skill))
            raised[skill] = max(from, c.unit.level)
        }
        return raised
    }

    /// For each skill, the assessment (in force by `day`) that last gave it a new answer: a
    /// value other than the assessment before it held, or none where one was.
    func lastAnswers(through day: Day) -> [String: DatedAssessment] {
        var answered: [String: DatedAssessment] = [:]
        var previous: [String: Int] = [:]
        for a in assessments where a.from.map({ $0 <= day }) ?? true {
            let now = a.assessment.skills
            for skill in Set(now.keys).union(previous.keys) where now[skill] != previous[skill] { answered[skill] = a }
            previous = now
        }
        return answered
    }

    /// The person's model on `day`: the assessment that applies, with the levels reached.
    public func person(at day: Day) -> PersonalModel? {
        guard let a = assessment(at: day), let base = PersonalModel(curriculum: curriculum, assessment: a.assessment) else { return nil }
        var assessment = a.assessment
        // Only levels that differ from the defaults are written, so the model keeps reading
        // unanswered skills as "seniority default" exactly as the assessment did.
        // A level reached by completing a unit is sure, whatever the assessment said.
        for (skill, level) in raised(at: day, over: base) where level != base.level(of: skill) {
            assessment.skills[skill] = level; assessment.unsure.remove(skill)
        }
        return PersonalModel(curriculum: curriculum, assessment: assessment)
    }

    /// The score on `day` with the levels reached by then.
    public func score(at day: Day) -> PersonalScore? { person(at: day)?.score(at: day) }

    /// Hours spent (done and partial entries) on days in `[from, to]`.
    public func hoursSpent(from: Day, to: Day) -> Double {
        logs(from: from, through: to).reduce(0) { $1.entry.status != .skipped ? $0 + $1.entry.hours : $0 }
    }

    /// The entries dated `from` through `to`, in the record's order: found by halving, as the
    /// record is in day order (a view asks for every week of a plan).
    public func logs(from: Day, through to: Day) -> ArraySlice<DatedLog> {
        guard from <= to else { return [] }
        return logs[firstLog(onOrAfter: from)..<firstLog(onOrAfter: to.adding(days: 1))]
    }

    private func firstLog(onOrAfter day: Day) -> Int {
        var (low, high) = (0, logs.count)
        while low < high {
            let middle = (low + high) / 2
            if logs[middle].entry.date < day { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Hours spent on `unit` (done and partial) up to `day`.
    public func hoursSpent(on unit: UnitID, through day: Day) -> Double {
        logs.reduce(0) { $1.entry.unit == unit && $1.entry.status != .skipped && $1.entry.date <= day ? $0 + $1.entry.hours : $0 }
    }

    /// The curriculum hours of `unit`.
    public func unitHours(_ unit: UnitID) -> Double { curriculum.graph.hours(of: unit.skill, toLevel: unit.level) ?? 0 }

    /// What is left of `unit` on `day`: `max(0, h - logged)`; 0 once it is complete.
    public func remainingHours(of unit: UnitID, through day: Day) -> Double {
        if completions.contains(where: { $0.unit == unit && $0.day <= day }) { return 0 }
        return max(0, unitHours(unit) - hoursSpent(on: unit, through: day))
    }

    /// The activities of `unit` logged done up to `day`.
    public func doneActivities(of unit: UnitID, through day: Day) -> Set<String> {
        Set(logs.filter { $0.entry.unit == unit && $0.entry.status == .done && $0.entry.date <= day }.compactMap(\.entry.activity))
    }

    /// The log entry numbered `id`.
    public func log(_ id: Int64) -> DatedLog? { logs.first { $0.id == id } }

    /// The same record with `logs` in place of its own.
    public func with(logs: [DatedLog]) -> ProgressRecord {
        ProgressRecord(curriculum: curriculum, assessments: assessments, logs: logs)
    }

    /// The same record with one more assessment (taken last).
    public func with(assessment: DatedAssessment) -> ProgressRecord {
        ProgressRecord(curriculum: curriculum, assessments: assessments + [assessment], logs: logs)
    }
}

/// How fast a person works against the curriculum's hours, once two units are complete.
public struct PaceFactor: Sendable, Hashable {
    /// Hours logged on completed units / their curriculum hours, clamped to ``range``.
    public let value: Double
    /// The ratio before clamping.
    public let raw: Double
    public let units: [UnitID]
    public let logged: Double
    public let curriculumHours: Double

    public static let range = 0.5...2.0
    /// Units that must be complete before the factor is used.
    static let minimumUnits = 2
}

extension ProgressRecord {
    /// The pace factor on `day`: hours logged on the units completed by then over their
    /// curriculum hours, clamped to 0.5…2; `nil` before two units are complete.
    public func paceFactor(through day: Day) -> PaceFactor? {
        // Each unit completed by `day` (its first completion), and what was logged on it up to then,
        // summed in one pass over the record (in its order, as one sum per unit would be).
        var units: [UnitID] = []
        var completedOn: [UnitID: Day] = [:]
        for c in completions where c.day <= day && completedOn[c.unit] == nil {
            completedOn[c.unit] = c.day
            units.append(c.unit)
        }
        var spent: [UnitID: Double] = [:]
        for log in logs where log.entry.status != .skipped {
            if let until = completedOn[log.entry.unit], log.entry.date <= until { spent[log.entry.unit, default: 0] += log.entry.hours }
        }
        var logged = 0.0, hours = 0.0
        for unit in units {
            logged += spent[unit] ?? 0
            hours += unitHours(unit)
        }
        guard units.count >= PaceFactor.minimumUnits, hours > 0 else { return nil }
        let raw = logged / hours
        return PaceFactor(
            value: min(PaceFactor.range.upperBound, max(PaceFactor.range.lowerBound, raw)), raw: raw,
            units: units, logged: logged, curriculumHours: hours)
    }

    /// Snapshots due at the signal window boundaries in `(after, through]`, each scored on its
    /// day with the levels reached by then.
    public func signalSnapshots(after: Day, through day: Day) -> [Snapshot] {
        guard after < day, let person = person(at: day) else { return [] }
        return person.signalBoundaries(after: after, through: day).map { b in
            Snapshot((self.person(at: b.day) ?? person).score(at: b.day), asOf: b.day, reason: b.reason)
        }
    }
}

/// A signal's window boundary, where its effect starts or stops growing.
public struct SignalBoundary: Sendable, Hashable {
    public let day: Day
    public let signal: Signal
    /// True at the window's first day, false at its last.
    public let entering: Bool

    /// The snapshot reason: "signal ID enters its window" / "… completes its window".
    public var reason: Snapshot.Reason { .signal(id: signal.id, entering: entering) }
}

extension PersonalModel {
    /// The boundaries of the signals acting on this role that fall in `(after, through]`, by day.
    public func signalBoundaries(after: Day, through: Day) -> [SignalBoundary] {
        var out: [SignalBoundary] = []
        for signal in curriculum.signals where signal.effects.contains(where: { $0.role == role.id }) {
            if signal.window.from > after && signal.window.from <= through {
                out.append(SignalBoundary(day: signal.window.from, signal: signal, entering: true))
            }
            if signal.window.to > after && signal.window.to <= through {
                out.append(SignalBoundary(day: signal.window.to, signal: signal, entering: false))
            }
        }
        return out.sorted { ($0.day, $0.signal.id, $0.entering ? 0 : 1) < ($1.day, $1.signal.id, $1.entering ? 0 : 1) }
    }

    /// What one signal does to this person's score on `day`: the score with it minus the score
    /// without its drift (positive when the change in the field helps them).
    public func effect(of signal: String, at day: Day, levels: [String: Int]? = nil) -> Double {
        let with = inputs(at: day).score(levels: levels ?? self.levels).result.value
        let without = inputs(at: day, excluding: [signal]).score(levels: levels ?? self.levels).result.value
        return with - without
    }

    /// The signals acting on this role, in window order.
    public var roleSignals: [Signal] {
        curriculum.signals.filter { s in s.effects.contains { $0.role == role.id } }
            .sorted { ($0.window.from, $0.id) < ($1.window.from, $1.id) }
    }
}

/// One thing that moved the score between two days, with the points it moved it by.
public struct ScoreMove: Sendable, Hashable {
    public enum Cause: Sendable, Hashable {
        /// A unit completed.
        case completed(UnitID)
        /// A re-assessment, with the levels it changed (`skill: (from, to)`), in skill order.
        case reassessment([LevelChange])
        /// Signals whose ramp moved, by id.
        case signals([String])
    }
    public struct LevelChange: Sendable, Hashable {
        public let skill: String
        public let from: Int
        public let to: Int
        public init(skill: String, from: Int, to: Int) { self.skill = skill; self.from = from; self.to = to }
    }
    public let cause: Cause
    public let day: Day
    /// Score points (unrounded) this move added; negative when it took points off.
    public let points: Double
}

extension ProgressRecord {
    /// What moved the score from `from` to `to`: first the field (signals, with the levels of
    /// `from`), then each completion and re-assessment in the order they happened, each valued
    /// on `to`. The points add up to `score(to) - score(from)`.
    public func moves(from: Day, to: Day) -> [ScoreMove] {
        guard from < to, let start = assessment(at: from), var levels = levels(at: from),
            let p0 = PersonalModel(curriculum: curriculum, assessment: start.assessment)
        else { return [] }
        var current = start
        func score(_ a: DatedAssessment, _ l: [String: Int], _ day: Day) -> Double {
            PersonalModel(curriculum: curriculum, assessment: a.assessment)!.score(at: day, levels: l).result.value
        }
        var out: [ScoreMove] = []
        let s0 = score(current, levels, from)
        var previous = score(current, levels, to)
        let moved = p0.roleSignals.filter { $0.window.ramp(at: from) != $0.window.ramp(at: to) }.map(\.id)
        if !moved.isEmpty || abs(previous - s0) > 1e-9 {
            out.append(ScoreMove(cause: .signals(moved), day: to, points: previous - s0))
        }
        enum Event { case completion(Completion), assessment(DatedAssessment) }
        var events: [(day: Day, recorded: String, event: Event)] = []
        for c in completions where c.day > from && c.day <= to { events.append((c.day, c.recorded, .completion(c))) }
        for a in assessments { if let d = a.from, d > from, d <= to { events.append((d, a.recorded, .assessment(a))) } }
        events.sort { ($0.day, $0.recorded) < ($1.day, $1.recorded) }
        for e in events {
            switch e.event {
            case .completion(let c):
                guard current.from.map({ c.day > $0 || (c.day == $0 && c.recorded > current.recorded) }) ?? true else { continue }
                levels[c.unit.skill] = max(levels[c.unit.skill] ?? 0, c.unit.level)
                let now = score(current, levels, to)
                out.append(ScoreMove(cause: .completed(c.unit), day: c.day, points: now - previous))
                previous = now
            case .assessment(let a):
                // The levels the re-assessment leaves, as `levels(at:)` reads them: its answers,
                // raised by earlier completions of the skills it did not answer again.
                var newLevels = PersonalModel(curriculum: curriculum, assessment: a.assessment)!.levels
                let answered = lastAnswers(through: e.day)
                for c in completions where (c.day, c.recorded) < (e.day, e.recorded) && (answered[c.unit.skill].map { counts(c, after: $0) } ?? true) {
                    newLevels[c.unit.skill] = max(newLevels[c.unit.skill] ?? 0, c.unit.level)
                }
                let changes = newLevels.keys.sorted().compactMap { s -> ScoreMove.LevelChange? in
                    let was = levels[s] ?? 0, now = newLevels[s] ?? 0
                    return was == now ? nil : ScoreMove.LevelChange(skill: s, from: was, to: now)
                }
                current = a
                levels = newLevels
                let now = score(current, levels, to)
                out.append(ScoreMove(cause: .reassessment(changes), day: e.day, points: now - previous))
                previous = now
            }
        }
        return out
    }
}
