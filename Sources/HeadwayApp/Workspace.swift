import Foundation
import HeadwayCore
import HeadwayStore

/// Where an operation runs: a profile's database, opened, with the curricula and the day the
/// command works on. Every operation that changes the record goes through ``update(signals:briefings:_:)``:
/// one store transaction that reads the profile's state and writes what the operation decided.
public struct Workspace: Sendable {
    public let store: Store
    public let profile: Profile
    /// The curricula, loaded when first read: an operation reads the record first, while a
    /// one-shot command may still be decoding them on another thread.
    public let curricula: CurriculaSource
    /// The curricula (loading them now, if not yet; a failed load throws every time).
    public var curriculum: Curriculum { get throws { try curricula.get() } }
    /// The day the command works on (`--as-of`).
    public let day: Day
    /// Today by the clock.
    public let today: Day
    /// A fixed clock (tests and transcripts walking the weeks) lets the record be written ahead
    /// of `today`.
    public let clockFixed: Bool
    /// The curricula an earlier snapshot was made with, found by the stamp on it (an installed or
    /// archived version), to date what a curricula update changed.
    public let earlierCurricula: @Sendable (CurriculaStamp) -> Curriculum?

    public init(
        store: Store, profile: Profile, curriculum: Curriculum, day: Day, today: Day, clockFixed: Bool = false,
        earlierCurricula: @escaping @Sendable (CurriculaStamp) -> Curriculum? = { _ in nil }
    ) {
        self.init(
            store: store, profile: profile, curricula: CurriculaSource(curriculum), day: day, today: today, clockFixed: clockFixed,
            earlierCurricula: earlierCurricula)
    }

    /// A workspace whose curricula load when an operation first reads them.
    public init(
        store: Store, profile: Profile, curricula: CurriculaSource, day: Day, today: Day, clockFixed: Bool = false,
        earlierCurricula: @escaping @Sendable (CurriculaStamp) -> Curriculum? = { _ in nil }
    ) {
        self.store = store
        self.profile = profile
        self.curricula = curricula
        self.day = day
        self.today = today
        self.clockFixed = clockFixed
        self.earlierCurricula = earlierCurricula
    }

    /// A command that writes the record refuses a day more than one past today (views may look
    /// ahead); a fixed clock lifts it.
    public func refuseWritingAhead() throws {
        let tomorrow = today.adding(days: 1)
        guard day > tomorrow, !clockFixed else { return }
        throw HeadwayError(
            .usage, "--as-of \(day) is more than a day past today (\(today)); a command that writes takes a day up to \(tomorrow)")
    }

    /// Reads the profile's record on ``day``, lets `body` decide what to write, and writes it, in
    /// one transaction. Signal snapshots due by the day are added (unless `signals` is false),
    /// and a curricula update is recorded once. The record is never written ahead of tomorrow: a
    /// change, a plan or a briefing dated later is refused and later snapshots are left out.
    /// The stored briefings are read only with `briefings` (`brief`).
    /// `body` must decide, not act: it may run twice (see ``Store/update(_:curriculaVersion:_:)``).
    public func update<T>(
        signals: Bool = true, briefings: Bool = false, _ body: (ProfileProgress, inout ProfileWrites) throws -> T
    ) throws -> (value: T, written: ProfileWritten) {
        let (curricula, day, tomorrow, ahead) = (curricula, day, today.adding(days: 1), !clockFixed && day > today.adding(days: 1))
        // The curricula are taken once the state is read (they are loaded by then, most often).
        return try store.update(profile, curriculaVersion: try curricula.get().version, briefings: briefings, day: day) { state in
            let curriculum = try curricula.get()
            let progress = try ProfileProgress(curriculum: curriculum, state: state, day: day)
            var writes = ProfileWrites()
            let notice = CurriculaNotice(progress, earlier: earlierCurricula)
            // Boundaries passed before a curricula change are dated by the curricula of their day.
            if signals {
                writes.snapshots = (notice?.oldProgress ?? progress).signalSnapshots() + [notice?.snapshot].compactMap { $0 }
            }
            let value = try body(progress, &writes)
            if ahead {
                if writes.change != nil || writes.briefing != nil || writes.plan != nil { try refuseWritingAhead() }
                writes.snapshots.removeAll { $0.asOf > tomorrow }
                writes.changeSnapshot = nil
            }
            return (writes, value)
        }
    }

    /// The score on ``day`` as the record stands now (`nil` when it gives no model): what
    /// `undo` and `redo`, which write outside ``update(signals:briefings:_:)``, report after.
    public func scoreNow() -> Double? {
        guard let state = try? store.state(of: profile, briefings: false), let curriculum = try? curricula.get(),
            let progress = try? ProfileProgress(curriculum: curriculum, state: state, day: day)
        else { return nil }
        return progress.person.result(at: day).rounded
    }
}

/// Curricula loaded at most once, when first asked for, from any thread.
public final class CurriculaSource: @unchecked Sendable {
    // Guards `result`; `load` runs under it, so a second caller waits for the first load.
    private let lock = NSLock()
    private var result: Result<Curriculum, any Error>?
    private let load: @Sendable () throws -> Curriculum

    /// Curricula `load` gives when first read.
    public init(_ load: @escaping @Sendable () throws -> Curriculum) { self.load = load }

    /// Curricula already loaded.
    public init(_ curriculum: Curriculum) {
        load = { curriculum }
        result = .success(curriculum)
    }

    /// The curricula, loaded now if not yet; a load that failed throws its error again.
    public func get() throws -> Curriculum {
        lock.lock()
        defer { lock.unlock() }
        if let result { return try result.get() }
        let loaded = Result { try load() }
        result = loaded
        return try loaded.get()
    }
}
