import GRDB
import HeadwayCore

/// The database schema, one named migration per change.
///
/// A migration is never edited once it has shipped: a change to the schema is a new
/// `registerMigration` call appended below. A database that lists a migration this binary
/// does not know was written by a newer Headway and is refused untouched.
enum Schema {
    /// Identifiers of every migration, in order; the last one is the schema version.
    static var identifiers: [String] { migrator.migrations }

    static let migrator: DatabaseMigrator = {
        var m = DatabaseMigrator()
        m.registerMigration("v1-profiles-history", migrate: v1)
        m.registerMigration("v2-change-journal", migrate: v2)
        m.registerMigration("v3-record", migrate: v3)
        m.registerMigration("v4-programme-briefings", migrate: v4)
        m.registerMigration("v7-assessment-band", migrate: v7)
        m.registerMigration("v8-plan-toward", migrate: v8)
        m.registerMigration("v9-access-evidence", migrate: v9)
        m.registerMigration("v10-redo", migrate: v10)
        m.registerMigration("v11-snapshot-reason-code", migrate: v11)
        return m
    }()

    /// Profiles and their whole history: assessments, plans (normalised), logs, snapshots, briefings.
    private static func v1(_ db: Database) throws {
        // Timestamps are ISO 8601 UTC text; days are YYYY-MM-DD text (the core's `Day`).
        try db.execute(
            sql: """
                CREATE TABLE profiles (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64),
                    is_current INTEGER NOT NULL DEFAULT 0 CHECK (is_current IN (0, 1)),
                    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                );
                -- At most one current profile.
                CREATE UNIQUE INDEX profiles_one_current ON profiles(is_current) WHERE is_current = 1;

                CREATE TABLE assessments (
                    id INTEGER PRIMARY KEY,
                    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
                    role TEXT NOT NULL,
                    seniority TEXT NOT NULL CHECK (seniority IN ('junior', 'mid', 'senior', 'staff')),
                    hours_per_week REAL NOT NULL CHECK (hours_per_week BETWEEN 1 AND 40),
                    weeks INTEGER NOT NULL CHECK (weeks BETWEEN 1 AND 52),
                    start TEXT,
                    time_split TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(time_split)),
                    market TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(market)),
                    goals TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(goals)),
                    reason TEXT NOT NULL,
                    curricula_version TEXT NOT NULL,
                    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                );
                CREATE INDEX assessments_profile ON assessments(profile_id, id);

                -- Levels are rows, not JSON, so the 0..4 range is a constraint.
                CREATE TABLE assessment_levels (
                    assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
                    skill TEXT NOT NULL,
                    level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 4),
                    PRIMARY KEY (assessment_id, skill)
                ) WITHOUT ROWID;

                CREATE TABLE plans (
                    id INTEGER PRIMARY KEY,
                    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
                    start TEXT NOT NULL,
                    weeks INTEGER NOT NULL CHECK (weeks BETWEEN 1 AND 52),
                    hours_per_week REAL NOT NULL CHECK (hours_per_week BETWEEN 1 AND 40),
                    include_goals TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(include_goals)),
                    exclude_goals TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(exclude_goals)),
                    start_score REAL NOT NULL CHECK (start_score BETWEEN 0 AND 100),
                    projected_score REAL NOT NULL CHECK (projected_score BETWEEN 0 AND 100),
                    optimal INTEGER NOT NULL CHECK (optimal IN (0, 1)),
                    gap REAL NOT NULL CHECK (gap >= 0),
                    superseded_by INTEGER REFERENCES plans(id) ON DELETE SET NULL,
                    curricula_version TEXT NOT NULL,
                    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                );
                CREATE INDEX plans_profile ON plans(profile_id, id);
                CREATE INDEX plans_superseded_by ON plans(superseded_by);

                CREATE TABLE plan_units (
                    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL CHECK (position >= 0),
                    skill TEXT NOT NULL,
                    level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
                    hours REAL NOT NULL CHECK (hours > 0),
                    gain REAL NOT NULL,
                    tasks TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tasks)),
                    needed_by TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(needed_by)),
                    required INTEGER NOT NULL CHECK (required IN (0, 1)),
                    PRIMARY KEY (plan_id, position),
                    UNIQUE (plan_id, skill, level)
                ) WITHOUT ROWID;

                CREATE TABLE plan_weeks (
                    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
                    week INTEGER NOT NULL CHECK (week BETWEEN 1 AND 52),
                    start TEXT NOT NULL,
                    hours REAL NOT NULL CHECK (hours >= 0),
                    projected_score REAL NOT NULL CHECK (projected_score BETWEEN 0 AND 100),
                    PRIMARY KEY (plan_id, week)
                ) WITHOUT ROWID;

                CREATE TABLE plan_items (
                    id INTEGER PRIMARY KEY,
                    plan_id INTEGER NOT NULL,
                    week INTEGER NOT NULL,
                    position INTEGER NOT NULL CHECK (position >= 0),
                    skill TEXT NOT NULL,
                    level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
                    hours REAL NOT NULL CHECK (hours > 0),
                    completes INTEGER NOT NULL CHECK (completes IN (0, 1)),
                    FOREIGN KEY (plan_id, week) REFERENCES plan_weeks(plan_id, week) ON DELETE CASCADE,
                    UNIQUE (plan_id, week, position)
                );

                CREATE TABLE plan_activities (
                    item_id INTEGER NOT NULL REFERENCES plan_items(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL CHECK (position >= 0),
                    text TEXT NOT NULL,
                    hours REAL NOT NULL CHECK (hours >= 0),
                    PRIMARY KEY (item_id, position)
                ) WITHOUT ROWID;

                CREATE TABLE logs (
                    id INTEGER PRIMARY KEY,
                    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
                    date TEXT NOT NULL,
                    skill TEXT NOT NULL,
                    level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
                    activity TEXT,
                    hours REAL NOT NULL CHECK (hours >= 0 AND (hours > 0 OR status = 'skipped')),
                    status TEXT NOT NULL CHECK (status IN ('done', 'partial', 'skipped')),
                    note TEXT,
                    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                );
                CREATE INDEX logs_profile_date ON logs(profile_id, date, id);

                CREATE TABLE snapshots (
                    id INTEGER PRIMARY KEY,
                    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
                    as_of TEXT NOT NULL,
                    score REAL NOT NULL CHECK (score BETWEEN 0 AND 100),
                    zone TEXT NOT NULL CHECK (zone IN ('Green', 'Yellow', 'Red')),
                    label TEXT NOT NULL,
                    part_base REAL NOT NULL,
                    part_evidence REAL NOT NULL,
                    part_barriers REAL NOT NULL,
                    part_growth REAL NOT NULL,
                    reason TEXT NOT NULL,
                    curricula_version TEXT NOT NULL,
                    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                );
                CREATE INDEX snapshots_profile ON snapshots(profile_id, as_of, id);

                CREATE TABLE briefings (
                    id INTEGER PRIMARY KEY,
                    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
                    week INTEGER NOT NULL CHECK (week BETWEEN 1 AND 52),
                    body TEXT NOT NULL,
                    generated_on TEXT NOT NULL,
                    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
                    UNIQUE (profile_id, week)
                );
                """)
    }

