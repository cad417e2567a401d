import Foundation
import GRDB
import HeadwayCore

/// One profile's whole history as a versioned JSON document, the format of
/// `headway profile export` (`{"format": "headway-profile", "version": 1, …}`).
///
/// Every row keeps its `created_at` and curricula version, and ids count from 1 within the
/// document, so importing an export and exporting it again gives the same bytes.
public struct ProfileArchive: Codable, Hashable, Sendable {
    public static let formatName = "headway-profile"
    static let currentVersion = 1

    var format: String
    var version: Int
    /// The name the profile had when exported.
    public var name: String
    var createdAt: String
    var assessments: [AssessmentRecord]
    var plans: [PlanRecord]
    var logs: [LogRecord]
    var snapshots: [SnapshotRecord]
    var briefings: [BriefingRecord]
    /// The change journal (what `undo` reverts, and the day each re-assessment applies from);
    /// absent in exports made before it was carried.
    var changes: [ChangeRecord]?

    enum CodingKeys: String, CodingKey {
        case format, version, name, assessments, plans, logs, snapshots, briefings, changes
        case createdAt = "created_at"
    }

    /// Reads an export document; refuses another format or a newer version by name. With a
    /// `curriculum`, every value is checked as well (``problem(against:)``), so a document that
    /// imports is one Headway could have written.
    public static func decode(_ data: Data, path: String, curriculum: Curriculum? = nil) throws -> ProfileArchive {
        struct Header: Decodable { let format: String?; let version: Int? }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            // Foundation says where and why ("Number 1e400 is not representable in Swift.").
            let why = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String)?
                .trimmingCharacters(in: CharacterSet(charactersIn: ". "))
            throw StoreError.badArchive(path: path, detail: "it is not a JSON object" + (why.map { " (\($0))" } ?? ""))
        }
        guard object is [String: Any] else {
            throw StoreError.badArchive(path: path, detail: "it is not a JSON object")
        }
        let header: Header
        do { header = try JSONDecoder().decode(Header.self, from: data) } catch let error as DecodingError {
            throw StoreError.badArchive(path: path, detail: Self.describe(error))
        }
        guard header.format == formatName else {
            throw StoreError.badArchive(path: path, detail: "\"format\" is \(header.format.map { "'\($0)'" } ?? "missing"); expected '\(formatName)'")
        }
        guard let version = header.version, version <= currentVersion, version >= 1 else {
            throw StoreError.badArchive(
                path: path, detail: "version \(header.version.map(String.init) ?? "missing") is not supported; this headway reads version \(currentVersion)")
        }
        let archive: ProfileArchive
        do { archive = try JSONDecoder().decode(ProfileArchive.self, from: data) } catch let error as DecodingError {
            throw StoreError.badArchive(path: path, detail: Self.describe(error))
        }
        if let problem = archive.planProblem() ?? archive.reasonProblem() { throw StoreError.badArchive(path: path, detail: problem) }
        if let curriculum, let problem = archive.problem(against: curriculum) {
            throw StoreError.badArchive(path: path, detail: problem)
        }
        return archive
    }

    /// Plans name each other by id (`superseded_by`): ids must be unique, and a plan can only
    /// be superseded by a later plan of the document (as `savePlan` does), so there is no cycle
    /// and the latest plan stays current.
    func planProblem() -> String? {
        var index: [Int64: Int] = [:]
        for (i, p) in plans.enumerated() {
            if index[p.id] != nil { return "plans[\(i)].id: plan id \(p.id) appears twice" }
            index[p.id] = i
        }
        for (i, p) in plans.enumerated() {
            guard let next = p.supersededBy else { continue }
            guard let j = index[next] else {
                return "plans[\(i)].superseded_by: plan \(next) is not in the document"
            }
            if j <= i { return "plans[\(i)].superseded_by: plan \(next) does not come after plan \(p.id); a plan is superseded by a later one" }
        }
        return nil
    }

    /// Pretty, key-sorted JSON: the same history always writes the same bytes.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ c: [any CodingKey]) -> String {
            c.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: ["."])
        }
        switch error {
        case .keyNotFound(let key, let ctx): return "missing key '\(key.stringValue)' at \(path(ctx.codingPath).isEmpty ? "top level" : path(ctx.codingPath))"
        case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx), .dataCorrupted(let ctx):
            return "\(path(ctx.codingPath)): \(ctx.debugDescription)"
        @unknown default: return String(describing: error)
        }
    }
}

