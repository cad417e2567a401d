// The schema this binary's migrations make, written out: deriving it at run time (migrating an
// in-memory database from scratch) was a third of a one-shot `headway score` on a year of
// history. `SchemaTests` checks it against `SchemaCheck.migrated()` and prints the literal to
// paste when a migration is added.

extension SchemaCheck {
    /// ``fingerprint(_:)`` of a database migrated from scratch; `SchemaReferenceTests` checks it
    /// and prints the value to paste when a migration is added.
    static let referenceFingerprint: UInt64 = 0x9632_b0f1_ccec_8e81

    /// Every table this binary's migrations make, with its columns (in order) and their declared
    /// types, as `SchemaCheck.migrated()` reads them from a database migrated from scratch.
    static let reference: [(table: String, columns: [Column])] = [
        (
            "assessment_levels",
            [
                ("assessment_id", "INTEGER", true), ("skill", "TEXT", true), ("level", "INTEGER", true),
                ("unsure", "INTEGER", true)
            ]
        ),
        (
            "assessments",
            [
                ("id", "INTEGER", false), ("profile_id", "INTEGER", true), ("role", "TEXT", true),
                ("seniority", "TEXT", true), ("hours_per_week", "REAL", true), ("weeks", "INTEGER", true),
                ("start", "TEXT", false), ("time_split", "TEXT", true), ("market", "TEXT", true), ("goals", "TEXT", true),
                ("reason", "TEXT", true), ("curricula_version", "TEXT", true), ("created_at", "TEXT", true),
                ("availability", "TEXT", true), ("access", "TEXT", false)
            ]
        ),
        (
            "briefings",
            [
                ("id", "INTEGER", false), ("profile_id", "INTEGER", true), ("programme_id", "INTEGER", true),
                ("week", "INTEGER", true), ("body", "TEXT", true), ("generated_on", "TEXT", true),
                ("created_at", "TEXT", true)
            ]
        ),
        (
            "changes",
            [
                ("id", "INTEGER", false), ("profile_id", "INTEGER", true), ("kind", "TEXT", true),
                ("log_id", "INTEGER", false), ("assessment_id", "INTEGER", false), ("previous", "TEXT", false),
                ("as_of", "TEXT", true), ("created_at", "TEXT", true)
            ]
        ),
        (
            "logs",
            [
                ("id", "INTEGER", false), ("profile_id", "INTEGER", true), ("date", "TEXT", true),
                ("skill", "TEXT", true), ("level", "INTEGER", true), ("activity", "TEXT", false), ("hours", "REAL", true),
                ("status", "TEXT", true), ("note", "TEXT", false), ("removed", "INTEGER", true),
                ("created_at", "TEXT", true), ("evidence", "TEXT", true)
            ]
        ),
        (
            "plan_activities",
            [
                ("item_id", "INTEGER", true), ("position", "INTEGER", true), ("text", "TEXT", true),
                ("hours", "REAL", true)
            ]
        ),
        (
            "plan_items",
            [
                ("id", "INTEGER", false), ("plan_id", "INTEGER", true), ("week", "INTEGER", true),
                ("position", "INTEGER", true), ("skill", "TEXT", true), ("level", "INTEGER", true),
                ("hours", "REAL", true), ("completes", "INTEGER", true)
            ]
        ),
        (
            "plan_units",
            [
                ("plan_id", "INTEGER", true), ("position", "INTEGER", true), ("skill", "TEXT", true),
                ("level", "INTEGER", true), ("hours", "REAL", true), ("gain", "REAL", true), ("tasks", "TEXT", true),
                ("needed_by", "TEXT", true), ("required", "INTEGER", true)
            ]
        ),
        (
            "plan_weeks",
            [
                ("plan_id", "INTEGER", true), ("week", "INTEGER", true), ("start", "TEXT", true), ("hours", "REAL", true),
                ("projected_score", "REAL", true), ("capacity", "REAL", false)
            ]
        ),
        (
            "plans",
            [
                ("id", "INTEGER", false), ("profile_id", "INTEGER", true), ("start", "TEXT", true),
                ("weeks", "INTEGER", true), ("hours_per_week", "REAL", true), ("include_goals", "TEXT", true),
                ("exclude_goals", "TEXT", true), ("start_score", "REAL", true), ("projected_score", "REAL", true),
                ("optimal", "INTEGER", true), ("gap", "REAL", true), ("superseded_by", "INTEGER", false),
                ("curricula_version", "TEXT", true), ("created_at", "TEXT", true), ("programme_id", "INTEGER", false),
                ("made_on", "TEXT", false), ("start_band_low", "REAL", false), ("start_band_high", "REAL", false),
                ("projected_band_low", "REAL", false), ("projected_band_high", "REAL", false), ("toward", "TEXT", false),
                ("access", "TEXT", false)
            ]
        ),
        (
            "profiles",
            [
                ("id", "INTEGER", false), ("name", "TEXT", true), ("is_current", "INTEGER", true),
                ("created_at", "TEXT", true)
            ]
        ),
        (
            "programmes",
            [
                ("id", "INTEGER", false), ("profile_id", "INTEGER", true), ("start", "TEXT", true),
                ("weeks", "INTEGER", true), ("created_at", "TEXT", true)
            ]
        ),
        (
            "redo",
            [("id", "INTEGER", false), ("profile_id", "INTEGER", true), ("payload", "TEXT", true), ("created_at", "TEXT", true)]
        ),
        (
            "snapshots",
            [
                ("id", "INTEGER", false), ("profile_id", "INTEGER", true), ("as_of", "TEXT", true),
                ("score", "REAL", true), ("zone", "TEXT", true), ("label", "TEXT", true), ("part_base", "REAL", true),
                ("part_evidence", "REAL", true), ("part_barriers", "REAL", true), ("part_growth", "REAL", true),
                ("reason", "TEXT", true), ("curricula_version", "TEXT", true), ("created_at", "TEXT", true),
                ("change_id", "INTEGER", false), ("band_low", "REAL", false), ("band_high", "REAL", false),
                ("reason_code", "TEXT", true), ("reason_params", "TEXT", true)
            ]
        )
    ]
}
