import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayStore

/// `headway export report`: one self-contained HTML page with the charts.
struct ExportReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", _superCommandName: leafSuperCommand,
        abstract: "Export an HTML report: score over time, the plan's weeks, levels before and after, the score's four parts.",
        discussion: """
            One file with everything inline (CSS and SVG charts, no script, nothing fetched), \
            readable on a phone and printed. On a profile it shows the snapshots and the saved plan; \
            with --assessment FILE, today's score and a plan computed for it.
            """)

    @OptionGroup var model: ModelOptions
    @OptionGroup var input: AssessmentOption
    @OptionGroup var store: StoreOptions
    @Option(name: .shortAndLong, help: ArgumentHelp("The HTML file to write; - for standard output.", valueName: "file"))
    var output: String

    func run() throws {
        let file = OutputFile(output)
        try file.check()
        let source = try ExportSource.load(model, input, store)
        let data = ReportData(
            owner: source.owner, person: source.person, day: source.day, plan: source.plan, snapshots: source.snapshots,
            programme: source.programme, weeks: source.weeks)
        let page = ReportPage(data: data, generated: ICSStamp.readable(Environment.now())).render()
        if let done = try file.write(page) { print(done) }
    }
}
