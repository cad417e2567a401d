import ArgumentParser
import Foundation
import HeadwayCore

/// `headway plan`: the optimal programme for the person's hours.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan the units that raise your projected AIJRI the most in your hours.",
        discussion: """
        Objective: (1) the highest projected score at the plan's end, (2) gains early, (3) fewer \
        hours. --include SKILL=LEVEL is a hard goal; --exclude SKILL leaves a skill out. \
        --export-problem prints the planning problem itself as JSON (MODEL.md §7).
        """)

    @OptionGroup var model: ModelOptions
    @OptionGroup var input: AssessmentOption
    @Option(help: ArgumentHelp("Hours per week, 1..40 (default: the assessment's).", valueName: "h")) var hours: Double?
    @Option(help: ArgumentHelp("Weeks, 1..52 (default: the assessment's).", valueName: "w")) var weeks: Int?
    @Option(help: ArgumentHelp("First day of the plan (default: the assessment's start, else --as-of).", valueName: "yyyy-mm-dd"))
    var start: String?
    @Option(help: ArgumentHelp("A skill that must reach a level, e.g. nccl=3 (repeatable).", valueName: "skill=level"))
    var include: [String] = []
    @Option(help: ArgumentHelp("A skill to leave out (repeatable).", valueName: "skill")) var exclude: [String] = []
    @Flag(name: .customLong("export-problem"), help: "Print the planning problem as JSON instead of solving it.")
    var exportProblem = false
    @Flag(help: "Print JSON (MODEL.md §7).") var json = false

    func run() throws {
        let curriculum = try model.curriculum()
        guard let assessment = try input.load(curriculum) else {
            throw CLIError("no assessment: pass --assessment FILE (see Fixtures/assessments/)")
        }
        let person = PersonalModel(curriculum: curriculum, assessment: assessment)!
        let request = try makeRequest(person)
        if exportProblem {
            do { try person.validate(request) } catch { throw CLIError(error.description) }
            try printJSON(person.planningProblem(end: request.end, weeks: request.weeks, hoursPerWeek: request.hoursPerWeek, goals: request.goals))
            return
        }
        let plan: Plan
        do { plan = try person.plan(request) } catch { throw CLIError(error.description) }
        if json {
            try printJSON(PlanReport(plan, graph: curriculum.graph, role: person.role))
        } else {
            print(PlanView(plan: plan, graph: curriculum.graph, role: person.role, style: .current()).render())
        }
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
