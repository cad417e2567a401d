import HeadwayCore

/// A programme's end in `progress` and `brief`: what it came to and what to do next.
public enum SummaryView {
    public static func lines(_ s: ProgrammeSummary, name: (UnitID) -> String) -> [String] {
        let m = s.move
        let split = m.isSplit ? ": your work \(signed(m.work)), the field \(signed(m.field))" : m.field != 0 ? ": the field" : m.work != 0 ? ": your work" : ""
        let share = s.plannedHours > 0 ? " (\(Int((s.loggedHours / s.plannedHours * 100).rounded()))%)" : ""
        func list(_ units: [UnitID]) -> String { units.isEmpty ? "none" : units.map(name).joined(separator: ", ") }
        return [
            "The programme of \(s.start) to \(s.end) (\(s.weeks) weeks) has ended.",
            "AIJRI \(fixed(m.from, 1)) → \(fixed(m.to, 1)) (\(signed(m.total))\(split)); the plan projected \(fixed(s.projected, 1)).",
            "Hours: \(fixed(s.loggedHours, 1)) logged of \(fixed(s.plannedHours, 1)) planned\(share).",
            "Units done: \(list(s.unitsDone)). Left: \(list(s.unitsLeft)).",
            "Next: `plan` makes the next programme from your levels now (`roles` to aim at another role)."
        ]
    }
}

/// The summary as `progress --json` gives it.
public struct SummaryJSON: Codable, Equatable, Sendable {
    public let start: String
    public let end: String
    public let weeks: Int
    public let scoreStart: Double
    public let scoreEnd: Double
    public let work: Double
    public let field: Double
    public let projected: Double
    public let plannedHours: Double
    public let loggedHours: Double
    public let unitsDone: [String]
    public let unitsLeft: [String]

    public init(_ s: ProgrammeSummary) {
        start = s.start.description
        end = s.end.description
        weeks = s.weeks
        scoreStart = s.move.from
        scoreEnd = s.move.to
        work = s.move.work
        field = s.move.field
        projected = round(s.projected, 1)
        plannedHours = round(s.plannedHours, 2)
        loggedHours = round(s.loggedHours, 2)
        unitsDone = s.unitsDone.map(\.description)
        unitsLeft = s.unitsLeft.map(\.description)
    }
}
