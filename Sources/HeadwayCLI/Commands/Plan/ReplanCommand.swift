import ArgumentParser
import Foundation
import HeadwayApp
import HeadwayCore
import HeadwayStore

/// `headway replan`: plan again from the current week with the current levels.
struct ReplanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replan", _superCommandName: leafSuperCommand,
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
    @Option(
        help: ArgumentHelp(
            "Plan for a move: raise your score in this role (default: the current plan's, else the assessment's goals.toward; your own role's id aims at it again).",
            valueName: "role"))
    var toward: String?
    @Flag(help: "Print JSON (stable keys, snake_case; the same data as the text).") var json = false

    func run() throws {
        let curriculum = try model.curriculum()
        let includes = try parseLevelPairs(include, flag: "--include", curriculum: curriculum, levels: Level.unitRange)
        var excludes: [String] = []
        for s in exclude.flatMap({ $0.split(separator: ",").map(String.init) }) {
            excludes.append(try curriculum.skill(typed: s, context: "--exclude").id)
        }
        if let both = excludes.first(where: { includes[$0] != nil }) {
            throw HeadwayError(.usage, "--include and --exclude both name \(both); give one")
        }
        let options = ReplanOptions(hoursPerWeek: hours, include: includes, exclude: excludes, calibrate: !noCalibrate)
        let day = model.day()
        let operation = Replan(options: options, toward: toward)
        if exportProblem {
            let subject = try Subject.resolve(curriculum, nil, store, day: day)
            let made = try operation.prepare(subject.progress!)
            try made.person.validate(made.replan.request)
            return try printJSON(made.person.planningProblem(made.replan.request))
        }
        let made = try operation.run(in: try Workspace.open(model, store, curriculum: curriculum))
        let (own, person, replan, programme, plan) = (made.own, made.person, made.replan, made.programme, made.plan!)
        // The replan continues the programme: its weeks keep the programme's numbers.
        let numbering = programme.numbering
        if !json {
            var line =
                "Replanned from week \(numbering.week(of: replan.request.start)) of the programme (\(replan.unitsDone) of the old plan's \(replan.unitsPlanned) units done"
            let spent = replan.request.spent.values.reduce(0, +)
            if spent > 0 { line += "; \(format(round(spent, 2))) h already logged on unfinished units count" }
            print(line + ").")
            if let c = replan.paceFactor {
                print(
                    "Hours left scaled by your pace factor \(fixed(c.value, 2)) (\(format(round(c.logged, 1))) h logged on \(format(c.curriculumHours)) h of \(c.units.count) completed units; --no-calibrate keeps them)."
                )
            }
            if person.role.id != own.role.id { print(towardLine(own: own, target: person, day: replan.request.start)) }
            for line in leftOutLines(plan, spent: replan.request.spent, person: person) { print(line) }
        }
        try present(
            plan, curriculum: curriculum, role: person.role, json: json, programme: numbering,
            outlook: person.accessOutlook(replan.request, plan: plan))
        if !json { print(""); print(FieldView.outlook(person, plan, from: day)) }
    }
}