// MARK: - Records, written in the snake_case of MODEL.md §7

struct AssessmentRecord: Codable, Hashable, Sendable {
    var id: Int64
    var createdAt: String
    var reason: String
    var curriculaVersion: String
    var role: String
    var seniority: Seniority
    var hoursPerWeek: Double
    var weeks: Int
    var start: Day?
    var timeSplit: [String: Double]
    var skills: [String: Int]
    var market: MarketJSON
    var goals: GoalsJSON
    /// Omitted when empty, so an export without availability reads as before.
    var availability: [String: Double]?
    /// Left out when no level is unsure (and in exports written before bands).
    var unsure: [String]?
    /// What the person can use to learn; omitted when they said nothing.
    var access: PersonAccess?

    enum CodingKeys: String, CodingKey {
        case id, reason, role, seniority, weeks, start, skills, market, goals, availability, unsure, access
        case createdAt = "created_at", curriculaVersion = "curricula_version", hoursPerWeek = "hours_per_week"
        case timeSplit = "time_split"
    }

    init(_ s: StoredAssessment) {
        let a = s.assessment
        id = s.id; createdAt = s.createdAt; reason = s.reason; curriculaVersion = s.curriculaVersion
        role = a.role; seniority = a.seniority; hoursPerWeek = a.hoursPerWeek; weeks = a.weeks; start = a.start
        timeSplit = a.timeSplit; skills = a.skills; market = MarketJSON(a.market); goals = GoalsJSON(a.goals)
        availability = a.availability.isEmpty ? nil : AvailabilityJSON.object(a.availability)
        unsure = a.unsure.isEmpty ? nil : a.unsure.sorted()
        access = a.access
    }

    func assessment() throws -> Assessment {
        var a = Assessment(
            role: role, seniority: seniority, hoursPerWeek: hoursPerWeek, weeks: weeks, start: start,
            timeSplit: timeSplit, skills: skills, market: try market.overrides(), goals: goals.goals,
            availability: try AvailabilityJSON.days(availability ?? [:]))
        if let stray = unsure?.first(where: { skills[$0] == nil }) {
            throw StoreError.invalid("assessment \(id): unsure names '\(stray)', which has no level under skills")
        }
        a.unsure = Set(unsure ?? [])
        a.access = access
        return a
    }
}

struct PlanRecord: Codable, Hashable, Sendable {
    struct UnitJSON: Codable, Hashable, Sendable {
        var skill: String; var level: Int; var hours: Double; var gain: Double
        var tasks: [String]; var neededBy: [UnitID]; var required: Bool
        enum CodingKeys: String, CodingKey { case skill, level, hours, gain, tasks, required; case neededBy = "needed_by" }
    }
    struct ActivityJSON: Codable, Hashable, Sendable { var text: String; var hours: Double }
    struct ItemJSON: Codable, Hashable, Sendable {
        var skill: String; var level: Int; var hours: Double; var completes: Bool; var activities: [ActivityJSON]
    }
    struct WeekJSON: Codable, Hashable, Sendable {
        var week: Int; var start: Day; var hours: Double; var projectedScore: Double; var items: [ItemJSON]
        enum CodingKeys: String, CodingKey { case week, start, hours, items; case projectedScore = "projected_score" }
    }

    var id: Int64
    var createdAt: String
    var curriculaVersion: String
    var supersededBy: Int64?
    var start: Day
    var weeks: Int
    var hoursPerWeek: Double
    var include: [String: Int]
    var exclude: [String]
    var startScore: Double
    var projectedScore: Double
    var optimal: Bool
    var gap: Double
    var units: [UnitJSON]
    var schedule: [WeekJSON]
    /// Unrounded `[low, high]`; left out for plans saved before bands.
    var startBand: [Double]?
    var projectedBand: [Double]?
    /// The role the plan aims at when not the person's own; left out otherwise.
    var toward: String?
    /// The access the plan was made for; omitted when the person said nothing.
    var access: PersonAccess?

