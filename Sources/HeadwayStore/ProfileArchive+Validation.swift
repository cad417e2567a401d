import Foundation
import HeadwayCore

/// An export document is checked like a file the person wrote: every number in its model
/// range, every id known to the loaded curricula, dates real, plans consistent with their
/// weeks. The first problem refuses the whole document with one line naming its key
/// (`logs[0].hours`); nothing of it is imported.
extension ProfileArchive {
    /// The most hours one log entry can hold (a day).
    static let maxLogHours = 24.0
    /// Notes and activity texts: at most this many Unicode scalars, and 4 times as many bytes
    /// (a letter with 50,000 combining marks is one `Character` but 50,001 scalars).
    static let maxNoteScalars = 2000
    /// Longer texts than this (reasons, labels, curricula versions) are not Headway's.
    static let maxTextScalars = 2000
    /// A briefing body is a few KB; 1 MB is far past any real one. (Its content is read when it
    /// is shown, and one that does not read is one line then.)
    static let maxBodyBytes = 1 << 20

    /// The first problem of the document against `curriculum`, as "key: what is wrong".
    public func problem(against curriculum: Curriculum) -> String? {
        if let p = timestampProblem(createdAt, "created_at") { return p }
        for (i, a) in assessments.enumerated() {
            if let p = assessmentProblem(a, "assessments[\(i)]", curriculum) { return p }
        }
        for (i, p) in plans.enumerated() {
            if let problem = planProblem(p, "plans[\(i)]", curriculum) { return problem }
        }
        for (i, l) in logs.enumerated() {
            if let p = logProblem(l, "logs[\(i)]", curriculum) { return p }
        }
        for (i, s) in snapshots.enumerated() {
            if let p = snapshotProblem(s, "snapshots[\(i)]") { return p }
        }
        for (i, b) in briefings.enumerated() {
            if let p = briefingProblem(b, "briefings[\(i)]") { return p }
        }
        return journalProblem(curriculum)
    }

    /// The change journal (what `undo` reverts): each row one a command could have written,
    /// naming a log or a re-assessment of this document, none twice, the first assessment never
    /// (it is the profile's start, which `undo` must not remove); a kept entry (`previous`) is
    /// checked like a log.
    private func journalProblem(_ curriculum: Curriculum) -> String? {
        let logIDs = Set(logs.map(\.id)), assessmentIDs = Set(assessments.map(\.id))
        var changeIDs = Set<Int64>(), loggedBy = Set<Int64>(), reassessedBy = Set<Int64>()
        for (i, c) in (changes ?? []).enumerated() {
            let key = "changes[\(i)]"
            if let p = timestampProblem(c.createdAt, "\(key).created_at") { return p }
            guard changeIDs.insert(c.id).inserted else { return "\(key).id: change \(c.id) appears twice" }
            switch c.kind {
            case "log", "log-edit", "log-rm":
                guard let log = c.log, logIDs.contains(log) else {
                    return "\(key).log: \(c.log.map { "log \($0) is not in the export" } ?? "is missing; a \(c.kind) change names its log")"
                }
                guard c.assessment == nil else { return "\(key).assessment: a \(c.kind) change names no assessment" }
                if c.kind == "log", !loggedBy.insert(log).inserted { return "\(key).log: log \(log) is added by two changes" }
                if c.kind != "log", c.previous == nil { return "\(key).previous: is missing; a \(c.kind) change keeps the entry it changed" }
            case "reassessment":
                guard let a = c.assessment, assessmentIDs.contains(a) else {
                    return
                        "\(key).assessment: \(c.assessment.map { "assessment \($0) is not in the export" } ?? "is missing; a reassessment change names its assessment")"
                }
                guard a != assessments.first?.id else {
                    return "\(key).assessment: assessment \(a) is the profile's first; only a re-assessment is journaled"
                }
                guard reassessedBy.insert(a).inserted else { return "\(key).assessment: assessment \(a) is named by two changes" }
                guard c.log == nil, c.previous == nil else { return "\(key).log: a reassessment change names no log" }
            default:
                return "\(key).kind: '\(oneLine(c.kind, limit: 40))' is not one of log, reassessment, log-edit, log-rm"
            }
            if let previous = c.previous {
                let entry: LogEntry
                do { entry = try previous.entry() } catch { return "\(key).previous: \(error)" }
                if let p = Self.logEntryProblem(entry, "\(key).previous", curriculum) { return p }
            }
        }
        for (i, s) in snapshots.enumerated() {
            if let c = s.change, !changeIDs.contains(c) { return "snapshots[\(i)].change: change \(c) is not in the export" }
        }
        return nil
    }

