import ArgumentParser
import HeadwayCore

/// `headway score`: the person's AIJRI with its per-task table, explanation and ladder.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score", _superCommandName: leafSuperCommand,
        abstract: "Show your AIJRI: per-task table, the four-part explanation, zone and ladder.",
        discussion: """
            With --assessment FILE the run is stateless (the database is not opened); without it, \
            the current profile's latest assessment is used (--profile NAME picks another). --what-if vllm=3,nccl=2 shows the score \
            with those levels changed, side by side.
            """)

    @OptionGroup var model: ModelOptions
    @OptionGroup var input: AssessmentOption
    @OptionGroup var store: StoreOptions
    @Option(name: .customLong("what-if"), help: ArgumentHelp("Levels to try, e.g. vllm=3,nccl=2.", valueName: "skill=level,…"))
    var whatIf: [String] = []
    @Flag(help: "Also show what each task adds in points, and the skills with the most points per hour.") var explain = false
    @Flag(help: "Print JSON (stable keys, snake_case; docs/ROLES.md lists the roles part).") var json = false

    func run() throws {
        let day = model.day()
        let (subject, curriculum) = try Subject.resolve(model, input, store)
        let person = subject.person
        let now = person.score(at: day)
        let changes = try parseLevelPairs(whatIf, flag: "--what-if", curriculum: curriculum)
        let after: PersonalScore? = changes.isEmpty ? nil : person.score(at: day, levels: person.levels.merging(changes) { $1 })
        if json {
            if let after {
                try printJSON(
                    WhatIfReport(
                        now: ScoreReport(now, role: person.role, day: day, version: curriculum.version),
                        whatIf: ScoreReport(after, role: person.role, day: day, version: curriculum.version),
                        levels: changes))
            } else {
                try printJSON(ScoreReport(now, role: person.role, day: day, version: curriculum.version))
            }
            return
        }
        print(ScoreView(person: person, day: day, score: now, whatIf: after, changes: changes, explain: explain, style: .current()).render())
    }
}

/// `score --what-if --json`: both scores and the levels tried.
struct WhatIfReport: Encodable {
    let now: ScoreReport
    let whatIf: ScoreReport
    let levels: [String: Int]
}
