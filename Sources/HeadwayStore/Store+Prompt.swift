import Foundation
import GRDB
import HeadwayCore

/// What the shell's prompt and greeting show of a profile.
public struct PromptFacts: Sendable, Hashable {
    /// The role of the latest assessment.
    public var role: String?
    /// The last score recorded for a day up to the day asked for.
    public var score: Double?
    /// The first day and length of the programme in force on that day.
    public var programme: (start: Day, weeks: Int)? {
        guard let start = programmeStart, let weeks = programmeWeeks else { return nil }
        return (start, weeks)
    }
    var programmeStart: Day?
    var programmeWeeks: Int?
}

extension Store {
    /// The prompt's facts of `profile` on `day`, by a few indexed lookups: the prompt is drawn
    /// after every command, so it must not read the profile's history.
    ///
    /// The same answers as the whole state gives: the last snapshot by as-of day then order
    /// written, and the programme of the last plan made by `day` (a plan of unknown day counts).
    public func promptFacts(of profile: Profile, on day: Day) throws -> PromptFacts {
        try read { db in
            var facts = PromptFacts()
            facts.role = try String.fetchOne(
                db,
                Table("assessments").select(Column("role")).filter(Column("profile_id") == profile.id)
                    .order(Column("id").desc).limit(1))
            facts.score = try Double.fetchOne(
                db,
                Table("snapshots").select(Column("score"))
                    .filter(Column("profile_id") == profile.id && Column("as_of") <= day.description)
                    .order(Column("as_of").desc, Column("id").desc).limit(1))
            let plan = Table("plans").select(Column("programme_id"))
                .filter(Column("profile_id") == profile.id && (Column("made_on") == nil || Column("made_on") <= day.description))
                .order(Column("id").desc).limit(1)
            if let programme = try Int64.fetchOne(db, plan),
                let row = try Row.fetchOne(db, Table("programmes").select(Column("start"), Column("weeks")).filter(key: programme))
            {
                facts.programmeStart = Day(row["start"] as String)
                facts.programmeWeeks = row["weeks"]
            }
            return facts
        }
    }
}
