/// Why a plan cannot be made; each prints as one line naming what to change.
public enum PlanningError: Error, Sendable, Hashable, CustomStringConvertible {
    case hoursOutOfRange(Double)
    case weeksOutOfRange(Int)
    case unknownSkill(String, flag: String)
    case levelOutOfRange(skill: String, level: Int)
    case excludeConflict(excluded: String, include: String, level: Int, needs: Int)
    case includeDoesNotFit(skill: String, level: Int, needed: Double, capacity: Double)
    case includesDoNotFit(needed: Double, capacity: Double)
    case weekHoursOutOfRange(Double)
    case noHours(weeks: Int)
    case includeNotDoable(skill: String, level: Int, access: PersonAccess)
    case includeRetired(skill: String, successor: String)
    case includesOverGPUBudget(needed: Double, budget: Double)
    case includeOverGPUBudget(skill: String, level: Int, needed: Double, budget: Double)

    public var description: String {
        switch self {
        case .hoursOutOfRange(let h):
            return "--hours \(format(h)) is out of range; allowed: 1..40 hours per week"
        case .weeksOutOfRange(let w):
            return "--weeks \(w) is out of range; allowed: 1..52"
        case .unknownSkill(let s, let flag):
            return "\(flag) names unknown skill '\(s)'; see `headway graph` for the skill ids"
        case .levelOutOfRange(let s, let l):
            return "--include \(s)=\(l): level must be 1..4"
        case .excludeConflict(let x, let s, let l, let m):
            return "--exclude \(x) conflicts with --include \(s)=\(l), which needs \(x) at level \(m)"
        case .includeDoesNotFit(let s, let l, let needed, let capacity):
            return
                "--include \(s)=\(l) needs \(format(needed)) hours with its prerequisites; the plan has \(format(capacity)) (\(format(needed - capacity)) short): raise --hours or --weeks"
        case .weekHoursOutOfRange(let h):
            return "availability of \(format(h)) hours in a week is out of range; allowed: 0..40 (0 for a holiday)"
        case .noHours(let w):
            return "the \(w) week\(w == 1 ? "" : "s") planned have no hours (every one is a holiday); change availability or --hours"
        case .includeNotDoable(let s, let l, let access):
            return
                "the goal \(s) at level \(l) needs access beyond yours (\(access.summary)): an activity on the way has no variant you can do; widen access.compute or access.team, or drop the goal"
        case .includeRetired(let s, let successor):
            return "the goal \(s) names a retired skill; include its successor \(successor) instead"
        case .includesOverGPUBudget(let needed, let budget):
            return
                "the goals together need \(format(needed)) GPU hours with their prerequisites; access.gpu_hours is \(format(budget)): raise it or drop a goal"
        case .includeOverGPUBudget(let s, let l, let needed, let budget):
            return
                "the goal \(s) at level \(l) needs \(format(needed)) GPU hours with its prerequisites; access.gpu_hours is \(format(budget)): raise it or drop the goal"
        case .includesDoNotFit(let needed, let capacity):
            return
                "the includes together need \(format(needed)) hours with their prerequisites; the plan has \(format(capacity)) (\(format(needed - capacity)) short)"
        }
    }
}

/// What a plan is asked for.
public struct PlanRequest: Sendable, Hashable {
    public var start: Day
    public var weeks: Int
    public var hoursPerWeek: Double
    public var goals: Goals
    /// The order of an earlier plan: among equal answers, units keep it (replanning).
    public var previousOrder: [UnitID]
    /// Each week's hours when they vary (availability); `nil`: ``hoursPerWeek`` every week.
    public var weekHours: [Double]?
    /// Work already done: hours logged on units not yet complete, which only need the rest.
    public var spent: [UnitID: Double]
    /// Activities already logged done, which a plan does not list again.
    public var doneActivities: [UnitID: Set<String>]
    /// The person's pace factor: every unit's hours (what is left of them) are scaled by it.
    public var paceFactor: Double?
    /// The access to plan for; `nil`: the assessment's (``PersonalModel/access``).
    public var access: PersonAccess?
    /// Hours of the first week logged before the plan (``leaveFirstWeek(_:)``).
    public private(set) var loggedInFirstWeek = 0.0

    public init(
        start: Day, weeks: Int = Assessment.defaultWeeks, hoursPerWeek: Double = Assessment.defaultHours,
        goals: Goals = .init(), previousOrder: [UnitID] = [], weekHours: [Double]? = nil,
        spent: [UnitID: Double] = [:], doneActivities: [UnitID: Set<String>] = [:], paceFactor: Double? = nil
    ) {
        self.start = start; self.weeks = weeks; self.hoursPerWeek = hoursPerWeek; self.goals = goals; self.previousOrder = previousOrder
        self.weekHours = weekHours; self.spent = spent; self.doneActivities = doneActivities; self.paceFactor = paceFactor
    }

    /// The plan's last day.
    public var end: Day { start.adding(days: 7 * weeks - 1) }

    /// Each week's hours: ``weekHours`` when given (padded with ``hoursPerWeek``), else ``hoursPerWeek``.
    public var capacities: [Double] {
        (0..<weeks).map { k in weekHours.flatMap { k < $0.count ? $0[k] : nil } ?? hoursPerWeek }
    }

