import Foundation
import HeadwayCore
import HeadwaySynthetic
import Testing

@testable import HeadwayStore

/// ``FlatJSON`` reads the store's flat rows without Foundation's decoders; what it reads must be
/// what `JSONDecoder` reads, and what it cannot read exactly it must leave to the decoder.
@Suite("Flat JSON rows read without a decoder")
struct FlatJSONTests {
    /// Texts with what JSON writers put in them: slugs, spaces, accents, quotes, backslashes,
    /// slashes, control characters, emoji.
    static func randomText(_ rng: inout SplitMix64) -> String {
        let pieces = ["nccl", "vllm", "-", ":", " ", "é", "日本", "\"", "\\", "/", "\n", "\u{1}", "🙂", "0", "{", "]", ","]
        return (0..<Int.random(in: 0...5, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
    }

    static func randomNumber(_ rng: inout SplitMix64) -> Double {
        switch Int.random(in: 0...4, using: &rng) {
        case 0: return Double(Int.random(in: -1000...1000, using: &rng))
        case 1: return Double.random(in: 0...1, using: &rng)
        case 2: return Double.random(in: -1e6...1e6, using: &rng)
        case 3: return Double.random(in: 0...1e-6, using: &rng)  // written with an exponent
        default: return (Double.random(in: 0...100, using: &rng) * 100).rounded() / 100
        }
    }

    static func encoded<T: Encodable>(_ value: T) throws -> String { try jsonText(value) }

    @Test("a list of texts reads as the decoder reads it, or is left to it", arguments: 0..<4)
    func texts(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        var readFlat = 0
        for _ in 0..<500 {
            let list = (0..<Int.random(in: 0...4, using: &rng)).map { _ in Self.randomText(&rng) }
            let text = try Self.encoded(list)
            let decoded = try JSONDecoder().decode([String].self, from: Data(text.utf8))
            if let flat = FlatJSON.texts(text) {
                #expect(flat == decoded, "\(text)")
                readFlat += 1
            }
            #expect(try jsonValue([String].self, text) == decoded)
        }
        #expect(readFlat > 50)  // the plain ones are read flat
    }

    @Test("an object of texts or numbers reads as the decoder reads it, or is left to it", arguments: 0..<4)
    func objects(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        var readFlat = (texts: 0, numbers: 0, integers: 0)
        for _ in 0..<500 {
            let keys = (0..<Int.random(in: 0...4, using: &rng)).map { _ in Self.randomText(&rng) }
            let texts = Dictionary(keys.map { ($0, Self.randomText(&rng)) }, uniquingKeysWith: { a, _ in a })
            let numbers = Dictionary(keys.map { ($0, Self.randomNumber(&rng)) }, uniquingKeysWith: { a, _ in a })
            let integers = Dictionary(keys.map { ($0, Int.random(in: -5...Int.max, using: &rng)) }, uniquingKeysWith: { a, _ in a })

            let textsText = try Self.encoded(texts)
            #expect(try jsonValue([String: String].self, textsText) == texts)
            if let flat = FlatJSON.textObject(textsText) { #expect(flat == texts, "\(textsText)"); readFlat.texts += 1 }

            let numbersText = try Self.encoded(numbers)
            let decodedNumbers = try JSONDecoder().decode([String: Double].self, from: Data(numbersText.utf8))
            #expect(try jsonValue([String: Double].self, numbersText) == decodedNumbers)
            if let flat = FlatJSON.numberObject(numbersText) {
                #expect(flat == decodedNumbers, "\(numbersText)")
                readFlat.numbers += 1
            }

            let integersText = try Self.encoded(integers)
            #expect(try jsonValue([String: Int].self, integersText) == integers)
            if let flat = FlatJSON.integerObject(integersText) { #expect(flat == integers, "\(integersText)"); readFlat.integers += 1 }
        }
        #expect(readFlat.texts > 50 && readFlat.numbers > 50 && readFlat.integers > 50)
    }

    @Test(
        "what is not plain is left to the decoder",
        arguments: [
            #"["a\"b"]"#, #"["a\u0041"]"#, #"[ "a"]"#, #"["a",]"#, #"["a""#, #"[1]"#, #"["a"]x"#, #"{"a":1e5}"#, #"{"a":01}"#,
            #"{"a":-}"#, #"{"a":1.}"#, #"{"a":.5}"#, #"{"a":1,"a":2}"#, #"{"a":true}"#, #"{"a":null}"#, #"{"a":"b" }"#, #"{"a":1}}"#,
            #"{"a":["b"]}"#, "[\"a\u{1}\"]", #"{}x"#, #"[]]"#
        ])
    func leftToTheDecoder(text: String) {
        #expect(FlatJSON.texts(text) == nil)
        #expect(FlatJSON.object(text) == nil)
    }

    @Test("a whole number written with a fraction is the decoder's, as an Int")
    func wholeNumbersWithAFraction() {
        #expect(FlatJSON.integerObject(#"{"a":2.0}"#) == nil)
        #expect(FlatJSON.numberObject(#"{"a":2.0,"b":-0,"c":0.5}"#) == ["a": 2, "b": -0.0, "c": 0.5])
    }

    @Test("the empty market and goals are the texts the store writes for them")
    func emptyShapes() throws {
        #expect(try jsonText(MarketJSON(MarketOverrides())) == MarketJSON.emptyText)
        #expect(try jsonText(GoalsJSON(Goals())) == GoalsJSON.emptyText)
        #expect(try JSONDecoder().decode(MarketJSON.self, from: Data(MarketJSON.emptyText.utf8)) == MarketJSON.empty)
        #expect(try JSONDecoder().decode(GoalsJSON.self, from: Data(GoalsJSON.emptyText.utf8)) == GoalsJSON.empty)
        // Anything else still goes through the decoder.
        let market = MarketJSON(MarketOverrides(evidence: [EvidenceDimension.allCases[0]: 0.5], growth: 1.2))
        #expect(try jsonValue(MarketJSON.self, try jsonText(market)) == market)
    }
}
