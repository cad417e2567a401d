import Foundation
import Testing

@testable import HeadwayCLI

/// Shell lines the shell-line fuzzer (`Fuzz/`) broke, fed to the same functions with the same
/// properties: tokenizer and parse errors are one line, every word survives quote() then split().
@Suite("Shell lines the fuzzer found stay fixed")
struct FuzzRegressionTests {
    static let folder = Binary.repository.appendingPathComponent("Fixtures/fuzz/regressions")
    static let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasPrefix("shell-line-") }.sorted()

    @Test(
        "each line splits or fails in one line, its words round-trip through quote(), and it parses or fails in one line",
        arguments: files)
    func line(name: String) throws {
        let line = String(decoding: try Data(contentsOf: Self.folder.appendingPathComponent(name)), as: UTF8.self)
        let words: [String]
        do { words = try Tokenizer.split(line) } catch {
            #expect(!error.description.contains("\n"))
            return
        }
        for word in words {
            #expect(try Tokenizer.split(Tokenizer.quote(word)) == [word], "\(word.debugDescription)")
        }
        if case .failure(let exit) = parseCommand(words, origin: .shell), exit.code != 0 {
            #expect(!exit.text.isEmpty && !exit.text.contains("\n"), "\(exit.text.debugDescription)")
        }
    }

    @Test(
        "a quote followed by a combining mark is one Character but still escaped by quote()",
        arguments: [
            "sreD-ii'\u{350}s6ic", "'\u{301}", "a'\u{301}'\u{308}b", "e\u{301}'"
        ])
    func quoteBeforeCombiningMark(word: String) throws {
        #expect(try Tokenizer.split(Tokenizer.quote(word)) == [word])
    }
}
