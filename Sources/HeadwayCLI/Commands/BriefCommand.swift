import ArgumentParser
import Foundation
import HeadwayApp
import HeadwayCore
import HeadwayStore

/// `headway brief [WEEK]`: the weekly briefing (`MODEL.md` §6): live for the current week,
/// kept as it stood on its last day once a week has ended.
struct BriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief", _superCommandName: leafSuperCommand,
        abstract: "The weekly briefing: score and why, hours, on track, next week, the field.",
        discussion: """
            WEEK defaults to the current week of your plan. The current week's briefing is live: \
            it says what is logged so far, every time. Once a week has ended its briefing is stored \
            as it stands on the week's last day and shown unchanged afterwards (history is not \
            rewritten). --markdown and --json give the same briefing in other forms.
            """)

    @OptionGroup var model: ModelOptions
    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("A week of the plan that has started (default: the current one).", valueName: "week")) var week: Int?
    @Flag(help: "Print Markdown.") var markdown = false
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        if markdown && json { throw ValidationError("--markdown and --json both choose the output; give one") }
    }

    func run() throws {
        let week = self.week
        let (briefed, written, _, _) = try withProfileProgress(model, store, briefings: true) { p, writes -> (BriefingDocument, [String]) in
            _ = try p.plan()
            guard let programme = p.planProgress, let stored = p.storedPlan else { throw HeadwayError.noPlanInForce(p) }
            let current = programme.week, weeks = programme.weeksCount
            let k = week ?? min(current, weeks)
            guard (1...weeks).contains(k) else {
                if current == 0 { throw HeadwayError(.usage, "the plan starts on \(programme.start); the first briefing is for its week 1") }
                throw HeadwayError(.usage, "week \(k) is not in the plan; allowed: 1..\(weeks)")
            }
            guard k <= current else {
                let start = programme.numbering.start(ofWeek: k)
                throw HeadwayError(.usage, "week \(k) has not started (it starts \(start)); allowed: 1..\(min(current, weeks))")
            }
            let programmeID = stored.programmeID
            // After the programme's last week, its last briefing ends with what it came to.
            let summary = k == weeks ? programme.summary().map { SummaryView.lines($0, name: p.name) } ?? [] : []
            // MODEL §6: the current week is live (a briefing stored early would later contradict
            // `progress`, issue 25.1); an ended week is kept as it stood on its last day.
            let ended = k < current
            if ended, let stored = p.state.briefing(programme: programmeID, week: k) {
                return (try BriefingDocument.decode(stored.briefing.body), summary)
            }
            guard ended else {
                return (
                    try BriefingDocument(p, week: k, profile: p.state.profile.name, pending: writes.snapshots, earlier: Environment.earlierCurricula), summary
                )
            }
            // Written as the record stood on the week's last day: the plan in force then, the
            // outlook and replan of that day, so it reads as the live one did that evening.
            let last = programme.numbering.start(ofWeek: k).adding(days: 6)
            let then = try ProfileProgress(curriculum: p.curriculum, state: p.state, day: last)
            let doc = try BriefingDocument(then, week: k, profile: p.state.profile.name, earlier: Environment.earlierCurricula)
            writes.briefing = Briefing(week: k, body: try doc.encoded(), generatedOn: last)
            writes.briefingProgramme = programmeID
            return (doc, summary)
        }
        let (doc, summary) = briefed
        // The stored briefing is what is shown, even when this run generated it.
        let shown = try written.briefing.map { try BriefingDocument.decode($0.briefing.body) } ?? doc
        if json {
            printJSONText(try shown.encoded(pretty: true))
        } else if markdown {
            print(shown.markdown())
            if !summary.isEmpty { print("\n## The programme\n\n" + summary.joined(separator: "\n")) }
        } else {
            for line in signalNotes(written) { Console.out(line) }
            print(shown.text())
            if !summary.isEmpty { print("\nThe programme\n" + summary.joined(separator: "\n")) }
        }
    }
}
