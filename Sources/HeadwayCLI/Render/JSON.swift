import Foundation
import HeadwayApp

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
