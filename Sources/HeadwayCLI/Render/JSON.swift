import Foundation

/// Encodes a value as JSON on standard output (sorted keys, so output is stable).
func printJSON<T: Encodable>(_ value: T) throws {
    let data = try encodeJSON(value)
    printJSONText(String(decoding: data, as: UTF8.self), terminator: "")
}

/// The JSON Headway writes everywhere: pretty, sorted keys, a final newline.
func encodeJSON<T: Encodable>(_ value: T) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(value) + Data("\n".utf8)
}
