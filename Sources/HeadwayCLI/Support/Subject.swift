import HeadwayCore
import HeadwayStore

/// Whose model a command works on: an assessment file (stateless), or a stored profile.
struct Subject {
    let person: PersonalModel
    /// The database and profile, when the command works on a profile.
    let store: Store?
    let profile: Profile?

    /// `--assessment FILE` when given (the database is not opened), else the selected profile's
    /// latest assessment with its levels raised by every unit logged done.
    static func resolve(_ curriculum: Curriculum, _ input: AssessmentOption?, _ options: StoreOptions) throws -> Subject {
        if let file = try input?.load(curriculum) {
            return Subject(person: PersonalModel(curriculum: curriculum, assessment: file)!, store: nil, profile: nil)
        }
        let db = try options.open()
        let profile = try options.selectedProfile(in: db)
        guard let stored = try storeCall({ try db.latestAssessment(for: profile) }) else {
            throw CLIError("profile \(profile.name) has no assessment yet; run `assess` or pass --assessment FILE")
        }
        var assessment = stored.assessment
        for log in try storeCall({ try db.logs(for: profile) }) where log.entry.status == .done {
            let skill = log.entry.skill
            let now = assessment.skills[skill] ?? PersonalModel(curriculum: curriculum, assessment: assessment)!.defaultLevel(of: skill)
            assessment.skills[skill] = max(now, log.entry.level)
        }
        guard let person = PersonalModel(curriculum: curriculum, assessment: assessment) else {
            throw CLIError("profile \(profile.name) has role '\(assessment.role)', which the loaded curricula do not define")
        }
        return Subject(person: person, store: db, profile: profile)
    }

    /// The profile's current plan, or a clear error.
    func currentPlan() throws -> StoredPlan {
        guard let store, let profile else { throw CLIError("no profile: plans are saved on a profile (`headway profile new NAME --from FILE`)") }
        guard let plan = try storeCall({ try store.currentPlan(for: profile) }) else {
            throw CLIError("profile \(profile.name) has no plan yet; run `headway plan`")
        }
        return plan
    }
}
