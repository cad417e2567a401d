import Foundation
import GRDB
import HeadwayCore

extension Store {
    // MARK: Assessments

    /// Stores an assessment taken now, stamped with the curricula version it was checked against.
    ///
    /// For fixtures and benchmarks only (`@_spi(Fixtures)`): not journaled, so `undo` cannot see
    /// it. Commands write through ``update(_:curriculaVersion:_:)``, in one transaction.
    @discardableResult
    @_spi(Fixtures) public func saveAssessment(
        _ assessment: Assessment, for profile: Profile, reason: String,
        curriculaVersion: String
    ) throws -> StoredAssessment {
        try write { db in
            let id = try insertAssessment(
                db, assessment, profile: profile.id, reason: reason,
                curriculaVersion: curriculaVersion, createdAt: nil)
            return try fetchAssessments(db, Table("assessments").filter(Column("id") == id))[0]
        }
    }

    /// Stores a profile's first assessment with its snapshot, in one transaction.
    ///
    /// For fixtures and benchmarks only (`@_spi(Fixtures)`): not journaled, so `undo` cannot see
    /// it. Commands write through ``update(_:curriculaVersion:_:)``, in one transaction.
    @discardableResult
    @_spi(Fixtures) public func saveAssessment(
        _ assessment: Assessment, snapshot: Snapshot, for profile: Profile,
        curriculaVersion: String
    ) throws -> StoredAssessment {
        try write { db in
            let id = try insertAssessment(
                db, assessment, profile: profile.id, reason: "assessment",
                curriculaVersion: curriculaVersion, createdAt: nil)
            _ = try insertSnapshot(db, snapshot, profile: profile.id, curriculaVersion: curriculaVersion, createdAt: nil)
            return try fetchAssessments(db, Table("assessments").filter(Column("id") == id))[0]
        }
    }

    /// The most recent assessment of `profile`, if any.
    public func latestAssessment(for profile: Profile) throws -> StoredAssessment? {
        try read { db in try fetchAssessments(db, Table("assessments").filter(Column("profile_id") == profile.id).order(Column("id").desc).limit(1)).first }
    }

    /// Every assessment of `profile`, oldest first.
    public func assessments(for profile: Profile) throws -> [StoredAssessment] {
        try read { db in try fetchAssessments(db, Table("assessments").filter(Column("profile_id") == profile.id).order(Column("id"))) }
    }