    /// A log entry as `log` or `log edit` could have written it: a known unit, hours in
    /// 0..24 (more than 0 unless skipped), texts within their limits.
    public static func logEntryProblem(_ e: LogEntry, _ key: String, _ curriculum: Curriculum) -> String? {
        let archive = ProfileArchive(
            format: formatName, version: currentVersion, name: "", createdAt: "", assessments: [], plans: [], logs: [],
            snapshots: [], briefings: [])
        return archive.unitProblem(e.skill, e.level, "\(key).skill", curriculum)
            ?? (e.status == .skipped
                ? archive.number(e.hours, 0...maxLogHours, "\(key).hours")
                : archive.number(e.hours, 0...maxLogHours, "\(key).hours", positive: true))
            ?? e.activity.flatMap { archive.textProblem($0, "\(key).activity") }
            ?? e.note.flatMap { archive.textProblem($0, "\(key).note", limit: maxNoteScalars) }
    }

    private func assessmentProblem(_ a: AssessmentRecord, _ key: String, _ curriculum: Curriculum) -> String? {
        if let p = timestampProblem(a.createdAt, "\(key).created_at") ?? textProblem(a.reason, "\(key).reason")
            ?? textProblem(a.curriculaVersion, "\(key).curricula_version", allowEmpty: true)
        {
            return p
        }
        let assessment: Assessment
        do { assessment = try a.assessment() } catch { return "\(key).market: \(error)" }
        if let first = assessment.problems(in: curriculum).first { return "\(key).\(first.key): \(first.message)" }
        return nil
    }

    private func planProblem(_ p: PlanRecord, _ key: String, _ curriculum: Curriculum) -> String? {
        if let problem = timestampProblem(p.createdAt, "\(key).created_at")
            ?? textProblem(p.curriculaVersion, "\(key).curricula_version", allowEmpty: true)
        {
            return problem
        }
        guard Assessment.weeksRange.contains(p.weeks) else { return "\(key).weeks: \(p.weeks) is out of range; allowed: 1..52" }
        if let problem = number(p.hoursPerWeek, Assessment.hoursRange, "\(key).hours_per_week")
            ?? number(p.startScore, 0...100, "\(key).start_score") ?? number(p.projectedScore, 0...100, "\(key).projected_score")
            ?? number(p.gap, 0...100, "\(key).gap")
        {
            return problem
        }
        for (skill, level) in p.include.sorted(by: { $0.key < $1.key }) {
            if let problem = unitProblem(skill, level, "\(key).include.\(skill)", curriculum) { return problem }
        }
        for (j, skill) in p.exclude.enumerated() where !curriculum.graph.contains(skill) {
            return "\(key).exclude[\(j)]: unknown skill '\(oneLine(skill, limit: 60))'"
        }
        if let toward = p.toward, curriculum.role(toward) == nil {
            return "\(key).toward: '\(oneLine(toward, limit: 60))' is not a role of the curricula (see `headway roles`)"
        }
        let budget = Double(p.weeks) * p.hoursPerWeek
        let tasks = Set(curriculum.roles.flatMap { $0.tasks.map(\.id) })
        var units = Set<UnitID>()
        for (j, u) in p.units.enumerated() {
            let k = "\(key).units[\(j)]"
            if let problem = unitProblem(u.skill, u.level, "\(k).skill", curriculum)
                ?? number(u.hours, 0...budget, "\(k).hours", positive: true) ?? number(u.gain, 0...100, "\(k).gain")
            {
                return problem
            }
            if let task = u.tasks.first(where: { !tasks.contains($0) }) {
                return "\(k).tasks: unknown task '\(oneLine(task, limit: 60))'"
            }
            if let need = u.neededBy.first(where: { unitProblem($0.skill, $0.level, "", curriculum) != nil }) {
                return "\(k).needed_by: unknown unit \(oneLine(need.description, limit: 60))"
            }
            if !units.insert(UnitID(skill: u.skill, level: u.level)).inserted {
                return "\(k): unit \(u.skill):\(u.level) appears twice"
            }
        }
        guard p.schedule.count <= p.weeks else {
            return "\(key).schedule: \(p.schedule.count) weeks scheduled in a plan of \(p.weeks) weeks"
        }
        var previous = 0
        for (j, w) in p.schedule.enumerated() {
            let k = "\(key).schedule[\(j)]"
            guard w.week > previous, w.week <= p.weeks else {
                return "\(k).week: \(w.week) is not allowed; weeks count up from 1 to the plan's \(p.weeks)"
            }
            previous = w.week
            guard w.start == p.start.adding(days: 7 * (w.week - 1)) else {
                return "\(k).start: \(w.start) is not the first day of week \(w.week) of a plan starting \(p.start) (\(p.start.adding(days: 7 * (w.week - 1))))"
            }
            if let problem = number(w.hours, 0...(p.hoursPerWeek + 0.01), "\(k).hours")
                ?? number(w.projectedScore, 0...100, "\(k).projected_score")
            {
                return problem
            }
            for (n, item) in w.items.enumerated() {
                let ik = "\(k).items[\(n)]"
                if let problem = unitProblem(item.skill, item.level, "\(ik).skill", curriculum)
                    ?? number(item.hours, 0...(w.hours + 0.01), "\(ik).hours", positive: true)
                {
                    return problem
                }
                for (m, activity) in item.activities.enumerated() {
                    if let problem = textProblem(activity.text, "\(ik).activities[\(m)].text")
                        ?? number(activity.hours, 0...(item.hours + 0.01), "\(ik).activities[\(m)].hours")
                    {
                        return problem
                    }
                }
            }
        }
        return nil
    }

