import HeadwayCore

/// The answers given so far, saved after every answer so `assess` can resume where it stopped.
struct AssessmentDraft: Codable, Equatable, Sendable {
    /// One question of the wizard.
    enum Question: Codable, Hashable, Sendable {
        case name, role, seniority, hours, access, off, split
        /// The share of the role's task at this index (only when the person gives their own split).
        case share(Int)
        case level(String)
        case summary
    }

    /// The questions answered, in order: `back` walks it backwards.
    var trail: [Question] = []
    /// A question asked again from the summary: answering it goes back there.
    var editing: Question?
    var name: String?
    var role: String?
    var seniority: Seniority?
    var hoursPerWeek: Double?
    /// Days in the weeks with no time for learning.
    var weeksOff: [Day]?
    /// What the person can use to learn, as answered.
    var access: PersonAccess?
    /// True when the person gives their own split rather than keeping the one shown.
    var ownSplit = false
    /// Percent per task id, as answered.
    var timeSplit: [String: Double] = [:]
    /// Levels answered this time, and which of them the person is unsure of.
    var skills: [String: Int] = [:]
    var unsure: Set<String> = []
    /// Skills skipped this time: they stay as they were (the previous answer, or assumed).
    var skipped: Set<String> = []

    init() {}

    // A draft written by an older wizard still loads: what it lacks starts empty.
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        trail = (try? c.decodeIfPresent([Question].self, forKey: .trail)) ?? []
        editing = try? c.decodeIfPresent(Question.self, forKey: .editing)
        name = try? c.decodeIfPresent(String.self, forKey: .name)
        role = try? c.decodeIfPresent(String.self, forKey: .role)
        seniority = try? c.decodeIfPresent(Seniority.self, forKey: .seniority)
        hoursPerWeek = try? c.decodeIfPresent(Double.self, forKey: .hoursPerWeek)
        weeksOff = try? c.decodeIfPresent([Day].self, forKey: .weeksOff)
        access = try? c.decodeIfPresent(PersonAccess.self, forKey: .access)
        ownSplit = (try? c.decodeIfPresent(Bool.self, forKey: .ownSplit)) ?? false
        timeSplit = (try? c.decodeIfPresent([String: Double].self, forKey: .timeSplit)) ?? [:]
        skills = (try? c.decodeIfPresent([String: Int].self, forKey: .skills)) ?? [:]
        unsure = (try? c.decodeIfPresent(Set<String>.self, forKey: .unsure)) ?? []
        skipped = (try? c.decodeIfPresent(Set<String>.self, forKey: .skipped)) ?? []
    }

    /// Whether anything has been answered (a draft worth continuing).
    var isStarted: Bool { !trail.isEmpty || editing != nil }
}
