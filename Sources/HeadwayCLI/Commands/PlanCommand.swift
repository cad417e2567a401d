import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayStore

/// `headway plan [make|show]`: make the plan (the default) or show the saved one.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan the units that raise your projected AIJRI the most in your hours.",
        subcommands: [PlanMakeCommand.self, PlanShowCommand.self],
        defaultSubcommand: PlanMakeCommand.self)
}

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
    @Option(help: ArgumentHelp("First day of the plan (default: the assessment's start, else --as-of).", valueName: "yyyy-mm-dd"))
    var start: String?
    @Option(help: ArgumentHelp("A skill that must reach a level, e.g. nccl=3 (repeatable).", valueName: "skill=level"))
    var include: [String] = []
    @Option(help: ArgumentHelp("A skill to leave out (repeatable).", valueName: "skill")) var exclude: [String] = []
    @Option(help: ArgumentHelp("Plan for a move: raise your score in this role (see `headway roles`).", valueName: "role"))
    var toward: String?
    @Flag(name: .customLong("export-problem"), help: "Print the planning problem as JSON instead of solving it.")
    var exportProblem = false
    @Flag(help: "Print JSON (the shape is in the README).") var json = false

    func run() throws {
        let curriculum = try model.curriculum()
        let subject = try Subject.resolve(curriculum, input, store, day: model.day())
        let own = subject.person
        let person = try planningModel(own, toward: toward, curriculum: curriculum)
        let request = try makeRequest(person)
        if exportProblem {
            do { try person.validate(request) } catch { throw CLIError(error.description) }
            try printJSON(person.planningProblem(end: request.end, weeks: request.weeks, hoursPerWeek: request.hoursPerWeek, goals: request.goals))
            return
        }
        let plan: Plan
        do { plan = try person.plan(request) } catch { throw CLIError(error.description) }
        if let db = subject.store, let profile = subject.profile {
            _ = try storeCall { try db.savePlan(plan, for: profile, curriculaVersion: curriculum.version, madeOn: model.day()) }
        }
        if !json, person.role.id != own.role.id { print(towardLine(own: own, target: person, day: request.start)) }
        try present(plan, curriculum: curriculum, role: person.role, json: json)
        if !json {
            print("")
            print(FieldView.outlook(person, plan, from: request.start))
            for line in FieldView.signalsAhead(person, from: model.day()) { print(line) }
        }
        if !json, let profile = subject.profile { print("Saved as the plan of profile \(profile.name).") }
    }

    /// Command-line parameters over the assessment's own.
    func makeRequest(_ person: PersonalModel) throws -> PlanRequest {
        let a = person.assessment
        var goals = a.goals
        for item in include.flatMap({ $0.split(separator: ",").map(String.init) }) {
            let parts = item.split(separator: "=", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, let level = Int(parts[1]) else {
                throw CLIError("--include '\(item)' is not SKILL=LEVEL (e.g. nccl=3)")
            }
            goals.include[String(parts[0])] = level
        }
        goals.exclude = Array(Set(goals.exclude + exclude.flatMap { $0.split(separator: ",").map(String.init) })).sorted()
        var startDay = a.start ?? model.day()
        if let start {
            guard let d = Day(start) else { throw CLIError("--start '\(start)' is not a date; allowed: YYYY-MM-DD") }
            startDay = d
        }
        return PlanRequest(start: startDay, weeks: weeks ?? a.weeks, hoursPerWeek: hours ?? a.hoursPerWeek, goals: goals)
    }
}

/// `headway plan show [WEEK]`: the profile's current plan, or one week of it.
struct PlanShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the current plan, or one week of it.")

    @OptionGroup var model: ModelOptions
    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("A week of the plan (1..W).", valueName: "week")) var week: Int?
    @Flag(help: "Print JSON (the shape is in the README).") var json = false

    func run() throws {
        let curriculum = try model.curriculum()
        let subject = try Subject.resolve(curriculum, nil, store, day: model.day())
        let (plan, programme) = try subject.planInForce()
        let numbering = programme.numbering
        guard let week else {
            return try present(plan, curriculum: curriculum, role: subject.person.role, json: json, programme: numbering)
        }
        guard (1...numbering.count).contains(week) else {
            throw CLIError("week \(week) is not in the plan; allowed: 1..\(numbering.count)")
        }
        // A week before the last replan is shown as the plan that covered it had it.
        let weekStart = numbering.start(ofWeek: week)
        let covering = programme.programme.last { $0.start <= weekStart } ?? plan
        try present(covering, curriculum: curriculum, role: subject.person.role, json: json, onlyWeek: week, programme: numbering)
    }
}

