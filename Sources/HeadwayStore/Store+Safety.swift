import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// What keeps a file Headway did not write (a hand-edited schema, a value of the wrong type,
// a symlink, a leftover read-only `-shm`, another process holding the write lock) from
// crashing a command or costing a row.

// MARK: - Reading rows defensively

/// A row or a schema this binary did not write; ``StoreError`` adds the file's path.
struct ForeignData: Error { let detail: String; init(_ d: String) { detail = d } }

extension Row {
    /// The value of `column` as `T`, or a one-line error naming the table, the column and the
    /// value: a file changed by hand (`UPDATE logs SET hours = 'abc'`, a dropped column) must be
    /// refused, never trap as GRDB's subscript does. Optional `T` accepts NULL (and a missing
    /// column).
    func decoded<T: DatabaseValueConvertible>(_ column: String, _ table: String) throws -> T {
        try Self.checked(hasColumn(column) ? self[column] as DatabaseValue : nil, column, table)
    }

    /// `value` as `T`; nil when the row has no such column.
    fileprivate static func checked<T: DatabaseValueConvertible>(_ value: DatabaseValue?, _ column: String, _ table: String) throws -> T {
        guard let value else {
            // Only reached when the schema check was skipped (`profile export`, `doctor`): an
            // optional value can do without its column, a required one cannot.
            if let missing = T.fromMissingColumn() { return missing }
            throw ForeignData("table \(table) has no column \(column)")
        }
        guard let decoded = T.fromDatabaseValue(value) else {
            throw ForeignData("\(table).\(column) holds \(Self.shown(value)), which is not \(Self.expected(T.self))")
        }
        if let d = decoded as? Double, !d.isFinite {
            throw ForeignData("\(table).\(column) holds \(d), which is not a finite number")
        }
        return decoded
    }

    /// A level column (`0...4`, or `1...4` for what a plan or log reaches).
    func level(_ column: String, _ table: String, _ range: ClosedRange<Int> = 1...4) throws -> Int {
        try Self.inLevels(try decoded(column, table), column, table, range)
    }

    fileprivate static func inLevels(_ level: Int, _ column: String, _ table: String, _ range: ClosedRange<Int>) throws -> Int {
        guard range.contains(level) else {
            throw ForeignData("\(table).\(column) holds \(level); levels are \(range.lowerBound)..\(range.upperBound)")
        }
        return level
    }

    private static func shown(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return "NULL"
        case .int64(let i): return String(i)
        case .double(let d): return String(d)
        case .string(let s): return "'\(s.prefix(40))'"
        case .blob(let b): return "a \(b.count)-byte blob"
        }
    }

    private static func expected<T>(_ type: T.Type) -> String {
        let name = String(describing: type)
        if name.contains("Double") { return "a number" }
        if name.contains("Int") { return "an integer" }
        if name.contains("Bool") { return "0 or 1" }
        if name.contains("String") { return "text" }
        return name
    }
}

/// The row a statement stands on, read in place: each value straight from SQLite's statement,
/// with the checks and errors of ``GRDB/Row/decoded(_:_:)``. (GRDB's `Row` decodes a value
/// through a generic path that builds a decoding context, which was most of the time of
/// reading a year of logs and plans.) Valid only while the statement stays on that row.
struct StepRow {
    let statement: SQLiteStatement

    /// The value of `column` (found once for its statement, ``StatementColumns``) as `T`.
    /// Optional `T` accepts NULL (and a missing column).
    func decoded<T: DatabaseValueConvertible>(_ column: StatementColumn) throws -> T {
        try Row.checked(value(column), column.name, column.table)
    }

    /// A level column (`1...4` unless `range` says otherwise).
    func level(_ column: StatementColumn, _ range: ClosedRange<Int> = 1...4) throws -> Int {
        try Row.inLevels(try decoded(column), column.name, column.table, range)
    }

    /// The raw value of `column`; nil when the statement has no such column.
    func value(_ column: StatementColumn) -> DatabaseValue? {
        column.index.map { DatabaseValue(sqliteStatement: statement, index: CInt($0)) }
    }
}

/// A column of `table` as one statement returns it: its position, or nil when the statement
/// has no such column.
struct StatementColumn {
    let table: String
    let name: String
    let index: Int?
}

/// The columns of one statement's rows by name, found once per statement rather than once per
/// row and value; names match as GRDB's do (case-insensitively, the first of a name).
struct StatementColumns {
    let table: String
    private let positions: [String: Int]

    init(_ statement: Statement, table: String) {
        self.table = table
        var positions: [String: Int] = [:]
        for (i, name) in statement.columnNames.enumerated() where positions[name.lowercased()] == nil {
            positions[name.lowercased()] = i
        }
        self.positions = positions
    }

    subscript(_ name: String) -> StatementColumn {
        StatementColumn(table: table, name: name, index: positions[name] ?? positions[name.lowercased()])
    }
}

extension Database {
    /// `body` applied to every row of a query-interface request, whose values come from `table`
    /// (the name errors give), with the statement's columns found once (``StatementColumns``).
    func decodeRows<T>(
        of table: String, _ request: QueryInterfaceRequest<Row>, _ body: (StepRow, StatementColumns) throws -> T
    ) throws -> [T] {
        try decodeRows(of: table, request, columns: { $0 }, body)
    }

