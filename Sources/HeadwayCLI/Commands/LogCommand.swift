import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayStore

/// `headway log`: record what you did (the default), or list, correct or remove an entry.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Log work on a unit: log SKILL[:LEVEL] HOURS [done|partial|skipped].",
        discussion: "`log list` shows the entries with their numbers; `log edit N` and `log rm N` correct or remove one (`undo` reverts either).",
        subcommands: [LogAddCommand.self, LogListCommand.self, LogEditCommand.self, LogRemoveCommand.self],
        defaultSubcommand: LogAddCommand.self)
}

/// `headway log [add] SKILL[:LEVEL] HOURS`: record what you did, quickly or by picking from this week's plan.
struct LogAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Log work on a unit: log SKILL[:LEVEL] HOURS [done|partial|skipped].",
        discussion: """
        LEVEL defaults to the next level of the skill in your plan, else your level + 1. The \
        status defaults to done when the hours logged on the unit reach its hours, else partial. \
        A unit logged done, or whose hours are all logged, raises your level from --date on and \
        writes a score snapshot; partial hours count toward the unit when you replan. Hours: \
        more than 0, at most 24 a day in total; --date may not be in the future nor before the \
        profile's first day. With no arguments (in the shell or on a terminal) it offers this \
        week's plan items and their activities. `undo` reverts the last log.
        """)

    @OptionGroup var model: ModelOptions
    @OptionGroup var store: StoreOptions
    @Argument(help: UnitArgument.help("The unit: a skill id, optionally with the level it reaches (nccl:3)."))
    var unit: UnitArgument?
    @Argument(help: LoggedHours.help("Hours spent (more than 0, at most 24 a day).")) var hours: LoggedHours?
    @Argument(help: LogStatus.help("done, partial or skipped (default: done when the unit's hours are reached)."))
    var status: LogStatus?
    @Option(help: ArgumentHelp("A note kept with the entry.", valueName: "text")) var note: String?
    @Option(help: Day.help("The day the work was done (default --as-of, else today).")) var date: Day?

    func run() throws {
        let curriculum = try model.curriculum()
        let date = try LogRequest.checkDate(self.date, today: model.day())
        guard let unit else {
            try interactive(curriculum, date: date)
            return
        }
        guard let hours else {
            let typed = clip(unit.description, 40)
            throw CLIError("log \(typed) needs the hours spent, e.g. `log \(typed) 2` (more than 0, at most 24)")
        }
        // Everything that needs no database is checked before it is opened.
        let request = try LogRequest(unit: unit, hours: hours.value, status: status, note: note, date: date, activity: nil,
                                     curriculum: curriculum)
        try request.record(model, store, curriculum: curriculum)
    }

    private func interactive(_ curriculum: Curriculum, date: Day) throws {
        guard Session.current != nil || Environment.stdinIsTerminal else {
            throw CLIError("log needs SKILL[:LEVEL] HOURS when standard input is not a terminal, e.g. `log nccl:3 2 partial`")
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
                  !answer.isEmpty, answer != "q" else { Console.out("Nothing logged."); return }
            do { choice = try choices.pick(answer) } catch let e as CLIError { printError(e.description) }
        }
        let picked = choice!
        /// Asks until the answer parses; `nil` when the person leaves or the input ends.
        func answer<T>(_ prompt: String, _ parse: (String) throws -> T) throws -> T? {
            while true {
                guard let text = try ask(prompt) else { return nil }
                do { return try parse(text) } catch let e as CLIError { printError(e.description) }
            }
        }
        let planned = format(round(picked.hours, 2))
        let defaultStatus = picked.activity == nil ? "done if it completes the unit" : "done"
        guard let hours = try answer("Hours [\(planned)]: ", { try LoggedHours.parse($0.isEmpty ? planned : $0, key: "hours") }),
              let status = try answer("done, partial or skipped [\(defaultStatus)]: ", { text -> LogStatus? in
                  text.isEmpty ? (picked.activity == nil ? nil : .done) : try LogStatus.parse(text, key: "status")
              }),
              let typed = try ask("Note (Enter for none): ") else {
            Console.out("Nothing logged.")
            return
        }
        let request = try LogRequest(unit: picked.unit, hours: hours.value, status: status,
                                     note: typed.isEmpty ? note : typed, date: date, activity: picked.activity)
        try request.record(model, store, curriculum: curriculum)
    }
}

/// One log entry to record, checked against the curriculum; ``record(_:_:)`` checks it against
/// the profile and writes it in one transaction.
struct LogRequest {
    let skill: String
    /// `nil`: the next level of the skill in the plan, else the person's level + 1.
    let level: Int?
    let hours: Double
    let status: LogStatus?
    let note: String?
    let date: Day?
    let activity: String?

