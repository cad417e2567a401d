import Testing

@testable import HeadwayCLI

@Suite("Tokenizer splits typed lines like a POSIX shell, without expansion")
struct TokenizerTests {
    @Test(
        "splits words and keeps quoted and escaped text",
        arguments: [
            ("", []),
            ("   \t  ", []),
            ("score", ["score"]),
            ("  plan   --hours 6\t--json  ", ["plan", "--hours", "6", "--json"]),
            ("log 'read the NCCL paper' --hours 2", ["log", "read the NCCL paper", "--hours", "2"]),
            ("log \"read the NCCL paper\"", ["log", "read the NCCL paper"]),
            ("a'b c'd", ["ab cd"]),
            ("a\"b c\"d e", ["ab cd", "e"]),
            ("'' x \"\"", ["", "x", ""]),
            ("\"it's\"", ["it's"]),
            ("'say \"hi\"'", ["say \"hi\""]),
            ("\"say \\\"hi\\\"\"", ["say \"hi\""]),
            ("\"back\\\\slash\"", ["back\\slash"]),
            ("\"keep \\n as typed\"", ["keep \\n as typed"]),
            ("'no \\escape in singles'", ["no \\escape in singles"]),
            ("two\\ words", ["two words"]),
            ("\\'quote\\\"", ["'quote\""]),
            ("\\#not-a-comment", ["#not-a-comment"]),
            ("score # the rest is a comment", ["score"]),
            ("# only a comment", []),
            ("a#b", ["a#b"]),
            ("'#' \"#\"", ["#", "#"]),
            ("--what-if=vllm=3,nccl=2", ["--what-if=vllm=3,nccl=2"]),
            ("é ü 日本 🙂", ["é", "ü", "日本", "🙂"]),
            ("'it'\\''s'", ["it's"])
        ] as [(String, [String])])
    func splits(line: String, words: [String]) throws {
        #expect(try Tokenizer.split(line) == words)
    }

    @Test(
        "refuses unbalanced quotes, naming the quote and its column",
        arguments: [
            ("\"open", Tokenizer.Failure.unbalancedQuote("\"", column: 1)),
            ("log 'half", .unbalancedQuote("'", column: 5)),
            ("a \"b\" 'c", .unbalancedQuote("'", column: 7)),
            ("\"it's", .unbalancedQuote("\"", column: 1)),
            ("'say \"hi\"", .unbalancedQuote("'", column: 1)),
            ("\"ends in escape\\\"", .unbalancedQuote("\"", column: 1))
        ] as [(String, Tokenizer.Failure)])
    func unbalanced(line: String, failure: Tokenizer.Failure) {
        #expect(throws: failure) { try Tokenizer.split(line) }
    }

    @Test("refuses a line that ends in a lone backslash")
    func trailingBackslash() throws {
        #expect(throws: Tokenizer.Failure.trailingBackslash) { try Tokenizer.split("score \\") }
        #expect(try Tokenizer.split("score \\\\") == ["score", "\\"])
    }

    @Test(
        "refuses control characters and invalid UTF-8, naming the column",
        arguments: [
            ("score\u{0}", Tokenizer.Failure.controlCharacter(0, column: 6)),
            ("\u{1B}[A", .controlCharacter(0x1B, column: 1)),
            ("ab\u{7F}", .controlCharacter(0x7F, column: 3)),
            ("'quoted \u{7}'", .controlCharacter(7, column: 9)),
            (String(decoding: [0x73, 0xFF, 0xFE], as: UTF8.self), .controlCharacter(0xFFFD, column: 2))
        ] as [(String, Tokenizer.Failure)])
    func control(line: String, failure: Tokenizer.Failure) {
        #expect(throws: failure) { try Tokenizer.split(line) }
    }

    @Test("keeps tabs as blanks outside quotes and as text inside")
    func tabs() throws {
        #expect(try Tokenizer.split("a\tb") == ["a", "b"])
        #expect(try Tokenizer.split("'a\tb'") == ["a\tb"])
    }

    @Test("refuses a line over the limit before splitting it, and splits one at the limit")
    func long() throws {
        let megabyte = String(repeating: "a", count: 1 << 20)
        #expect(throws: Tokenizer.Failure.tooLong(bytes: 1 << 20, limit: Tokenizer.maximumBytes)) { try Tokenizer.split(megabyte) }
        let atLimit = String(repeating: "b", count: Tokenizer.maximumBytes)
        #expect(try Tokenizer.split(atLimit) == [atLimit])
        let many = Array(repeating: "w", count: 20_000)
        #expect(try Tokenizer.split(many.joined(separator: " ")) == many)
    }

    @Test("every error reads as one line")
    func oneLine() {
        let failures: [Tokenizer.Failure] = [
            .unbalancedQuote("'", column: 3), .unbalancedQuote("\"", column: 1), .trailingBackslash,
            .controlCharacter(0, column: 1), .controlCharacter(0xFFFD, column: 4), .tooLong(bytes: 9, limit: 8)
        ]
        for f in failures {
            #expect(!f.description.contains("\n"))
            #expect(!f.description.isEmpty)
        }
        #expect(Tokenizer.Failure.controlCharacter(0xFFFD, column: 4).description.contains("invalid UTF-8"))
        #expect(Tokenizer.Failure.controlCharacter(0x1B, column: 2).description.contains("0x1B"))
    }

    @Test(
        "quote() gives back a word the tokenizer splits to the same text",
        arguments: [
            "plain", "two words", "it's", "say \"hi\"", "", "#hash", "back\\slash", "tab\there", "$HOME", "mix 'of' \"all\" \\ #"
        ])
    func quoteRoundTrip(text: String) throws {
        #expect(try Tokenizer.split(Tokenizer.quote(text)) == [text])
    }

    @Test("random lines of quotes, escapes and blanks split or fail cleanly, and their words round-trip through quote()")
    func fuzz() throws {
        var rng = SplitMix(seed: 0x5EED)
        let alphabet: [Character] = ["a", "b", " ", "\t", "'", "\"", "\\", "#", "=", "é"]
        var split = 0
        for _ in 0..<3000 {
            let length = Int(rng.next() % 24)
            let line = String((0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            if let words = try? Tokenizer.split(line) {
                split += 1
                #expect(try Tokenizer.split(words.map(Tokenizer.quote).joined(separator: " ")) == words, "line: \(line)")
            }
        }
        #expect(split > 300, "the generator should produce many well-formed lines")
    }
}

/// A small deterministic generator, so a failing case is the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
