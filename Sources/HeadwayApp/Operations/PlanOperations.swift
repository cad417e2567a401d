import HeadwayCore
import HeadwayStore

/// The model a plan optimises: the person's own, or the same person in the role they aim at
/// (`--toward`, else the assessment's `goals.toward`).
public func planningModel(_ person: PersonalModel, toward: String?, curriculum: Curriculum) throws -> PersonalModel {
    guard let id = toward ?? person.assessment.goals.toward else { return person }
    guard let role = curriculum.role(id) else {
        throw HeadwayError(
            .usage,
            "--toward '\(oneLine(id, limit: 60))' is not a role; allowed: \(curriculum.roles.map(\.id).joined(separator: ", ")) (see `headway roles`)")
    }
    return role.id == person.role.id ? person : person.inRole(role)
}

/// The role a plan made with `person` aims at, when it is not `own`'s: what the plan remembers.
public func target(of person: PersonalModel, own: PersonalModel) -> String? {
    person.role.id == own.role.id ? nil : person.role.id
}

extension PlanRequest {
    /// The request `plan` makes for `person`: the assessment's hours, weeks, start, goals and
    /// availability, with any command-line value over it. `export plan --assessment FILE` uses it
    /// too, so the exported plan is exactly the plan `plan --assessment FILE` shows (issue 25.17).
    /// A profile's next programme (one made when a plan is already in force) starts on the day
    /// it is made, not on an assessment start that has passed.
    public static func from(
        _ person: PersonalModel, today: Day, hadPlan: Bool = false, hours: Double? = nil, weeks: Int? = nil, start: Day? = nil,
        include: [String] = [], exclude: [String] = []
    ) throws -> PlanRequest {
        let a = person.assessment
        var goals = a.goals
        for item in include.flatMap({ $0.split(separator: ",").map(String.init) }) {
            let parts = item.split(separator: "=", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, let level = Int(parts[1]) else {
                throw HeadwayError(.usage, "--include '\(item)' is not SKILL=LEVEL (e.g. nccl=3)")
            }
            goals.include[try person.curriculum.skill(typed: String(parts[0]), context: "--include").id] = level
        }
        let excluded = try exclude.flatMap { $0.split(separator: ",").map(String.init) }.map {
            try person.curriculum.skill(typed: $0, context: "--exclude").id
        }
        goals.exclude = Array(Set(goals.exclude + excluded)).sorted()
        var startDay = a.start ?? today
        if hadPlan && startDay < today { startDay = today }
        if let start { startDay = start }
        let w = weeks ?? a.weeks, h = hours ?? a.hoursPerWeek
        // Availability: weeks with other hours (a holiday is 0); `nil` when every week has H.
        let weekHours = a.weekHours(from: startDay, weeks: w, hoursPerWeek: h)
        return PlanRequest(
            start: startDay, weeks: w, hoursPerWeek: h, goals: goals,
            weekHours: weekHours.allSatisfy { $0 == h } ? nil : weekHours)
    }
}

/// `plan`: the optimal programme for the person's hours. From an assessment alone it is only
/// made; on a profile the record is read, the plan made and saved as the profile's current one
/// in one transaction (a log written meanwhile is counted; a failure keeps the old plan).
public struct MakePlan: Sendable {
    /// What the command gives over the assessment's own (`nil`: the assessment's).
    public var hours: Double?
    public var weeks: Int?
    public var start: Day?
    /// `SKILL=LEVEL` goals and skills to leave out, as typed.
    public var include: [String]
    public var exclude: [String]
    /// The role to plan a move toward (else the assessment's `goals.toward`).
    public var toward: String?

    public init(
        hours: Double? = nil, weeks: Int? = nil, start: Day? = nil, include: [String] = [], exclude: [String] = [], toward: String? = nil
    ) {
        self.hours = hours; self.weeks = weeks; self.start = start
        self.include = include; self.exclude = exclude; self.toward = toward
    }

