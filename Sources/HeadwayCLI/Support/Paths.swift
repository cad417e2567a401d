import Foundation

/// Where Headway keeps its files.
enum Paths {
    /// `$XDG_DATA_HOME/headway` or `~/.local/share/headway` (Application Support on macOS).
    static func dataDirectory() -> URL {
        let env = ProcessInfo.processInfo.environment
        if let xdg = env["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("headway")
        }
        let base = FileManager.default.urls(for: .applicationSupportDirectory, in: .userDomainMask).first
            ?? URL(fileURLWithPath: NSHomeDirectory()).appendingPathComponent(".local/share")
        return base.appendingPathComponent("headway")
    }

    /// The shell's line history (libedit's format).
    static func historyFile() -> URL {
        dataDirectory().appendingPathComponent("history")
    }
}
