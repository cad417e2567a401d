import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayStore

/// `headway export plan`: the current plan (or one computed from --assessment) as a file.
struct ExportPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", _superCommandName: leafSuperCommand,
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
    @Option(
        help: ArgumentHelp(
            "With ics: remind this long before each week starts, in days or hours (1d..14d, 1h..336h), or off.",
            valueName: "1d|12h|off"))
    var remind: String?

    func run() throws {
        let file = OutputFile(output)
        try file.check()
        let format = PlanFormat.chosen(format, fileName: output)
        var reminder: Reminder? = .default
        if let remind {
            guard format.exporter.name == "ics" else {
                throw HeadwayError(.usage, "--remind applies to the ics format only (this export is \(format.exporter.name))")
            }
            reminder = try Reminder.parse(remind)
        }
        let source = try ExportSource.load(model, input, store)
        var export = try source.planExport()
        export.reminder = reminder
        let text = try format.exporter.render(export)
        if let done = try file.write(text) { print(done) }
    }
}
