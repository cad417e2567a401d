import Foundation
import HeadwayApp
import HeadwayCore
import HeadwayCurricula
import HeadwayStore

extension Workspace {
    /// The workspace a command's options name: the database, the selected profile, the curricula
    /// (`loaded`, else the options'), the `--as-of` day and the clock.
    static func open(_ model: ModelOptions, _ store: StoreOptions, curriculum loaded: Curriculum? = nil) throws -> Workspace {
        // An existing database is opened and its profile found first, and the curricula are
        // taken when the operation first reads them, after the record: meanwhile they may still
        // be loading on another thread (``CurriculaPrefetch``). A new database is made only once
        // they have loaded.
        let curricula: CurriculaSource
        let db: Store
        if let loaded {
            (curricula, db) = (CurriculaSource(loaded), try store.open())
        } else if store.databaseExists {
            let curriculaFolder = model.curricula
            (db, curricula) = (try store.open(), CurriculaSource { try Environment.loadCurriculum(curriculaFolder) })
        } else {
            curricula = CurriculaSource(try model.curriculum())
            db = try store.open()
        }
        let profile = try store.selectedProfile(in: db)
        return Workspace(
            store: db, profile: profile, curricula: curricula, day: model.day(),
            today: Environment.today(), clockFixed: Environment.clockFixed,
            earlierCurricula: Environment.earlierCurricula)
    }
}

/// Runs a progress command on the selected profile through the application layer
/// (``Workspace.update(signals:briefings:_:)``): one transaction that reads the record and writes what
/// `body` decided.
func withProfileProgress<T>(
    _ model: ModelOptions, _ store: StoreOptions, curriculum loaded: Curriculum? = nil, signals: Bool = true,
    briefings: Bool = false, _ body: (ProfileProgress, inout ProfileWrites) throws -> T
) throws -> (value: T, written: ProfileWritten, db: Store, profile: Profile) {
    let workspace = try Workspace.open(model, store, curriculum: loaded)
    let (value, written) = try workspace.update(signals: signals, briefings: briefings, body)
    return (value, written, workspace.store, workspace.profile)
}

/// "the field moved it" lines of signal snapshots just written, for the command's output.
func signalNotes(_ written: ProfileWritten) -> [String] {
    written.snapshots.map { "Recorded \($0.snapshot.asOf): \($0.snapshot.reason) (AIJRI \(fixed($0.snapshot.score, 1)))." }
}

/// "AIJRI 49.3 → 49.4 (+0.1: your work +0.4, the field -0.3)": a change as `history` records
/// it, from the last recorded score, split when the field moved too (issue 25.12). `before` is
/// the score on the change's day without it; `shown` the new score as styled for the terminal.
func scoreMoveText(recorded: Double?, before: Double, after: Double, shown: String? = nil) -> String {
    let from = recorded ?? before
    let move = RecordedChange(from: from, to: after, drift: before - from)
    let change = signed(move.total) + (move.isSplit ? ": your work \(signed(move.work)), the field \(signed(move.field))" : "")
    return "AIJRI \(fixed(move.from, 1)) → \(shown ?? fixed(after, 1)) (\(change))"
}
