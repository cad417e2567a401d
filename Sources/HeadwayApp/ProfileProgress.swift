import HeadwayCore
import HeadwayStore

/// A profile's record as the model reads it on one day, from the state read inside the
/// transaction that may write to it.
public struct ProfileProgress: Sendable {
    public let curriculum: Curriculum
    public let state: ProfileState
    public let record: ProgressRecord
    /// The `--as-of` day (default today).
    public let day: Day

    public init(curriculum: Curriculum, state: ProfileState, day: Day) throws {
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

    public static func record(_ curriculum: Curriculum, _ state: ProfileState, extra: LogEntry? = nil) -> ProgressRecord {
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
    public let person: PersonalModel

    public func person(at d: Day) -> PersonalModel { record.person(at: d) ?? person }

    /// The first day of the profile's history: its first snapshot (the day of its first
    /// assessment), else the day it was created.
    public var firstDay: Day {
        if let first = state.snapshots.first?.snapshot.asOf { return first }
        return Day(String(state.profile.createdAt.prefix(10))) ?? day
    }

    /// `--as-of` moved past signal window boundaries since the last snapshot: one snapshot at
    /// each, scored on that day with the levels reached by then (`MODEL.md` §5).
    public func signalSnapshots() -> [Snapshot] {
        guard let last = state.snapshots.map(\.snapshot.asOf).max() else { return [] }
        return record.signalSnapshots(after: last, through: day)
    }

    /// What a change is checked against: today, the profile's first day and name, the plan.
    public var context: RecordContext {
        RecordContext(today: day, firstDay: firstDay, profile: state.profile.name, plan: state.plan?.plan)
    }

    /// The current plan, or a clear error.
    public func plan() throws -> Plan {
        guard let plan = storedPlan?.plan else {
            if state.plan != nil { throw HeadwayError(.noInput, "profile \(state.profile.name) had no plan yet on \(day); its first plan was made later") }
            throw HeadwayError(.noInput, "profile \(state.profile.name) has no plan yet; run `plan` first")
        }
        return plan
    }

    /// The plan in force on the `--as-of` day: the last one made by then.
    public var storedPlan: StoredPlan? { state.plan(asOf: day) }

    public var planProgress: PlanProgress? { planProgress(on: day) }

    /// The programme of the plan in force (with the plans it replanned), read on `on`.
    public func planProgress(on d: Day) -> PlanProgress? {
        guard let current = storedPlan else { return nil }
        var progress = PlanProgress(programme: state.programme(of: current).map(\.plan), record: record, day: d)
        progress.planRecorded = current.createdAt
        progress.planMadeOn = current.madeOn
        return progress
    }

    /// What `replan` would give on `on`, without saving it, with the programme week it starts
    /// (in the role the plan aims at, as `replan` plans).
    public func replan(on d: Day, options: ReplanOptions = .init()) -> (week: Int, plan: Plan)? {
        // A plan aimed at a role the curricula dropped has no replan without a new --toward.
        guard let programme = planProgress(on: d), let replan = programme.replanRequest(options),
            let planner = programme.personInPlanRole(at: d) ?? (programme.plan.toward == nil ? person(at: d) : nil),
            var plan = try? planner.plan(replan.request)
        else { return nil }
        plan.toward = programme.plan.toward
        return (replan.week, plan)
    }

    public func name(_ skill: String) -> String { curriculum.graph[skill]?.name ?? skill }
    public func name(_ unit: UnitID) -> String { "\(name(unit.skill)) → \(unit.level)" }
}

extension ProfileWrites {
    /// A re-assessment the record decided, journaled with its snapshot.
    public mutating func reassess(_ r: Reassessment) {
        change = .reassessment(r.assessment)
        changeDay = r.day
        changeSnapshot = r.change.snapshot
    }
}

extension ProfileProgress {
    /// The last score the record holds on or before `day`, this run's pending snapshots
    /// included: where `history` says a change recorded on `day` starts from.
    public func recordedScore(onOrBefore day: Day, pending: [Snapshot]) -> Double? {
        let all = state.snapshots.map(\.snapshot) + pending
        return all.enumerated().filter { $0.element.asOf <= day }
            .max { ($0.element.asOf, $0.offset) < ($1.element.asOf, $1.offset) }?.element.score
    }
}
