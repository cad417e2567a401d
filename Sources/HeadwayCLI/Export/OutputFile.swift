import Foundation

/// Where an export goes: a file replaced atomically, or standard output (`-`).
///
/// A file is never left half-written: the bytes go to a temporary file in the same folder
/// (so the rename cannot cross file systems), which is flushed to disk with `fsync` and then
/// renamed over the target; the folder is synced too, so the rename itself survives a crash.
/// Every failure is one line naming the path and what to do.
struct OutputFile {
    /// The path as the user gave it (`-` for standard output).
    let path: String

    init(_ path: String) { self.path = path }

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
            // Through `print`'s buffer, so it stays in order with the rest of the command's output.
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
            return nil
        }
        try replace(with: Data(text.utf8))
        return "Wrote \(shown) (\(byteCount(text.utf8.count)))."
    }

    /// Checks that the file can be placed where it is asked for, before any work is done:
    /// a folder that is missing, or a name that is a folder, is reported at once.
    func check() throws {
        if !isStandardOutput { _ = try placement() }
    }

    /// The resolved target and its folder, or the one-line error for a place a file cannot go.
    private func placement() throws -> (target: String, folder: String) {
        let target = resolved
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        guard !path.isEmpty, !name.isEmpty, !path.hasSuffix("/") else {
            throw CLIError("cannot write '\(path)': it names a folder, not a file; give a file name such as plan.ics")
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isFolder), isFolder.boolValue {
            throw CLIError("cannot write \(shown): it is a folder; give a file name inside it")
        }
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
            throw CLIError("cannot write \(shown): the folder \(folder) does not exist; create it first or choose another --output")
        }
        guard isFolder.boolValue else {
            throw CLIError("cannot write \(shown): \(folder) is not a folder; choose another --output")
        }
        return (target, folder)
    }

    /// Replaces the file at `path` with `data` atomically.
    func replace(with data: Data) throws {
        let (target, folder) = try placement()
        let name = (target as NSString).lastPathComponent
        // A replaced file keeps its mode; a new one gets 0644 less the umask, as `>` would give it
        // (mkstemp alone would leave it 0600).
        let existing = (try? FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? NSNumber)
            .map { mode_t($0.uint16Value) }
        let mask = umask(0); umask(mask)
        let mode = existing ?? (0o644 & ~mask)

        var template = Array((folder + "/." + name + ".headway-XXXXXX").utf8CString)
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
    private func failure(_ code: Int32, folder: String) -> CLIError {
        switch code {
        case EACCES, EPERM:
            return CLIError("cannot write \(shown): permission denied in \(folder); choose a folder you can write to")
        case EROFS:
            return CLIError("cannot write \(shown): \(folder) is on a read-only file system; choose another --output")
        case ENOSPC, EDQUOT, EFBIG:
            return CLIError("cannot write \(shown): the disk is full (or a size limit was reached); free some space and retry; the old file, if any, is unchanged")
        case ENOENT:
            return CLIError("cannot write \(shown): the folder \(folder) does not exist; create it first or choose another --output")
        case ENOTDIR:
            return CLIError("cannot write \(shown): a part of \(folder) is not a folder; choose another --output")
        default:
            return CLIError("cannot write \(shown): \(String(cString: strerror(code))); the old file, if any, is unchanged")
        }
    }
}

/// `512 bytes`, `12.3 KB`, `1.2 MB`.
func byteCount(_ n: Int) -> String {
    if n < 1000 { return "\(n) bytes" }
    if n < 1_000_000 { return fixed(Double(n) / 1000, 1) + " KB" }
    return fixed(Double(n) / 1_000_000, 1) + " MB"
}