    /// The journal of changes that move the score (log entries and re-assessments), so that
    /// `undo` finds the last one across both tables and removes it with the snapshot it wrote.
    ///
    /// A change row belongs to exactly one log or assessment and goes when that row goes;
    /// its snapshot goes with it (`snapshots.change_id` cascades). `as_of` is the day the
    /// change takes effect (a re-assessment applies from it). AUTOINCREMENT: ids are never
    /// reused, so "the last change" stays the last one written even after an undo.
    private static func v2(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE changes (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
                    log_id INTEGER UNIQUE REFERENCES logs(id) ON DELETE CASCADE,
                    assessment_id INTEGER UNIQUE REFERENCES assessments(id) ON DELETE CASCADE,
                    as_of TEXT NOT NULL,
                    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
                    CHECK ((log_id IS NULL) != (assessment_id IS NULL))
                );
                CREATE INDEX changes_profile ON changes(profile_id, id);
                ALTER TABLE snapshots ADD COLUMN change_id INTEGER REFERENCES changes(id) ON DELETE CASCADE;
                CREATE INDEX snapshots_change ON snapshots(change_id);
                """)
    }

    /// One journal for every change that moves the score, and a record that keeps its ids.
    ///
    /// - `logs` is rebuilt with AUTOINCREMENT ids (an undone entry's id is never given to the
    ///   next one) and a `removed` flag: `log rm` hides an entry rather than deleting it, so the
    ///   change that wrote it, and its snapshot, stay history.
    /// - `changes` is rebuilt with a `kind` (`log`, `reassessment`, `log-edit`, `log-rm`) and the
    ///   entry as it was before an edit or removal (`previous`, JSON), which `undo` restores;
    ///   an edit or removal names the log it changed, so `log_id` is no longer unique.
    /// - `assessments.availability`: a week's first day -> that week's hours (JSON).
    /// - `plan_weeks.capacity`: the week's hours when they differ from the plan's (availability).
    private static func v3(_ db: Database) throws {
        // DROP below forgets a table's AUTOINCREMENT counter; keep the changes' one.
        let changesSeq = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'changes'") ?? 0
        try db.execute(
            sql: """
                CREATE TABLE logs_v3 (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
                    date TEXT NOT NULL,
                    skill TEXT NOT NULL,
                    level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
                    activity TEXT,
                    hours REAL NOT NULL CHECK (hours >= 0 AND (hours > 0 OR status = 'skipped')),
                    status TEXT NOT NULL CHECK (status IN ('done', 'partial', 'skipped')),
                    note TEXT,
                    removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
                    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                );
                INSERT INTO logs_v3 (id, profile_id, date, skill, level, activity, hours, status, note, created_at)
                    SELECT id, profile_id, date, skill, level, activity, hours, status, note, created_at FROM logs;
                DROP TABLE logs;
                ALTER TABLE logs_v3 RENAME TO logs;
                CREATE INDEX logs_profile_date ON logs(profile_id, date, id);

                CREATE TABLE changes_v3 (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL CHECK (kind IN ('log', 'reassessment', 'log-edit', 'log-rm')),
                    log_id INTEGER REFERENCES logs(id) ON DELETE CASCADE,
                    assessment_id INTEGER UNIQUE REFERENCES assessments(id) ON DELETE CASCADE,
                    previous TEXT CHECK (previous IS NULL OR json_valid(previous)),
                    as_of TEXT NOT NULL,
                    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
                    CHECK ((kind = 'reassessment') = (assessment_id IS NOT NULL)),
                    CHECK ((kind = 'reassessment') = (log_id IS NULL)),
                    CHECK ((kind IN ('log-edit', 'log-rm')) = (previous IS NOT NULL))
                );
                INSERT INTO changes_v3 (id, profile_id, kind, log_id, assessment_id, as_of, created_at)
                    SELECT id, profile_id, CASE WHEN log_id IS NULL THEN 'reassessment' ELSE 'log' END,
                           log_id, assessment_id, as_of, created_at FROM changes;
                DROP TABLE changes;
                ALTER TABLE changes_v3 RENAME TO changes;
                CREATE INDEX changes_profile ON changes(profile_id, id);
                CREATE UNIQUE INDEX changes_one_per_log ON changes(log_id) WHERE kind = 'log';
                CREATE INDEX changes_log ON changes(log_id);

                ALTER TABLE assessments ADD COLUMN availability TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(availability));
                ALTER TABLE plan_weeks ADD COLUMN capacity REAL CHECK (capacity IS NULL OR capacity BETWEEN 0 AND 40);
                """)
        try db.execute(sql: "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'changes'", arguments: [changesSeq])
        if try Int.fetchOne(db, sql: "SELECT changes()") == 0 {
            try db.execute(sql: "INSERT INTO sqlite_sequence (name, seq) VALUES ('changes', ?)", arguments: [changesSeq])
        }
    }

    /// Programmes: a `plan` starts one (its first day and weeks), a `replan` continues it, so
    /// week numbers and briefings belong to a programme rather than to a plan or a profile.
    ///
    /// - `programmes`; `plans.programme_id` names the programme a plan belongs to, and
    ///   `plans.made_on` the day it was made (the `--as-of` day; unknown for older rows).
    /// - `briefings` gets `programme_id`, and a week is unique per programme, not per profile.
    ///
    /// Existing plans are grouped as they were read before: a plan continues the programme of
    /// the plan before it when it starts on one of its week boundaries and ends on its last
    /// day. An existing briefing goes to the programme that was in force when it was written.
    private static func v4(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE programmes (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
                    start TEXT NOT NULL,
                    weeks INTEGER NOT NULL CHECK (weeks BETWEEN 1 AND 52),
                    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                );
                CREATE INDEX programmes_profile ON programmes(profile_id, id);
                ALTER TABLE plans ADD COLUMN programme_id INTEGER REFERENCES programmes(id) ON DELETE CASCADE;
                ALTER TABLE plans ADD COLUMN made_on TEXT;
                CREATE INDEX plans_programme ON plans(programme_id, id);
                """)
        try assignProgrammes(db)
        try db.execute(
            sql: """
                CREATE TABLE briefings_v4 (
                    id INTEGER PRIMARY KEY,
                    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
                    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
                    week INTEGER NOT NULL CHECK (week BETWEEN 1 AND 52),
                    body TEXT NOT NULL,
                    generated_on TEXT NOT NULL,
                    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
                    UNIQUE (profile_id, programme_id, week)
                );
                INSERT INTO briefings_v4 (id, profile_id, programme_id, week, body, generated_on, created_at)
                    SELECT b.id, b.profile_id,
                           COALESCE((SELECT p.programme_id FROM plans p WHERE p.profile_id = b.profile_id AND p.created_at <= b.created_at
                                     ORDER BY p.id DESC LIMIT 1),
                                    (SELECT p.programme_id FROM plans p WHERE p.profile_id = b.profile_id ORDER BY p.id LIMIT 1)),
                           b.week, b.body, b.generated_on, b.created_at
                    FROM briefings b
                    WHERE EXISTS (SELECT 1 FROM plans p WHERE p.profile_id = b.profile_id);
                DROP TABLE briefings;
                ALTER TABLE briefings_v4 RENAME TO briefings;
                CREATE INDEX briefings_programme ON briefings(programme_id, week);
                """)
    }

    /// Gives every plan without a programme one, in id order per profile: it continues the
    /// programme of the plan before it when it starts on one of that programme's week
    /// boundaries, inside it, and ends on its last day; otherwise it starts a new one.
    static func assignProgrammes(_ db: Database) throws {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT p.id, p.profile_id, p.start, p.weeks, p.created_at,
                       (SELECT q.programme_id FROM plans q WHERE q.profile_id = p.profile_id AND q.id < p.id ORDER BY q.id DESC LIMIT 1) AS before
                FROM plans p WHERE p.programme_id IS NULL ORDER BY p.profile_id, p.id
                """)
        var current: [Int64: (id: Int64, start: Day, end: Day)] = [:]
        for r in rows {
            let profile: Int64 = r["profile_id"], planID: Int64 = r["id"], weeks: Int = r["weeks"]
            guard let start = Day(r["start"] as String) else { throw StoreError.invalid("a stored date '\(r["start"] as String)' is not YYYY-MM-DD") }
            let end = start.adding(days: 7 * weeks - 1)
            if current[profile] == nil, let before: Int64 = r["before"],
                let p = try Row.fetchOne(db, sql: "SELECT start, weeks FROM programmes WHERE id = ?", arguments: [before]),
                let s = Day(p["start"] as String)
            {
                current[profile] = (before, s, s.adding(days: 7 * (p["weeks"] as Int) - 1))
            }
            if let c = current[profile] {
                let d = c.start.days(to: start)
                if d >= 0 && d % 7 == 0 && start <= c.end && end == c.end {
                    try db.execute(sql: "UPDATE plans SET programme_id = ? WHERE id = ?", arguments: [c.id, planID])
                    continue
                }
            }
            try db.execute(
                sql: "INSERT INTO programmes (profile_id, start, weeks, created_at) VALUES (?, ?, ?, ?)",
                arguments: [profile, start.description, weeks, r["created_at"] as String])
            let id = db.lastInsertedRowID
            try db.execute(sql: "UPDATE plans SET programme_id = ? WHERE id = ?", arguments: [id, planID])
            current[profile] = (id, start, end)
        }
    }

    /// The score's band: which answered levels are unsure, and the band each snapshot and plan
    /// showed (NULL in rows written before bands: history is not recomputed).
    private static func v7(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE assessment_levels ADD COLUMN unsure INTEGER NOT NULL DEFAULT 0 CHECK (unsure IN (0, 1));
                ALTER TABLE snapshots ADD COLUMN band_low REAL CHECK (band_low BETWEEN 0 AND 100 AND band_low <= score);
                ALTER TABLE snapshots ADD COLUMN band_high REAL CHECK (band_high BETWEEN 0 AND 100 AND band_high >= score
                                                                       AND (band_low IS NULL) = (band_high IS NULL));
                ALTER TABLE plans ADD COLUMN start_band_low REAL CHECK (start_band_low BETWEEN 0 AND 100);
                ALTER TABLE plans ADD COLUMN start_band_high REAL CHECK (start_band_high BETWEEN 0 AND 100);
                ALTER TABLE plans ADD COLUMN projected_band_low REAL CHECK (projected_band_low BETWEEN 0 AND 100);
                ALTER TABLE plans ADD COLUMN projected_band_high REAL CHECK (projected_band_high BETWEEN 0 AND 100);
                """)
    }

    /// The role a plan aims at when it is not the person's own (`plan --toward`), so `replan`
    /// keeps the target; NULL: the person's own role, as every plan saved before was.
    private static func v8(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE plans ADD COLUMN toward TEXT CHECK (toward IS NULL OR length(toward) BETWEEN 1 AND 200)")
    }

    /// Doable plans (`MODEL.md` §4b): what a person can use to learn (`assessments.access`,
    /// JSON, NULL when they said nothing), and the proof logged with an entry (`logs.evidence`,
    /// a JSON array of strings).
    private static func v9(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE assessments ADD COLUMN access TEXT CHECK (access IS NULL OR json_valid(access));
                ALTER TABLE plans ADD COLUMN access TEXT CHECK (access IS NULL OR json_valid(access));
                ALTER TABLE logs ADD COLUMN evidence TEXT NOT NULL DEFAULT '[]'
                    CHECK (json_valid(evidence) AND json_type(evidence) = 'array');
                """)
    }

    /// What `undo` reverted, newest last, so that `redo` can write it again (`payload`: the
    /// change as JSON, ``RedoRecord``). Any new change of the profile empties it.
    private static func v10(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE redo (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
                    payload TEXT NOT NULL CHECK (json_valid(payload)),
                    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                );
                CREATE INDEX redo_profile ON redo(profile_id, id);
                """)
    }

    /// A snapshot's reason as a stable code with its parameters (`Snapshot.Reason`), read back
    /// from them; `reason` keeps the sentence as shown, for a person reading the file. Rows
    /// written before are read once into their case from the sentences Headway wrote then.
    private static func v11(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE snapshots ADD COLUMN reason_code TEXT NOT NULL DEFAULT 'text';
                ALTER TABLE snapshots ADD COLUMN reason_params TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(reason_params));
                """)
        let rows = try Row.fetchAll(db, Table("snapshots").select(Column("id"), Column("reason")))
        for row in rows {
            guard let id = row["id"] as Int64?, let sentence = row["reason"] as String? else { continue }
            let reason = Snapshot.Reason(legacy: sentence)
            try Table("snapshots").filter(Column("id") == id).updateAll(
                db, Column("reason_code").set(to: reason.code), Column("reason_params").set(to: try jsonText(reason.parameters)))
        }
    }
}