    /// ``decodeRows(of:_:_:)`` with the columns `body` reads found once, before the first row
    /// (`columns`), not by name (a hashed lookup) for every value of every row: the year's 624
    /// logs of 11 columns each made 6,900 of them.
    func decodeRows<C, T>(
        of table: String, _ request: QueryInterfaceRequest<Row>, columns: (StatementColumns) -> C, _ body: (StepRow, C) throws -> T
    ) throws -> [T] {
        let statement = try request.makePreparedRequest(self, forSingleResult: false).statement
        let all = StatementColumns(statement, table: table)
        let found = columns(all)
        let rows = try Row.fetchCursor(statement, arguments: statement.arguments)
        let step = StepRow(statement: statement.sqliteStatement)
        var decoded: [T] = []
        let id = all["id"]
        while try rows.next() != nil {
            do { decoded.append(try body(step, found)) } catch let error as ForeignData {
                // Name the row, so `doctor` and the error say which one to look at.
                let rowID = step.value(id).flatMap { Int64.fromDatabaseValue($0) }
                let detail = error.detail.hasPrefix("\(table).") ? String(error.detail.dropFirst(table.count + 1)) : error.detail
                throw ForeignData("\(table) row \(rowID.map(String.init) ?? "?"), " + detail)
            }
        }
        return decoded
    }
}

// MARK: - The schema this binary writes

enum SchemaCheck {
    /// A column as `pragma_table_info` declares it (the type upper-cased).
    typealias Column = (name: String, type: String, notNull: Bool)

