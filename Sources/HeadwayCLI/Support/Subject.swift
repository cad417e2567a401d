import Foundation
import HeadwayApp
import HeadwayCore
import HeadwayStore

/// Whose model a command works on: an assessment file (stateless), or a stored profile.
struct Subject {
    let person: PersonalModel
    /// The database and profile, when the command works on a profile.
    let store: Store?
    let profile: Profile?
    /// The profile's record as read on the day asked for.
    var progress: ProfileProgress? = nil

    /// `--assessment FILE` when given (the database is not opened), else the selected profile on
    /// `day` (default today): the assessment that applies then, with the levels of every unit
    /// completed by then (`MODEL.md` §5).
    static func resolve(_ curriculum: Curriculum, _ input: AssessmentOption?, _ options: StoreOptions, day: Day? = nil) throws -> Subject {
        if let file = try input?.load(curriculum) {
            return Subject(person: PersonalModel(curriculum: curriculum, assessment: file)!, store: nil, profile: nil)
        }
        let (db, profile, state) = try record(options)
        return try Subject(db, profile, state, curriculum: curriculum, day: day ?? Environment.today())
    }

    /// ``resolve(_:_:_:day:)`` with the curricula of `model`, and those curricula. The record of
    /// a database that exists is read first: meanwhile the curricula may still be loading on
    /// another thread (``CurriculaPrefetch``). An assessment file, or a database yet to be
    /// made, waits for the curricula as before. With an assessment file the curricula may come
    /// without the skills' activities: `score` alone passes one here, and a score reads none.
    static func resolve(_ model: ModelOptions, _ input: AssessmentOption?, _ options: StoreOptions) throws -> (Subject, Curriculum) {
        let day = model.day()
        guard input?.assessment == nil, options.databaseExists else {
            // A person from a file reads no activities (a profile's record replays them).
            let curriculum = try model.curriculum(activities: input?.assessment == nil)
            return (try resolve(curriculum, input, options, day: day), curriculum)
        }
        let (db, profile, state) = try record(options)
        let curriculum = try model.curriculum()
        return (try Subject(db, profile, state, curriculum: curriculum, day: day), curriculum)
    }

    /// The database, the selected profile and its state (without the stored briefings).
    private static func record(_ options: StoreOptions) throws -> (Store, Profile, ProfileState) {
        let db = try options.open()
        let profile = try options.selectedProfile(in: db)
        return (db, profile, try storeCall { try db.state(of: profile, briefings: false) })
    }

    /// The plan in force on the day asked for, with its programme's week numbering.
    func planInForce() throws -> (plan: Plan, programme: PlanProgress) {
        guard let progress else { throw HeadwayError(.noInput, "no profile: plans are saved on a profile (`headway profile new NAME --from FILE`)") }
        let plan = try progress.plan()
        guard let programme = progress.planProgress else { throw HeadwayError.noPlanInForce(progress) }
        return (plan, programme)
    }

    /// The profile's current plan, or a clear error.
    func currentPlan() throws -> StoredPlan {
        guard let store, let profile else { throw HeadwayError(.noInput, "no profile: plans are saved on a profile (`headway profile new NAME --from FILE`)") }
        guard let plan = try storeCall({ try store.currentPlan(for: profile) }) else {
            throw HeadwayError(.noInput, "profile \(profile.name) has no plan yet; run `headway plan`")
        }
        return plan
    }
}

extension Subject {
    /// The profile's subject on `day` (in an extension, so the memberwise initialiser stays).
    fileprivate init(_ db: Store, _ profile: Profile, _ state: ProfileState, curriculum: Curriculum, day: Day) throws {
        let progress = try ProfileProgress(curriculum: curriculum, state: state, day: day)
        self.init(person: progress.person, store: db, profile: profile, progress: progress)
    }
}