    /// A plan made during its first week holds only the hours left in it: `hours` were already
    /// logged in it (issue 25.4). The work they did counts through ``spent``; the week keeps
    /// its hours in the plan (``Plan/loggedBeforeFirstWeek``).
    public mutating func leaveFirstWeek(_ hours: Double) {
        guard hours > 0, weeks > 0 else { return }
        var each = capacities
        loggedInFirstWeek = min(hours, each[0])
        each[0] -= loggedInFirstWeek
        weekHours = each
    }
}

extension PersonalModel {
    /// Checks the request's parameters against the curriculum (`MODEL.md` §4 ranges).
    public func validate(_ request: PlanRequest) throws(PlanningError) {
        guard Assessment.hoursRange.contains(request.hoursPerWeek) else { throw .hoursOutOfRange(request.hoursPerWeek) }
        guard Assessment.weeksRange.contains(request.weeks) else { throw .weeksOutOfRange(request.weeks) }
        for (s, l) in request.goals.include.sorted(by: { $0.key < $1.key }) {
            guard curriculum.graph.contains(s) else { throw .unknownSkill(s, flag: "--include") }
            if let r = curriculum.graph[s]?.retired { throw .includeRetired(skill: s, successor: r.successor) }
            guard Level.unitRange.contains(l) else { throw .levelOutOfRange(skill: s, level: l) }
        }
        for s in request.goals.exclude where !curriculum.graph.contains(s) { throw .unknownSkill(s, flag: "--exclude") }
        for h in request.weekHours ?? [] where !Assessment.weekHoursRange.contains(h) { throw .weekHoursOutOfRange(h) }
        if request.capacities.reduce(0, +) <= 0 { throw .noHours(weeks: request.weeks) }
    }

    /// The planning problem of `request`: its weeks' hours, and each unit's hours less the
    /// work already logged on it, scaled by the pace factor.
    public func planningProblem(_ request: PlanRequest) -> PlanningProblem {
        planningProblem(
            end: request.end, weeks: request.weeks, hoursPerWeek: request.hoursPerWeek, goals: request.goals,
            weekHours: request.weekHours.map { _ in request.capacities }, spent: request.spent,
            paceFactor: request.paceFactor, access: request.access, done: request.doneActivities)
    }

    /// The plan of `MODEL.md` §4: the optimal set of units for objective (1), ordered to gain
    /// early (2), placed into weeks with their activities.
    public func plan(_ request: PlanRequest, nodeLimit: Int = Solver.defaultNodeLimit) throws(PlanningError) -> Plan {
        try validate(request)
        let problem = planningProblem(request)
        try checkGoals(problem, request.goals)
        guard let selection = Solver.solve(problem, nodeLimit: nodeLimit) else {
            let p = CompiledProblem(problem)
            var all = p.minimum
            _ = p.close(&all)
            if p.cost(all) <= problem.capacity + Solver.epsilon, p.gpuCost(all) > p.gpuBudget + Solver.epsilon {
                throw .includesOverGPUBudget(needed: p.gpuCost(all), budget: p.gpuBudget)
            }
            throw .includesDoNotFit(needed: p.cost(all), capacity: problem.capacity)
        }
        let weekly = (1...request.weeks).map { inputs(at: request.start.adding(days: 7 * $0 - 1)) }
        let start = score(at: request.start)
        var plan = PlanBuilder(
            problem: problem, weekly: weekly, graph: curriculum.graph, request: request,
            startScore: start.result.value, access: request.access ?? access
        )
        .build(selection)
        plan.startBand = start.band
        plan.access = request.access ?? assessment.access
        let raised = Set(plan.units.map(\.skill))
        let end = plan.units.reduce(into: levels) { $0[$1.skill] = max($0[$1.skill] ?? 0, $1.level) }
        plan.projectedBand = weekly.last!.band(levels: end, uncertain: uncertainSkills.subtracting(raised))
        return plan
    }

    /// Includes that cannot be met: one that needs an excluded skill, or that alone does not fit.
    func checkGoals(_ problem: PlanningProblem, _ goals: Goals) throws(PlanningError) {
        for (s, l) in goals.include.sorted(by: { $0.key < $1.key }) {
            var single = problem
            single.include = [.init(skill: s, level: l)]
            single.exclude = []
            let p = CompiledProblem(single)
            var levels = p.minimum
            _ = p.close(&levels)
            for x in goals.exclude.sorted() {
                if let i = p.index[x], levels[i] > p.current[i] {
                    throw .excludeConflict(excluded: x, include: s, level: l, needs: levels[i])
                }
            }
            for i in levels.indices where levels[i] > p.top[i] {
                throw .includeNotDoable(skill: s, level: l, access: problem.access ?? .unrestricted)
            }
            let burn = p.gpuCost(levels)
            if burn > p.gpuBudget + Solver.epsilon {
                throw .includeOverGPUBudget(skill: s, level: l, needed: burn, budget: p.gpuBudget)
            }
            let needed = p.cost(levels)
            if needed > problem.capacity + Solver.epsilon {
                throw .includeDoesNotFit(skill: s, level: l, needed: needed, capacity: problem.capacity)
            }
        }
    }
}

extension PlanningError: ClassifiedError {
    /// A number out of its range was typed (or written in the assessment); the rest are goals
    /// the person's hours, access or curricula cannot meet.
    public var exitClass: ExitClass {
        switch self {
        case .hoursOutOfRange, .weeksOutOfRange, .unknownSkill, .levelOutOfRange, .weekHoursOutOfRange: .usage
        default: .data
        }
    }
}
