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
    @Option(help: Day.help("First day of the plan (default: the assessment's start, else --as-of)."))
    var start: Day?
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
        let request = try makeRequest(person, hadPlan: subject.progress?.storedPlan != nil)
        if exportProblem {
            do { try person.validate(request) } catch { throw CLIError(error.description) }
            try printJSON(person.planningProblem(request))
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

    /// Command-line parameters over the assessment's own. A profile's next programme (one
    /// made when a plan is already in force) starts on the day it is made, not on an
    /// assessment start that has passed.
    func makeRequest(_ person: PersonalModel, hadPlan: Bool = false) throws -> PlanRequest {
        let a = person.assessment
        var goals = a.goals
        for item in include.flatMap({ $0.split(separator: ",").map(String.init) }) {
            let parts = item.split(separator: "=", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, let level = Int(parts[1]) else {
                throw CLIError("--include '\(item)' is not SKILL=LEVEL (e.g. nccl=3)")
            }
            goals.include[try person.curriculum.skill(typed: String(parts[0]), context: "--include").id] = level
        }
        let excluded = try exclude.flatMap { $0.split(separator: ",").map(String.init) }.map {
            try person.curriculum.skill(typed: $0, context: "--exclude").id
        }
        goals.exclude = Array(Set(goals.exclude + excluded)).sorted()
        var startDay = a.start ?? model.day()
        if hadPlan && startDay < model.day() { startDay = model.day() }
        if let start { startDay = start }
        let w = weeks ?? a.weeks, h = hours ?? a.hoursPerWeek
        // Availability: weeks with other hours (a holiday is 0); `nil` when every week has H.
        let weekHours = a.weekHours(from: startDay, weeks: w, hoursPerWeek: h)
        return PlanRequest(start: startDay, weeks: w, hoursPerWeek: h, goals: goals,
                           weekHours: weekHours.allSatisfy { $0 == h } ? nil : weekHours)
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
        if !json && covering != plan, let next = programme.programme.first(where: { $0.start > weekStart }) {
            print("(week \(week) as planned before the replan from \(next.start); `plan show` shows the current plan)")
        }
    }
}

/// `headway replan`: plan again from the current week with the current levels.
struct ReplanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replan",
        abstract: "Plan again from the current week with your current levels, keeping what is done.",
        discussion: """
        The new plan continues the programme: it starts on the first day of the current week \
        and keeps the programme's last day and week numbers. Units logged done count as levels \
        reached; hours logged on a unfinished unit are spent, so it gets only what is left, and \
        activities logged done are not listed again. Once two units are complete, the hours \
        left are scaled by your pace factor (hours you logged on completed units over their \
        curriculum hours, 0.5-2; --no-calibrate leaves them as they are). Weeks your \
        availability names keep their hours. --include SKILL=LEVEL adds a goal, --exclude SKILL \
        drops a skill from now on. Among equally good answers the old order is kept; the old \
        plan stays in the history.
        """)

    @OptionGroup var model: ModelOptions
    @OptionGroup var store: StoreOptions
    @Option(help: ArgumentHelp("Hours per week from now on, 1..40 (default: the plan's).", valueName: "h")) var hours: Double?
    @Option(help: ArgumentHelp("A skill that must reach a level, e.g. nccl=3 (repeatable).", valueName: "skill=level"))
    var include: [String] = []
    @Option(help: ArgumentHelp("A skill to leave out from now on (repeatable).", valueName: "skill")) var exclude: [String] = []
    @Flag(name: .customLong("no-calibrate"), help: "Keep the curriculum's hours instead of scaling them by your pace factor.")
    var noCalibrate = false
    @Flag(name: .customLong("export-problem"), help: "Print the replanning problem as JSON (remaining, scaled hours) instead of solving it.")
    var exportProblem = false
    @Option(help: ArgumentHelp("Plan for a move: raise your score in this role (default: the assessment's goals.toward).", valueName: "role"))
    var toward: String?
    @Flag(help: "Print JSON (the shape is in the README).") var json = false

    func run() throws {
        let curriculum = try model.curriculum()
        let includes = try parseLevelPairs(include, flag: "--include", curriculum: curriculum, levels: Level.unitRange)
        var excludes: [String] = []
        for s in exclude.flatMap({ $0.split(separator: ",").map(String.init) }) {
            excludes.append(try curriculum.skill(typed: s, context: "--exclude").id)
        }
        if let both = excludes.first(where: { includes[$0] != nil }) {
            throw CLIError("--include and --exclude both name \(both); give one")
        }
        let options = ReplanOptions(hoursPerWeek: hours, include: includes, exclude: excludes, calibrate: !noCalibrate)
        let day = model.day()
        let subject = try Subject.resolve(curriculum, nil, store, day: day)
        let old = try subject.currentPlan().plan
        guard let programme = subject.progress?.planProgress, let replan = programme.replanRequest(options) else {
            throw CLIError("the plan ended on \(old.end); start a new one with `headway plan`")
        }
        let own = subject.person
        let person = try planningModel(own, toward: toward, curriculum: curriculum)
        if exportProblem {
            do { try person.validate(replan.request) } catch { throw CLIError(error.description) }
            try printJSON(person.planningProblem(replan.request))
            return
        }
        let plan: Plan
        do { plan = try person.plan(replan.request) } catch { throw CLIError(error.description) }
        _ = try storeCall {
            try subject.store!.savePlan(plan, for: subject.profile!, curriculaVersion: curriculum.version, continuing: true, madeOn: day)
        }
        // The replan continues the programme: its weeks keep the programme's numbers.
        let numbering = programme.numbering
        if !json {
            var line = "Replanned from week \(numbering.week(of: replan.request.start)) of the programme (\(replan.unitsDone) of the old plan's \(replan.unitsPlanned) units done"
            let spent = replan.request.spent.values.reduce(0, +)
            if spent > 0 { line += "; \(format(round(spent, 2))) h already logged on unfinished units count" }
            print(line + ").")
            if let c = replan.paceFactor {
                print("Hours left scaled by your pace factor \(fixed(c.value, 2)) (\(format(round(c.logged, 1))) h logged on \(format(c.curriculumHours)) h of \(c.units.count) completed units; --no-calibrate keeps them).")
            }
            if person.role.id != own.role.id { print(towardLine(own: own, target: person, day: replan.request.start)) }
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
