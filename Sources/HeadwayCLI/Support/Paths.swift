import Foundation

/// Where Headway keeps its files besides the database (see ``Environment/databasePath(_:)``).
enum Paths {
    /// The shell's line history (libedit's format), in the database's folder.
    static func historyFile() -> URL {
        URL(fileURLWithPath: Environment.databasePath(nil)).deletingLastPathComponent().appendingPathComponent("history")
    }
}
