import Foundation
import HeadwayCore

/// The curricula installed in the data folder, one folder per content version, and which
/// one is active.
///
///     <data>/curricula/2026.12/        a validated copy (skills.yaml, signals.yaml, curricula.yaml, roles/)
///     <data>/curricula/active -> 2026.12   a symbolic link; none means the bundled curricula
///
/// A version's folder appears whole or not at all: it is written under a temporary name,
/// every file and folder is flushed to disk, then it is renamed into place. The `active` link
/// is replaced the same way (a new link renamed over the old), so a crash at any point leaves
/// the old or the new curricula active, never a half-copied one.
public struct CurriculaShelf: Sendable {
    /// `<data>/curricula`.
    public let folder: URL

    public init(folder: URL) { self.folder = folder }

    /// The problem an install or a switch ran into, as one line.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
        init(_ d: String) { description = d }
    }

    static let activeName = "active"

    /// Installed versions, oldest first.
    public func versions() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { CurriculaRelease.isValid($0) && isFolder(folder.appendingPathComponent($0)) }
            .sorted { CurriculaRelease.isOlder($0, than: $1) }
    }

    /// The folder of an installed version.
    public func url(of version: String) -> URL { folder.appendingPathComponent(version, isDirectory: true) }

    /// The active installed version, or `nil` for the bundled curricula. One `readlink`: this
    /// runs on every command.
    public func activeVersion() -> String? {
        var buffer = [CChar](repeating: 0, count: 256)
        let n = readlink(folder.appendingPathComponent(Self.activeName).path, &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Copies a validated curricula folder in as `version` (unless that version is already
    /// there with the same content) and makes it active.
    ///
    /// - Throws: ``Failure`` when `version` is installed with other content or a write fails;
    ///   the active curricula are then unchanged.
    public func install(_ source: URL, as version: String) throws(Failure) {
        try install(staged: try stage(source), as: version)
    }

    /// Copies the curricula files of `source` (each read once; only regular files) into a new
    /// private folder of the shelf (0700, files 0600), flushed to disk, and returns it. Validate
    /// this copy, not `source`, then ``install(staged:as:)`` it: what was checked is then what
    /// is installed, whatever happens to `source` meanwhile.
    ///
    /// - Throws: ``Failure`` naming the file that is not a regular file or cannot be copied.
    public func stage(_ source: URL) throws(Failure) -> URL {
        let existed = isFolder(folder)
        try makeFolder()
        removeLeftovers()
        let temp = folder.appendingPathComponent(".install-staged-\(UInt32.random(in: 0...UInt32.max))-\(getpid())", isDirectory: true)
        do {
            try FileManager.default.createDirectory(
                at: temp.appendingPathComponent("roles"), withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
            chmod(temp.path, 0o700)
            for name in CurriculumLoader.files(source) {
                try copyDurably(source.appendingPathComponent(name), to: temp.appendingPathComponent(name))
            }
            try syncFolder(temp.appendingPathComponent("roles"))
            try syncFolder(temp)
        } catch {
            try? FileManager.default.removeItem(at: temp)
            if !existed { rmdir(folder.path) }  // only when empty: nothing left behind
            throw Failure("cannot copy the curricula from \(source.path): \(describe(error))")
        }
        return temp
    }

    /// Removes a staged copy that is not to be installed.
    public func discard(_ staged: URL) { try? FileManager.default.removeItem(at: staged) }

    /// Moves a copy made by ``stage(_:)`` (and validated) into place as `version` with one
    /// rename, and makes it active; an installed `version` with the same content is kept.
    ///
    /// - Throws: ``Failure`` when `version` is installed with other content or a write fails;
    ///   the staged copy is removed and the active curricula are then unchanged.
    public func install(staged temp: URL, as version: String) throws(Failure) {
        let target = url(of: version)
        if FileManager.default.fileExists(atPath: target.path) {
            defer { discard(temp) }
            guard CurriculumLoader.contentVersion(target) == CurriculumLoader.contentVersion(temp) else {
                throw Failure(
                    "version \(version) is already installed in \(target.path) with other content; "
                        + "give this curricula a new version in its \(CurriculumLoader.releaseFileName)")
            }
        } else {
            guard rename(temp.path, target.path) == 0 else {
                let reason = String(cString: strerror(errno))
                discard(temp)
                throw Failure("cannot install into \(target.path): \(reason)")
            }
            try syncFolder(folder)
        }
        try activate(version)
    }

    /// Makes an installed version active, or the bundled curricula when `version` is `nil`.
    public func activate(_ version: String?) throws(Failure) {
        let link = folder.appendingPathComponent(Self.activeName)
        guard let version else {
            if unlink(link.path) != 0 && errno != ENOENT {
                throw Failure("cannot switch to the bundled curricula: \(link.path): \(String(cString: strerror(errno)))")
            }
            try syncFolder(folder)
            return
        }
        guard isFolder(url(of: version)) else { throw Failure("version \(version) is not installed in \(folder.path)") }
        try makeFolder()
        let temp = folder.appendingPathComponent(".active-\(getpid())")
        _ = unlink(temp.path)
        guard symlink(version, temp.path) == 0 else {
            throw Failure("cannot write in \(folder.path): \(String(cString: strerror(errno)))")
        }
        guard rename(temp.path, link.path) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = unlink(temp.path)
            throw Failure("cannot switch \(link.path): \(reason)")
        }
        try syncFolder(folder)
    }

    // MARK: - files

    private func makeFolder() throws(Failure) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw Failure("cannot create \(folder.path): \(describe(error))")
        }
    }

    /// Temporary folders and links of installs that were killed part-way.
    private func removeLeftovers() {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        where name.hasPrefix(".install-") || name.hasPrefix(".active-") {
            // A live process's copy (its pid ends the name) is still in use.
            if let pid = Int32(name.split(separator: "-").last ?? ""), pid > 0, kill(pid, 0) == 0 || errno == EPERM { continue }
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    private func copyDurably(_ from: URL, to: URL) throws {
        // stat, not open: a FIFO would block the read, a device never end it.
        var info = stat()
        guard stat(from.path, &info) == 0 else { throw POSIXFailure(path: from.path) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw NotAFile(path: from.path) }
        let data = try Data(contentsOf: from)
        let fd = open(to.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw POSIXFailure(path: to.path) }
        defer { close(fd) }
        try data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; throw POSIXFailure(path: to.path) }
                offset += n
            }
        }
        guard fsync(fd) == 0 else { throw POSIXFailure(path: to.path) }
    }

    private func syncFolder(_ url: URL) throws(Failure) {
        let fd = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure("cannot open \(url.path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw Failure("cannot flush \(url.path): \(String(cString: strerror(errno)))") }
    }

    private func isFolder(_ url: URL) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue
    }

    private func describe(_ error: any Error) -> String {
        (error as? POSIXFailure)?.description ?? (error as? NotAFile)?.description ?? (error as NSError).localizedDescription
    }
}

/// A curricula file that is a FIFO, a device, a folder or a socket.
struct NotAFile: Error, CustomStringConvertible {
    let path: String
    var description: String { "\(oneLine(path)) is not a regular file" }
}

/// A failed system call on `path`, with the system's reason.
struct POSIXFailure: Error, CustomStringConvertible {
    let path: String
    let reason = String(cString: strerror(errno))
    var description: String { "\(path): \(reason)" }
}
