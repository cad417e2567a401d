import Foundation
import GRDB
import HeadwayCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One Headway database: profiles and their whole history, in a single SQLite file.
///
/// Open it with ``open(at:busyTimeout:)``; every write runs in one transaction, so a crash
/// leaves either all of it or none of it. Errors are ``StoreError`` values, one line each.
///
///     let store = try Store.open(at: "/home/me/.local/share/headway/headway.sqlite")
///     let me = try store.createProfile(named: "me", assessment: assessment)
///     let (_, written) = try store.update(me, curriculaVersion: curriculum.version) { state in
///         var writes = ProfileWrites()
///         writes.change = .log(LogEntry(date: day, skill: "vllm", level: 2, hours: 3, status: .done))
///         writes.changeDay = day
///         return (writes, ())
///     }
///
/// ## Topics
/// - Profiles: ``createProfile(named:assessment:reason:snapshot:curriculaVersion:)``,
///   ``profiles()``, ``currentProfile()``, ``useProfile(named:)``, ``renameProfile(_:to:)``,
///   ``deleteProfile(named:)``
/// - The record: ``update(_:curriculaVersion:_:)`` reads a profile's state and writes what a
///   command decided (a journaled change, a plan, snapshots, a briefing) in one transaction;
///   ``undoLastChange(for:check:)`` reverts the last change. The other writes are fixtures'.
/// - Moving a profile: ``export(_:)``, ``importArchive(_:as:)``
/// - Health: ``checkup(curriculaVersion:)``
public struct Store: Sendable {
    /// The database file.
    public let path: String
    let queue: DatabaseQueue
    let busyTimeout: Double
    /// Why the file could only be opened for reading (read-only media, folder or file), or nil.
    let readOnlyReason: StoreError?

    /// What opening the file put right (a leftover `-shm` without write permission), for `doctor`.
    public let repairs: [String]

    /// Whether the file was opened for reading only: reading commands work, writes are refused.
    public var isReadOnly: Bool { readOnlyReason != nil }

    /// How long a write waits for another process's write lock before giving up: longer than
    /// any Headway transaction by far, about as long as a person waits for a command.
    public static let defaultBusyTimeout: Double = 10

