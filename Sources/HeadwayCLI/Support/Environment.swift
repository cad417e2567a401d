import Foundation
import HeadwayCore
import HeadwayCurricula

/// Where things are and what day it is: the only place the CLI reads the clock and the
/// environment (the current ``Context``'s).
enum Environment {
    /// Whether `HEADWAY_TODAY` fixes the clock: tests and transcripts walking the weeks with
    /// `--as-of` may then write the record ahead of the real today.
    static var clockFixed: Bool { Context.current.environment["HEADWAY_TODAY"] != nil }

    /// Today in local time, unless `HEADWAY_TODAY` fixes it (tests and reproducible transcripts).
    static func today() -> Day {
        if let fixed = Context.current.environment["HEADWAY_TODAY"], let day = Day(fixed) { return day }
        // localtime_r, not Calendar: Foundation's calendar loads ICU data, a tenth of a one-shot run.
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
    }

    /// Now, for stamps in exported files (an .ics DTSTAMP, a report's footer); midnight UTC of
    /// `HEADWAY_TODAY` when that is set, so tests and transcripts get the same bytes every run.
    static func now() -> Date {
        if let fixed = Context.current.environment["HEADWAY_TODAY"], let day = Day(fixed) {
            return Date(timeIntervalSince1970: Double(day.ordinal) * 86400)
        }
        return Date()
    }

    /// The curricula folder: `--curricula`, else `HEADWAY_CURRICULA`, else the active installed
    /// version (`headway curricula install`), else the bundled folder.
    static func curriculaURL(_ explicit: String?) throws -> URL {
        if let explicit { return URL(fileURLWithPath: explicit) }
        if let env = Context.current.environment["HEADWAY_CURRICULA"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        if let installed = try activeInstalledCurricula() { return installed }
        return try bundledCurriculaURL()
    }

    /// The installed curricula, in the database's folder (`<data>/curricula`).
    static var shelf: CurriculaShelf {
        CurriculaShelf(folder: URL(fileURLWithPath: databasePath(nil)).deletingLastPathComponent().appendingPathComponent("curricula"))
    }

    /// The active installed version's folder; `nil` when the bundled curricula are active.
    static func activeInstalledCurricula() throws -> URL? {
        let shelf = shelf
        guard let version = shelf.activeVersion() else { return nil }
        let url = shelf.url(of: version)
        guard FileManager.default.fileExists(atPath: url.appendingPathComponent("skills.yaml").path) else {
            throw HeadwayError(
                .config,
                "the active curricula \(version) are missing from \(shelf.folder.path); "
                    + "run `headway curricula use VERSION` (see `headway curricula list`)")
        }
        return url
    }

    /// The `Curricula/` folder of the checkout the binary was built in, else beside the binary's
    /// install prefix (`share/headway/Curricula`), else in the working folder.
    static func bundledCurriculaURL() throws -> URL {
        var dir = executableURL().deletingLastPathComponent()
        for _ in 0..<8 {
            let candidate = dir.appendingPathComponent("Curricula")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("skills.yaml").path) { return candidate }
            let shared = dir.appendingPathComponent("share/headway/Curricula")
            if FileManager.default.fileExists(atPath: shared.appendingPathComponent("skills.yaml").path) { return shared }
            dir.deleteLastPathComponent()
        }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Curricula")
        if FileManager.default.fileExists(atPath: cwd.appendingPathComponent("skills.yaml").path) { return cwd }
        throw HeadwayError(.config, "cannot find the curricula folder; pass --curricula DIR or set HEADWAY_CURRICULA")
    }

