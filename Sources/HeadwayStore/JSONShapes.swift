import Foundation
import HeadwayCore

// The core's maps keyed by enums (`[EvidenceDimension: Double]`) encode as flat arrays under
// Codable; these mirrors write them as objects, the shape of an assessment file (MODEL.md §7).

struct MarketJSON: MostlyEmptyJSON, Hashable {
    static let empty = MarketJSON(MarketOverrides())
    static let emptyText = #"{"barriers":{},"evidence":{}}"#

    var evidence: [String: Double]
    var barriers: [String: Double]
    var growth: Double?

    init(_ m: MarketOverrides) {
        evidence = Dictionary(uniqueKeysWithValues: m.evidence.map { ($0.key.rawValue, $0.value) })
        barriers = Dictionary(uniqueKeysWithValues: m.barriers.map { ($0.key.rawValue, $0.value) })
        growth = m.growth
    }

    func overrides() throws -> MarketOverrides {
        var out = MarketOverrides(growth: growth)
        for (k, v) in evidence {
            guard let dim = EvidenceDimension(rawValue: k) else { throw JSONShapeError("unknown evidence dimension '\(k)'") }
            out.evidence[dim] = v
        }
        for (k, v) in barriers {
            guard let dim = BarrierDimension(rawValue: k) else { throw JSONShapeError("unknown barrier dimension '\(k)'") }
            out.barriers[dim] = v
        }
        return out
    }
}

struct GoalsJSON: MostlyEmptyJSON, Hashable {
    static let empty = GoalsJSON(Goals())
    static let emptyText = #"{"exclude":[],"include":{}}"#

    var include: [String: Int]
    var exclude: [String]
    var toward: String?
    init(_ g: Goals) { include = g.include; exclude = g.exclude; toward = g.toward }
    var goals: Goals { Goals(include: include, exclude: exclude, toward: toward) }
}

struct JSONShapeError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

/// Sorted keys, so the same value always writes the same text.
func jsonText<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

func jsonValue<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    try JSONDecoder().decode(type, from: Data(text.utf8))
}

/// A stored shape that most rows leave empty (an assessment without market overrides or goals):
/// its empty text, as ``jsonText(_:)`` writes it (`JSONShapeTests`), is read without a decoder.
protocol MostlyEmptyJSON: Codable {
    static var empty: Self { get }
    static var emptyText: String { get }
}

func jsonValue<T: MostlyEmptyJSON>(_ type: T.Type, _ text: String) throws -> T {
    text == T.emptyText ? T.empty : try JSONDecoder().decode(type, from: Data(text.utf8))
}

/// A stored list: most are empty (`[]`), and a `JSONDecoder` per row was ~10% of reading a
/// year's record; the empty text, and a list of plain texts (``FlatJSON``), are read without one.
func jsonValue<E: Decodable>(_ type: [E].Type, _ text: String) throws -> [E] {
    if text == "[]" { return [] }
    if E.self == String.self, let texts = FlatJSON.texts(text) { return texts as! [E] }
    return try JSONDecoder().decode(type, from: Data(text.utf8))
}

/// A stored map, read like a list: the empty `{}`, and a flat one of texts or numbers
/// (``FlatJSON``), without a decoder.
func jsonValue<K: Decodable & Hashable, V: Decodable>(_ type: [K: V].Type, _ text: String) throws -> [K: V] {
    if text == "{}" { return [:] }
    if K.self == String.self, let flat = flatObject(text, of: V.self) { return flat as! [K: V] }
    return try JSONDecoder().decode(type, from: Data(text.utf8))
}

/// A flat object of texts, numbers or whole numbers (`V`), as ``FlatJSON`` reads it, or nil.
private func flatObject<V>(_ text: String, of _: V.Type) -> Any? {
    switch V.self {
    case is String.Type: return FlatJSON.textObject(text)
    case is Double.Type: return FlatJSON.numberObject(text)
    case is Int.Type: return FlatJSON.integerObject(text)
    default: return nil
    }
}

/// `availability` as an assessment file writes it: `{"2026-12-21": 0}`.
enum AvailabilityJSON {
    static func object(_ a: [Day: Double]) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: a.map { ($0.key.description, $0.value) })
    }

    static func days(_ o: [String: Double]) throws -> [Day: Double] {
        var out: [Day: Double] = [:]
        for (k, v) in o {
            guard let d = Day(k) else { throw JSONShapeError("availability day '\(k)' is not YYYY-MM-DD") }
            out[d] = v
        }
        return out
    }
}

/// A log entry as a change keeps it before an edit or a removal.
struct LogEntryJSON: Codable, Hashable {
    var date: String
    var skill: String
    var level: Int
    var activity: String?
    var hours: Double
    var status: String
    var note: String?
    /// Omitted when empty, so changes kept before evidence read as before.
    var evidence: [String]?

    init(_ e: LogEntry) {
        date = e.date.description; skill = e.skill; level = e.level; activity = e.activity
        hours = e.hours; status = e.status.rawValue; note = e.note; evidence = e.evidence.isEmpty ? nil : e.evidence
    }

    func entry() throws -> LogEntry {
        guard let d = Day(date) else { throw JSONShapeError("a kept log date '\(date)' is not YYYY-MM-DD") }
        guard let s = LogStatus(rawValue: status) else { throw JSONShapeError("a kept log status '\(status)' is not done, partial or skipped") }
        return LogEntry(date: d, skill: skill, level: level, activity: activity, hours: hours, status: s, note: note, evidence: evidence ?? [])
    }
}
