import Foundation
import HeadwayStore

/// The databases a one-shot command opens, closed when it ends but never freed: the process
/// exits next.
///
/// Freeing a GRDB queue unregisters it from Foundation's `NotificationCenter`, whose first use
/// costs a third of a millisecond (measured on `progress`: 3% of it), in a process about to
/// exit. Only the `headway` executable asks for this (``start()`` before ``runCommand(_:)``,
/// ``finish()`` after it). The shell ends it before its first command (it runs many, each
/// freeing its database as before), and so do the tests and benchmarks by never starting it.
public enum StoresUntilExit {
    private static let lock = NSLock()
    // Guarded by `lock`.
    nonisolated(unsafe) private static var keeping = false
    nonisolated(unsafe) private static var kept: [Store] = []

    /// From now on, every database a command opens is kept until ``finish()``.
    public static func start() {
        lock.lock(); defer { lock.unlock() }
        keeping = true
    }

    /// Keeps `store` between ``start()`` and ``finish()``.
    static func keep(_ store: Store) {
        lock.lock(); defer { lock.unlock() }
        if keeping { kept.append(store) }
    }

    /// Closes every kept database (its write-ahead log checkpointed and removed, as freeing it
    /// would have), holding on to the closed queues, and keeps no more.
    public static func finish() {
        lock.lock(); defer { lock.unlock() }
        keeping = false
        for store in kept { try? store.close() }
    }
}
