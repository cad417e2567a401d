import Foundation

/// Headway's one JSON convention: keys are the Swift names in snake_case (`projectedScore` →
/// `projected_score`), sorted, pretty-printed, slashes unescaped, a final newline; the decoder
/// reads the same names back. A type writes `CodingKeys` only for a key the conversion cannot
/// spell (`share_at_3_plus`). Dictionary keys (skill and task ids) are never converted.
enum JSONCoding {
    /// `compact`: one line, for JSON stored in the database (a briefing).
    static func encoder(compact: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = compact ? [.sortedKeys, .withoutEscapingSlashes] : [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }
}

/// Encodes a value as JSON on standard output (through ``printJSONText(_:terminator:)``).
func printJSON<T: Encodable>(_ value: T) throws {
    printJSONText(try jsonText(value), terminator: "")
}

/// The JSON Headway writes everywhere (``JSONCoding``), as bytes.
func encodeJSON<T: Encodable>(_ value: T) throws -> Data {
    try JSONCoding.encoder().encode(value) + Data("\n".utf8)
}

/// The JSON Headway writes everywhere (``JSONCoding``), as text.
func jsonText<T: Encodable>(_ value: T) throws -> String {
    String(decoding: try encodeJSON(value), as: UTF8.self)
}
