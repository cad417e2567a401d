/// A weekly report as first generated (`MODEL.md` §6); stored and never rewritten.
public struct Briefing: Sendable, Hashable, Codable {
    /// The plan week it reports on, 1…52.
    public var week: Int
    /// The rendered report.
    public var body: String
    /// The day it was generated (the `--as-of` day, so transcripts stay reproducible).
    public var generatedOn: Day

    public init(week: Int, body: String, generatedOn: Day) {
        self.week = week; self.body = body; self.generatedOn = generatedOn
    }
}