    enum CodingKeys: String, CodingKey {
        case id, start, weeks, include, exclude, optimal, gap, units, schedule, toward, access
        case startBand = "start_band", projectedBand = "projected_band"
        case createdAt = "created_at", curriculaVersion = "curricula_version", supersededBy = "superseded_by"
        case hoursPerWeek = "hours_per_week", startScore = "start_score", projectedScore = "projected_score"
    }

    init(_ s: StoredPlan) {
        let p = s.plan
        id = s.id; createdAt = s.createdAt; curriculaVersion = s.curriculaVersion; supersededBy = s.supersededBy
        start = p.start; weeks = p.weeks; hoursPerWeek = p.hoursPerWeek; include = p.include; exclude = p.exclude
        startScore = p.startScore; projectedScore = p.projectedScore; optimal = p.optimal; gap = p.gap
        startBand = p.startBand.map { [$0.low, $0.high] }; projectedBand = p.projectedBand.map { [$0.low, $0.high] }
        toward = p.toward
        access = p.access
        units = p.units.map {
            UnitJSON(
                skill: $0.skill, level: $0.level, hours: $0.hours, gain: $0.gain, tasks: $0.tasks,
                neededBy: $0.neededBy, required: $0.required)
        }
        schedule = p.schedule.map { w in
            WeekJSON(
                week: w.week, start: w.start, hours: w.hours, projectedScore: w.projectedScore,
                items: w.items.map { i in
                    ItemJSON(
                        skill: i.skill, level: i.level, hours: i.hours, completes: i.completes,
                        activities: i.activities.map { ActivityJSON(text: $0.text, hours: $0.hours) })
                })
        }
    }

    var plan: Plan {
        var plan = Plan(
            start: start, weeks: weeks, hoursPerWeek: hoursPerWeek, include: include, exclude: exclude,
            startScore: startScore, projectedScore: projectedScore, optimal: optimal, gap: gap,
            units: units.map {
                PlanUnit(
                    skill: $0.skill, level: $0.level, hours: $0.hours, gain: $0.gain, tasks: $0.tasks,
                    neededBy: $0.neededBy, required: $0.required)
            },
            schedule: schedule.map { w in
                PlanWeek(
                    week: w.week, start: w.start, hours: w.hours, projectedScore: w.projectedScore,
                    items: w.items.map { i in
                        PlanItem(
                            skill: i.skill, level: i.level, hours: i.hours,
                            activities: i.activities.map { PlannedActivity(text: $0.text, hours: $0.hours) },
                            completes: i.completes)
                    })
            })
        plan.startBand = startBand.flatMap(ScoreBand.init(pair:))
        plan.projectedBand = projectedBand.flatMap(ScoreBand.init(pair:))
        plan.toward = toward
        plan.access = access
        return plan
    }
}

struct LogRecord: Codable, Hashable, Sendable {
    var id: Int64
    var createdAt: String
    var date: Day
    var skill: String
    var level: Int
    var activity: String?
    var hours: Double
    var status: LogStatus
    var note: String?
    /// Removed by `log rm`; omitted when not.
    var removed: Bool?
    /// Proof logged with the entry; omitted when none (and in exports written before it).
    var evidence: [String]?

    enum CodingKeys: String, CodingKey {
        case id, date, skill, level, activity, hours, status, note, removed, evidence
        case createdAt = "created_at"
    }

    init(_ s: StoredLog) {
        let e = s.entry
        id = s.id; createdAt = s.createdAt; date = e.date; skill = e.skill; level = e.level; activity = e.activity
        hours = e.hours; status = e.status; note = e.note; removed = s.removed ? true : nil
        evidence = e.evidence.isEmpty ? nil : e.evidence
    }

    var entry: LogEntry {
        LogEntry(date: date, skill: skill, level: level, activity: activity, hours: hours, status: status, note: note, evidence: evidence ?? [])
    }
}

