import Foundation
import HeadwayCore
import HeadwayCurricula

/// The curricula a one-shot command is about to read, loaded on a second thread while the main
/// one parses the command line, opens the database and reads the record: decoding them was a
/// fifth of a profile command's time, and a second core is idle meanwhile.
///
/// Only the `headway` executable starts it (``start(_:)``, before ``runCommand(_:)``), and only
/// for a command that reads the curricula, naming no other curricula folder or database (which
/// would move the installed curricula): such a line reads exactly the folder prefetched. The
/// command takes the result through ``Environment/loadCurriculum(_:activities:)`` when it names
/// no folder; anything else (a failed load, no folder found) loads as before, so errors read the
/// same.
public enum CurriculaPrefetch {
    /// The top-level commands that read the curricula.
    static let readers: Set<String> = [
        "assess", "plan", "replan", "log", "level", "undo", "redo", "progress", "score", "roles", "history", "signals", "brief",
        "portfolio", "graph", "export"
    ]

    private final class Load: @unchecked Sendable {
        /// Whether the skills' activities are loaded (see ``start(_:)``).
        let activities: Bool
        let done = DispatchSemaphore(value: 0)
        // Written once by the loading thread before `done` is signalled; read after waiting on it.
        var folder: String?
        var result: (version: String, curriculum: Curriculum)?
        var waited = false

        init(activities: Bool) { self.activities = activities }

        func wait() {
            if !waited { done.wait(); waited = true }
        }
    }

    // Set once on the main thread before any command runs; read on it afterwards.
    nonisolated(unsafe) private static var load: Load?

    /// Starts loading the curricula that `arguments` (a command line without the program name)
    /// will read, when that can be known before parsing it.
    public static func start(_ arguments: [String]) {
        let options = arguments.prefix { $0 != "--" }
        guard load == nil, let command = options.first, readers.contains(command),
            !options.contains(where: { ["--curricula", "--db", "--help", "-h"].contains($0.split(separator: "=").first.map(String.init) ?? $0) })
        else { return }
        // The score of an assessment file reads no activities (ScoreCommand asks for none).
        let activities = !(command == "score" && options.contains { $0.split(separator: "=").first == "--assessment" })
        let started = Load(activities: activities)
        load = started
        // Finding the folder is the thread's too (the main one takes the result without it).
        let context = Context.current
        detach {
            defer { started.done.signal() }
            Context.$current.withValue(context) {
                guard let folder = try? Environment.curriculaURL(nil) else { return }
                started.folder = folder.standardizedFileURL.path
                let cache = Environment.cacheFolder()
                let version = CurriculumLoader.contentVersion(folder, cache: cache)
                if let curriculum = try? CurriculumLoader.load(from: folder, cache: cache, version: version, activities: activities) {
                    started.result = (version, curriculum)
                }
            }
        }
    }

    /// Runs `body` on a new detached POSIX thread, else (no thread to be had) here. Foundation's
    /// `Thread` costs more to start and, when it ends, looks up protocol conformances to post
    /// its notifications (a tenth of a millisecond of a one-shot command).
    private static func detach(_ body: @escaping @Sendable () -> Void) {
        final class Work: Sendable {
            let body: @Sendable () -> Void
            init(_ body: @escaping @Sendable () -> Void) { self.body = body }
        }
        let work = Unmanaged.passRetained(Work(body)).toOpaque()
        var thread = pthread_t()
        let started = pthread_create(
            &thread, nil,
            { raw in
                Unmanaged<Work>.fromOpaque(raw!).takeRetainedValue().body()
                return nil
            }, work)
        guard started == 0 else {
            Unmanaged<Work>.fromOpaque(work).takeRetainedValue().body()
            return
        }
        pthread_detach(thread)
    }

    /// The curricula prefetched, the folder they are in, their content version and whether they
    /// are complete, once loaded; nil when none were prefetched, their folder could not be found
    /// or their load failed (the command then finds and loads them itself, and says why not), or
    /// `activities` are wanted and were left out.
    ///
    /// Only for a command naming no curricula folder: the thread found the one it would, in the
    /// same environment (``start(_:)`` runs for no line naming `--curricula` or `--db`), so the
    /// main thread does not look for it again (a few stat calls up from the binary's folder).
    static func take(activities: Bool) -> (folder: String, version: String, curriculum: Curriculum, complete: Bool)? {
        guard let load, load.activities || !activities else { return nil }
        load.wait()
        guard let folder = load.folder, let result = load.result else { return nil }
        return (folder, result.version, result.curriculum, load.activities)
    }

    /// Waits for a load still running (a command that ended without the curricula), so the
    /// process never exits while another thread writes the cache.
    public static func finish() {
        load?.wait()
    }
}
