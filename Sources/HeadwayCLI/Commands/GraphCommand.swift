import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayStore

/// `headway graph [SKILL] [--dot]`: the skills graph, with the person's plan highlighted.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph", _superCommandName: leafSuperCommand,
        abstract: "Show the skills graph: what a skill needs and unlocks, or Graphviz DOT.",
        discussion: """
            With SKILL, what it needs (all the way down) and what it unlocks (all the way up); \
            without, every skill by group. --dot writes Graphviz DOT of the whole graph, or of \
            SKILL's neighbourhood, to --output (default standard output): `headway graph --dot | \
            dot -Tsvg > graph.svg`. Your levels and your plan's units are marked when there is a \
            profile (or --assessment FILE, whose plan is computed, not saved).
            """)

    @OptionGroup var model: ModelOptions
    @OptionGroup var input: AssessmentOption
    @OptionGroup var store: StoreOptions
    @Argument(help: SkillArgument.help("A skill id (Tab completes it).")) var skill: SkillArgument?
    @Flag(help: "Write Graphviz DOT instead of text.") var dot = false
    @Option(name: .shortAndLong, help: ArgumentHelp("With --dot, the file to write; - for standard output.", valueName: "file"))
    var output: String = "-"

    func run() throws {
        let curriculum = try model.curriculum()
        let graph = curriculum.graph
        let skill = try self.skill.map { try curriculum.skill($0).id }
        if output != "-" && !dot { throw HeadwayError(.usage, "--output writes DOT; add --dot (the text view goes to the terminal)") }
        let file = OutputFile(output)
        try file.check()
        var view = SkillGraphView(graph: graph)
        if let (person, plan) = try personAndPlan(curriculum) {
            view.levels = person.levels
            for u in plan?.units ?? [] { view.planned[u.skill] = max(view.planned[u.skill] ?? 0, u.level) }
        }
        if dot {
            if let done = try file.write(view.dot(focus: skill)) { print(done) }
        } else if let skill {
            print(view.tree(of: skill, style: .current()))
        } else {
            print(view.overview(style: .current()))
        }
    }

    /// The person and their plan: from --assessment (computed), else from a profile if the
    /// database exists or was named; the graph alone needs neither, so none is not an error.
    private func personAndPlan(_ curriculum: Curriculum) throws -> (PersonalModel, Plan?)? {
        if input.assessment != nil {
            let source = try ExportSource.load(model, input, store)
            return (source.person, source.plan)
        }
        // Without --db or --profile a missing database or no current profile just means there
        // is no person to mark: the graph alone needs neither.
        let explicit = store.db != nil || store.profile != nil
        if !explicit {
            guard store.databaseExists else { return nil }
            let db = try store.open()
            guard try storeCall({ try db.currentProfile() }) != nil else { return nil }
        }
        do {
            let source = try ExportSource.load(model, input, store)
            return (source.person, source.plan)
        } catch let error as HeadwayError where !explicit {
            // The graph is still worth showing; say why the marks are missing.
            Console.error("note: your levels and plan are not marked: " + error.description)
            return nil
        }
    }
}
