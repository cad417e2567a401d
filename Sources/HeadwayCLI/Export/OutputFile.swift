import Foundation
import HeadwayCore
import HeadwayStore

/// Where an export goes: a file replaced atomically, or standard output (`-`).
///
/// A file is never left half-written: the bytes go to a temporary file in the same folder
/// (so the rename cannot cross file systems), which is flushed to disk with `fsync` and then
/// renamed over the target; the folder is synced too, so the rename itself survives a crash.
/// Every failure is one line naming the path and what to do.
///
/// It never writes over the record: the database, its `-wal`, `-shm` and `-journal` files, the
/// files Headway keeps beside it, or any file inside the default data folder (compared after
/// following symlinks and `..`, and by inode for hard links). A symlink is followed: the file
/// it names is replaced, and the link stays. A replaced file keeps its mode; a new one gets
/// `newFileMode` (0644 for plans and reports, 0600 for a profile's whole history) less the
/// umask. Markdown and plain text go through the terminal sanitizer, as standard output does.
struct OutputFile {
    /// The path as the user gave it (`-` for standard output).
    let path: String
    /// The mode of a file that did not exist before (less the umask).
    let newFileMode: mode_t

    init(_ path: String, newFileMode: mode_t = 0o644) { self.path = path; self.newFileMode = newFileMode }

    var isStandardOutput: Bool { path == "-" }

    /// The absolute path with `.` and `..` resolved, for messages when it differs from `path`.
    var resolved: String {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
            .standardizedFileURL.path
    }

    /// The path as given, with where it lands when that is not obvious (`..`, relative paths).
    var shown: String {
        let r = resolved
        return r == path ? path : "\(path) (\(r))"
    }

    /// The text written to standard output, or to the file; returns a line saying where it went
    /// (nil for standard output, whose content speaks for itself).
    @discardableResult
    func write(_ text: String) throws -> String? {
        if isStandardOutput {
            // Through the output's buffer (and its sanitizer), so it stays in order with the rest
            // of the command's output; JSON gets JSON escapes, so it still parses; a document is
            // never fitted to the terminal's width.
            let terminator = text.hasSuffix("\n") ? "" : "\n"
            if Self.looksLikeJSON(text) {
                printJSONText(text, terminator: terminator)
            } else {
                Console.document(text, terminator: terminator)
            }
            return nil
        }
        try replace(with: Data((readByTerminal ? terminalSafe(text) : text).utf8))
        return "Wrote \(shown) (\(byteCount(text.utf8.count)))."
    }

    /// Checks that the file can be placed where it is asked for, before any work is done:
    /// a folder that is missing, or a name that is a folder, is reported at once.
    func check() throws {
        if !isStandardOutput { _ = try placement() }
    }

    /// ``check()``, and that the file is not `database` or one of Headway's own files.
    func check(database: String) throws {
        guard !isStandardOutput else { return }
        OpenedDatabases.add(database)
        _ = try placement()
    }

    /// Whether the file is one a person reads in a terminal or an editor (text, and the plain-text
    /// export formats such as Markdown): iCalendar, CSV, HTML, JSON and DOT keep their own escaping.
    var readByTerminal: Bool {
        (["txt", "text", ""] + ExportFormats.plainTextExtensions).contains((resolved as NSString).pathExtension.lowercased())
    }

    static func looksLikeJSON(_ text: String) -> Bool {
        guard let first = text.first(where: { !$0.isWhitespace }) else { return false }
        return first == "{" || first == "["
    }