    /// Opens the database at `path`, creating it (folder 0700, file 0600) and migrating it.
    ///
    /// An existing file is first checked through a read-only connection, so a file that is
    /// not a database, is corrupted, was written by a newer Headway or had its schema changed
    /// by hand is refused before anything could write to it. A symlink is followed to the file
    /// it names (a dangling one: the file is created there, 0600). A file that cannot be
    /// written (read-only media, folder or file) is opened for reading only. WAL mode,
    /// foreign keys and a busy wait of `busyTimeout` seconds are on.
    ///
    /// With `checkSchema` false a changed schema is let through (``export(_:)`` and
    /// ``checkup(curriculaVersion:)`` then read what they can and name what they cannot).
    ///
    /// - Throws: ``StoreError``.
    public static func open(at path: String, busyTimeout: Double = defaultBusyTimeout, checkSchema: Bool = true) throws -> Store {
        let path = DatabasePath.resolvingLinks(path)
        let folder = (path as NSString).deletingLastPathComponent
        var readOnlyReason: StoreError?
        var repairs: [String] = []
        var checkOnOpen = false
        if let kind = DatabasePath.irregularKind(path) { throw StoreError.notARegularFile(path: path, kind: kind) }
        if FileManager.default.fileExists(atPath: path) {
            readOnlyReason = Self.readOnlyReason(path, folder: folder)
            checkOnOpen = try preflight(path, busyTimeout: busyTimeout, checkSchema: checkSchema) == .onTheConnection
            if readOnlyReason == nil { repairs = repairSidecars(path) }
        } else {
            try prepareFolder(folder)
            try createFile(path)
        }
        let readOnly = readOnlyReason != nil
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.readonly = readOnly
        config.busyMode = .callback(BusyWait(seconds: busyTimeout).callback)
        config.prepareDatabase { db in
            if readOnly { return }
            // Only a file we do not yet have in WAL mode is switched (a header write); GRDB's
            // own `.wal` setup would also write a table on every open, which would change the
            // bytes of a file we are about to refuse.
            // Marks the file as Headway's (the preflight has checked it is ours or empty).
            if try Int32.fetchOne(db, sql: "PRAGMA application_id") != Store.applicationID {
                // A PRAGMA takes no bound value; the literal is Store.applicationID ("HDWY"), tested.
                try db.execute(sql: "PRAGMA application_id = 1212438361")
            }
            if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
            // FULL: a committed row survives a power cut, not only a crash; commits are few.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        // Switching a new file to WAL and migrating it race with another process doing the same
        // (SQLite refuses some of those locks at once, without a busy wait, and a half-made
        // schema can be seen); a fresh attempt then sees the finished schema. Faults in the
        // file itself were refused by the preflight above, so a few retries here are safe.
        var attempt = 0
        while true {
            let store: Store
            var refusal: StoreError?
            do {
                let queue = try DatabaseQueue(path: readOnly ? DatabasePath.forReading(path) : path, configuration: config)
                store = Store(
                    path: path, queue: queue, busyTimeout: busyTimeout, readOnlyReason: readOnlyReason,
                    repairs: repairs)
                // The preflight's schema checks, on this connection (its set-up wrote nothing
                // to a file already ours and in WAL mode), in the transaction that finds
                // whether the migrations are complete.
                var complete = false
                if checkOnOpen {
                    (refusal, complete) = try queue.read { db in try schemaRefusal(db, path: path, checkSchema: checkSchema) }
                }
                if refusal == nil, !complete { try store.migrate() }
            } catch {
                let storeError = StoreError(error, path: path, busyTimeout: busyTimeout)
                attempt += 1
                guard attempt < 4 else { throw storeError }
                usleep(useconds_t(50_000 * attempt))
                continue
            }
            if let refusal {
                try? store.close()
                throw refusal
            }
            return store
        }
    }

    /// Identifiers of every migration this binary knows, in order.
    public static var migrations: [String] { Schema.identifiers }

    private func migrate() throws {
        let migrator = Schema.migrator
        if try queue.read({ try migrator.hasCompletedMigrations($0) }) { return }
        if let readOnlyReason { throw readOnlyReason }  // an older schema cannot be brought up to date
        do {
            try migrator.migrate(queue)
        } catch {
            // Two processes opening a new file at once both try to migrate; the loser's
            // migration fails on tables the winner made. That is fine once the schema is complete.
            if (try? queue.read({ try migrator.hasCompletedMigrations($0) })) == true { return }
            throw error
        }
    }

    /// Creates the folder (and missing parents) 0700, and refuses one we cannot write in.
    private static func prepareFolder(_ folder: String) throws {
        if !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
            } catch {
                if access((folder as NSString).deletingLastPathComponent, W_OK) != 0 && errno == EROFS {
                    throw StoreError.readOnlyFolder(folder: (folder as NSString).deletingLastPathComponent)
                }
                throw StoreError.cannotCreateFolder(folder: folder, reason: (error as NSError).localizedDescription)
            }
        }
        // access(2) also answers EROFS for root on a read-only mount.
        if access(folder, W_OK) != 0 { throw StoreError.readOnlyFolder(folder: folder) }
    }

    /// Creates an empty 0600 file, which SQLite takes as an empty database; its `-wal` and
    /// `-shm` files inherit the mode.
    private static func createFile(_ path: String) throws {
        let fd = Foundation.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd >= 0 { _ = systemClose(fd); return }
        if errno == EEXIST { return }  // another process created it first
        if errno == EROFS || errno == EACCES {
            throw StoreError.readOnlyFolder(folder: (path as NSString).deletingLastPathComponent)
        }
        throw StoreError.io(path: path, detail: String(cString: strerror(errno)))
    }

    /// Why an existing file can only be read, or nil when it can be written (WAL needs its
    /// folder writable for the `-wal` and `-shm` files).
    private static func readOnlyReason(_ path: String, folder: String) -> StoreError? {
        if access(folder, W_OK) != 0 { return .readOnlyFolder(folder: folder) }
        if access(path, W_OK) != 0 { return .readOnly(path: path) }
        return nil
    }

    /// A leftover `-wal` or `-shm` file of ours without write permission (a copy, a restore
    /// with the wrong mode) would make SQLite fall back to read-only: give it back 0600. One
    /// that belongs to another user is left alone; `doctor` names it.
    private static func repairSidecars(_ path: String) -> [String] {
        DatabasePath.sidecars(path).compactMap { file in
            var info = stat()
            guard lstat(file, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == getuid(),
                info.st_mode & 0o600 != 0o600, chmod(file, 0o600) == 0
            else { return nil }
            return "\((file as NSString).lastPathComponent) had mode \(String(info.st_mode & 0o777, radix: 8)); set it to 600"
        }
    }

    /// Where the preflight's schema checks happen: done already (on a reader of their own), or
    /// left to the connection ``open(at:busyTimeout:checkSchema:)`` makes.
    enum SchemaChecks { case done, onTheConnection }

    /// Checks an existing file without writing a byte: header, schema version and (with
    /// `checkSchema`) that every table and column this binary reads is there — here, or, for a
    /// file already Headway's and in WAL mode, on the store's own connection before anything
    /// else (``SchemaChecks``). Integrity is
    /// `doctor`'s (`PRAGMA integrity_check`): checking every page on every open cost a command
    /// time in proportion to the whole file; a damaged page a command does read is still refused
    /// then (SQLite's `SQLITE_CORRUPT`, ``StoreError/corrupted(path:detail:)``), before any write.
    private static func preflight(_ path: String, busyTimeout: Double, checkSchema: Bool) throws -> SchemaChecks {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.io(path: path, detail: "it cannot be read (\(String(cString: strerror(errno))))")
        }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        try? handle.close()
        if header.isEmpty { return .done }  // an empty file is an empty database
        guard header.count == 100, header.starts(with: Array("SQLite format 3\0".utf8)) else {
            throw StoreError.notADatabase(path: path)
        }
        var config = Configuration()
        config.readonly = true
        config.busyMode = .callback(BusyWait(seconds: busyTimeout).callback)
        // The header's application id (bytes 68-71, big-endian) says at once that the file is
        // Headway's: then there is nothing to look at. Without it, another program's database is
        // refused before anything else reads or writes it: read as immutable, so not even a
        // `-wal` or `-shm` file appears beside it. (Reading immutable takes no lock, so it is not
        // done on a file of ours that another process may be checkpointing.)
        let headerID = header[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        let ours = Int32(bitPattern: headerID) == applicationID
        if !ours {
            do {
                let look = try DatabaseQueue(path: DatabasePath.immutable(path), configuration: config)
                defer { try? look.close() }
                if let foreign = try look.read(foreignDatabase) { throw StoreError.foreignDatabase(path: path, detail: foreign) }
            } catch {
                throw StoreError(error, path: path, busyTimeout: busyTimeout)
            }
        }
        // Ours and in WAL mode (header bytes 18 and 19 are 2): opening the store's own
        // connection writes nothing, so the checks below run there, saving a second
        // connection and its reading of the schema (a tenth of a one-shot command).
        if ours, header[18] == 2, header[19] == 2 { return .onTheConnection }
        do {
            let reader = try DatabaseQueue(path: DatabasePath.forReading(path), configuration: config)
            defer { try? reader.close() }
            if let refusal = try reader.read({ db in try schemaRefusal(db, path: path, checkSchema: checkSchema).refusal }) { throw refusal }
        } catch {
            throw StoreError(error, path: path, busyTimeout: busyTimeout)
        }
        return .done
    }

    /// Why the file's schema is refused (one a newer Headway made; with `checkSchema`, a fully
    /// migrated one that differs from what this binary makes), and whether every migration
    /// this binary knows is applied.
    private static func schemaRefusal(_ db: Database, path: String, checkSchema: Bool) throws -> (refusal: StoreError?, complete: Bool) {
        // A file another process is creating right now may not have its migration table yet:
        // nothing is applied then, and `migrate()` below waits for (or joins) that process.
        let applied = try db.tableExists("grdb_migrations") ? Schema.migrator.appliedIdentifiers(db) : []
        let unknown = applied.subtracting(Schema.identifiers)
        if !unknown.isEmpty { return (StoreError.newerSchema(path: path, unknown: unknown.sorted()), false) }
        // Only a fully migrated file can be compared with what this binary makes.
        let complete = applied == Set(Schema.identifiers)
        if checkSchema, complete, try !SchemaCheck.isReference(db), let first = try SchemaCheck.structuralProblems(db).first {
            return (StoreError.foreignSchema(path: path, detail: first), complete)
        }
        return (nil, complete)
    }

    /// The SQLite header's application id of a Headway database: "HDWY".
    public static let applicationID: Int32 = 0x4844_5759

    /// Why the open file is another program's database, or nil when it is Headway's (its
    /// application id, or a Headway migration table from before the id was set) or empty.
    private static func foreignDatabase(_ db: Database) throws -> String? {
        let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        if id == applicationID { return nil }
        if id != 0 { return "application id 0x" + String(UInt32(bitPattern: id), radix: 16) }
        let names = try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name")
        if names.isEmpty { return nil }
        if names.contains("grdb_migrations"),
            try Bool.fetchOne(db, sql: "SELECT count(*) > 0 FROM grdb_migrations WHERE identifier = ?", arguments: [Schema.identifiers[0]]) == true
        {
            return nil
        }
        let shown = names.prefix(3).map { HeadwayCore.oneLine($0, limit: 40) }.joined(separator: ", ")
        return "tables \(shown)\(names.count > 3 ? " and \(names.count - 3) more" : "")"
    }

    /// Closes the connection (also done when the last copy of the store goes away).
    public func close() throws {
        do { try queue.close() } catch { throw StoreError(error, path: path, busyTimeout: busyTimeout) }
    }

    /// Runs `body` in one IMMEDIATE transaction: all of it is committed, or none of it. A
    /// transaction SQLite refuses as busy is run again, whole, until the busy timeout.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        if let readOnlyReason { throw readOnlyReason }
        do { return try retryingWhileBusy(seconds: busyTimeout) { try queue.write(body) } } catch {
            throw StoreError(error, path: path, busyTimeout: busyTimeout)
        }
    }

    /// Runs `body` in a read transaction: in WAL mode it never waits for a writer.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try retryingWhileBusy(seconds: busyTimeout) { try queue.read(body) } } catch {
            throw StoreError(error, path: path, busyTimeout: busyTimeout)
        }
    }
}

