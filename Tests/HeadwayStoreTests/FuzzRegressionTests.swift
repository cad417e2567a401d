import Foundation
import Testing

@_spi(Fixtures) @testable import HeadwayStore

/// Export documents the profile-import fuzzer (`Fuzz/`) broke, fed to the same functions with
/// the same properties: a refusal is one line; what imports exports to a document that imports.
@Suite("Export documents the fuzzer found stay fixed")
struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/fuzz/regressions")
    static let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasPrefix("profile-import-") }.sorted()

    @Test("each document is refused in one line, or imports and exports again", arguments: files)
    func document(name: String) throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(name))
        let dir = try temporaryFolder(); defer { removeFolder(dir) }
        let store = try Store.open(at: dir.appendingPathComponent("h.sqlite").path)
        let archive: ProfileArchive
        do { archive = try ProfileArchive.decode(data, path: "fuzz.json") } catch {
            #expect(!"\(error)".contains("\n") && !"\(error)".isEmpty, "\("\(error)".debugDescription)")
            return
        }
        do {
            let profile = try store.importArchive(archive)
            let again = try ProfileArchive.decode(try store.export(profile).encoded(), path: "again.json")
            try store.importArchive(again, as: "round-trip-copy")
        } catch {
            #expect(!"\(error)".contains("\n"), "\("\(error)".debugDescription)")
            #expect(try store.profiles().isEmpty, "a refused import leaves nothing")
        }
    }

    @Test("a newline inside a refused value is escaped in the one error line")
    func newlineInValue() throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("profile-import-newline-in-value.json"))
        let error = #expect(throws: StoreError.self) { try ProfileArchive.decode(data, path: "fuzz.json") }
        #expect(error?.description == "fuzz.json is not a Headway profile export: snapshots[0].zone: Cannot initialize Zone from invalid String value Gre\\n")
    }
}