/// `headway replan`: plan again from the current week with the current levels.
struct ReplanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replan",
        abstract: "Plan again from the current week with your current levels, keeping what is done.",
        discussion: """
        The new plan starts on the first day of the current week of the old one and runs to its \
        end; units logged done count as levels reached; among equally good answers the old \
        order is kept. The old plan stays in the history.
        """)

    @OptionGroup var model: ModelOptions
    @OptionGroup var store: StoreOptions
    @Option(help: ArgumentHelp("Hours per week from now on, 1..40 (default: the plan's).", valueName: "h")) var hours: Double?
    @Option(help: ArgumentHelp("Plan for a move: raise your score in this role (default: the assessment's goals.toward).", valueName: "role"))
    var toward: String?
    @Flag(help: "Print JSON (the shape is in the README).") var json = false

    func run() throws {
        let curriculum = try model.curriculum()
        let subject = try Subject.resolve(curriculum, nil, store, day: model.day())
        let old = try subject.currentPlan().plan
        let day = model.day()
        let own = subject.person
        let person = try planningModel(own, toward: toward, curriculum: curriculum)
        guard let (_, request) = old.replanRequest(for: person, on: day, hoursPerWeek: hours) else {
            throw CLIError("the plan ended on \(old.end); start a new one with `headway plan`")
        }
        let remaining = request.previousOrder
        let plan: Plan
        do { plan = try person.plan(request) } catch { throw CLIError(error.description) }
        _ = try storeCall {
            try subject.store!.savePlan(plan, for: subject.profile!, curriculaVersion: curriculum.version, continuing: true, madeOn: day)
        }
        // The replan continues the programme: its weeks keep the programme's numbers.
        let numbering = subject.progress?.planProgress?.numbering ?? ProgrammeWeeks(old)
        if !json {
            print("Replanned from week \(numbering.week(of: request.start)) of the programme (\(old.units.count - remaining.count) of the old plan's \(old.units.count) units done).")
            if person.role.id != own.role.id { print(towardLine(own: own, target: person, day: request.start)) }
        }
        try present(plan, curriculum: curriculum, role: person.role, json: json, programme: numbering)
        if !json { print(""); print(FieldView.outlook(person, plan, from: day)) }
    }
}

/// The model a plan optimises: the person's own, or the same person in the role they aim at
/// (`--toward`, else the assessment's `goals.toward`).
func planningModel(_ person: PersonalModel, toward: String?, curriculum: Curriculum) throws -> PersonalModel {
    guard let id = toward ?? person.assessment.goals.toward else { return person }
    guard let role = curriculum.role(id) else {
        throw CLIError("--toward '\(oneLine(id, limit: 60))' is not a role; allowed: \(curriculum.roles.map(\.id).joined(separator: ", ")) (see `headway roles`)")
    }
    return role.id == person.role.id ? person : person.inRole(role)
}

/// "Toward X: you start at 42.7 there (Yellow) and at 49.1 in your own role, Y (Green (Transforming))."
func towardLine(own: PersonalModel, target: PersonalModel, day: Day) -> String {
    let there = target.score(at: day).result, here = own.score(at: day).result
    return "Toward \(target.role.name): you start at \(fixed(there.rounded, 1)) there (\(there.label)) and at "
        + "\(fixed(here.rounded, 1)) in your own role, \(own.role.name) (\(here.label)). The plan raises your score there."
}

/// Prints a plan as `plan --json`'s document or as the human view, whole or one week of it.
func present(_ plan: Plan, curriculum: Curriculum, role: Role, json: Bool, onlyWeek: Int? = nil,
             programme: ProgrammeWeeks? = nil) throws {
    if json {
        var report = PlanReport(plan, graph: curriculum.graph, role: role, programme: programme)
        if let onlyWeek { report = report.only(week: onlyWeek) }
        try printJSON(report)
    } else {
        print(PlanView(plan: plan, graph: curriculum.graph, role: role, style: .current(), onlyWeek: onlyWeek, programme: programme).render())
    }
}
