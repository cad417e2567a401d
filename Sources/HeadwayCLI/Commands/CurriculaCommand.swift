import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayCurricula

/// `headway curricula check|install|list|use|diff`: the curricula folders Headway scores with.
struct CurriculaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curricula",
        abstract: "Check, install, list, switch and compare curricula.",
        discussion: """
            Commands use `--curricula DIR`, else HEADWAY_CURRICULA, else the active installed version, \
            else the bundled curricula. Installed versions live in the database's folder, under curricula/.
            """,
        subcommands: [Check.self, Install.self, List.self, Use.self, Diff.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report every problem of a curricula folder (file, line, id); non-zero exit when there is any.")

        @Argument(help: ArgumentHelp("The folder (default: the active curricula).", valueName: "dir"))
        var directory: String?

        func run() throws {
            let url = try Environment.curriculaURL(directory)
            let curriculum = try checked(url)
            let tasks = curriculum.roles.reduce(0) { $0 + $1.tasks.count }
            let activities = curriculum.graph.skills.reduce(0) { $0 + $1.activities.values.reduce(0) { $0 + $1.count } }
            print("\(url.path): ok — \(curriculum.graph.skills.count) skills in \(curriculum.graph.groups.count) groups, "
                  + "\(curriculum.roles.count) roles (\(tasks) tasks), \(curriculum.signals.count) signals, "
                  + "\(activities) activities; version \(curriculum.version)")
        }
    }

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a curricula folder, copy it into the data folder under its version and make it active.",
            discussion: """
                The folder is checked whole first (as `curricula check` does); any problem refuses it and the \
                active curricula stay as they are. Earlier versions are kept (`curricula list`, `curricula use`). \
                Each profile records the change on its next command.
                """)

        @Argument(help: ArgumentHelp("A curricula folder with a curricula.yaml (version, changes).", valueName: "dir"))
        var directory: String

        @Flag(help: "Install a version older than the active one.")
        var force = false

        func run() throws {
            let url = URL(fileURLWithPath: directory)
            let curriculum = try checked(url)
            guard let release = curriculum.release else {
                throw CLIError("\(url.appendingPathComponent(CurriculumLoader.releaseFileName).path): missing; an installed curricula "
                               + "needs a content version (version: YYYY.MM, changes: one sentence)")
            }
            let active = try? Environment.loadCurriculum(nil)
            if let current = active?.release?.version, CurriculaRelease.isOlder(release.version, than: current), !force {
                throw CLIError("\(directory) is version \(release.version), older than the active \(current); "
                               + "pass --force to install it anyway, or `headway curricula use \(release.version)` if it is installed")
            }
            let bundled = try? CurriculumLoader.load(from: Environment.bundledCurriculaURL(), cache: Environment.cacheFolder())
            if let bundled, bundled.release?.version == release.version {
                guard bundled.contentHash == curriculum.contentHash else {
                    throw CLIError("version \(release.version) is the bundled curricula's, with other content; "
                                   + "give this curricula a new version in its \(CurriculumLoader.releaseFileName)")
                }
                try activate(nil)
            } else {
                do { try Environment.shelf.install(url, as: release.version) } catch { throw CLIError(error.description) }
            }
            print("Installed curricula \(release.version) (\(release.changes)); now active."
                  + (active?.contentHash == curriculum.contentHash ? "" : " Each profile records the change on its next command."))
            if let env = ProcessInfo.processInfo.environment["HEADWAY_CURRICULA"], !env.isEmpty {
                print("HEADWAY_CURRICULA=\(env) still overrides it in this environment.")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the bundled and installed curricula; * marks the active one.")

        @Flag(help: "Print JSON.")
        var json = false

        func run() throws {
            let entries = try CurriculaEntry.all()
            if json { try printJSON(entries); return }
            let width = entries.map(\.version.count).max() ?? 7
            for e in entries {
                print("\(e.active ? "*" : " ") \(e.version.padding(toLength: width, withPad: " ", startingAt: 0))  "
                      + "\(e.source.padding(toLength: 9, withPad: " ", startingAt: 0))  \(e.changes)")
            }
            if let env = ProcessInfo.processInfo.environment["HEADWAY_CURRICULA"], !env.isEmpty {
                print("HEADWAY_CURRICULA=\(env) overrides the active curricula in this environment.")
            }
        }
    }

    struct Use: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make an installed (or the bundled) version active.",
            discussion: "Each profile records the change on its next command.")

        @Argument(help: ArgumentHelp("A version listed by `curricula list`.", valueName: "version"))
        var version: String

        func run() throws {
            let entries = try CurriculaEntry.all()
            guard let entry = entries.first(where: { $0.version == version }) else {
                throw CLIError("curricula version '\(clip(version, 40))' is not installed; installed: "
                               + entries.map(\.version).joined(separator: ", "))
            }
            if entry.active { print("Curricula \(version) are already active."); return }
            try activate(entry.source == "bundled" ? nil : version)
            print("Curricula \(version) (\(entry.source)) are now active. Each profile records the change on its next command.")
        }
    }

    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "What changed between two curricula: signals, task scores and shares, market, skills and activities, per role.",
            discussion: "Each side is a folder or an installed version (`curricula list`); OLD defaults to the active curricula.")

        @Argument(help: ArgumentHelp("OLD (optional) and NEW.", valueName: "old-or-new"))
        var sides: [String] = []

        func validate() throws {
            guard (1...2).contains(sides.count) else { throw ValidationError("give NEW, or OLD and NEW (a folder or a version each)") }
        }

        func run() throws {
            let old = sides.count == 2 ? try resolve(sides[0]) : try Environment.curriculaURL(nil)
            let new = try resolve(sides.last!)
            let diff = CurriculaDiff(old: try checked(old), new: try checked(new))
            print(CurriculaDiffView(diff).text, terminator: "")
        }

        /// A folder path, or a version listed by `curricula list`.
        func resolve(_ side: String) throws -> URL {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: side, isDirectory: &isDir), isDir.boolValue { return URL(fileURLWithPath: side) }
            if let entry = try CurriculaEntry.all().first(where: { $0.version == side }) { return URL(fileURLWithPath: entry.path) }
            throw CLIError("'\(clip(side, 60))' is neither a curricula folder nor an installed version (see `headway curricula list`)")
        }
    }
}

