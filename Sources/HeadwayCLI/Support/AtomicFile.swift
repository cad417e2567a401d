import Foundation
import HeadwayCore

/// Writes a file so a reader sees either the old bytes or all of the new ones: a temporary file
/// in the same folder, flushed to disk, then renamed over the target.
enum AtomicFile {
    /// With `durable` false the bytes are not flushed one file at a time; the caller flushes
    /// once for many files (`sync()`), which is what makes a batch of 1,000 fast.
    /// A new file gets `mode` (less the umask); a killed writer's temporary file is removed by
    /// the next write of the same name.
    static func write(_ data: Data, to path: String, durable: Bool = true, mode: mode_t = 0o644) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
            throw HeadwayError(.cantCreate, "cannot write \(path): the folder \(folder) does not exist")
        }
        TemporaryFiles.removeAbandoned(in: folder, prefix: ".\(url.lastPathComponent).", suffix: ".tmp")
        let temp = folder + "/.\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw HeadwayError(.cantCreate, "cannot write \(path): \(String(cString: strerror(errno)))") }
        var ok = data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
        let reason = String(cString: strerror(errno))
        ok = ok && (!durable || fsync(fd) == 0)
        close(fd)
        guard ok, rename(temp, path) == 0 else {
            unlink(temp)
            throw HeadwayError(.io, "cannot write \(path): \(ok ? String(cString: strerror(errno)) : reason); nothing was replaced")
        }
    }
}