    private func logProblem(_ l: LogRecord, _ key: String, _ curriculum: Curriculum) -> String? {
        if let p = timestampProblem(l.createdAt, "\(key).created_at") ?? unitProblem(l.skill, l.level, "\(key).skill", curriculum) {
            return p
        }
        if let p = l.status == .skipped
            ? number(l.hours, 0...Self.maxLogHours, "\(key).hours")
            : number(l.hours, 0...Self.maxLogHours, "\(key).hours", positive: true)
        {
            return p
        }
        if let activity = l.activity, let p = textProblem(activity, "\(key).activity") { return p }
        if let note = l.note, let p = textProblem(note, "\(key).note", limit: Self.maxNoteScalars) { return p }
        let evidence = l.evidence ?? []
        if evidence.count > LogEntry.evidenceCount {
            return "\(key).evidence: \(evidence.count) pieces; allowed: at most \(LogEntry.evidenceCount)"
        }
        for (i, e) in evidence.enumerated() {
            if let p = LogEntry.evidenceProblem(e) { return "\(key).evidence[\(i)]: \(p)" }
        }
        return nil
    }

    private func snapshotProblem(_ s: SnapshotRecord, _ key: String) -> String? {
        timestampProblem(s.createdAt, "\(key).created_at")
            ?? textProblem(s.curriculaVersion, "\(key).curricula_version", allowEmpty: true)
            ?? number(s.score, 0...100, "\(key).score")
            ?? number(s.parts.base, 0...100, "\(key).parts.base")
            ?? number(s.parts.evidence, -100...100, "\(key).parts.evidence")
            ?? number(s.parts.barriers, -100...100, "\(key).parts.barriers")
            ?? number(s.parts.growth, -100...100, "\(key).parts.growth")
            ?? textProblem(s.label, "\(key).label") ?? textProblem(s.reason, "\(key).reason")
    }

    /// The first snapshot whose reason code and parameters are not a reason this version
    /// knows (checked with or without curricula: the store could not read it back).
    func reasonProblem() -> String? {
        for (i, s) in snapshots.enumerated() {
            if let p = reasonProblem(s, "snapshots[\(i)]") { return p }
        }
        return nil
    }

