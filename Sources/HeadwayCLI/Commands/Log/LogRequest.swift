import ArgumentParser
import Foundation
import HeadwayApp
import HeadwayCore
import HeadwayStore

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
    let evidence: [String]

    /// A unit as typed on the command line: its skill found in `curriculum` (any case, one
    /// suggestion for a near miss).
    init(
        unit: UnitArgument, hours: Double, status: LogStatus?, note: String?, date: Day?, activity: String?,
        evidence: [String] = [], curriculum: Curriculum
    ) throws {
        try self.init(
            skill: curriculum.skill(unit.skill).id, level: unit.level, hours: hours, status: status, note: note, date: date,
            activity: activity, evidence: evidence)
    }

    /// A unit picked from this week's plan.
    init(unit: UnitID, hours: Double, status: LogStatus?, note: String?, date: Day?, activity: String?, evidence: [String] = []) throws {
        try self.init(
            skill: unit.skill, level: unit.level, hours: hours, status: status, note: note, date: date, activity: activity,
            evidence: evidence)
    }

    private init(
        skill: String, level: Int?, hours: Double, status: LogStatus?, note: String?, date: Day?, activity: String?,
        evidence: [String]
    ) throws {
        if let note, scalarCount(note) > 2000 {
            throw HeadwayError(.usage, "the note has \(scalarCount(note)) characters (Unicode scalars); allowed: at most 2000")
        }
        try Self.checkEvidence(evidence)
        self.skill = skill; self.level = level; self.hours = hours; self.status = status
        self.note = note; self.date = date; self.activity = activity; self.evidence = evidence
    }

    /// `--evidence`: each a URL, a path or one line of text, at most 2000 characters, no control characters.
    static func checkEvidence(_ evidence: [String]) throws {
        if evidence.count > LogEntry.evidenceCount {
            throw HeadwayError(.data, "--evidence is given \(evidence.count) times; allowed: at most \(LogEntry.evidenceCount)")
        }
        for e in evidence {
            if let problem = LogEntry.evidenceProblem(e) { throw HeadwayError(.data, "--evidence: \(problem)") }
        }
    }

    /// `--date`: not after `today` (the parser has made it a real day).
    static func checkDate(_ day: Day?, today: Day) throws -> Day {
        guard let day else { return today }
        guard day <= today else { throw HeadwayError(.usage, "--date \(day) is in the future (today is \(today)); allowed: up to \(today)") }
        return day
    }

    /// The checks that need the profile, the entry, its change and (when it completes the unit)
    /// its snapshot: ``LogWork``, one transaction; then what was logged.
    func record(_ model: ModelOptions, _ store: StoreOptions, curriculum: Curriculum) throws {
        let outcome = try LogWork(
            skill: skill, level: level, hours: hours, status: status, note: note, date: date, activity: activity, evidence: evidence
        ).run(in: try Workspace.open(model, store, curriculum: curriculum))
        let (d, unitName, recorded, written) = (outcome.decision, outcome.unitName, outcome.edit.recorded, outcome.edit.written)
        let e = d.entry
        for line in signalNotes(written) { Console.out(line) }
        let id = written.log.map { "#\($0.id)" } ?? ""
        var summary = "\(format(e.hours)) h on \(unitName) (\(e.status.rawValue))"
        if let activity = e.activity { summary += ", activity “\(activity)”" }
        summary += " for \(e.date)"
        if !e.evidence.isEmpty { summary += ", with \(e.evidence.count) piece\(e.evidence.count == 1 ? "" : "s") of evidence" }
        Console.out("Logged \(id): \(summary).")
        if let s = written.changeSnapshot?.snapshot {
            Console.out(scoreMoveText(recorded: recorded, before: d.change.before, after: s.score) + " \(s.label): \(s.reason).")
        } else if e.status == LogStatus.partial {
            Console.out("\(format(round(d.loggedOnUnit, 2))) of \(format(d.unitHours)) h of \(e.unit) logged; `log \(e.unit) H done` completes it.")
        }
    }
}
