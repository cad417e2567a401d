import Foundation
import Testing

@testable import HeadwayCurricula

/// Issue 21.5: `curricula install` checks one copy and installs that same copy.
@Suite("A curricula install validates the copy it installs")
struct CurriculaStagingTests {
    @Test("a source changed after it was copied does not reach the shelf: the staged, checked copy is what gets installed")
    func changedSourceIsNotInstalled() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("headway-stage-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let source = scratch.appendingPathComponent("source")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("Curricula"), to: source)
        let shelf = CurriculaShelf(folder: scratch.appendingPathComponent("data/curricula"))

        let staged = try shelf.stage(source)
        var info = stat()
        #expect(stat(staged.path, &info) == 0 && info.st_mode & 0o777 == 0o700, "the staging folder is private")
        // The person (or an attacker) changes the folder between the copy and the install.
        try Data("not: [valid".utf8).write(to: source.appendingPathComponent("skills.yaml"))
        let (curriculum, problems) = CurriculumLoader.check(staged)
        #expect(curriculum != nil && problems.isEmpty, "the copy is the folder as it was read: \(problems)")
        try shelf.install(staged: staged, as: "2099.01")

        let installed = try Data(contentsOf: shelf.url(of: "2099.01").appendingPathComponent("skills.yaml"))
        #expect(installed == (try Data(contentsOf: repoRoot.appendingPathComponent("Curricula/skills.yaml"))), "the checked bytes were installed")
        #expect(shelf.activeVersion() == "2099.01")
        #expect(!FileManager.default.fileExists(atPath: staged.path), "the copy was moved, not left behind")
    }
}
