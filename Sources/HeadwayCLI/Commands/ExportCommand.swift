import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayStore

/// `headway export plan|history|report`: the plan, the history or a report, as a file.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export your plan (\(PlanExport.formatNames.joined(separator: ", "))), "
            + "history (\(HistoryExport.formatNames.joined(separator: ", "))) or an HTML report.",
        discussion: """
        --output FILE replaces FILE atomically (a temporary file in the same folder, then a \
        rename), so a reader never sees it half-written; --output - writes to standard output. \
        With --assessment FILE the plan is computed and nothing is saved; otherwise the current \
        profile's saved plan and history are used (--db, --profile).
        """,
        subcommands: [ExportPlanCommand.self, ExportHistoryCommand.self, ExportReportCommand.self])
}

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
    @Option(help: ArgumentHelp("The format; default: from the --output extension, else \(PlanExport.defaultFormat.name).",
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

/// `headway export history`: the profile's score snapshots as CSV.
struct ExportHistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Export the profile's score snapshots as \(listed(HistoryExport.formatNames)): as_of, score, zone, label, the four parts, reason.",
        discussion: "Snapshots are history: they are written as they were shown, oldest first.")

    @OptionGroup var model: ModelOptions
    @OptionGroup var store: StoreOptions
    // A string checked in validate() rather than a HistoryFormat, so that `--format json` is told
    // it is not a history format, not only what the parser allows.
    @Option(help: ArgumentHelp("The format: \(listed(HistoryExport.formatNames)).",
                               valueName: "format"),
            completion: .list(HistoryExport.formatNames))
    var format: String = HistoryExport.defaultFormat.name
    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write; - for standard output.", valueName: "file"))
    var output: String = "-"

    func validate() throws {
        guard HistoryFormat(argument: format) != nil else {
            throw ValidationError("--format '\(format)' is not a history format; allowed: \(HistoryExport.formatNames.joined(separator: ", "))")
        }
    }

    func run() throws {
        let file = OutputFile(output)
        try file.check()
        let db = try store.open()
        let profile = try store.selectedProfile(in: db)
        // As of a day: the snapshots written for days up to it.
        let day = model.day()
        let snapshots = try storeCall { try db.snapshots(for: profile) }.map(\.snapshot).filter { $0.asOf <= day }
        let format = HistoryFormat(argument: format) ?? HistoryFormat(HistoryExport.defaultFormat)
        if let done = try file.write(try format.exporter.render(HistoryExport(snapshots: snapshots))) { print(done) }
    }
}

/// `headway export report`: one self-contained HTML page with the charts.
struct ExportReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
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
        let data = ReportData(owner: source.owner, person: source.person, day: source.day, plan: source.plan, snapshots: source.snapshots,
                              programme: source.programme)
        let page = ReportPage(data: data, generated: ICSStamp.readable(Environment.now())).render()
        if let done = try file.write(page) { print(done) }
    }
}

/// What an export reads: the person, their plan and history, from a profile or an assessment file.
struct ExportSource {
    let person: PersonalModel
    /// The profile name, or the assessment file's name without its extension.
    let owner: String
    let plan: Plan?
    /// The stored plan's id (grows with each plan of the database); 0 for a computed plan.
    let planRevision: Int
    let snapshots: [Snapshot]
    let day: Day
    let profileName: String?
    /// The programme's week numbering; `nil`: the plan's own.
    var programme: ProgrammeWeeks? = nil

    /// On a profile, the record as of `--as-of`: the levels then, the plan in force then and the
    /// snapshots written for days up to it.
    static func load(_ model: ModelOptions, _ input: AssessmentOption, _ options: StoreOptions) throws -> ExportSource {
        let curriculum = try model.curriculum()
        let day = model.day()
        let subject = try Subject.resolve(curriculum, input, options, day: day)
        let person = subject.person
        guard subject.store != nil, let profile = subject.profile else {
            // Stateless: the plan the assessment asks for, computed and not saved.
            let a = person.assessment
            let request = PlanRequest(start: a.start ?? day, weeks: a.weeks, hoursPerWeek: a.hoursPerWeek, goals: a.goals)
            let plan: Plan
            do { plan = try person.plan(request) } catch { throw CLIError(error.description) }
            let name = ((input.assessment ?? "assessment") as NSString).lastPathComponent
            return ExportSource(person: person, owner: (name as NSString).deletingPathExtension, plan: plan, planRevision: 0,
                                snapshots: [Snapshot(person.score(at: day), asOf: day, reason: "assessment")], day: day, profileName: nil)
        }
        let progress = subject.progress!
        let stored = progress.storedPlan
        let snapshots = progress.state.snapshots.map(\.snapshot).filter { $0.asOf <= day }
        return ExportSource(person: person, owner: profile.name, plan: stored?.plan, planRevision: Int(stored?.id ?? 0),
                            snapshots: snapshots, day: day, profileName: profile.name, programme: progress.planProgress?.numbering)
    }

    /// What `export plan` writes from; throws when a profile has no plan yet.
    func planExport() throws -> PlanExport {
        PlanExport(plan: try requirePlan(), graph: person.curriculum.graph, role: person.role, owner: owner, revision: planRevision,
                   stamp: Environment.now(), programme: programme)
    }

    func requirePlan() throws -> Plan {
        guard let plan else {
            throw CLIError("profile \(profileName ?? owner) has no plan yet; run `headway plan` first (or pass --assessment FILE)")
        }
        return plan
    }
}

/// Readable UTC time for the report's footer.
enum ICSStamp {
    static func readable(_ date: Date) -> String {
        let s = ICS.timestamp(date) // YYYYMMDDTHHMMSSZ
        let c = Array(s)
        return "\(String(c[0..<4]))-\(String(c[4..<6]))-\(String(c[6..<8])) \(String(c[9..<11])):\(String(c[11..<13])) UTC"
    }
}