    private func reasonProblem(_ s: SnapshotRecord, _ key: String) -> String? {
        if s.reasonCode == nil, s.reasonParams != nil { return "\(key).reason_params: there is no reason_code beside it" }
        for (name, value) in s.reasonParams ?? [:] {
            if let p = textProblem(name, "\(key).reason_params") ?? textProblem(value, "\(key).reason_params.\(name)", allowEmpty: true) { return p }
        }
        guard let code = s.reasonCode, s.typedReason == nil else { return nil }
        return "\(key).reason_code: '\(oneLine(String(code.prefix(40)), limit: 40))' with its reason_params is not a reason this version knows; "
            + "allowed: assessment, reassessment, reassessment.skill, reassessment.answer, completed, log.edited, log.removed, signal.enters, signal.completes, curricula, text"
    }

    private func briefingProblem(_ b: BriefingRecord, _ key: String) -> String? {
        if let p = timestampProblem(b.createdAt, "\(key).created_at") { return p }
        guard Assessment.weeksRange.contains(b.week) else { return "\(key).week: \(b.week) is out of range; allowed: 1..52" }
        guard b.body.utf8.count <= Self.maxBodyBytes else { return "\(key).body: is over 1 MB; a briefing is a few KB" }
        return nil
    }

    // MARK: Pieces

    /// A skill the curricula know, at a level it can reach (1..4).
    func unitProblem(_ skill: String, _ level: Int, _ key: String, _ curriculum: Curriculum) -> String? {
        guard let s = curriculum.graph[skill] else {
            return "\(key): unknown skill '\(oneLine(skill, limit: 60))'; see `headway graph` for the skill ids"
        }
        guard Level.unitRange.contains(level), level <= s.hours.count else {
            return "\(key): level \(level) is out of range; allowed: 1..\(min(4, s.hours.count))"
        }
        return nil
    }

    func number(_ x: Double, _ range: ClosedRange<Double>, _ key: String, positive: Bool = false) -> String? {
        guard x.isFinite, range.contains(x), !positive || x > 0 else {
            let allowed =
                positive
                ? "more than \(HeadwayCore.format(range.lowerBound)) and at most \(HeadwayCore.format(range.upperBound))"
                : "\(HeadwayCore.format(range.lowerBound))..\(HeadwayCore.format(range.upperBound))"
            return "\(key): \(HeadwayCore.format(x)) is out of range; allowed: \(allowed)"
        }
        return nil
    }

    /// Text of at most `limit` scalars (4 bytes each at most).
    func textProblem(_ text: String, _ key: String, limit: Int = ProfileArchive.maxTextScalars, allowEmpty: Bool = false) -> String? {
        if text.isEmpty && !allowEmpty { return "\(key): is empty" }
        let scalars = text.unicodeScalars.count
        guard scalars <= limit, text.utf8.count <= 4 * limit else {
            return "\(key): has \(scalars) characters (Unicode scalars); allowed: at most \(limit)"
        }
        return nil
    }

    /// `YYYY-MM-DDTHH:MM:SS[.fff]Z` with a real day and time, as Headway writes them.
    private func timestampProblem(_ text: String, _ key: String) -> String? {
        if Self.isTimestamp(text) { return nil }
        return "\(key): '\(oneLine(text, limit: 40))' is not a timestamp; allowed: YYYY-MM-DDTHH:MM:SS.sssZ (UTC)"
    }

    static func isTimestamp(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count >= 20, b.count <= 30, b.last == UInt8(ascii: "Z"), b[10] == UInt8(ascii: "T"),
            Day(String(text.prefix(10))) != nil
        else { return false }
        func digits(_ r: Range<Int>) -> Int? {
            var n = 0
            for i in r { guard (48...57).contains(b[i]) else { return nil }; n = n * 10 + Int(b[i] - 48) }
            return n
        }
        guard b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
            let h = digits(11..<13), let m = digits(14..<16), let s = digits(17..<19), h < 24, m < 60, s < 61
        else { return false }
        if b.count == 20 { return true }
        return b[19] == UInt8(ascii: ".") && b.count > 21 && digits(20..<(b.count - 1)) != nil
    }
}