    /// A unit as typed on the command line: its skill found in `curriculum` (any case, one
    /// suggestion for a near miss).
    init(unit: UnitArgument, hours: Double, status: LogStatus?, note: String?, date: Day?, activity: String?, curriculum: Curriculum) throws {
        try self.init(skill: curriculum.skill(unit.skill).id, level: unit.level, hours: hours, status: status, note: note, date: date, activity: activity)
    }

    /// A unit picked from this week's plan.
    init(unit: UnitID, hours: Double, status: LogStatus?, note: String?, date: Day?, activity: String?) throws {
        try self.init(skill: unit.skill, level: unit.level, hours: hours, status: status, note: note, date: date, activity: activity)
    }

    private init(skill: String, level: Int?, hours: Double, status: LogStatus?, note: String?, date: Day?, activity: String?) throws {
        if let note, scalarCount(note) > 2000 { throw CLIError("the note has \(scalarCount(note)) characters (Unicode scalars); allowed: at most 2000") }
        self.skill = skill; self.level = level; self.hours = hours; self.status = status
        self.note = note; self.date = date; self.activity = activity
    }

    /// `--date`: not after `today` (the parser has made it a real day).
    static func checkDate(_ day: Day?, today: Day) throws -> Day {
        guard let day else { return today }
        guard day <= today else { throw CLIError("--date \(day) is in the future (today is \(today)); allowed: up to \(today)") }
        return day
    }

    /// The checks that need the profile (the record decides them), then the entry, its change
    /// and (when it completes the unit) its snapshot, in one transaction.
    func record(_ model: ModelOptions, _ store: StoreOptions, curriculum: Curriculum) throws {
        let (decision, written, _, _) = try withProfileProgress(model, store, curriculum: curriculum) { p, writes -> (LogDecision, String) in
            let draft = LogDraft(skill: skill, level: level, hours: hours, status: status, note: note, date: date ?? p.day, activity: activity)
            let decision: LogDecision
            do { decision = try p.record.decide(draft, in: p.context) } catch { throw CLIError(String(describing: error)) }
            writes.change = .log(decision.entry)
            writes.changeDay = decision.entry.date
            writes.changeSnapshot = decision.change.snapshot
            return (decision, p.name(decision.entry.unit))
        }
        let (d, unitName) = decision
        let e = d.entry
        for line in signalNotes(written) { Console.out(line) }
        let id = written.log.map { "#\($0.id)" } ?? ""
        var summary = "\(format(e.hours)) h on \(unitName) (\(e.status.rawValue))"
        if let activity = e.activity { summary += ", activity “\(activity)”" }
        summary += " for \(e.date)"
        Console.out("Logged \(id): \(summary).")
        if let s = written.changeSnapshot?.snapshot {
            Console.out("AIJRI \(fixed(d.change.before, 1)) → \(fixed(s.score, 1)) (\(signed(s.score - d.change.before))) \(s.label): \(s.reason).")
        } else if e.status == LogStatus.partial {
            Console.out("\(format(round(d.loggedOnUnit, 2))) of \(format(d.unitHours)) h of \(e.unit) logged; `log \(e.unit) H done` completes it.")
        }
    }
}

/// This week's plan items and their activities, numbered for the interactive `log`.
struct LogChoices {
    struct Choice {
        let unit: UnitID
        let activity: String?
        let hours: Double
    }
    let progress: ProfileProgress
    let week: PlanWeek?
    let items: [Choice]

    init(progress: ProfileProgress) {
        self.progress = progress
        let programme = progress.planProgress
        week = programme.flatMap { $0.plannedWeek($0.week) }
        var items: [Choice] = []
        let person = progress.person
        let doneActivities = Set(progress.record.logs.filter { $0.entry.status == .done && $0.entry.date <= progress.day }
            .compactMap { l in l.entry.activity.map { "\(l.entry.unit)|\($0)" } })
        for item in week?.items ?? [] where person.level(of: item.skill) < item.level {
            let unit = UnitID(skill: item.skill, level: item.level)
            items.append(Choice(unit: unit, activity: nil, hours: item.hours))
            for a in item.activities where !doneActivities.contains("\(unit)|\(a.text)") {
                items.append(Choice(unit: unit, activity: a.text, hours: a.hours))
            }
        }
        self.items = items
    }

    func menu() -> [String] {
        guard let week else { return ["No plan week on \(progress.day); name the unit (skill[:level])."] }
        guard !items.isEmpty else { return ["Week \(week.week) of your plan has nothing left to do; name another unit (skill[:level])."] }
        var out = ["Week \(week.week) (from \(week.start)): what did you work on?"]
        for (i, c) in items.enumerated() {
            let n = String(i + 1).leftPadded(3)
            if let a = c.activity {
                out.append("\(n)    - \(a) [\(format(round(c.hours, 1))) h]")
            } else {
                let logged = progress.record.hoursSpent(on: c.unit, through: progress.day)
                let total = progress.curriculum.graph[c.unit.skill]?.hours(toLevel: c.unit.level) ?? 0
                out.append("\(n)  \(progress.name(c.unit)), the whole unit (\(format(round(c.hours, 1))) h this week; \(format(round(logged, 1))) of \(format(total)) h logged)")
            }
        }
        return out
    }

