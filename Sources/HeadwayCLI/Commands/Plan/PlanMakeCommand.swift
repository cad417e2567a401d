import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayStore

/// `headway plan [make]`: the optimal programme for the person's hours.
struct PlanMakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make",
        abstract: "Plan the units that raise your projected AIJRI the most in your hours.",
        discussion: """
            Objective: (1) the highest projected score at the plan's end, (2) gains early, (3) fewer \
            hours. --include SKILL=LEVEL is a hard goal; --exclude SKILL leaves a skill out. \
            --toward ROLE (or the assessment's goals.toward) plans for a move: the objective is your \
            score in that role, with your levels. --export-problem prints the planning problem itself \
            as JSON (the target role's tasks with --toward). With \
            --assessment FILE nothing is saved; on a profile the plan is saved and earlier plans are \
            kept as history.
            """)

    @OptionGroup var model: ModelOptions
    @OptionGroup var input: AssessmentOption
    @OptionGroup var store: StoreOptions
    @Option(help: ArgumentHelp("Hours per week, 1..40 (default: the assessment's).", valueName: "h")) var hours: Double?
    @Option(help: ArgumentHelp("Weeks, 1..52 (default: the assessment's).", valueName: "w")) var weeks: Int?
    @Option(help: Day.help("First day of the plan (default: the assessment's start, else --as-of)."))
    var start: Day?
    @Option(help: ArgumentHelp("A skill that must reach a level, e.g. nccl=3 (repeatable).", valueName: "skill=level"))
    var include: [String] = []
    @Option(help: ArgumentHelp("A skill to leave out (repeatable).", valueName: "skill")) var exclude: [String] = []
    @Option(help: ArgumentHelp("Plan for a move: raise your score in this role (see `headway roles`).", valueName: "role"))
    var toward: String?
    @Flag(name: .customLong("export-problem"), help: "Print the planning problem as JSON instead of solving it.")
    var exportProblem = false
    @Flag(help: "Print JSON (stable keys, snake_case; the same data as the text).") var json = false

    func run() throws {
        let curriculum = try model.curriculum()
        let day = model.day()
        if let file = try input.load(curriculum) {
            // Stateless: nothing is read from or written to a database.
            let own = PersonalModel(curriculum: curriculum, assessment: file)!
            let made = try make(for: own, progress: nil, curriculum: curriculum)
            if exportProblem { return try printJSON(made.person.planningProblem(made.request)) }
            return try show(made, own: own, curriculum: curriculum, savedTo: nil)
        }
        if exportProblem {
            let subject = try Subject.resolve(curriculum, nil, store, day: day)
            let made = try make(for: subject.person, progress: subject.progress, curriculum: curriculum, solve: false)
            return try printJSON(made.person.planningProblem(made.request))
        }
        // Read the record, plan and save in one transaction: a log written meanwhile by another
        // process is counted, and a failure leaves the old plan in force.
        let run = try withProfileProgress(model, store, curriculum: curriculum, signals: false) { progress, writes in
            let made = try make(for: progress.person, progress: progress, curriculum: curriculum)
            try refuseWritingAhead(day)
            writes.plan = PlanWrite(made.plan!, madeOn: day)
            return (made, progress.person)
        }
        try show(run.value.0, own: run.value.1, curriculum: curriculum, savedTo: run.profile)
    }

    /// A plan made for a person: the model it optimises (theirs, or theirs in the role aimed
    /// at), the request, and the plan (`nil` when only the problem is wanted).
    struct Made {
        let person: PersonalModel
        let request: PlanRequest
        let plan: Plan?
    }

    /// The plan for `own` (and their record, on a profile): hours already logged on unfinished
    /// units are spent, as a replan counts them, and a plan made during its first week holds
    /// only the hours left in it.
    func make(for own: PersonalModel, progress: ProfileProgress?, curriculum: Curriculum, solve: Bool = true) throws -> Made {
        let person = try planningModel(own, toward: toward, curriculum: curriculum)
        var request = try makeRequest(person, hadPlan: progress?.storedPlan != nil)
        if let progress {
            (request.spent, request.doneActivities) = progress.record.workInProgress(of: own, through: model.day())
            request.leaveFirstWeek(progress.record.hoursSpent(from: request.start, to: model.day()))
        }
        guard solve else {
            try person.validate(request)
            return Made(person: person, request: request, plan: nil)
        }
        var plan = try person.plan(request)
        plan.toward = target(of: person, own: own)
        return Made(person: person, request: request, plan: plan)
    }

    /// The plan as text or JSON, and where it was saved.
    func show(_ made: Made, own: PersonalModel, curriculum: Curriculum, savedTo profile: Profile?) throws {
        let (person, request, plan) = (made.person, made.request, made.plan!)
        if !json, person.role.id != own.role.id { print(towardLine(own: own, target: person, day: request.start)) }
        let advice = person.advice(request, plan: plan, order: curriculum.graph.idsInGroupOrder)
        if !json { for line in AdviceView.lines(advice, plan: plan, person: person) { print(line) } }
        try present(plan, curriculum: curriculum, role: person.role, json: json, outlook: person.accessOutlook(request, plan: plan))
        if !json {
            print("")
            print(FieldView.outlook(person, plan, from: request.start))
            for line in FieldView.signalsAhead(person, from: model.day()) { print(line) }
        }
        if !json, let profile { print("Saved as the plan of profile \(profile.name).") }
    }

    /// Command-line parameters over the assessment's own (see ``PlanRequest/from(_:today:hadPlan:hours:weeks:start:include:exclude:)``).
    func makeRequest(_ person: PersonalModel, hadPlan: Bool = false) throws -> PlanRequest {
        try PlanRequest.from(
            person, today: model.day(), hadPlan: hadPlan, hours: hours, weeks: weeks, start: start, include: include,
            exclude: exclude)
    }
}

extension PlanRequest {
    /// The request `plan` makes for `person`: the assessment's hours, weeks, start, goals and
    /// availability, with any command-line value over it. `export plan --assessment FILE` uses it
    /// too, so the exported plan is exactly the plan `plan --assessment FILE` shows (issue 25.17).
    /// A profile's next programme (one made when a plan is already in force) starts on the day
    /// it is made, not on an assessment start that has passed.
    static func from(
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