    /// The resolved target and its folder, or the one-line error for a place a file cannot go.
    private func placement() throws -> (target: String, folder: String) {
        guard !path.isEmpty, !(resolved as NSString).lastPathComponent.isEmpty, !path.hasSuffix("/") else {
            throw HeadwayError(.cantCreate, "cannot write '\(path)': it names a folder, not a file; give a file name such as plan.ics")
        }
        // /dev/stdout, /dev/fd/N and /proc/…/fd/N name open files, not places for a file.
        if ["/dev/stdin", "/dev/stdout", "/dev/stderr"].contains(resolved) || resolved.hasPrefix("/dev/fd/") || resolved.hasPrefix("/proc/") {
            throw HeadwayError(
                .cantCreate, "cannot write \(shown): it names an open file, not a place for one; nothing was written; give - for standard output")
        }
        if let kind = Store.irregularKind(resolved), kind != "a folder" {
            throw HeadwayError(
                .cantCreate,
                "cannot write \(shown): it is \(kind), not a regular file; nothing was written; give a file name, or - for standard output")
        }
        // A symlink is followed to the file it names, which is what gets replaced.
        let target = Store.resolvedPath(resolved)
        let folder = (target as NSString).deletingLastPathComponent
        if let record = OpenedDatabases.protectedFile(target) {
            throw HeadwayError(.cantCreate, "cannot write \(shown): it is \(record); nothing was written; choose a file outside Headway's data")
        }
        // Only a regular file is replaced: a FIFO would block, and a device node (as root) would
        // be replaced by a file. stat(2) follows links and never opens what it looks at.
        if let kind = Store.irregularKind(target), kind != "a folder" {
            throw HeadwayError(
                .cantCreate,
                "cannot write \(shown): it is \(kind), not a regular file; nothing was written; give a file name, or - for standard output")
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isFolder), isFolder.boolValue {
            throw HeadwayError(.cantCreate, "cannot write \(shown): it is a folder; give a file name inside it")
        }
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
            throw HeadwayError(.cantCreate, "cannot write \(shown): the folder \(folder) does not exist; create it first or choose another --output")
        }
        guard isFolder.boolValue else {
            throw HeadwayError(.cantCreate, "cannot write \(shown): \(folder) is not a folder; choose another --output")
        }
        return (target, folder)
    }

    /// Replaces the file at `path` with `data` atomically.
    func replace(with data: Data) throws {
        let (target, folder) = try placement()
        let name = (target as NSString).lastPathComponent
        // A replaced file keeps its mode (stat follows a link to the file it names); a new one
        // gets `newFileMode` less the umask (mkstemp alone would leave it 0600).
        var info = stat()
        let existing = stat(target, &info) == 0 ? info.st_mode & 0o7777 : nil
        let mask = umask(0); umask(mask)
        // A whole history (newFileMode 0600) is private whatever the file it replaces allowed.
        let mode = newFileMode == 0o600 ? 0o600 : existing ?? (newFileMode & ~mask)

        // The process id in the name lets a later write remove what a killed one left.
        let prefix = "." + name + ".headway-"
        TemporaryFiles.removeAbandoned(in: folder, prefix: prefix)
        var template = Array((folder + "/" + prefix + "\(getpid())-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw failure(errno, folder: folder) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var renamed = false
        defer {
            if !renamed { unlink(temporary) }
        }
        do {
            defer { close(fd) }
            try data.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw failure(errno, folder: folder)
                    }
                    offset += n
                }
            }
            fchmod(fd, mode)
            guard fsync(fd) == 0 else { throw failure(errno, folder: folder) }
        }
        guard rename(temporary, target) == 0 else { throw failure(errno, folder: folder) }
        renamed = true
        // The rename is durable only once the folder's entry is on disk.
        let dir = open(folder, O_RDONLY | O_DIRECTORY)
        if dir >= 0 { _ = fsync(dir); close(dir) }
    }

    /// One line for a failed write: the path, the reason, and what to do.
    private func failure(_ code: Int32, folder: String) -> HeadwayError {
        switch code {
        case EACCES, EPERM:
            return HeadwayError(.cantCreate, "cannot write \(shown): permission denied in \(folder); choose a folder you can write to")
        case EROFS:
            return HeadwayError(.cantCreate, "cannot write \(shown): \(folder) is on a read-only file system; choose another --output")
        case ENOSPC, EDQUOT, EFBIG:
            return HeadwayError(
                .cantCreate,
                "cannot write \(shown): the disk is full (or a size limit was reached); free some space and retry; the old file, if any, is unchanged")
        case ENOENT:
            return HeadwayError(.cantCreate, "cannot write \(shown): the folder \(folder) does not exist; create it first or choose another --output")
        case ENOTDIR:
            return HeadwayError(.cantCreate, "cannot write \(shown): a part of \(folder) is not a folder; choose another --output")
        default:
            return HeadwayError(.io, "cannot write \(shown): \(String(cString: strerror(code))); the old file, if any, is unchanged")
        }
    }
}