    func pick(_ answer: String) throws -> Choice {
        if let n = Int(answer) {
            guard (1...max(1, items.count)).contains(n), !items.isEmpty else {
                throw CLIError("'\(clip(answer, 20))' is not on the list; allowed: 1..\(items.count), or skill[:level]")
            }
            return items[n - 1]
        }
        let typed = try UnitArgument.parse(answer, key: "unit")
        let skill = try progress.curriculum.skill(typed.skill).id
        let level = typed.level ?? progress.person.level(of: skill) + 1
        guard level <= 4 else { throw CLIError("\(skill) is already at level 4; there is no unit left to log") }
        let planned = week?.items.first { $0.skill == skill && $0.level == level }?.hours
        return Choice(unit: UnitID(skill: skill, level: level), activity: nil,
                      hours: planned ?? min(24, progress.curriculum.graph[skill]!.hours(toLevel: level)))
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}

/// `headway level SKILL L`: set a level yourself, recorded as a re-assessment.
struct LevelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "level",
        abstract: "Set a skill's level yourself (0-4), recorded as a re-assessment with a snapshot.",
        discussion: """
        The re-assessment keeps every level you have reached (assessed or completed) and \
        changes this one, from --as-of (default today) on. `undo` reverts it.
        """)

    @OptionGroup var model: ModelOptions
    @OptionGroup var store: StoreOptions
    @Argument(help: SkillArgument.help("The skill id (Tab completes it).")) var skill: SkillArgument
    @Argument(help: LevelArgument.help("The level, 0-4.")) var level: LevelArgument

    func run() throws {
        let curriculum = try model.curriculum()
        let node = try curriculum.skill(skill), newLevel = level.value
        let skill = node.id
        let (result, written, _, _) = try withProfileProgress(model, store, curriculum: curriculum) { p, writes -> (old: Int, before: Double)? in
            let old = p.person.level(of: skill)
            guard let r = p.record.reassessment(setting: skill, to: newLevel, on: p.day) else { return nil }
            writes.reassess(r)
            return (old, r.change.before)
        }
        for line in signalNotes(written) { Console.out(line) }
        guard let result, let s = written.changeSnapshot?.snapshot else {
            Console.out("\(node.name) (\(skill)) is already at \(newLevel) (\(Level.meaning(newLevel))); nothing changed.")
            return
        }
        let style = Style.current()
        Console.out("\(node.name) (\(skill)): \(result.old) → \(newLevel)  \(Level.meaning(newLevel)) (re-assessment from \(s.asOf))")
        Console.out("AIJRI \(fixed(result.before, 1)) → \(style.zone(fixed(s.score, 1), s.zone)) (\(signed(s.score - result.before)))  \(s.label)")
    }
}

/// `headway undo`: revert the last log entry or re-assessment with its snapshot.
struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Revert the last change (log, edit, rm, re-assessment) and its snapshot.",
        discussion: """
        One change at a time, newest first, in one transaction. Snapshots of the field \
        (signal windows) and briefings already written stay as they are.
        """)

    @OptionGroup var model: ModelOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let curriculum = try model.curriculum()
        let db = try store.open()
        let profile = try store.selectedProfile(in: db)
        guard let undone = try storeCall({ try db.undoLastChange(for: profile) }) else {
            throw CLIError("nothing to undo: profile \(profile.name) has no change left (the first assessment stays)")
        }
        var what: String
        func describe(_ e: LogEntry) -> String {
            "\(format(e.hours)) h on \(curriculum.graph[e.skill]?.name ?? e.skill) → \(e.level) (\(e.status.rawValue)) for \(e.date)"
        }
        if let log = undone.log, undone.change.kind == .logEdit, let edited = undone.change.previous {
            what = "the edit of log #\(log.id) (back to \(describe(edited)))"
        } else if let log = undone.log, undone.change.kind == .logRemove {
            what = "the removal of log #\(log.id) (\(describe(log.entry)) counts again)"
        } else if let log = undone.log {
            what = "log #\(log.id): \(describe(log.entry))"
        } else if undone.assessment != nil {
            what = "the re-assessment of \(undone.change.asOf)"
        } else {
            what = "change #\(undone.change.id)"
        }
        for s in undone.snapshots { what += " and its snapshot (\(fixed(s.snapshot.score, 1)), \(s.snapshot.reason))" }
        Console.out("Undid \(what).")
        let state = try storeCall { try db.state(of: profile) }
        if let p = try? ProfileProgress(curriculum: curriculum, state: state, day: model.day()) {
            Console.out("AIJRI now \(fixed(p.person.score(at: p.day).result.rounded, 1)) as of \(p.day).")
        }
    }
}