struct SnapshotRecord: Codable, Hashable, Sendable {
    var id: Int64
    var createdAt: String
    var curriculaVersion: String
    var asOf: Day
    var score: Double
    var zone: Zone
    var label: String
    var parts: ScoreParts
    /// The reason as shown, for a person reading the file.
    var reason: String
    /// The reason as read back (`Snapshot.Reason`'s code and parameters); archives written
    /// before codes have neither, and their sentence is read into its case.
    var reasonCode: String?
    var reasonParams: [String: String]?
    /// The document id of the change this snapshot belongs to (it goes when that is undone).
    var change: Int64?
    /// `[low, high]`; left out for snapshots written before bands.
    var band: [Double]?

    enum CodingKeys: String, CodingKey {
        case id, score, zone, label, parts, reason, change, band
        case createdAt = "created_at", curriculaVersion = "curricula_version", asOf = "as_of"
        case reasonCode = "reason_code", reasonParams = "reason_params"
    }

    init(_ s: StoredSnapshot) {
        let n = s.snapshot
        id = s.id; createdAt = s.createdAt; curriculaVersion = s.curriculaVersion
        asOf = n.asOf; score = n.score; zone = n.zone; label = n.label; parts = n.parts
        reason = n.reason.description; reasonCode = n.reason.code; reasonParams = n.reason.parameters
        band = n.band.map { [$0.low, $0.high] }
    }

    /// The reason the record carries; `nil` when its code or parameters are not one this
    /// version knows (validation refuses the archive then).
    var typedReason: Snapshot.Reason? {
        guard let reasonCode else { return Snapshot.Reason(legacy: reason) }
        return Snapshot.Reason(code: reasonCode, parameters: reasonParams ?? [:])
    }

    var snapshot: Snapshot {
        var s = Snapshot(asOf: asOf, score: score, zone: zone, label: label, parts: parts, reason: typedReason ?? .text(reason))
        s.band = band.flatMap(ScoreBand.init(pair:))
        return s
    }
}

/// One journaled change; `log` and `assessment` are document ids of those lists.
struct ChangeRecord: Codable, Hashable, Sendable {
    var id: Int64
    var createdAt: String
    var kind: String
    var log: Int64?
    var assessment: Int64?
    var previous: LogEntryJSON?
    var asOf: Day

    enum CodingKeys: String, CodingKey {
        case id, kind, log, assessment, previous
        case createdAt = "created_at", asOf = "as_of"
    }
}

struct BriefingRecord: Codable, Hashable, Sendable {
    var id: Int64
    var createdAt: String
    var week: Int
    var body: String
    var generatedOn: Day

    enum CodingKeys: String, CodingKey {
        case id, week, body
        case createdAt = "created_at", generatedOn = "generated_on"
    }

    init(_ s: StoredBriefing) {
        id = s.id; createdAt = s.createdAt; week = s.briefing.week; body = s.briefing.body; generatedOn = s.briefing.generatedOn
    }

    var briefing: Briefing { Briefing(week: week, body: body, generatedOn: generatedOn) }
}

