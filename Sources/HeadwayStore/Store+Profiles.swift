import Foundation
import GRDB
import HeadwayCore

extension Store {
    /// Creates a profile, optionally with its first assessment and score snapshot, in one
    /// transaction, and makes it the current profile.
    ///
    /// - Throws: ``StoreError/profileExists(name:path:)`` when the name is taken,
    ///   ``StoreError/invalid(_:)`` for an empty or over-long name.
    @discardableResult
    public func createProfile(
        named typed: String, assessment: Assessment? = nil, reason: String = "assessment",
        snapshot: Snapshot? = nil, curriculaVersion: String = ""
    ) throws -> Profile {
        let name = Self.normalized(typed)
        try Self.validate(name: name)
        return try write { db in
            if try !Self.profileNamed(name).isEmpty(db) {
                throw StoreError.profileExists(name: name, path: path)
            }
            let id = try insertProfile(db, name: name, createdAt: nil)
            try makeCurrent(db, id)
            if let assessment {
                _ = try insertAssessment(db, assessment, profile: id, reason: reason, curriculaVersion: curriculaVersion, createdAt: nil)
            }
            if let snapshot {
                _ = try insertSnapshot(db, snapshot, profile: id, curriculaVersion: curriculaVersion, createdAt: nil)
            }
            return try fetchProfile(db, id: id)
        }
    }

    /// Every profile, by name.
    public func profiles() throws -> [Profile] {
        try read { db in try Row.fetchAll(db, Table("profiles").order(Column("name"))).map(Self.profile) }
    }

    /// The profile commands use by default, if one is set.
    public func currentProfile() throws -> Profile? {
        try read { db in try Self.first(db, Table("profiles").filter(Column("is_current") == 1)).map(Self.profile) }
    }

    /// The profile called `name`. - Throws: ``StoreError/noSuchProfile(name:path:)``.
    public func profile(named name: String) throws -> Profile {
        try read { db in try fetchProfile(db, name: Self.normalized(name)) }
    }

    /// Makes `name` the current profile.
    @discardableResult
    public func useProfile(named typed: String) throws -> Profile {
        let name = Self.normalized(typed)
        return try write { db in
            let p = try fetchProfile(db, name: name)
            try makeCurrent(db, p.id)
            return try fetchProfile(db, id: p.id)
        }
    }

    /// Renames a profile; its history follows it.
    @discardableResult
    public func renameProfile(_ typed: String, to typedNew: String) throws -> Profile {
        let old = Self.normalized(typed), new = Self.normalized(typedNew)
        try Self.validate(name: new)
        return try write { db in
            let p = try fetchProfile(db, name: old)
            if old != new, try !Self.profileNamed(new).isEmpty(db) {
                throw StoreError.profileExists(name: new, path: path)
            }
            try rowOf("profiles", id: p.id).updateAll(db, Column("name").set(to: new))
            return try fetchProfile(db, id: p.id)
        }
    }

    /// Deletes a profile and its whole history (the foreign keys cascade). If it was the
    /// current profile, no profile is current afterwards.
    public func deleteProfile(named typed: String) throws {
        let name = Self.normalized(typed)
        try write { db in
            let p = try fetchProfile(db, name: name)
            try rowOf("profiles", id: p.id).deleteAll(db)
        }
    }

    // MARK: - Rows

    /// A profile name as stored and looked up: NFC, so `é` typed as one character or as `e`
    /// and a combining accent is one name.
    public static func normalized(_ name: String) -> String { name.precomposedStringWithCanonicalMapping }

    /// `text` with invisible characters written as `\u{…}`, so an error shows what is there.
    static func visible(_ text: String) -> String {
        var out = ""
        for s in text.unicodeScalars {
            if s.properties.isDefaultIgnorableCodePoint || s.properties.generalCategory == .format {
                out += "\\u{" + String(s.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(s)
            }
        }
        return out
    }

    static func validate(name: String) throws {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        // Control characters (a newline, an escape sequence) would break or drive the terminal
        // wherever the name is shown.
        // Bidi overrides and isolates would reorder the text shown around the name.
        // Invisible characters (zero-width spaces and joiners, soft hyphens, variation selectors)
        // would make two names look the same.
        let control = name.unicodeScalars.contains {
            $0.properties.generalCategory == .control || isUnsafeForTerminal($0) || $0.properties.isDefaultIgnorableCodePoint
                || $0.properties.generalCategory == .format
        }
        guard !trimmed.isEmpty, trimmed == name, name.count <= 64, !name.contains(where: \.isNewline), !control else {
            throw StoreError.invalid(
                "profile name '\(Self.visible(oneLine(name, limit: 80)))' is not allowed; use 1..64 characters, no control or bidirectional-override characters, without leading or trailing spaces"
            )
        }
    }

    func insertProfile(_ db: Database, name: String, createdAt: String?) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO profiles (name, created_at) VALUES (?, COALESCE(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
                """, arguments: [name, createdAt])
        return db.lastInsertedRowID
    }

    func makeCurrent(_ db: Database, _ id: Int64) throws {
        try Table("profiles").filter(Column("is_current") == 1 && Column("id") != id).updateAll(db, Column("is_current").set(to: 0))
        try rowOf("profiles", id: id).updateAll(db, Column("is_current").set(to: 1))
    }

    /// The profile called `name` as stored (``normalized(_:)``).
    static func profileNamed(_ name: String) -> QueryInterfaceRequest<Row> { Table("profiles").filter(Column("name") == name) }

    func fetchProfile(_ db: Database, id: Int64) throws -> Profile {
        guard let row = try Self.first(db, rowOf("profiles", id: id)) else {
            throw StoreError.invalid("\(path): profile \(id) vanished during the transaction")
        }
        return try Self.profile(row)
    }

    func fetchProfile(_ db: Database, name: String) throws -> Profile {
        guard let row = try Self.first(db, Self.profileNamed(name)) else {
            throw StoreError.noSuchProfile(name: name, path: path)
        }
        return try Self.profile(row)
    }

    /// The first row of `request` (`LIMIT 1`). GRDB's `fetchOne` first looks up the table's
    /// unique indexes to see whether the filter already yields one row, statements of their own
    /// on every open; a profile's row is read on every command.
    static func first(_ db: Database, _ request: QueryInterfaceRequest<Row>) throws -> Row? {
        try Row.fetchAll(db, request.limit(1)).first
    }

    static func profile(_ row: Row) throws -> Profile {
        Profile(
            id: try row.decoded("id", "profiles"), name: try row.decoded("name", "profiles"),
            isCurrent: try row.decoded("is_current", "profiles"), createdAt: try row.decoded("created_at", "profiles"))
    }
}
