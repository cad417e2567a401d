import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayStore

/// `headway export plan`: the current plan (or one computed from --assessment) as a file.
struct ExportPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Export the plan as \(listed(PlanExport.formatNames)).",
        discussion: """
            The format is --format, else the one the output file's extension names \
            (\(PlanFormat.extensionsHelp)), else \(PlanExport.defaultFormat.name).
            """)

    @OptionGroup var model: ModelOptions
    @OptionGroup var input: AssessmentOption
    @OptionGroup var store: StoreOptions
    @Option(
        help: ArgumentHelp(
            "The format; default: from the --output extension, else \(PlanExport.defaultFormat.name).",
            valueName: "format"))
    var format: PlanFormat?
    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write; - for standard output.", valueName: "file"))
    var output: String = "-"

    func run() throws {
        let file = OutputFile(output)
        try file.check()
        let format = PlanFormat.chosen(format, fileName: output)
        let source = try ExportSource.load(model, input, store)
        let text = try format.exporter.render(source.planExport())
        if let done = try file.write(text) { print(done) }
    }
}