    /// The running binary's real path: `/proc/self/exe` (Linux), else `argv[0]` as the shell found
    /// it — a bare name (`headway` run from `PATH`) is looked up along `PATH`, never taken
    /// relative to the working folder.
    static func executableURL() -> URL {
        if let linked = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"), linked.hasPrefix("/") {
            return URL(fileURLWithPath: linked)
        }
        return executableURL(argv0: CommandLine.arguments.first ?? "headway", path: Context.current.environment["PATH"] ?? "")
    }

    /// Where `argv0` names a binary: itself when it holds a `/`, else the first executable of
    /// that name along `path`; symlinks resolved.
    static func executableURL(argv0: String, path: String) -> URL {
        if argv0.contains("/") { return URL(fileURLWithPath: argv0).resolvingSymlinksInPath() }
        for folder in path.split(separator: ":", omittingEmptySubsequences: true) where folder.hasPrefix("/") {
            let candidate = String(folder) + "/" + argv0
            if FileManager.default.isExecutableFile(atPath: candidate) {
                return URL(fileURLWithPath: candidate).resolvingSymlinksInPath()
            }
        }
        return URL(fileURLWithPath: argv0).resolvingSymlinksInPath()
    }

    /// The database file: `--db`, else `HEADWAY_DB`, else `$XDG_DATA_HOME/headway/headway.sqlite`,
    /// else `~/.local/share/headway/headway.sqlite`.
    static func databasePath(_ explicit: String?) -> String {
        if let explicit { return explicit }
        let env = Context.current.environment
        if let path = env["HEADWAY_DB"], !path.isEmpty { return path }
        return dataFolder() + "/headway.sqlite"
    }

    /// Headway's data folder: `$XDG_DATA_HOME/headway`, else `~/.local/share/headway`. No
    /// export may write into it, wherever the database in use lives.
    static func dataFolder() -> String {
        let env = Context.current.environment
        // XDG: a relative XDG_DATA_HOME is invalid and must be ignored.
        if let xdg = env["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/headway" }
        return (env["HOME"] ?? NSHomeDirectory()) + "/.local/share/headway"
    }

    /// `$XDG_CONFIG_HOME/headway`, else `~/.config/headway`: Headway's own, so no export writes there.
    static func configFolder() -> String {
        let env = Context.current.environment
        if let xdg = env["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/headway" }
        return (env["HOME"] ?? NSHomeDirectory()) + "/.config/headway"
    }

    /// `$XDG_CACHE_HOME/headway`, else `~/.cache/headway`; `HEADWAY_NO_CACHE=1` turns the
    /// curricula cache off.
    static func cacheFolder() -> URL? {
        let env = Context.current.environment
        if env["HEADWAY_NO_CACHE"] == "1" { return nil }
        if let xdg = env["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return URL(fileURLWithPath: xdg).appendingPathComponent("headway") }
        return URL(fileURLWithPath: (env["HOME"] ?? NSHomeDirectory()) + "/.cache/headway")
    }

    /// Whether standard input is a terminal (a question can be asked).
    static var stdinIsTerminal: Bool { Context.current.inputIsTerminal }

    /// The curricula of `--curricula` (`explicit`), else the active ones. `activities` false
    /// lets every skill's activities be left out, for a command that reads none of them
    /// (``CurriculumLoader/load(from:cache:version:activities:)``); only complete curricula are
    /// kept for the next command of the shell.
    static func loadCurriculum(_ explicit: String?, activities: Bool = true) throws -> Curriculum {
        // The shell runs many commands in one process: the last curriculum is kept while its
        // files' content version is unchanged; a new process reads the on-disk cache.
        func memoKey(_ folder: String, _ version: String) -> String { folder + "#" + version }
        if explicit == nil, let (folder, version, prefetched, complete) = CurriculaPrefetch.take(activities: activities) {
            if complete { CurriculumMemo.set(memoKey(folder, version), prefetched) }
            return prefetched
        }
        let url = try curriculaURL(explicit)
        let cache = cacheFolder()
        let version = CurriculumLoader.contentVersion(url, cache: cache)
        let key = memoKey(url.standardizedFileURL.path, version)
        if let cached = CurriculumMemo.get(key) { return cached }
        do {
            let curriculum = try CurriculumLoader.load(from: url, cache: cache, version: version, activities: activities)
            if activities { CurriculumMemo.set(key, curriculum) }
            return curriculum
        } catch {
            throw HeadwayError(.config, error.description)
        }
    }
}

extension Environment {
    /// The curricula of `version` when they are still on this machine (the installed folder
    /// or the cache): what a briefing compares a curricula update with.
    @Sendable static func earlierCurricula(_ stamp: CurriculaStamp) -> Curriculum? {
        CurriculaEntry.folder(of: stamp).flatMap { try? CurriculumLoader.load(from: $0, cache: cacheFolder()) }
    }
}

/// The last curriculum loaded in this process, keyed by its folder and content version, so an
/// edited file is read again.
enum CurriculumMemo {
    private static let lock = NSLock()
    // Guarded by `lock`.
    nonisolated(unsafe) private static var entry: (key: String, curriculum: Curriculum)?

    static func get(_ key: String) -> Curriculum? {
        lock.lock(); defer { lock.unlock() }
        return entry?.key == key ? entry?.curriculum : nil
    }

    static func set(_ key: String, _ curriculum: Curriculum) {
        lock.lock(); defer { lock.unlock() }
        entry = (key, curriculum)
    }
}