    /// A plan made for a person: the model it optimises (theirs, or theirs in the role aimed
    /// at), the request, and the plan (`nil` when only the problem is wanted).
    public struct Made: Sendable {
        public let own: PersonalModel
        public let person: PersonalModel
        public let request: PlanRequest
        public let plan: Plan?
    }

    /// The plan for `own` on `day` (and their record, on a profile): hours already logged on
    /// unfinished units are spent, as a replan counts them, and a plan made during its first
    /// week holds only the hours left in it. `solve` false: the request only, validated.
    public func make(for own: PersonalModel, progress: ProfileProgress?, day: Day, solve: Bool = true) throws -> Made {
        let person = try planningModel(own, toward: toward, curriculum: own.curriculum)
        var request = try PlanRequest.from(
            person, today: day, hadPlan: progress?.storedPlan != nil, hours: hours, weeks: weeks, start: start, include: include,
            exclude: exclude)
        if let progress {
            (request.spent, request.doneActivities) = progress.record.workInProgress(of: own, through: day)
            request.leaveFirstWeek(progress.record.hoursSpent(from: request.start, to: day))
        }
        guard solve else {
            try person.validate(request)
            return Made(own: own, person: person, request: request, plan: nil)
        }
        var plan = try person.plan(request)
        plan.toward = target(of: person, own: own)
        return Made(own: own, person: person, request: request, plan: plan)
    }

    /// On a profile: read, plan and save in one transaction; the stored plan with what was made.
    public func run(in w: Workspace) throws -> (made: Made, saved: StoredPlan) {
        let (made, written) = try w.update(signals: false) { progress, writes in
            let made = try make(for: progress.person, progress: progress, day: w.day)
            writes.plan = PlanWrite(made.plan!, madeOn: w.day)
            return made
        }
        guard let saved = written.plan else { throw HeadwayError(.internal, "the plan was made but not saved") }
        return (made, saved)
    }
}

/// `replan`: plan again from the current week with the current levels, continuing the
/// programme; read, planned and saved in one transaction (a failure keeps the old plan).
public struct Replan: Sendable {
    public var options: ReplanOptions
    /// The role to aim at (default: the current plan's).
    public var toward: String?

    public init(options: ReplanOptions, toward: String? = nil) {
        self.options = options
        self.toward = toward
    }

    /// What a replan works from: the programme in force, the request for what is left, the
    /// model it optimises (the plan's `--toward` role unless one is given), and the plan made.
    public struct Made: Sendable {
        public let own: PersonalModel
        public let person: PersonalModel
        public let replan: ReplanRequest
        public let programme: PlanProgress
        public var plan: Plan?
    }

    /// The replanning problem on the profile's record, without solving it.
    public func prepare(_ progress: ProfileProgress) throws -> Made {
        let curriculum = progress.curriculum
        guard let old = progress.state.plan?.plan else {
            throw HeadwayError(.noInput, "profile \(progress.state.profile.name) has no plan yet; run `headway plan`")
        }
        guard let programme = progress.planProgress, let replan = programme.replanRequest(options) else {
            throw HeadwayError(.noInput, "the plan ended on \(old.end); start a new one with `headway plan`")
        }
        // A plan made --toward a role keeps aiming there unless --toward says otherwise.
        if toward == nil, let aim = old.droppedTarget(in: curriculum) {
            throw HeadwayError(
                .data,
                "the plan aims at role '\(oneLine(aim, limit: 60))', which curricula \(curriculum.label) no longer have; give --toward ROLE (see `headway roles`)"
            )
        }
        let person = try planningModel(progress.person, toward: toward ?? old.toward, curriculum: curriculum)
        return Made(own: progress.person, person: person, replan: replan, programme: programme)
    }

    public func run(in w: Workspace) throws -> Made {
        try w.update(signals: false) { progress, writes in
            var made = try prepare(progress)
            var plan = try made.person.plan(made.replan.request)
            plan.toward = target(of: made.person, own: progress.person)
            made.plan = plan
            writes.plan = PlanWrite(plan, continuing: true, madeOn: w.day)
            return made
        }.value
    }
}
