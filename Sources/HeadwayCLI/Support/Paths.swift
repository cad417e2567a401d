import Foundation

/// Where Headway keeps its files besides the database (see ``Environment/databasePath(_:)``).
enum Paths {
    /// The shell's line history (libedit's format), in the database's folder.
    static func historyFile() -> URL {
        URL(fileURLWithPath: Environment.databasePath(nil)).deletingLastPathComponent().appendingPathComponent("history")
    }
}

extension Paths {
    /// Why `path` cannot be read, in words: no such file, a folder, or what the system says.
    static func readFailure(_ path: String) -> String {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) { return "no such file" }
        if isDirectory.boolValue { return "it is a folder" }
        return access(path, R_OK) == 0 ? "it cannot be read" : String(cString: strerror(EACCES))
    }

    /// Why `path` cannot be written, in words: a missing or read-only folder, a folder in the way.
    static func writeFailure(_ path: String, _ error: any Error) -> String {
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return "it is a folder" }
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) { return "the folder \(folder) does not exist" }
        if !isDirectory.boolValue { return "\(folder) is not a folder" }
        if access(folder, W_OK) != 0 { return "the folder \(folder) is not writable" }
        return (error as NSError).localizedDescription
    }
}