extension Store {
    /// The whole history of `profile` as one export document.
    public func export(_ profile: Profile) throws -> ProfileArchive {
        // Ids in the document count from 1 in each list (database ids mean nothing elsewhere),
        // so export -> import -> export gives the same bytes.
        func renumbered<R>(_ rows: [R], _ setID: (inout R, Int64) -> Void) -> [R] {
            rows.enumerated().map { i, r in
                var r = r; setID(&r, Int64(i + 1)); return r
            }
        }
        return try read { db in
            var plans = try fetchPlans(db, Table("plans").filter(Column("profile_id") == profile.id).order(Column("id"))).map(PlanRecord.init)
            let planNumber = Dictionary(uniqueKeysWithValues: plans.enumerated().map { ($1.id, Int64($0 + 1)) })
            plans = renumbered(plans) { p, n in
                p.id = n; p.supersededBy = p.supersededBy.flatMap { planNumber[$0] }
            }
            // The journal names logs, assessments and snapshots by database id: map them to the document's.
            func numbers(_ table: String) throws -> [Int64: Int64] {
                let ids = Table(table).select(Column("id"), as: Int64.self).filter(Column("profile_id") == profile.id).order(Column("id"))
                return Dictionary(uniqueKeysWithValues: try ids.fetchAll(db).enumerated().map { ($1, Int64($0 + 1)) })
            }
            let logNumber = try numbers("logs")
            let assessmentNumber = try numbers("assessments")
            let stored = try fetchChanges(db, Table("changes").filter(Column("profile_id") == profile.id).order(Column("id")))
            let changeNumber = Dictionary(uniqueKeysWithValues: stored.enumerated().map { ($1.id, Int64($0 + 1)) })
            let changes = stored.enumerated().map { i, c in
                ChangeRecord(
                    id: Int64(i + 1), createdAt: c.createdAt, kind: c.kind.rawValue, log: c.logID.flatMap { logNumber[$0] },
                    assessment: c.assessmentID.flatMap { assessmentNumber[$0] },
                    previous: c.previous.map { LogEntryJSON($0) }, asOf: c.asOf)
            }
            var snapshotChange: [Int64: Int64] = [:]
            for r in try Row.fetchAll(
                db,
                Table("snapshots").select(Column("id"), Column("change_id")).filter(Column("profile_id") == profile.id && Column("change_id") != nil))
            {
                snapshotChange[try r.decoded("id", "snapshots")] = changeNumber[try r.decoded("change_id", "snapshots") as Int64]
            }
            let snapshots = try fetchSnapshots(db, Table("snapshots").filter(Column("profile_id") == profile.id).order(Column("id"))).map { s in
                var r = SnapshotRecord(s)
                r.change = snapshotChange[s.id]
                return r
            }
            return ProfileArchive(
                format: ProfileArchive.formatName, version: ProfileArchive.currentVersion,
                name: profile.name, createdAt: profile.createdAt,
                assessments: renumbered(
                    try fetchAssessments(db, Table("assessments").filter(Column("profile_id") == profile.id).order(Column("id")))
                        .map(AssessmentRecord.init)
                ) { $0.id = $1 },
                plans: plans,
                logs: renumbered(
                    try fetchLogs(db, Table("logs").filter(Column("profile_id") == profile.id).order(Column("id")), removed: true)
                        .map(LogRecord.init)
                ) { $0.id = $1 },
                snapshots: renumbered(snapshots) { $0.id = $1 },
                briefings: renumbered(
                    try fetchBriefings(db, Table("briefings").filter(Column("profile_id") == profile.id).order(Column("id")))
                        .map(BriefingRecord.init)
                ) { $0.id = $1 },
                changes: changes.isEmpty ? nil : changes)
        }
    }