    /// The schema of an in-memory database migrated from scratch: what ``reference`` (written
    /// out, so a run does not pay for the migrations) must equal; `SchemaTests` compares them.
    static func migrated() throws -> [(table: String, columns: [Column])] {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue)
        return try queue.read { db in try columns(db) }
    }

    /// Every table but SQLite's and GRDB's own, by name, with its columns in order, read in
    /// one statement (a statement per table was most of the check's time).
    static func columns(_ db: Database) throws -> [(table: String, columns: [Column])] {
        var tables: [(table: String, columns: [Column])] = []
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT m.name, p.name, p.type, p."notnull" FROM sqlite_master m JOIN pragma_table_info(m.name) p
                WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name != 'grdb_migrations'
                ORDER BY m.name, p.cid
                """)
        {
            let table: String = row[0]
            let column: Column = (name: row[1], type: (row[2] as String).uppercased(), notNull: (row[3] as Int) != 0)
            if tables.last?.table == table { tables[tables.count - 1].columns.append(column) } else { tables.append((table, [column])) }
        }
        return tables
    }

    /// A hash of the schema as SQLite keeps it: every schema object's type, name and creating
    /// statement, by name (FNV-1a, 64 bits).
    static func fingerprint(_ db: Database) throws -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let objects = Table("sqlite_master").select(GRDB.Column("type"), GRDB.Column("name"), GRDB.Column("sql"))
            .order(GRDB.Column("type"), GRDB.Column("name"))
        for row in try Row.fetchAll(db, objects) {
            for value in [row[0] as String?, row[1] as String?, row[2] as String?] {
                for byte in (value ?? "NULL").utf8 + [0] {
                    hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
                }
            }
        }
        return hash
    }

    /// Whether the file's schema is, statement for statement, the one this binary's migrations
    /// make (``referenceFingerprint``): it then has no structural problem, and the comparison
    /// column by column (most of an open's check) is not needed.
    static func isReference(_ db: Database) throws -> Bool { try fingerprint(db) == referenceFingerprint }

    /// What differs from the reference: a missing table or column, a column of another type.
    /// Extra tables and columns are allowed (another tool's additions do not hurt Headway).
    static func structuralProblems(_ db: Database) throws -> [String] {
        let found = Dictionary(try columns(db).map { ($0.table, $0.columns) }, uniquingKeysWith: { a, _ in a })
        var problems: [String] = []
        for (table, columns) in reference {
            guard let have = found[table] else { problems.append("table \(table) is missing"); continue }
            let byName = Dictionary(have.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            for c in columns {
                guard let h = byName[c.name] else { problems.append("table \(table) has no column \(c.name)"); continue }
                if h.type != c.type { problems.append("\(table).\(c.name) is declared \(h.type.isEmpty ? "without a type" : h.type), not \(c.type)") }
            }
        }
        return problems
    }

    /// Values of the wrong storage class (`UPDATE logs SET hours = 'abc'`), per column, found by
    /// a scan of every row: `doctor`'s part, too slow to run on every open of a large file.
    static func valueProblems(_ db: Database) throws -> [String] {
        let found = Dictionary(try columns(db).map { ($0.table, Set($0.columns.map(\.name))) }, uniquingKeysWith: { a, _ in a })
        var problems: [String] = []
        for (table, columns) in reference {
            guard let have = found[table] else { continue }
            for c in columns where have.contains(c.name) {
                let allowed: [String]
                switch c.type {
                case "INTEGER": allowed = ["integer"]
                case "REAL": allowed = ["integer", "real"]
                case "TEXT": allowed = ["text"]
                default: continue
                }
                let types = allowed + (c.notNull ? [] : ["null"])
                let typeOf: SQLExpression = SQL("typeof(\(GRDB.Column(c.name)))").sqlExpression
                let bad = try Table(table).filter(!types.contains(typeOf)).fetchCount(db)
                if bad > 0 {
                    problems.append("\(table).\(c.name): \(bad) row\(bad == 1 ? "" : "s") of another type than \(c.type)")
                }
            }
        }
        return problems
    }
}

// MARK: - Waiting for the write lock

/// SQLite's own busy handler sleeps longer and longer (up to 100 ms) between tries, so with
/// several writers one of them can lose every race for seconds while no transaction is long.
/// This one tries again every 1–4 ms (at random, so waiting processes do not move in step)
/// until `seconds` have passed since the wait began.
final class BusyWait: @unchecked Sendable {
    private let seconds: Double
    private let lock = NSLock()
    private var started: Double = 0

    init(seconds: Double) { self.seconds = seconds }

    var callback: Database.BusyCallback {
        { [self] tries in
            let now = Self.now()
            lock.lock()
            if tries == 0 { started = now }
            let waited = now - started
            lock.unlock()
            guard waited < seconds else { return false }
            usleep(useconds_t.random(in: 1_000...4_000))
            return true
        }
    }

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}

extension DatabaseError {
    /// Busy or locked: worth running the whole transaction again.
    var isBusy: Bool { resultCode == .SQLITE_BUSY || resultCode == .SQLITE_LOCKED }
}

/// Runs `body` again while it fails with SQLITE_BUSY (a lock SQLite could not wait for, such as
/// a snapshot that moved, or WAL recovery by another process), until `seconds` have passed.
func retryingWhileBusy<T>(seconds: Double, _ body: () throws -> T) throws -> T {
    let start = BusyWait.now()
    while true {
        do { return try body() } catch let e as DatabaseError where e.isBusy && BusyWait.now() - start < seconds {
            usleep(useconds_t.random(in: 2_000...10_000))
        }
    }
}

// MARK: - Paths

extension Store {
    /// `path` with a symlink in its last component followed to the file it names, as
    /// ``open(at:busyTimeout:checkSchema:)`` does (a dangling link gives its target).
    public static func resolvedPath(_ path: String) -> String { DatabasePath.resolvingLinks(path) }

    /// What `path` is when it exists and is not a regular file ("a FIFO (named pipe)", "a
    /// device", "a folder", "a socket"), found without opening it; nil otherwise.
    public static func irregularKind(_ path: String) -> String? { DatabasePath.irregularKind(path) }
}

enum DatabasePath {
    /// `path` with a symlink in its last component followed to the file it names (up to 40
    /// links, relative ones from the link's folder), so the file is created 0600 where it will
    /// live and `doctor` checks the real file's mode. A dangling link gives its target.
    static func resolvingLinks(_ path: String) -> String {
        var current = URL(fileURLWithPath: path).standardizedFileURL.path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK,
                let target = try? FileManager.default.destinationOfSymbolicLink(atPath: current)
            else { return current }
            let base = (current as NSString).deletingLastPathComponent
            current = URL(fileURLWithPath: target.hasPrefix("/") ? target : base + "/" + target).standardizedFileURL.path
        }
        return current
    }

    /// The file's mode from `stat` (which follows links), or nil when it does not exist.
    static func mode(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_mode & 0o7777)
    }

    /// What to hand SQLite to read `path`. In WAL mode a reader needs the `-shm` file, and on
    /// read-only media (or in a folder it cannot write) it cannot create one: a file without
    /// a pending `-wal` cannot change there, so it is opened as immutable, which needs neither.
    static func forReading(_ path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        // A read-only file (0400) in a writable folder too: SQLite would leave `-wal` and `-shm`
        // files beside it, of the file's mode, which nothing could then write.
        guard access(folder, W_OK) != 0 || access(path, W_OK) != 0, !FileManager.default.fileExists(atPath: path + "-shm"), wal == 0
        else { return path }
        return immutable(path)
    }

    /// `path` as a URI SQLite opens without locks and without creating `-wal` or `-shm`.
    static func immutable(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        return "file:" + (path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path) + "?immutable=1"
    }

    /// What `path` is when it exists and is not a regular file (after following links): "a FIFO
    /// (named pipe)", "a device", "a folder", "a socket"; nil for a regular file or no file.
    /// Only `stat` is used: opening a FIFO would block until a writer came.
    static func irregularKind(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFDIR: return "a folder"
        case S_IFSOCK: return "a socket"
        default: return "an unknown kind of file"
        }
    }

    /// The `-wal` and `-shm` files beside the database.
    static func sidecars(_ path: String) -> [String] { [path + "-wal", path + "-shm"] }
}

/// The row of `table` whose `id` is `id`, to read, update or delete through the query interface.
func rowOf(_ table: String, id: Int64) -> QueryInterfaceRequest<Row> { Table(table).filter(Column("id") == id) }