    func insertAssessment(
        _ db: Database, _ a: Assessment, profile: Int64, reason: String,
        curriculaVersion: String, createdAt: String?
    ) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO assessments (profile_id, role, seniority, hours_per_week, weeks, start, time_split, market,
                                         goals, availability, reason, curricula_version, created_at, access)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), ?)
                """,
            arguments: [
                profile, a.role, a.seniority.rawValue, a.hoursPerWeek, a.weeks, a.start?.description,
                try jsonText(a.timeSplit), try jsonText(MarketJSON(a.market)), try jsonText(GoalsJSON(a.goals)),
                try jsonText(AvailabilityJSON.object(a.availability)), reason, curriculaVersion, createdAt,
                try a.access.map(jsonText)
            ])
        let id = db.lastInsertedRowID
        let insert = try db.cachedStatement(sql: "INSERT INTO assessment_levels (assessment_id, skill, level, unsure) VALUES (?, ?, ?, ?)")
        for (skill, level) in a.skills.sorted(by: { $0.key < $1.key }) {
            try insert.execute(arguments: [id, skill, level, a.unsure.contains(skill)])
        }
        return id
    }

    func fetchAssessments(_ db: Database, _ request: QueryInterfaceRequest<Row>) throws -> [StoredAssessment] {
        try db.decodeRows(of: "assessments", request) { row, c in
            func value<T: DatabaseValueConvertible>(_ column: String) throws -> T { try row.decoded(c[column]) }
            let id: Int64 = try value("id")
            var levels: [String: Int] = [:], unsure: Set<String> = []
            let levelRows = Table("assessment_levels").select(Column("skill"), Column("level"), Column("unsure")).filter(Column("assessment_id") == id)
            let rows = try db.decodeRows(of: "assessment_levels", levelRows) { l, c in
                (skill: try l.decoded(c["skill"]) as String, level: try l.level(c["level"], 0...4), unsure: try l.decoded(c["unsure"]) as Bool)
            }
            for l in rows {
                levels[l.skill] = l.level
                if l.unsure { unsure.insert(l.skill) }
            }
            var a = Assessment(
                role: try value("role"), seniority: try decode(Seniority(rawValue: try value("seniority")), "seniority"),
                hoursPerWeek: try value("hours_per_week"), weeks: try value("weeks"),
                start: try (value("start") as String?).map { try day($0, "start") },
                timeSplit: try jsonValue([String: Double].self, try value("time_split")),
                skills: levels,
                market: try jsonValue(MarketJSON.self, try value("market")).overrides(),
                goals: try jsonValue(GoalsJSON.self, try value("goals")).goals,
                availability: try AvailabilityJSON.days(jsonValue([String: Double].self, try value("availability"))))
            a.unsure = unsure
            a.access = try (value("access") as String?).map { try jsonValue(PersonAccess.self, $0) }
            return StoredAssessment(
                id: id, assessment: a, reason: try value("reason"),
                curriculaVersion: try value("curricula_version"), createdAt: try value("created_at"))
        }
    }

    // MARK: Plans

    /// Stores `plan` as the profile's current plan; the plan it replaces is marked
    /// superseded by it, in the same transaction.
    ///
    /// A plan starts a programme of its own (its first day and weeks, `MODEL.md` §4a) unless
    /// `continuing`: then it joins the programme of the plan it replaces (a replan). `madeOn`
    /// is the day it was made (the `--as-of` day), so the record read as of an earlier day
    /// does not see it.
    ///
    /// For fixtures and benchmarks only (`@_spi(Fixtures)`): not journaled, so `undo` cannot see
    /// it. Commands write through ``update(_:curriculaVersion:_:)``, in one transaction.
    @discardableResult
    @_spi(Fixtures) public func savePlan(
        _ plan: Plan, for profile: Profile, curriculaVersion: String,
        continuing: Bool = false, madeOn: Day? = nil
    ) throws -> StoredPlan {
        try write { db in
            try insertCurrentPlan(db, plan, profile: profile.id, curriculaVersion: curriculaVersion, continuing: continuing, madeOn: madeOn)
        }
    }

    /// Inserts `plan` as the profile's current plan and marks the one it replaces superseded.
    func insertCurrentPlan(
        _ db: Database, _ plan: Plan, profile: Int64, curriculaVersion: String, continuing: Bool, madeOn: Day?
    ) throws -> StoredPlan {
        var programme: Int64?
        if continuing {
            programme = try Self.programmeInForce(db, profile)
        }
        if programme == nil { programme = try insertProgramme(db, plan, profile: profile, createdAt: nil) }
        let id = try insertPlan(
            db, plan, profile: profile, curriculaVersion: curriculaVersion,
            supersededBy: nil, createdAt: nil, programme: programme, madeOn: madeOn)
        try Table("plans").filter(Column("profile_id") == profile && Column("superseded_by") == nil && Column("id") != id)
            .updateAll(db, Column("superseded_by").set(to: id))
        return try fetchPlans(db, Table("plans").filter(Column("id") == id))[0]
    }

    func insertProgramme(_ db: Database, _ first: Plan, profile: Int64, createdAt: String?) throws -> Int64 {
        try db.execute(
            sql: "INSERT INTO programmes (profile_id, start, weeks, created_at) VALUES (?, ?, ?, COALESCE(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))",
            arguments: [profile, first.start.description, first.weeks, createdAt])
        return db.lastInsertedRowID
    }

    /// The plan in force: the latest one not superseded.
    public func currentPlan(for profile: Profile) throws -> StoredPlan? {
        try read { db in
            try fetchPlans(db, Table("plans").filter(Column("profile_id") == profile.id && Column("superseded_by") == nil).order(Column("id").desc).limit(1))
                .first
        }
    }

    /// Every plan of `profile`, oldest first, superseded ones included.
    public func plans(for profile: Profile) throws -> [StoredPlan] {
        try read { db in try fetchPlans(db, Table("plans").filter(Column("profile_id") == profile.id).order(Column("id"))) }
    }

    func insertPlan(
        _ db: Database, _ p: Plan, profile: Int64, curriculaVersion: String,
        supersededBy: Int64?, createdAt: String?, programme: Int64? = nil, madeOn: Day? = nil
    ) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO plans (profile_id, start, weeks, hours_per_week, include_goals, exclude_goals, start_score,
                                   projected_score, optimal, gap, superseded_by, curricula_version, created_at, programme_id, made_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), ?, ?)
                """,
            arguments: [
                profile, p.start.description, p.weeks, p.hoursPerWeek, try jsonText(p.include),
                try jsonText(p.exclude), p.startScore, p.projectedScore, p.optimal, p.gap, supersededBy,
                curriculaVersion, createdAt, programme, madeOn?.description
            ])
        let planID = db.lastInsertedRowID
        try rowOf("plans", id: planID).updateAll(
            db,
            Column("start_band_low").set(to: p.startBand?.low), Column("start_band_high").set(to: p.startBand?.high),
            Column("projected_band_low").set(to: p.projectedBand?.low), Column("projected_band_high").set(to: p.projectedBand?.high),
            Column("toward").set(to: p.toward), Column("access").set(to: try p.access.map(jsonText)))
        let unit = try db.cachedStatement(
            sql: """
                INSERT INTO plan_units (plan_id, position, skill, level, hours, gain, tasks, needed_by, required)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for (i, u) in p.units.enumerated() {
            try unit.execute(arguments: [
                planID, i, u.skill, u.level, u.hours, u.gain, try jsonText(u.tasks),
                try jsonText(u.neededBy), u.required
            ])
        }
        let week = try db.cachedStatement(
            sql: """
                INSERT INTO plan_weeks (plan_id, week, start, hours, projected_score, capacity) VALUES (?, ?, ?, ?, ?, ?)
                """)
        let item = try db.cachedStatement(
            sql: """
                INSERT INTO plan_items (plan_id, week, position, skill, level, hours, completes) VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
        let activity = try db.cachedStatement(
            sql: """
                INSERT INTO plan_activities (item_id, position, text, hours) VALUES (?, ?, ?, ?)
                """)
        for w in p.schedule {
            try week.execute(arguments: [planID, w.week, w.start.description, w.hours, w.projectedScore, w.capacity])
            for (i, it) in w.items.enumerated() {
                try item.execute(arguments: [planID, w.week, i, it.skill, it.level, it.hours, it.completes])
                let itemID = db.lastInsertedRowID
                for (j, a) in it.activities.enumerated() {
                    try activity.execute(arguments: [itemID, j, a.text, a.hours])
                }
            }
        }
        return planID
    }

    func fetchPlans(_ db: Database, _ request: QueryInterfaceRequest<Row>) throws -> [StoredPlan] {
        try withParts(db, try fetchPlanRows(db, request))
    }

    /// The plans of `request` as their rows say, without their units and weeks (see ``withParts(_:_:)``).
    func fetchPlanRows(_ db: Database, _ request: QueryInterfaceRequest<Row>) throws -> [StoredPlan] {
        try db.decodeRows(of: "plans", request) { row, c in
            func value<T: DatabaseValueConvertible>(_ column: String) throws -> T { try row.decoded(c[column]) }
            let id: Int64 = try value("id")
            var plan = Plan(
                start: try day(try value("start"), "start"), weeks: try value("weeks"), hoursPerWeek: try value("hours_per_week"),
                include: try jsonValue([String: Int].self, try value("include_goals")),
                exclude: try jsonValue([String].self, try value("exclude_goals")),
                startScore: try value("start_score"), projectedScore: try value("projected_score"),
                optimal: try value("optimal"), gap: try value("gap"), units: [], schedule: [])
            plan.startBand = band(row, c, "start_band")
            plan.projectedBand = band(row, c, "projected_band")
            plan.toward = try value("toward")
            plan.access = try (value("access") as String?).map { try jsonValue(PersonAccess.self, $0) }
            return StoredPlan(
                id: id, plan: plan, supersededBy: try value("superseded_by"),
                curriculaVersion: try value("curricula_version"), createdAt: try value("created_at"),
                programmeID: try value("programme_id") ?? id,
                madeOn: try (value("made_on") as String?).map { try day($0, "made_on") })
        }
    }

    /// `heads` (plan rows, ``fetchPlanRows(_:_:)``) with their units and weeks: each part of all
    /// of them read in one query (not four per plan).
    func withParts(_ db: Database, _ heads: [StoredPlan]) throws -> [StoredPlan] {
        guard !heads.isEmpty else { return [] }
        let ids = heads.map(\.id)
        var units: [Int64: [PlanUnit]] = [:]
        let unitColumns = { (c: StatementColumns) in
            (
                plan: c["plan_id"], skill: c["skill"], level: c["level"], hours: c["hours"], gain: c["gain"], tasks: c["tasks"],
                neededBy: c["needed_by"], required: c["required"]
            )
        }
        let unitRows = try db.decodeRows(
            of: "plan_units", Table("plan_units").filter(ids.contains(Column("plan_id"))).order(Column("plan_id"), Column("position")), columns: unitColumns
        ) { u, c in
            (
                try u.decoded(c.plan) as Int64,
                PlanUnit(
                    skill: try u.decoded(c.skill), level: try u.level(c.level), hours: try u.decoded(c.hours),
                    gain: try u.decoded(c.gain), tasks: try jsonValue([String].self, try u.decoded(c.tasks)),
                    neededBy: try jsonValue([UnitID].self, try u.decoded(c.neededBy)), required: try u.decoded(c.required))
            )
        }
        for (plan, unit) in unitRows {
            units[plan, default: []].append(unit)
        }
        let items = Table("plan_items").filter(ids.contains(Column("plan_id")))
        var activities: [Int64: [PlannedActivity]] = [:]
        let activityColumns = { (c: StatementColumns) in (item: c["item_id"], text: c["text"], hours: c["hours"]) }
        let activityRows = try db.decodeRows(
            of: "plan_activities",
            Table("plan_activities").select(Column("item_id"), Column("text"), Column("hours"))
                .filter(items.select(Column("id")).contains(Column("item_id"))).order(Column("item_id"), Column("position")), columns: activityColumns
        ) { a, c in
            (try a.decoded(c.item) as Int64, PlannedActivity(text: try a.decoded(c.text), hours: try a.decoded(c.hours)))
        }
        for (item, activity) in activityRows {
            activities[item, default: []].append(activity)
        }
        var weekItems: [Int64: [Int: [PlanItem]]] = [:]
        let itemColumns = { (c: StatementColumns) in
            (
                id: c["id"], plan: c["plan_id"], week: c["week"], skill: c["skill"], level: c["level"], hours: c["hours"],
                completes: c["completes"]
            )
        }
        let itemRows = try db.decodeRows(
            of: "plan_items", items.order(Column("plan_id"), Column("week"), Column("position")), columns: itemColumns
        ) { it, c in
            (
                try it.decoded(c.plan) as Int64, try it.decoded(c.week) as Int,
                PlanItem(
                    skill: try it.decoded(c.skill), level: try it.level(c.level), hours: try it.decoded(c.hours),
                    activities: activities[try it.decoded(c.id) as Int64] ?? [], completes: try it.decoded(c.completes))
            )
        }
        for (plan, week, item) in itemRows {
            weekItems[plan, default: [:]][week, default: []].append(item)
        }
        var schedules: [Int64: [PlanWeek]] = [:]
        let weekColumns = { (c: StatementColumns) in
            (
                plan: c["plan_id"], week: c["week"], start: c["start"], hours: c["hours"], projected: c["projected_score"],
                capacity: c["capacity"]
            )
        }
        let weekRows = try db.decodeRows(
            of: "plan_weeks", Table("plan_weeks").filter(ids.contains(Column("plan_id"))).order(Column("plan_id"), Column("week")), columns: weekColumns
        ) { w, c in
            let plan: Int64 = try w.decoded(c.plan), week: Int = try w.decoded(c.week)
            return (
                plan,
                PlanWeek(
                    week: week, start: try day(try w.decoded(c.start), "start"), hours: try w.decoded(c.hours),
                    projectedScore: try w.decoded(c.projected), items: weekItems[plan]?[week] ?? [], capacity: try w.decoded(c.capacity))
            )
        }
        for (plan, week) in weekRows {
            schedules[plan, default: []].append(week)
        }
        return heads.map { h in
            StoredPlan(
                id: h.id, plan: h.plan.with(units: units[h.id] ?? [], schedule: schedules[h.id] ?? []), supersededBy: h.supersededBy,
                curriculaVersion: h.curriculaVersion, createdAt: h.createdAt, programmeID: h.programmeID, madeOn: h.madeOn)
        }
    }

    // MARK: Logs

    /// Appends one log entry.
    ///
    /// For fixtures and benchmarks only (`@_spi(Fixtures)`): not journaled, so `undo` cannot see
    /// it. Commands write through ``update(_:curriculaVersion:_:)``, in one transaction.
    @discardableResult
    @_spi(Fixtures) public func addLog(_ entry: LogEntry, for profile: Profile) throws -> StoredLog {
        try write { db in
            let id = try insertLog(db, entry, profile: profile.id, createdAt: nil)
            return try fetchLogs(db, Table("logs").filter(Column("id") == id))[0]
        }
    }

    /// Every log entry of `profile` (not removed), by date then in the order written.
    public func logs(for profile: Profile) throws -> [StoredLog] {
        try read { db in try fetchLogs(db, Table("logs").filter(Column("profile_id") == profile.id).order(Column("date"), Column("id"))) }
    }

    func insertLog(_ db: Database, _ e: LogEntry, profile: Int64, createdAt: String?) throws -> Int64 {
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO logs (profile_id, date, skill, level, activity, hours, status, note, created_at, evidence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, COALESCE(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), ?)
                """)
        try insert.execute(arguments: [
            profile, e.date.description, e.skill, e.level, e.activity, e.hours,
            e.status.rawValue, e.note, createdAt, try jsonText(e.evidence)
        ])
        return db.lastInsertedRowID
    }

    /// Log rows of `request`; entries removed by `log rm` only with `removed`.
    func fetchLogs(_ db: Database, _ request: QueryInterfaceRequest<Row>, removed: Bool = false) throws -> [StoredLog] {
        let columns = { (c: StatementColumns) in
            (
                id: c["id"], date: c["date"], skill: c["skill"], level: c["level"], activity: c["activity"], hours: c["hours"],
                status: c["status"], note: c["note"], evidence: c["evidence"], createdAt: c["created_at"], removed: c["removed"]
            )
        }
        return try db.decodeRows(of: "logs", removed ? request : request.filter(Column("removed") == 0), columns: columns) { r, c in
            StoredLog(
                id: try r.decoded(c.id),
                entry: LogEntry(
                    date: try day(try r.decoded(c.date), "date"), skill: try r.decoded(c.skill), level: try r.level(c.level),
                    activity: try r.decoded(c.activity), hours: try r.decoded(c.hours),
                    status: try decode(LogStatus(rawValue: try r.decoded(c.status)), "status"), note: try r.decoded(c.note),
                    evidence: try jsonValue([String].self, try r.decoded(c.evidence))),
                createdAt: try r.decoded(c.createdAt), removed: try r.decoded(c.removed))
        }
    }

    // MARK: Snapshots

    /// Appends a score snapshot; snapshots are never rewritten.
    ///
    /// For fixtures and benchmarks only (`@_spi(Fixtures)`): not journaled, so `undo` cannot see
    /// it. Commands write through ``update(_:curriculaVersion:_:)``, in one transaction.
    @discardableResult
    @_spi(Fixtures) public func addSnapshot(_ snapshot: Snapshot, for profile: Profile, curriculaVersion: String) throws -> StoredSnapshot {
        try write { db in
            let id = try insertSnapshot(db, snapshot, profile: profile.id, curriculaVersion: curriculaVersion, createdAt: nil)
            return try fetchSnapshots(db, Table("snapshots").filter(Column("id") == id))[0]
        }
    }

    /// Every snapshot of `profile`, by as-of day then in the order written.
    public func snapshots(for profile: Profile) throws -> [StoredSnapshot] {
        try read { db in try fetchSnapshots(db, Table("snapshots").filter(Column("profile_id") == profile.id).order(Column("as_of"), Column("id"))) }
    }

    func insertSnapshot(_ db: Database, _ s: Snapshot, profile: Int64, curriculaVersion: String, createdAt: String?) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO snapshots (profile_id, as_of, score, zone, label, part_base, part_evidence, part_barriers,
                                       part_growth, reason, curricula_version, created_at, band_low, band_high,
                                       reason_code, reason_params)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), ?, ?, ?, ?)
                """,
            arguments: [
                profile, s.asOf.description, s.score, s.zone.rawValue, s.label, s.parts.base, s.parts.evidence,
                s.parts.barriers, s.parts.growth, s.reason.description, curriculaVersion, createdAt, s.band?.low, s.band?.high,
                s.reason.code, try jsonText(s.reason.parameters)
            ])
        return db.lastInsertedRowID
    }

    func fetchSnapshots(_ db: Database, _ request: QueryInterfaceRequest<Row>) throws -> [StoredSnapshot] {
        try db.decodeRows(of: "snapshots", request) { r, c in
            func value<T: DatabaseValueConvertible>(_ column: String) throws -> T { try r.decoded(c[column]) }
            let parts = ScoreParts(
                base: try value("part_base"), evidence: try value("part_evidence"),
                barriers: try value("part_barriers"), growth: try value("part_growth"))
            var snapshot = Snapshot(
                asOf: try day(try value("as_of"), "as_of"), score: try value("score"),
                zone: try decode(Zone(rawValue: try value("zone")), "zone"), label: try value("label"),
                parts: parts, reason: try reason(code: try value("reason_code"), parameters: try value("reason_params")))
            snapshot.band = band(r, c, "band")
            return StoredSnapshot(
                id: try value("id"),
                snapshot: snapshot,
                curriculaVersion: try value("curricula_version"), createdAt: try value("created_at"))
        }
    }

    // MARK: Briefings

    /// Stores the briefing of its week of the current plan's programme unless one is stored
    /// already; returns the stored one.
    ///
    /// The first write wins: a briefing is history, and a later generation (with other data
    /// or another curricula) must not replace what the person was shown.
    ///
    /// For fixtures and benchmarks only (`@_spi(Fixtures)`): not journaled, so `undo` cannot see
    /// it. Commands write through ``update(_:curriculaVersion:_:)``, in one transaction.
    @discardableResult
    @_spi(Fixtures) public func saveBriefing(_ briefing: Briefing, for profile: Profile) throws -> StoredBriefing {
        try write { db in
            let programme = try currentProgramme(db, profile.id)
            _ = try insertBriefing(db, briefing, profile: profile.id, programme: programme, createdAt: nil)
            return try fetchBriefings(db, Table("briefings").filter(Column("programme_id") == programme && Column("week") == briefing.week))[0]
        }
    }

    /// The stored briefing of `week` of the current plan's programme, if one was generated.
    public func briefing(week: Int, for profile: Profile) throws -> StoredBriefing? {
        try read { db in
            let programme = try currentProgramme(db, profile.id)
            return try fetchBriefings(db, Table("briefings").filter(Column("programme_id") == programme && Column("week") == week)).first
        }
    }

    /// The programme of the profile's current plan; a briefing needs one.
    func currentProgramme(_ db: Database, _ profile: Int64) throws -> Int64 {
        guard let id = try Self.programmeInForce(db, profile) else {
            throw StoreError.invalid("a briefing belongs to a plan's programme, and the profile has no plan")
        }
        return id
    }

    /// The programme of the plan in force (the latest one not superseded), if there is one.
    static func programmeInForce(_ db: Database, _ profile: Int64) throws -> Int64? {
        try Table("plans").select(Column("programme_id"), as: Int64.self)
            .filter(Column("profile_id") == profile && Column("superseded_by") == nil).order(Column("id").desc).fetchOne(db)
    }

    /// Every stored briefing of `profile`, by week.
    public func briefings(for profile: Profile) throws -> [StoredBriefing] {
        try read { db in try fetchBriefings(db, Table("briefings").filter(Column("profile_id") == profile.id).order(Column("week"))) }
    }

    func insertBriefing(_ db: Database, _ b: Briefing, profile: Int64, programme: Int64, createdAt: String?) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO briefings (profile_id, programme_id, week, body, generated_on, created_at)
                VALUES (?, ?, ?, ?, ?, COALESCE(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
                ON CONFLICT (profile_id, programme_id, week) DO NOTHING
                """, arguments: [profile, programme, b.week, b.body, b.generatedOn.description, createdAt])
        return db.lastInsertedRowID
    }

    func fetchBriefings(_ db: Database, _ request: QueryInterfaceRequest<Row>) throws -> [StoredBriefing] {
        try db.decodeRows(of: "briefings", request) { r, c in
            func value<T: DatabaseValueConvertible>(_ column: String) throws -> T { try r.decoded(c[column]) }
            return StoredBriefing(
                id: try value("id"),
                briefing: Briefing(
                    week: try value("week"), body: try value("body"),
                    generatedOn: try day(try value("generated_on"), "generated_on")),
                createdAt: try value("created_at"), programmeID: try value("programme_id"))
        }
    }
}

extension Plan {
    /// This plan with its units and weeks, read after its row.
    fileprivate func with(units: [PlanUnit], schedule: [PlanWeek]) -> Plan {
        var plan = Plan(
            start: start, weeks: weeks, hoursPerWeek: hoursPerWeek, include: include, exclude: exclude, startScore: startScore,
            projectedScore: projectedScore, optimal: optimal, gap: gap, units: units, schedule: schedule)
        (plan.startBand, plan.projectedBand, plan.toward, plan.access) = (startBand, projectedBand, toward, access)
        return plan
    }
}

/// A stored day that does not parse means someone else wrote the row; say which value.
private func day(_ text: String, _ column: String) throws -> Day {
    guard let d = Day(text) else { throw ForeignData("\(column) holds '\(oneLine(String(text.prefix(40)), limit: 40))', which is not a date (YYYY-MM-DD)") }
    return d
}

/// A snapshot's reason from its stored code and parameters (never from the sentence).
private func reason(code: String, parameters: String) throws -> Snapshot.Reason {
    // Most reasons have no parameters; the rest a few texts, read without Foundation's decoders
    // (every snapshot is read on every command that reads the record).
    let object: [String: String]? =
        parameters == "{}"
        ? [:] : FlatJSON.textObject(parameters) ?? (try? JSONSerialization.jsonObject(with: Data(parameters.utf8))) as? [String: String]
    guard let object else {
        throw ForeignData("reason_params holds '\(oneLine(String(parameters.prefix(40)), limit: 40))', which is not an object of texts")
    }
    guard let reason = Snapshot.Reason(code: code, parameters: object) else {
        throw ForeignData(
            "reason_code '\(oneLine(String(code.prefix(40)), limit: 40))' with reason_params \(oneLine(String(parameters.prefix(60)), limit: 60)) is not a reason this version knows"
        )
    }
    return reason
}

private func decode<T>(_ value: T?, _ column: String) throws -> T {
    guard let value else { throw ForeignData("a stored \(column) has a value this version does not know") }
    return value
}

/// The band stored in columns `PREFIX_low` and `PREFIX_high`, nil when they are NULL (or missing).
private func band(_ row: StepRow, _ columns: StatementColumns, _ prefix: String) -> ScoreBand? {
    func value(_ column: String) -> Double? { row.value(columns[column]).flatMap { Double.fromDatabaseValue($0) } }
    guard let low = value(prefix + "_low"), let high = value(prefix + "_high") else { return nil }
    return ScoreBand(low: low, high: high)
}
