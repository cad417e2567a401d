import Foundation
import HeadwayCore

/// Everything that can go wrong with the database, each printed as one line that names the
/// file and says what to do.
public enum StoreError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The file exists but is not an SQLite database.
    case notADatabase(path: String)
    /// The file is an SQLite database that fails its integrity check.
    case corrupted(path: String, detail: String)
    /// The file lists migrations this binary does not know: a newer Headway wrote it.
    case newerSchema(path: String, unknown: [String])
    /// The database's folder cannot be written (WAL needs its `-wal` and `-shm` files there).
    case readOnlyFolder(folder: String)
    /// The folder for the database could not be created.
    case cannotCreateFolder(folder: String, reason: String)
    /// Another process held the write lock longer than the busy timeout.
    case busy(path: String, seconds: Double)
    /// The disk (or the process's file size limit) is full; the transaction was rolled back.
    case diskFull(path: String)
    /// Any other I/O failure reported by SQLite.
    case io(path: String, detail: String)
    /// A row the model forbids (a level out of range, a duplicate name…).
    case invalid(String)
    case noSuchProfile(name: String, path: String)
    case profileExists(name: String, path: String)
    case noCurrentProfile(path: String)
    /// An export document that cannot be read.
    case badArchive(path: String, detail: String)
    /// The schema or a stored value is not what this binary writes: the file was changed by
    /// hand or by another program (a dropped column, text in a number column).
    case foreignSchema(path: String, detail: String)
    /// A command that must write was given a database it can only read (read-only media, a
    /// read-only file); reading commands still work.
    case readOnly(path: String)
    /// The path names something that is not a regular file (a FIFO, a device, a folder, a
    /// socket): refused before it is opened, so a FIFO cannot hang the command.
    case notARegularFile(path: String, kind: String)
    /// An SQLite database that is not empty and is not Headway's (another program's data):
    /// refused before anything could write to it.
    case foreignDatabase(path: String, detail: String)
    /// A journaled change `undo` cannot revert to anything a command could have written.
    case unrevertable(change: Int64, detail: String)

    /// One line: control characters from a path, a name or a document are escaped.
    public var description: String { oneLine(text, limit: 1000) }

    private var text: String {
        switch self {
        case .notADatabase(let path):
            return "\(path) is not a Headway database (not an SQLite file); move it aside or pass --db PATH to use another file"
        case .corrupted(let path, let detail):
            return "\(path) is corrupted (\(detail)); restore a backup or re-import an export into a new file with --db PATH; the file was left as it is"
        case .newerSchema(let path, let unknown):
            return
                "\(path) was written by a newer Headway (unknown migrations: \(unknown.joined(separator: ", "))); upgrade headway to open it; the file was left as it is"
        case .readOnlyFolder(let folder):
            return "cannot write in \(folder): the folder is read-only; make it writable or pass --db PATH in a writable folder"
        case .cannotCreateFolder(let folder, let reason):
            return "cannot create the folder \(folder) (\(reason)); create it or pass --db PATH elsewhere"
        case .busy(let path, let seconds):
            return "\(path) is busy: another process has held its write lock for more than \(format(seconds)) s; try again when it has finished"
        case .diskFull(let path):
            return "cannot write to \(path): the disk is full (or the file size limit was reached); free some space and retry; nothing was saved"
        case .io(let path, let detail):
            return "cannot use \(path): \(detail); check the disk and the file's permissions"
        case .invalid(let detail):
            return detail
        case .noSuchProfile(let name, let path):
            return "no profile named '\(oneLine(name, limit: 64))' in \(path); see `headway profile list`"
        case .profileExists(let name, let path):
            return "a profile named '\(oneLine(name, limit: 64))' already exists in \(path); choose another name"
        case .noCurrentProfile(let path):
            return "no current profile in \(path); create one with `headway profile new NAME --from ASSESSMENT` or pick one with `headway profile use NAME`"
        case .badArchive(let path, let detail):
            return "\(path) is not a Headway profile export: \(detail)"
        case .foreignSchema(let path, let detail):
            return
                "\(path) was changed outside Headway (\(detail)); restore a backup, or run `headway doctor` to see every difference; the file was left as it is"
        case .readOnly(let path):
            return "cannot write to \(path): it is read-only (a read-only file or disk); reading commands still work; nothing was saved"
        case .notARegularFile(let path, let kind):
            return "cannot use \(path) as the database: it is \(kind), not a regular file; pass --db PATH to a database file"
        case .unrevertable(let change, let detail):
            return "cannot undo change #\(change): \(detail); nothing was changed; `headway doctor` names the journal's problems"
        case .foreignDatabase(let path, let detail):
            return
                "\(path) is another program's SQLite database (\(detail)), not Headway's; it was left as it is; pass --db PATH to a Headway database or a new file"
        }
    }

    /// The class of the failure (`MODEL.md` §7): what a script can tell from the exit status.
    public var exitClass: ExitClass {
        switch self {
        case .notADatabase, .newerSchema, .busy, .foreignSchema, .notARegularFile, .foreignDatabase: .unavailable
        case .corrupted, .invalid, .badArchive, .unrevertable: .data
        case .readOnlyFolder, .cannotCreateFolder, .profileExists, .readOnly: .cantCreate
        case .diskFull, .io: .io
        case .noSuchProfile, .noCurrentProfile: .noInput
        }
    }

    /// The exit status of ``exitClass``.
    public var exitCode: Int32 { exitClass.rawValue }

    private func format(_ x: Double) -> String { Int(exactly: x).map(String.init) ?? String(x) }
}

extension StoreError: ClassifiedError {}
