/// How a piece of logged work went (`MODEL.md` §5).
public enum LogStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case done, partial, skipped
}

/// One thing the person did (or skipped) on a day: a unit, or one activity of it.
public struct LogEntry: Sendable, Hashable, Codable {
    public var date: Day
    public var skill: String
    /// The unit's level, 1…4: the work moves `skill` from `level - 1` to `level`.
    public var level: Int
    /// The activity text when the entry is about one activity rather than the whole unit.
    public var activity: String?
    /// Hours spent; 0 only when skipped.
    public var hours: Double
    public var status: LogStatus
    public var note: String?
    /// Proof of the work (a URL, a path or a line of text), shown in the portfolio; it never
    /// changes a score (`MODEL.md` §4b).
    public var evidence: [String]

    public init(
        date: Day, skill: String, level: Int, activity: String? = nil, hours: Double,
        status: LogStatus, note: String? = nil, evidence: [String] = []
    ) {
        self.date = date; self.skill = skill; self.level = level; self.activity = activity
        self.hours = hours; self.status = status; self.note = note; self.evidence = evidence
    }

    enum CodingKeys: String, CodingKey { case date, skill, level, activity, hours, status, note, evidence }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            date: try c.decode(Day.self, forKey: .date), skill: try c.decode(String.self, forKey: .skill),
            level: try c.decode(Int.self, forKey: .level), activity: try c.decodeIfPresent(String.self, forKey: .activity),
            hours: try c.decode(Double.self, forKey: .hours), status: try c.decode(LogStatus.self, forKey: .status),
            note: try c.decodeIfPresent(String.self, forKey: .note),
            evidence: try c.decodeIfPresent([String].self, forKey: .evidence) ?? [])
    }

    /// The longest piece of evidence, in characters.
    public static let evidenceLimit = 2000
    /// The most pieces of evidence one entry carries.
    public static let evidenceCount = 20

    /// Why `text` cannot be stored as evidence, or `nil`: empty, over ``evidenceLimit``
    /// characters, or holding control characters (a terminal would act on them).
    public static func evidenceProblem(_ text: String) -> String? {
        if text.allSatisfy({ $0 == " " || $0 == "\t" }) { return "evidence is empty; give a URL, a path or a line of text" }
        if text.unicodeScalars.count > evidenceLimit {
            return "evidence is \(text.unicodeScalars.count) characters; allowed: at most \(evidenceLimit)"
        }
        let breaking: Set<Unicode.GeneralCategory> = [.control, .format, .lineSeparator, .paragraphSeparator]
        if text.unicodeScalars.contains(where: { breaking.contains($0.properties.generalCategory) }) {
            return "evidence holds control characters; allowed: one line of plain text"
        }
        return nil
    }

    public var unit: UnitID { UnitID(skill: skill, level: level) }
}
