import ArgumentParser
import Foundation
import HeadwayApp
import HeadwayCore
import HeadwayStore

/// `headway portfolio`: what the person can show for their programme.
struct PortfolioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portfolio", _superCommandName: leafSuperCommand,
        abstract: "What you can show: skills and levels gained, activities, hours, evidence, score change, certifications.",
        discussion: """
            Per skill raised since the programme began (or --since): the units completed, the \
            activities logged done, the hours, the evidence logged with `log ... --evidence`, and \
            the points those levels add; then the certifications whose skills you hold at working \
            level. --format md (default), html or json; --output FILE writes it to a file.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, html, json }

    @OptionGroup var model: ModelOptions
    @OptionGroup var store: StoreOptions
    @Option(help: ArgumentHelp("md, html or json.", valueName: "format")) var format: Format = .md
    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write; - (default) for standard output.", valueName: "file"))
    var output: String = "-"
    @Option(help: Day.help("The first day it covers (default: the programme's first day, else the profile's).")) var since: Day?

    func run() throws {
        let file = OutputFile(output, newFileMode: 0o600)
        try file.check()
        let (subject, curriculum) = try Subject.resolve(model, nil, store)
        guard let progress = subject.progress, let profile = subject.profile else {
            throw HeadwayError(.noInput, "portfolio reads a profile's record; make one with `headway assess`")
        }
        let first = since ?? progress.planProgress?.numbering.start ?? progress.firstDay
        guard let portfolio = progress.record.portfolio(since: first, through: progress.day) else {
            throw HeadwayError(.noInput, "profile \(profile.name) has no assessment on \(progress.day); nothing to show yet")
        }
        let view = PortfolioView(portfolio: portfolio, owner: profile.name, curriculum: curriculum)
        let text: String
        switch format {
        case .md: text = view.markdown()
        case .html: text = view.html()
        case .json: text = try jsonText(portfolio)
        }
        if let done = try file.write(text) { print(done) }
    }
}
