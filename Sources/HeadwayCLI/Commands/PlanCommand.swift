import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayStore

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
    @OptionGroup var store: StoreOptions
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
        // With --assessment the run is stateless; otherwise the profile's assessment, and the
        // plan is saved as its current plan.
        var saveTo: (Store, Profile)?
        let assessment: Assessment
        if let file = try input.load(curriculum) {
            assessment = file
        } else {
            let db = try store.open()
            let profile = try store.selectedProfile(in: db)
            guard let stored = try storeCall({ try db.latestAssessment(for: profile) }) else {
                throw CLIError("profile \(profile.name) has no assessment yet; run `assess` or pass --assessment FILE")
            }
            assessment = stored.assessment
            saveTo = (db, profile)
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
        if let (db, profile) = saveTo {
            _ = try storeCall { try db.savePlan(plan, for: profile, curriculaVersion: curriculum.version) }
        }
        if json {
            try printJSON(PlanReport(plan, graph: curriculum.graph, role: person.role))
        } else {
            print(PlanView(plan: plan, graph: curriculum.graph, role: person.role, style: .current()).render())
            if let (_, profile) = saveTo { print("Saved as the plan of profile \(profile.name).") }
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
