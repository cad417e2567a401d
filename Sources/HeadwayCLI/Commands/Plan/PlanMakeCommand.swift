import ArgumentParser
import Foundation
import HeadwayApp
import HeadwayCore
import HeadwayStore

/// `headway plan [make]`: the optimal programme for the person's hours.
struct PlanMakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make", _superCommandName: leafSuperCommand,
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
        let operation = MakePlan(hours: hours, weeks: weeks, start: start, include: include, exclude: exclude, toward: toward)
        if let file = try input.load(curriculum) {
            // Stateless: nothing is read from or written to a database.
            let made = try operation.make(for: PersonalModel(curriculum: curriculum, assessment: file)!, progress: nil, day: day, solve: !exportProblem)
            if exportProblem { return try printJSON(made.person.planningProblem(made.request)) }
            return try show(made, curriculum: curriculum, savedTo: nil)
        }
        if exportProblem {
            let subject = try Subject.resolve(curriculum, nil, store, day: day)
            let made = try operation.make(for: subject.person, progress: subject.progress, day: day, solve: false)
            return try printJSON(made.person.planningProblem(made.request))
        }
        let workspace = try Workspace.open(model, store, curriculum: curriculum)
        try show(try operation.run(in: workspace).made, curriculum: curriculum, savedTo: workspace.profile)
    }

    /// The plan as text or JSON, and where it was saved.
    func show(_ made: MakePlan.Made, curriculum: Curriculum, savedTo profile: Profile?) throws {
        let (own, person, request, plan) = (made.own, made.person, made.request, made.plan!)
        if !json, person.role.id != own.role.id { print(towardLine(own: own, target: person, day: request.start)) }
        let advice = person.advice(request, plan: plan, order: curriculum.graph.idsInGroupOrder)
        if !json { for line in AdviceView.lines(advice, plan: plan, person: person) { print(line) } }
        if !json { for line in leftOutLines(plan, spent: request.spent, person: person) { print(line) } }
        try present(plan, curriculum: curriculum, role: person.role, json: json, outlook: person.accessOutlook(request, plan: plan))
        if !json {
            print("")
            print(FieldView.outlook(person, plan, from: request.start))
            for line in FieldView.signalsAhead(person, from: model.day()) { print(line) }
        }
        if !json, let profile { print("Saved as the plan of profile \(profile.name).") }
    }
}
