import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayCurricula

/// Loads and validates a curricula folder, or throws every problem as one line each.
func checked(_ url: URL) throws -> Curriculum {
    let (curriculum, problems) = CurriculumLoader.check(url)
    guard let curriculum, problems.isEmpty else {
        throw HeadwayError(
            .config,
            problems.map(\.description).joined(separator: "\n")
                + "\n\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(url.path)")
    }
    return curriculum
}

func activate(_ version: String?) throws {
    do { try Environment.shelf.activate(version) } catch { throw HeadwayError(.config, error.description) }
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
            out.append(
                CurriculaEntry(
                    version: c?.release?.version ?? "unversioned", source: "bundled", path: url.path,
                    changes: c?.release?.changes ?? (c == nil ? "(does not load; run `headway curricula check`)" : ""),
                    active: active == nil))
        }
        for v in shelf.versions() {
            let c = try? CurriculumLoader.load(from: shelf.url(of: v), cache: Environment.cacheFolder())
            out.append(
                CurriculaEntry(
                    version: v, source: "installed", path: shelf.url(of: v).path,
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
        if let bundled = try? Environment.bundledCurriculaURL() {
            candidates.append(bundled)
            // Earlier bundled versions, kept so a profile made on one sees what the update changed.
            let archive = bundled.appendingPathComponent("archive")
            let kept = (try? FileManager.default.contentsOfDirectory(atPath: archive.path)) ?? []
            candidates += kept.sorted().reversed().map { archive.appendingPathComponent($0) }
        }
        candidates += shelf.versions().map { shelf.url(of: $0) }
        return candidates.first { CurriculumLoader.contentVersion($0) == stamp.hash }
    }
}