/// `512 bytes`, `12.3 KB`, `1.2 MB`.
func byteCount(_ n: Int) -> String {
    if n < 1000 { return "\(n) bytes" }
    if n < 1_000_000 { return fixed(Double(n) / 1000, 1) + " KB" }
    return fixed(Double(n) / 1_000_000, 1) + " MB"
}

/// Databases this process opened or was told about, and the files that belong to them: an
/// export must never replace one (`export history --output "$HEADWAY_DB"`).
enum OpenedDatabases {
    private static let lock = NSLock()
    // Guarded by `lock`.
    nonisolated(unsafe) private static var paths: Set<String> = []

    /// Notes a database this run opens. The path is resolved only when an export asks
    /// (``protectedFile(_:)``): resolving it on every open was a few percent of a one-shot command.
    static func add(_ path: String) {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        lock.lock(); defer { lock.unlock() }
        paths.insert(absolute)
    }

    /// What `target` (a resolved path) is, when it is part of Headway's record, else nil.
    static func protectedFile(_ target: String) -> String? {
        lock.lock(); let opened = paths; lock.unlock()
        var databases = Set(opened.map(realPath))
        databases.insert(realPath(Environment.databasePath(nil)))
        let real = realPath(target)
        var targetInfo = stat()
        let exists = stat(real, &targetInfo) == 0
        for db in databases {
            let own = [
                db: "the database", db + "-wal": "the database's write-ahead log", db + "-shm": "the database's shared-memory index",
                db + "-journal": "the database's journal", db + ".drafts.json": "Headway's assessment drafts"
            ]
            if let what = own[real] { return "\(what) (\(db))" }
            var dbInfo = stat()
            if exists, stat(db, &dbInfo) == 0, dbInfo.st_dev == targetInfo.st_dev, dbInfo.st_ino == targetInfo.st_ino {
                return "the database (\(db)), under another name"
            }
            if real == (db as NSString).deletingLastPathComponent + "/history" { return "the shell's history (beside \(db))" }
        }
        let data = realPath(Environment.dataFolder())
        if real.hasPrefix(data + "/") { return "inside Headway's data folder \(data)" }
        // The folders Headway keeps beside any database it uses (the installed curricula), its
        // configuration and its cache: no export may land in them either.
        var owned: [(String, String)] = databases.map {
            (realPath((($0 as NSString).deletingLastPathComponent as NSString).appendingPathComponent("curricula")), "inside Headway's installed curricula")
        }
        owned.append((realPath(Environment.configFolder()), "inside Headway's configuration folder"))
        if let cache = Environment.cacheFolder() { owned.append((realPath(cache.path), "inside Headway's cache folder")) }
        for (folder, what) in owned where real == folder || real.hasPrefix(folder + "/") {
            return "\(what) \(folder)"
        }
        return nil
    }

    /// `path` absolute, with `..`, `.` and every symlink of its existing part resolved.
    static func realPath(_ path: String) -> String {
        let followed = Store.resolvedPath(URL(fileURLWithPath: path).standardizedFileURL.path)
        var folder = (followed as NSString).deletingLastPathComponent
        var rest: [String] = [(followed as NSString).lastPathComponent]
        // realpath(3) needs an existing path: resolve the longest existing folder.
        while !folder.isEmpty, folder != "/" {
            if let resolved = realpath(folder, nil) {
                defer { free(resolved) }
                return ([String(cString: resolved)] + rest.reversed()).joined(separator: "/").replacingOccurrences(of: "//", with: "/")
            }
            rest.append((folder as NSString).lastPathComponent)
            folder = (folder as NSString).deletingLastPathComponent
        }
        return followed
    }
}

/// Temporary files an atomic write leaves when it is killed between creating and renaming.
enum TemporaryFiles {
    /// Removes `prefix<pid>…suffix` files in `folder` whose process is gone.
    static func removeAbandoned(in folder: String, prefix: String, suffix: String = "") {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(suffix) {
            let rest = name.dropFirst(prefix.count)
            guard let pid = Int32(rest.prefix { $0.isNumber }), pid > 0, pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(folder + "/" + name) }
        }
    }
}
