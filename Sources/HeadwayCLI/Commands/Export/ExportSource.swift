import ArgumentParser
import Foundation
import HeadwayApp
import HeadwayCore
import HeadwayStore

/// What an export reads: the person, their plan and history, from a profile or an assessment file.
struct ExportSource {
    let person: PersonalModel
    /// The profile name, or the assessment file's name without its extension.
    let owner: String
    let plan: Plan?
    /// The stored plan's id (grows with each plan of the database); 0 for a computed plan.
    let planRevision: Int
    let snapshots: [Snapshot]
    let day: Day
    let profileName: String?
    /// The programme's week numbering; `nil`: the plan's own.
    var programme: ProgrammeWeeks? = nil
    /// The profile's record (what is done); `nil` for an assessment file.
    var record: ProgressRecord? = nil
    /// The programme's started weeks, planned against logged (what `progress` lists); empty
    /// for an assessment file.
    var weeks: [WeekProgress] = []

    /// On a profile, the record as of `--as-of`: the levels then, the plan in force then and the
    /// snapshots written for days up to it.
    static func load(_ model: ModelOptions, _ input: AssessmentOption, _ options: StoreOptions) throws -> ExportSource {
        let curriculum = try model.curriculum()
        let day = model.day()
        let subject = try Subject.resolve(curriculum, input, options, day: day)
        let person = subject.person
        guard subject.store != nil, let profile = subject.profile else {
            // Stateless: the plan `plan --assessment FILE` shows (its goals.toward and
            // availability included), computed and not saved.
            let planner = try planningModel(person, toward: nil, curriculum: curriculum)
            let request = try PlanRequest.from(planner, today: day)
            var plan: Plan
            plan = try planner.plan(request)
            plan.toward = target(of: planner, own: person)
            let name = ((input.assessment ?? "assessment") as NSString).lastPathComponent
            return ExportSource(
                person: person, owner: (name as NSString).deletingPathExtension, plan: plan, planRevision: 0,
                snapshots: [Snapshot(person.score(at: day), asOf: day, reason: .assessment)], day: day, profileName: nil)
        }
        let progress = subject.progress!
        let stored = progress.storedPlan
        let snapshots = progress.state.snapshots.map(\.snapshot).filter { $0.asOf <= day }
        return ExportSource(
            person: person, owner: profile.name, plan: stored?.plan, planRevision: Int(stored?.id ?? 0),
            snapshots: snapshots, day: day, profileName: profile.name, programme: progress.planProgress?.numbering,
            record: progress.record, weeks: progress.planProgress?.weeks() ?? [])
    }

    /// What `export plan` writes from; throws when a profile has no plan yet.
    func planExport() throws -> PlanExport {
        let plan = try requirePlan()
        // A plan made --toward a role is that role's plan: its header names the target.
        return PlanExport(
            plan: plan, curriculum: person.curriculum, role: personInRole(of: plan, own: person).role, owner: owner,
            revision: planRevision, stamp: Environment.now(), programme: programme, record: record, day: day)
    }

    func requirePlan() throws -> Plan {
        guard let plan else {
            throw HeadwayError(.noInput, "profile \(profileName ?? owner) has no plan yet; run `headway plan` first (or pass --assessment FILE)")
        }
        return plan
    }
}

/// Readable UTC time for the report's footer.
enum ICSStamp {
    static func readable(_ date: Date) -> String {
        let s = ICS.timestamp(date)  // YYYYMMDDTHHMMSSZ
        let c = Array(s)
        return "\(String(c[0..<4]))-\(String(c[4..<6]))-\(String(c[6..<8])) \(String(c[9..<11])):\(String(c[11..<13])) UTC"
    }
}
