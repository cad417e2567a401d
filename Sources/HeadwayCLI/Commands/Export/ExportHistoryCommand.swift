import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayStore

/// `headway export history`: the profile's score snapshots as CSV.
struct ExportHistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", _superCommandName: leafSuperCommand,
        abstract: "Export the profile's score snapshots as \(listed(HistoryExport.formatNames)): as_of, score, zone, label, the four parts, reason.",
        discussion: "Snapshots are history: they are written as they were shown, oldest first.")

    @OptionGroup var model: ModelOptions
    @OptionGroup var store: StoreOptions
    // A string checked in validate() rather than a HistoryFormat, so that `--format json` is told
    // it is not a history format, not only what the parser allows.
    @Option(
        help: ArgumentHelp(
            "The format: \(listed(HistoryExport.formatNames)).",
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
