import Foundation
import HeadwayCore
import HeadwayStore

/// A profile's record as the model reads it on one day, from the state read inside the
/// transaction that may write to it.
struct ProfileProgress {
    let curriculum: Curriculum
    let state: ProfileState
    let record: ProgressRecord
    /// The `--as-of` day (default today).
    let day: Day

    init(curriculum: Curriculum, state: ProfileState, day: Day) throws {
        guard !state.assessments.isEmpty else {
            throw HeadwayError(.noInput, "profile \(state.profile.name) has no assessment yet; run `assess` first")
        }
        self.curriculum = curriculum; self.state = state; self.day = day
        record = Self.record(curriculum, state)
        guard let person = record.person(at: day) else {
            let role = state.assessments.last.map { oneLine($0.assessment.role, limit: 80) } ?? "?"
            throw HeadwayError(
                .config,
                "profile \(state.profile.name) has role '\(role)', which the loaded curricula do not define"
                    + " (`headway curricula list` shows the versions; `curricula use VERSION` switches back)")
        }
        self.person = person
    }

    static func record(_ curriculum: Curriculum, _ state: ProfileState, extra: LogEntry? = nil) -> ProgressRecord {
        var logs = state.logs.map { DatedLog(entry: $0.entry, recorded: $0.createdAt, id: $0.id) }
        // A log about to be written sorts after everything recorded so far.
        if let extra { logs.append(DatedLog(entry: extra, recorded: "~")) }
        return ProgressRecord(
            curriculum: curriculum,
            assessments: state.assessments.map {
                DatedAssessment(assessment: $0.assessment, from: state.effectiveDay(ofAssessment: $0.id), recorded: $0.createdAt)
            },
            logs: logs)
    }

    /// The person on `day` (levels reached by then).
    let person: PersonalModel

    func person(at d: Day) -> PersonalModel { record.person(at: d) ?? person }

    /// The first day of the profile's history: its first snapshot (the day of its first
    /// assessment), else the day it was created.
    var firstDay: Day {
        if let first = state.snapshots.first?.snapshot.asOf { return first }
        return Day(String(state.profile.createdAt.prefix(10))) ?? day
    }

    /// `--as-of` moved past signal window boundaries since the last snapshot: one snapshot at
    /// each, scored on that day with the levels reached by then (`MODEL.md` §5).
    func signalSnapshots() -> [Snapshot] {
        guard let last = state.snapshots.map(\.snapshot.asOf).max() else { return [] }
        return record.signalSnapshots(after: last, through: day)
    }

    /// What a change is checked against: today, the profile's first day and name, the plan.
    var context: RecordContext {
        RecordContext(today: day, firstDay: firstDay, profile: state.profile.name, plan: state.plan?.plan)
    }

    /// The current plan, or a clear error.
    func plan() throws -> Plan {
        guard let plan = storedPlan?.plan else {
            if state.plan != nil { throw HeadwayError(.noInput, "profile \(state.profile.name) had no plan yet on \(day); its first plan was made later") }
            throw HeadwayError(.noInput, "profile \(state.profile.name) has no plan yet; run `plan` first")
        }
        return plan
    }

    /// The plan in force on the `--as-of` day: the last one made by then.
    var storedPlan: StoredPlan? { state.plan(asOf: day) }

    var planProgress: PlanProgress? { planProgress(on: day) }

    /// The programme of the plan in force (with the plans it replanned), read on `on`.
    func planProgress(on d: Day) -> PlanProgress? {
        guard let current = storedPlan else { return nil }
        var progress = PlanProgress(programme: state.programme(of: current).map(\.plan), record: record, day: d)
        progress.planRecorded = current.createdAt
        return progress
    }

    /// What `replan` would give on `on`, without saving it, with the programme week it starts
    /// (in the role the plan aims at, as `replan` plans).
    func replan(on d: Day, options: ReplanOptions = .init()) -> (week: Int, plan: Plan)? {
        // A plan aimed at a role the curricula dropped has no replan without a new --toward.
        guard let programme = planProgress(on: d), let replan = programme.replanRequest(options),
            let planner = programme.personInPlanRole(at: d) ?? (programme.plan.toward == nil ? person(at: d) : nil),
            var plan = try? planner.plan(replan.request)
        else { return nil }
        plan.toward = programme.plan.toward
        return (replan.week, plan)
    }

    func name(_ skill: String) -> String { curriculum.graph[skill]?.name ?? skill }
    func name(_ unit: UnitID) -> String { "\(name(unit.skill)) → \(unit.level)" }
}