extension StoreError {
    /// Maps SQLite's result codes to what the person must hear.
    init(_ error: any Error, path: String, busyTimeout: Double) {
        if let e = error as? StoreError { self = e; return }
        if let e = error as? ForeignData { self = .foreignSchema(path: path, detail: e.detail); return }
        guard let e = error as? DatabaseError else {
            self = .io(path: path, detail: String(describing: error)); return
        }
        switch e.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: self = .busy(path: path, seconds: busyTimeout)
        case .SQLITE_FULL: self = .diskFull(path: path)
        case .SQLITE_NOTADB: self = .notADatabase(path: path)
        case .SQLITE_CORRUPT: self = .corrupted(path: path, detail: oneLine([e.message ?? "database disk image is malformed"]))
        case .SQLITE_CONSTRAINT: self = .invalid("\(path): refused a row the model does not allow (\(e.message ?? "constraint failed"))")
        case .SQLITE_READONLY: self = .io(path: path, detail: "it is read-only (\(e.message ?? "readonly"))")
        case .SQLITE_IOERR where e.extendedResultCode == .SQLITE_IOERR_WRITE:
            // A write past RLIMIT_FSIZE or onto a full disk that could not even start arrives
            // as IOERR_WRITE rather than FULL; either way nothing was committed.
            self = .diskFull(path: path)
        default: self = .io(path: path, detail: e.message ?? "SQLite error \(e.resultCode.rawValue)")
        }
    }
}

/// `close(2)`; `Store.close()` shadows the bare name inside the type.
private func systemClose(_ fd: Int32) -> Int32 { close(fd) }

/// SQLite's integrity findings come as several lines, each possibly multi-line; the person
/// gets the first finding and a count (`headway doctor` lists them all).
func oneLine(_ findings: [String]) -> String {
    let lines = findings.flatMap { $0.split(separator: "\n") }
        .map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty && !$0.hasPrefix("***") }
    guard let first = lines.first else { return "integrity check failed" }
    return lines.count == 1 ? first : "\(first), and \(lines.count - 1) more"
}
