import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayStore

/// What the shell shows about the database: the prompt, the first-run greeting, and the
/// profile names and task ids Tab completes. It never creates the database file: only commands do.
struct ShellStatus {
    var profile: String?
    var week: String?
    var score: Double?
    var hasProfiles = false
    var role: String?
    var profiles: [String] = []

    /// Reads the current profile, its programme week and its last score; nothing when there is no database yet.
    static func read(today: Day = Environment.today(), databasePath: String? = nil) -> ShellStatus {
        let path = databasePath ?? Environment.databasePath(nil)
        guard FileManager.default.fileExists(atPath: path), let db = try? Store.open(at: path) else { return ShellStatus() }
        var status = ShellStatus()
        let profiles = (try? db.profiles()) ?? []
        status.profiles = profiles.map(\.name)
        status.hasProfiles = !profiles.isEmpty
        guard let current = profiles.first(where: \.isCurrent) else { return status }
        status.profile = current.name
        // A few indexed lookups, not the history: the prompt is drawn after every command.
        guard let facts = try? db.promptFacts(of: current, on: today) else { return status }
        status.role = facts.role
        status.score = facts.score
        if let programme = facts.programme {
            status.week = Self.week(ProgrammeWeeks(start: programme.start, count: programme.weeks), today: today)
        }
        return status
    }

    /// `wk 3` inside the programme, `wk 1 on 11-30` before it starts, `plan done` after its last week.
    static func week(_ programme: ProgrammeWeeks, today: Day) -> String {
        let week = programme.week(of: today)
        if week == 0 {
            let c = programme.start.components
            return "wk 1 on \(c.month < 10 ? "0" : "")\(c.month)-\(c.day < 10 ? "0" : "")\(c.day)"
        }
        return week > programme.count ? "plan done" : "wk \(week)"
    }

    /// `headway[ana · wk 3 · 49.1]> `, or `headway> ` before there is a profile.
    var prompt: String {
        guard let profile else { return "headway> " }
        let parts = [Self.shorten(profile), week, score.map { fixed($0, 1) }].compactMap { $0 }
        return "headway[" + parts.joined(separator: " · ") + "]> "
    }

    /// A long profile name would push the typing to the right edge.
    private static func shorten(_ name: String) -> String {
        name.count > 20 ? String(name.prefix(19)) + "…" : name
    }

    /// Two lines on entering the shell: a welcome with what to do first, or where you are.
    var greeting: [String] {
        if !hasProfiles {
            return [
                "Welcome to Headway: it scores how exposed your job is to AI (AIJRI) and plans the learning that raises it.",
                "Nothing here yet: type `assess` to answer the questions, or `assess --sample` to look around with a sample profile."
            ]
        }
        let location =
            profile.map { "Profile \($0)" + (score.map { ", AIJRI \(fixed($0, 1))" } ?? "") + (week.map { ", \($0) of your plan" } ?? "") + "." }
            ?? "No current profile: `profile use NAME` picks one."
        return [
            "Headway \(Headway.configuration.version). " + location,
            "`help` lists the commands, Tab completes, Ctrl-R searches history, `quit` or Ctrl-D leaves."
        ]
    }
}

/// The shell's prompt as drawn after each command (public for `headway-bench year`).
public enum ShellPrompt {
    public static func text(today: Day, databasePath: String) -> String {
        ShellStatus.read(today: today, databasePath: databasePath).prompt
    }
}
