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

    public init(
        date: Day, skill: String, level: Int, activity: String? = nil, hours: Double,
        status: LogStatus, note: String? = nil
    ) {
        self.date = date; self.skill = skill; self.level = level; self.activity = activity
        self.hours = hours; self.status = status; self.note = note
    }

    public var unit: UnitID { UnitID(skill: skill, level: level) }
}
