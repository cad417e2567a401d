import Foundation
import HeadwayCore
import HeadwayCurricula

/// The repository root, found from this file's path.
let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let bundledCurricula = repoRoot.appendingPathComponent("Curricula")

/// The bundled curricula, loaded once.
let bundled: Curriculum = {
    do { return try CurriculumLoader.load(from: bundledCurricula) } catch { fatalError("bundled curricula do not load: \(error)") }
}()

/// A scratch copy of the bundled curricula to break on purpose.
func scratchCopy() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("headway-curricula-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: bundledCurricula, to: dir)
    return dir
}

/// Replaces the first occurrence of `old` in a file of `dir`; fails loudly when it is not there.
func edit(_ dir: URL, _ file: String, replacing old: String, with new: String) throws {
    let url = dir.appendingPathComponent(file)
    let text = try String(contentsOf: url, encoding: .utf8)
    guard let range = text.range(of: old) else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "'\(old)' not in \(file)"]) }
    try text.replacingCharacters(in: range, with: new).write(to: url, atomically: true, encoding: .utf8)
}
