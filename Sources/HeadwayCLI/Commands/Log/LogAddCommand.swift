import ArgumentParser
import Foundation
import HeadwayApp
import HeadwayCore
import HeadwayStore

/// `headway log [add] SKILL[:LEVEL] HOURS`: record what you did, quickly or by picking from this week's plan.
struct LogAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", _superCommandName: leafSuperCommand,
        abstract: "Log work on a unit: log SKILL[:LEVEL] HOURS [done|partial|skipped].",
        discussion: """
            LEVEL defaults to the skill's next level in your plan, else your level + 1; the status to \
            done once the unit's hours are all logged, else partial. A unit done raises your level from \
            --date on (a score snapshot); partial hours count when you replan. At most 24 h a day; \
            --date not in the future nor before the profile. With no arguments (on a terminal) it \
            offers this week's items and activities; --activity N logs item N of that list, \
            --activity TEXT with a unit the activity whose text contains TEXT. `undo` reverts it.
            """)

    @OptionGroup var model: ModelOptions
    @OptionGroup var store: StoreOptions
    @Argument(help: UnitArgument.help("The unit: a skill id, optionally with the level it reaches (nccl:3)."))
    var unit: UnitArgument?
    @Argument(help: LoggedHours.help("Hours spent (more than 0, at most 24 a day).")) var hours: LoggedHours?
    @Argument(help: LogStatus.help("done, partial or skipped (default: done when the unit's hours are reached)."))
    var status: LogStatus?
    @Option(help: ArgumentHelp("A note kept with the entry.", valueName: "text")) var note: String?
    @Option(
        help: ArgumentHelp(
            "Proof of the work: a URL, a path or a line of text (repeatable); `headway portfolio` lists it.", valueName: "proof"))
    var evidence: [String] = []
    @Option(help: Day.help("The day the work was done (default --as-of, else today).")) var date: Day?
    @Option(
        help: ArgumentHelp(
            "One activity: its number in this week's list (`log` with no arguments shows it), or words of its text with a unit.",
            valueName: "n|text"))
    var activity: String?

    func run() throws {
        let curriculum = try model.curriculum()
        let date = try LogRequest.checkDate(self.date, today: model.day())
        if let activity {
            try logActivity(activity, curriculum, date: date)
            return
        }
        guard let unit else {
            try interactive(curriculum, date: date)
            return
        }
        guard let hours else {
            let typed = clip(unit.description, 40)
            throw HeadwayError(.usage, "log \(typed) needs the hours spent, e.g. `log \(typed) 2` (more than 0, at most 24)")
        }
        // Everything that needs no database is checked before it is opened.
        let request = try LogRequest(
            unit: unit, hours: hours.value, status: status, note: note, date: date, activity: nil, evidence: evidence,
            curriculum: curriculum)
        try request.record(model, store, curriculum: curriculum)
    }

    /// `--activity N|TEXT`: one activity of this week's list, or of the unit named, logged with
    /// its planned hours and done unless the arguments say otherwise.
    private func logActivity(_ chosen: String, _ curriculum: Curriculum, date: Day) throws {
        let db = try store.open()
        let profile = try store.selectedProfile(in: db)
        let state = try storeCall { try db.state(of: profile) }
        let progress = try ProfileProgress(curriculum: curriculum, state: state, day: model.day())
        let choices = LogChoices(progress: progress)
        let picked: LogChoices.Choice
        if let n = Int(chosen) {
            guard unit == nil else { throw HeadwayError(.usage, "--activity \(n) names an item of this week's list; give it without a unit") }
            picked = try choices.pick(chosen)
        } else {
            guard let unit else {
                throw HeadwayError(.usage, "--activity '\(clip(chosen, 40))' needs the unit it belongs to, e.g. `log nccl:3 --activity 'nccl-tests'`")
            }
            picked = try choices.activity(matching: chosen, of: unit)
        }
        let request = try LogRequest(
            unit: picked.unit, hours: hours?.value ?? picked.hours, status: status ?? (picked.activity == nil ? nil : .done),
            note: note, date: date, activity: picked.activity, evidence: evidence)
        try request.record(model, store, curriculum: curriculum)
    }

    private func interactive(_ curriculum: Curriculum, date: Day) throws {
        // In a script (the shell on piped input) the next lines are commands, not answers: a
        // prompt would swallow them (issue 25.14).
        guard Session.current?.interactive ?? Environment.stdinIsTerminal else {
            throw HeadwayError(.usage, "log needs SKILL[:LEVEL] HOURS when standard input is not a terminal, e.g. `log nccl:3 2 partial`")
        }
        let input = Session.current?.input ?? Assessing.standardInput()
        let db = try store.open()
        let profile = try store.selectedProfile(in: db)
        let state = try storeCall { try db.state(of: profile) }
        let progress = try ProfileProgress(curriculum: curriculum, state: state, day: model.day())
        let choices = LogChoices(progress: progress)
        for line in choices.menu() { Console.out(line) }
        func ask(_ prompt: String) throws -> String? {
            switch input.read(prompt: prompt) {
            case .line(let l): return l.trimmingCharacters(in: .whitespaces)
            case .interrupted, .end: return nil
            }
        }
        var choice: LogChoices.Choice?
        while choice == nil {
            guard let answer = try ask(choices.items.isEmpty ? "Unit (skill[:level]; Enter leaves): " : "Which one? (number or skill[:level]; Enter leaves): "),
                !answer.isEmpty, answer != "q"
            else { Console.out("Nothing logged."); return }
            do { choice = try choices.pick(answer) } catch let e as HeadwayError { printError(e.description) }
        }
        let picked = choice!
        /// Asks until the answer parses; `nil` when the person leaves or the input ends.
        func answer<T>(_ prompt: String, _ parse: (String) throws -> T) throws -> T? {
            while true {
                guard let text = try ask(prompt) else { return nil }
                do { return try parse(text) } catch let e as HeadwayError { printError(e.description) }
            }
        }
        let planned = format(round(picked.hours, 2))
        let defaultStatus = picked.activity == nil ? "done if it completes the unit" : "done"
        guard let hours = try answer("Hours [\(planned)]: ", { try LoggedHours.parse($0.isEmpty ? planned : $0, key: "hours") }),
            let status = try answer(
                "done, partial or skipped [\(defaultStatus)]: ",
                { text -> LogStatus? in
                    text.isEmpty ? (picked.activity == nil ? nil : .done) : try LogStatus.parse(text, key: "status")
                }),
            let typed = try ask("Note (Enter for none): "),
            let proof = try answer(
                "Evidence: a URL, a path or a line (Enter for none): ",
                { text -> [String] in
                    let given = text.isEmpty ? [] : [text]
                    try LogRequest.checkEvidence(given)
                    return given
                })
        else {
            Console.out("Nothing logged.")
            return
        }
        let request = try LogRequest(
            unit: picked.unit, hours: hours.value, status: status,
            note: typed.isEmpty ? note : typed, date: date, activity: picked.activity, evidence: evidence + proof)
        try request.record(model, store, curriculum: curriculum)
    }
}
