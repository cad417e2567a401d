import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayStore

/// `headway log list`: the entries with the numbers `log edit` and `log rm` take.
struct LogListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", _superCommandName: leafSuperCommand, abstract: "List your log entries with their numbers (newest last).")

    @OptionGroup var model: ModelOptions
    @OptionGroup var store: StoreOptions
    @Option(help: ArgumentHelp("Show only the last N entries.", valueName: "n")) var last: Int?
    @Flag(help: "Print JSON.") var json = false

    struct Entry: Encodable {
        let id: Int64
        let date: String
        let unit: String
        let activity: String?
        let hours: Double
        let status: String
        let note: String?
    }

    func run() throws {
        let curriculum = try model.curriculum()
        let db = try store.open()
        let profile = try store.selectedProfile(in: db)
        var logs = try storeCall { try db.logs(for: profile) }.filter { $0.entry.date <= model.day() }
        if let last { logs = Array(logs.suffix(max(0, last))) }
        let entries = logs.map { l in
            Entry(
                id: l.id, date: l.entry.date.description, unit: l.entry.unit.description, activity: l.entry.activity,
                hours: l.entry.hours, status: l.entry.status.rawValue, note: l.entry.note)
        }
        if json { try printJSON(entries); return }
        guard !entries.isEmpty else { Console.out("No log entries yet for profile \(profile.name)."); return }
        var table = Table(["#", "Date", "Unit", "Hours", "Status", "Activity / note"], align: [.right, .left, .left, .right, .left, .left])
        for e in entries {
            let name = curriculum.graph[String(e.unit.split(separator: ":")[0])]?.name ?? e.unit
            table.add([
                "\(e.id)", e.date, "\(e.unit) \(name)", format(e.hours), e.status,
                [e.activity, e.note].compactMap { $0 }.joined(separator: " · ")
            ])
        }
        Console.out(table.render(width: Style.current().width))
    }
}
