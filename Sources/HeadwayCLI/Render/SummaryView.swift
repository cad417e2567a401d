import HeadwayCore

/// A programme's end in `progress` and `brief`: what it came to and what to do next.
enum SummaryView {
    static func lines(_ s: ProgrammeSummary, name: (UnitID) -> String) -> [String] {
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
struct SummaryJSON: Codable, Equatable {
    let start: String
    let end: String
    let weeks: Int
    let scoreStart: Double
    let scoreEnd: Double
    let work: Double
    let field: Double
    let projected: Double
    let plannedHours: Double
    let loggedHours: Double
    let unitsDone: [String]
    let unitsLeft: [String]

    init(_ s: ProgrammeSummary) {
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