    /// Imports an export document as a new profile (named `name`, else the exported name), in
    /// one transaction. The new profile becomes current when no profile is.
    ///
    /// - Throws: ``StoreError/profileExists(name:path:)``; ``StoreError/invalid(_:)`` for a row
    ///   the schema refuses (then nothing is imported).
    @discardableResult
    public func importArchive(_ archive: ProfileArchive, as name: String? = nil) throws -> Profile {
        let name = Self.normalized(name ?? archive.name)
        try Self.validate(name: name)
        return try write { db in
            if try !Self.profileNamed(name).isEmpty(db) {
                throw StoreError.profileExists(name: name, path: path)
            }
            let profile = try insertProfile(db, name: name, createdAt: archive.createdAt)
            if try Table("profiles").filter(Column("is_current") == 1).isEmpty(db) {
                try makeCurrent(db, profile)
            }
            var assessmentID: [Int64: Int64] = [:]
            for a in archive.assessments {
                assessmentID[a.id] = try insertAssessment(
                    db, try a.assessment(), profile: profile, reason: a.reason,
                    curriculaVersion: a.curriculaVersion, createdAt: a.createdAt)
            }
            // Plans get new ids; `superseded_by` is rewritten through the old -> new map.
            var newID: [Int64: Int64] = [:]
            for p in archive.plans {
                for (key, band) in [("start_band", p.startBand), ("projected_band", p.projectedBand)] {
                    guard let band, band.count != 2 else { continue }
                    throw StoreError.invalid("plan \(p.id): \(key) must be [low, high]; found \(band.count) numbers")
                }
                newID[p.id] = try insertPlan(
                    db, p.plan, profile: profile, curriculaVersion: p.curriculaVersion,
                    supersededBy: nil, createdAt: p.createdAt)
            }
            for p in archive.plans {
                guard let old = p.supersededBy else { continue }
                guard let new = newID[old] else {
                    throw StoreError.invalid("plan \(p.id) is superseded by plan \(old), which the export does not contain")
                }
                guard let id = newID[p.id] else { throw StoreError.invalid("plan \(p.id) appears twice in the export") }
                try rowOf("plans", id: id).updateAll(db, Column("superseded_by").set(to: new))
            }
            var logID: [Int64: Int64] = [:]
            for l in archive.logs {
                let id = try insertLog(db, l.entry, profile: profile, createdAt: l.createdAt)
                logID[l.id] = id
                if l.removed == true { try rowOf("logs", id: id).updateAll(db, Column("removed").set(to: 1)) }
            }
            var changeID: [Int64: Int64] = [:]
            for (i, c) in (archive.changes ?? []).enumerated() {
                guard StoredChange.Kind(rawValue: c.kind) != nil else {
                    throw StoreError.invalid("changes[\(i)].kind '\(c.kind)' is not one of log, reassessment, log-edit, log-rm")
                }
                let log = try c.log.map { id -> Int64 in
                    guard let n = logID[id] else { throw StoreError.invalid("changes[\(i)].log: log \(id) is not in the export") }
                    return n
                }
                let assessment = try c.assessment.map { id -> Int64 in
                    guard let n = assessmentID[id] else { throw StoreError.invalid("changes[\(i)].assessment: assessment \(id) is not in the export") }
                    return n
                }
                try db.execute(
                    sql: """
                        INSERT INTO changes (profile_id, kind, log_id, assessment_id, previous, as_of, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [profile, c.kind, log, assessment, try c.previous.map { try jsonText($0) }, c.asOf.description, c.createdAt])
                changeID[c.id] = db.lastInsertedRowID
            }
            for (i, s) in archive.snapshots.enumerated() {
                if let band = s.band, band.count != 2 {
                    throw StoreError.invalid("snapshot \(s.id): band must be [low, high]; found \(band.count) numbers")
                }
                let id = try insertSnapshot(db, s.snapshot, profile: profile, curriculaVersion: s.curriculaVersion, createdAt: s.createdAt)
                if let c = s.change {
                    guard let n = changeID[c] else { throw StoreError.invalid("snapshots[\(i)].change: change \(c) is not in the export") }
                    try rowOf("snapshots", id: id).updateAll(db, Column("change_id").set(to: n))
                }
            }
            // Programmes are read from the plans as a database of before programmes reads them;
            // a briefing goes to the programme in force when it was written (raw SQL: an order
            // by a condition, then by id one way or the other, is more than the query interface says).
            try Schema.assignProgrammes(db)
            for b in archive.briefings {
                guard
                    let programme = try Int64.fetchOne(
                        db,
                        sql: """
                            SELECT programme_id FROM plans WHERE profile_id = ? ORDER BY (created_at <= ?) DESC, CASE WHEN created_at <= ? THEN -id ELSE id END LIMIT 1
                            """, arguments: [profile, b.createdAt, b.createdAt])
                else {
                    throw StoreError.invalid("briefing of week \(b.week) has no plan in the export to belong to")
                }
                _ = try insertBriefing(db, b.briefing, profile: profile, programme: programme, createdAt: b.createdAt)
            }
            return try fetchProfile(db, id: profile)
        }
    }
}

extension ScoreBand {
    /// `[low, high]` as an export writes it; nil for any other count.
    init?(pair: [Double]) {
        guard pair.count == 2 else { return nil }
        self.init(low: pair[0], high: pair[1])
    }
}
