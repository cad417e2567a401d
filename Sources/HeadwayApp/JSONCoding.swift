import Foundation

/// Headway's one JSON convention: keys are the Swift names in snake_case (`projectedScore` →
/// `projected_score`), sorted, pretty-printed, slashes unescaped, a final newline; the decoder
/// reads the same names back. A type writes `CodingKeys` only for a key the conversion cannot
/// spell (`share_at_3_plus`). Dictionary keys (skill and task ids) are never converted.
public enum JSONCoding {
    /// `compact`: one line, for JSON stored in the database (a briefing).
    public static func encoder(compact: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = compact ? [.sortedKeys, .withoutEscapingSlashes] : [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }
}
