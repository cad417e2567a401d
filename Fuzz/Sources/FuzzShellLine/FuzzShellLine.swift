import Foundation
import FuzzSupport

@testable import HeadwayCLI

/// One line typed into the shell: decoded as `readLine` does, split by the tokenizer, then parsed
/// as a command line exactly as the shell would (unknown-command check, swift-argument-parser,
/// help and error text) — never run.
///
/// Properties: every tokenizer or parse error is one line; every word survives
/// `Tokenizer.quote` then `Tokenizer.split` unchanged (completion relies on it).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzShellLine(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let line = String(decoding: bytes(start, count), as: UTF8.self)
    let words: [String]
    do {
        words = try Tokenizer.split(line)
    } catch {
        requireOneLine(error.description, "tokenizer error")
        return 0
    }
    for word in words {
        let quoted = Tokenizer.quote(word)
        let again = try? Tokenizer.split(quoted)
        require(again == [word], "quote then split changed \(word.debugDescription) into \(String(describing: again)) via \(quoted.debugDescription)")
    }
    switch parseCommand(words, origin: .shell) {
    case .success:
        break
    case .failure(let exit):
        if exit.code != 0 { requireOneLine(exit.text, "parse error for \(words)") }
    }
    return 0
}