extension ProfileState {
    /// The plan in force on `day`: the last one made by then (a plan stored without the day
    /// it was made counts from the start), else `nil`.
    func plan(asOf day: Day) -> StoredPlan? {
        plans.last { $0.madeOn.map { $0 <= day } ?? true }
    }

    /// The plans of `plan`'s programme up to it, oldest first.
    func programme(of plan: StoredPlan) -> [StoredPlan] {
        plans.filter { $0.programmeID == plan.programmeID && $0.id <= plan.id }
    }
}

/// Runs a progress command on the selected profile: opens the database, reads the profile's
/// state, lets `body` decide what to write (signal snapshots due by `--as-of` are added unless `signals` is false), and
/// writes it, all in one transaction.
/// A command that writes the record refuses a day more than one past today (views may look
/// ahead); a fixed clock (`HEADWAY_TODAY`: tests and transcripts walking the weeks) lifts it.
func refuseWritingAhead(_ day: Day) throws {
    let tomorrow = Environment.today().adding(days: 1)
    guard day > tomorrow, Context.current.environment["HEADWAY_TODAY"] == nil else { return }
    throw HeadwayError(
        .usage,
        "--as-of \(day) is more than a day past today (\(Environment.today())); a command that writes takes a day up to \(tomorrow)")
}

func withProfileProgress<T>(
    _ model: ModelOptions, _ store: StoreOptions, curriculum loaded: Curriculum? = nil, signals: Bool = true,
    _ body: (ProfileProgress, inout ProfileWrites) throws -> T
) throws -> (value: T, written: ProfileWritten, db: Store, profile: Profile) {
    let curriculum = try loaded ?? model.curriculum()
    let db = try store.open()
    let profile = try store.selectedProfile(in: db)
    let day = model.day()
    let (value, written) = try storeCall {
        try db.update(profile, curriculaVersion: curriculum.version) { state in
            let progress = try ProfileProgress(curriculum: curriculum, state: state, day: day)
            var writes = ProfileWrites()
            let notice = CurriculaNotice(progress)
            // Boundaries passed before a curricula change are dated by the curricula of their day.
            if signals {
                writes.snapshots = (notice?.oldProgress ?? progress).signalSnapshots() + [notice?.snapshot].compactMap { $0 }
            }
            let value = try body(progress, &writes)
            // A view may look ahead (`--as-of` in the future); the record is never written ahead:
            // no snapshot dated past tomorrow, and a change or a briefing is refused. A fixed clock
            // (HEADWAY_TODAY: tests and transcripts, which walk the days with --as-of) lifts it.
            let tomorrow = Environment.today().adding(days: 1)
            if day > tomorrow, Context.current.environment["HEADWAY_TODAY"] == nil {
                if writes.change != nil || writes.briefing != nil || writes.plan != nil { try refuseWritingAhead(day) }
                writes.snapshots.removeAll { $0.asOf > tomorrow }
                writes.changeSnapshot = nil
            }
            return (writes, value)
        }
    }
    return (value, written, db, profile)
}

/// "the field moved it" lines of signal snapshots just written, for the command's output.
func signalNotes(_ written: ProfileWritten) -> [String] {
    written.snapshots.map { "Recorded \($0.snapshot.asOf): \($0.snapshot.reason) (AIJRI \(fixed($0.snapshot.score, 1)))." }
}

extension ProfileWrites {
    /// A re-assessment the record decided, journaled with its snapshot.
    mutating func reassess(_ r: Reassessment) {
        change = .reassessment(r.assessment)
        changeDay = r.day
        changeSnapshot = r.change.snapshot
    }
}

extension ProfileProgress {
    /// The last score the record holds on or before `day`, this run's pending snapshots
    /// included: where `history` says a change recorded on `day` starts from.
    func recordedScore(onOrBefore day: Day, pending: [Snapshot]) -> Double? {
        let all = state.snapshots.map(\.snapshot) + pending
        return all.enumerated().filter { $0.element.asOf <= day }
            .max { ($0.element.asOf, $0.offset) < ($1.element.asOf, $1.offset) }?.element.score
    }
}

/// "AIJRI 49.3 → 49.4 (+0.1: your work +0.4, the field -0.3)": a change as `history` records
/// it, from the last recorded score, split when the field moved too (issue 25.12). `before` is
/// the score on the change's day without it; `shown` the new score as styled for the terminal.
func scoreMoveText(recorded: Double?, before: Double, after: Double, shown: String? = nil) -> String {
    let from = recorded ?? before
    let move = RecordedChange(from: from, to: after, drift: before - from)
    let change = signed(move.total) + (move.isSplit ? ": your work \(signed(move.work)), the field \(signed(move.field))" : "")
    return "AIJRI \(fixed(move.from, 1)) → \(shown ?? fixed(after, 1)) (\(change))"
}