/// Loads and validates a curricula folder, or throws every problem as one line each.
private func checked(_ url: URL) throws -> Curriculum {
    let (curriculum, problems) = CurriculumLoader.check(url)
    guard let curriculum, problems.isEmpty else {
        throw CLIError(problems.map(\.description).joined(separator: "\n")
                       + "\n\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(url.path)")
    }
    return curriculum
}

private func activate(_ version: String?) throws {
    do { try Environment.shelf.activate(version) } catch { throw CLIError(error.description) }
}

/// One line of `curricula list`: the bundled curricula first, then installed versions, oldest first.
struct CurriculaEntry: Encodable {
    let version: String
    /// "bundled" or "installed".
    let source: String
    let path: String
    let changes: String
    let active: Bool

    static func all() throws -> [CurriculaEntry] {
        let shelf = Environment.shelf
        let active = shelf.activeVersion()
        var out: [CurriculaEntry] = []
        if let url = try? Environment.bundledCurriculaURL() {
            let c = try? CurriculumLoader.load(from: url, cache: Environment.cacheFolder())
            out.append(CurriculaEntry(version: c?.release?.version ?? "unversioned", source: "bundled", path: url.path,
                                      changes: c?.release?.changes ?? (c == nil ? "(does not load; run `headway curricula check`)" : ""),
                                      active: active == nil))
        }
        for v in shelf.versions() {
            let c = try? CurriculumLoader.load(from: shelf.url(of: v), cache: Environment.cacheFolder())
            out.append(CurriculaEntry(version: v, source: "installed", path: shelf.url(of: v).path,
                                      changes: c?.release?.changes ?? "(does not load)", active: active == v))
        }
        return out
    }

    /// The folder holding the curricula a snapshot or plan was stamped with, when it is still
    /// on this machine (bundled or installed); found by content hash.
    static func folder(of stamp: CurriculaStamp) -> URL? {
        let shelf = Environment.shelf
        var candidates: [URL] = []
        if let release = stamp.release, shelf.versions().contains(release) { candidates.append(shelf.url(of: release)) }
        if let bundled = try? Environment.bundledCurriculaURL() { candidates.append(bundled) }
        candidates += shelf.versions().map { shelf.url(of: $0) }
        return candidates.first { CurriculumLoader.contentVersion($0) == stamp.hash }
    }
}
