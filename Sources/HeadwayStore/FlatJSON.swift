/// A reader for the flat JSON the store writes on most rows: a list of texts (a unit's tasks,
/// `["nccl","vllm"]`) and an object of texts or numbers (a snapshot's reason parameters,
/// `{"level":"2","skill":"nccl"}`; a time split, `{"research":0.4}`).
///
/// Foundation's decoders cost 0.25–0.45 ms at their first use in a process (measured:
/// `JSONDecoder`, `JSONSerialization`), a twentieth of a profile command, for rows that are a
/// few slugs. This reads only what it reads exactly as `JSONDecoder` does: texts without
/// escapes or control characters, numbers without an exponent, no spaces, no repeated key. On
/// anything else it answers nil, and the caller decodes the text the usual way, so what is
/// read, and every error about it, stays the decoder's. `FlatJSONTests` holds the two equal.
enum FlatJSON {
    /// A value of a flat object: a text, or a number as written.
    enum Scalar: Equatable {
        case text(String)
        case number(String)
    }

    /// `["a","b"]` as texts; nil for anything not that simple.
    static func texts(_ json: String) -> [String]? {
        var reader = Reader(json)
        guard reader.take(UInt8(ascii: "[")) else { return nil }
        var out: [String] = []
        if reader.take(UInt8(ascii: "]")) { return reader.atEnd ? out : nil }
        repeat {
            guard let text = reader.text() else { return nil }
            out.append(text)
        } while reader.take(UInt8(ascii: ","))
        return reader.take(UInt8(ascii: "]")) && reader.atEnd ? out : nil
    }

    /// `{"k":"v","n":1.5}` as its members in order; nil for anything not that simple.
    static func object(_ json: String) -> [(key: String, value: Scalar)]? {
        var reader = Reader(json)
        guard reader.take(UInt8(ascii: "{")) else { return nil }
        var out: [(key: String, value: Scalar)] = []
        if reader.take(UInt8(ascii: "}")) { return reader.atEnd ? out : nil }
        var keys: Set<String> = []
        repeat {
            guard let key = reader.text(), keys.insert(key).inserted, reader.take(UInt8(ascii: ":")) else { return nil }
            if let text = reader.text() {
                out.append((key, .text(text)))
            } else if let number = reader.number() {
                out.append((key, .number(number)))
            } else {
                return nil
            }
        } while reader.take(UInt8(ascii: ","))
        return reader.take(UInt8(ascii: "}")) && reader.atEnd ? out : nil
    }

    /// `{"k":"v"}` with texts only.
    static func textObject(_ json: String) -> [String: String]? {
        guard let members = object(json) else { return nil }
        var out: [String: String] = [:]
        for (key, value) in members {
            guard case .text(let text) = value else { return nil }
            out[key] = text
        }
        return out
    }

    /// `{"k":1.5}` with numbers only, each read as `Double` (correctly rounded, as the decoder).
    static func numberObject(_ json: String) -> [String: Double]? { numbers(json) { Double($0) } }

    /// `{"k":2}` with whole numbers only (no fraction: the decoder's reading of `2.0` as an
    /// `Int` is left to it).
    static func integerObject(_ json: String) -> [String: Int]? { numbers(json) { Int($0) } }

    /// An object of numbers, each as `read` reads what is written; nil when one is not.
    private static func numbers<T>(_ json: String, _ read: (String) -> T?) -> [String: T]? {
        guard let members = object(json) else { return nil }
        var out: [String: T] = [:]
        for (key, value) in members {
            guard case .number(let written) = value, let number = read(written) else { return nil }
            out[key] = number
        }
        return out
    }

    private struct Reader {
        let bytes: [UInt8]
        var at = 0

        init(_ json: String) { bytes = Array(json.utf8) }

        var atEnd: Bool { at == bytes.count }

        mutating func take(_ byte: UInt8) -> Bool {
            guard at < bytes.count, bytes[at] == byte else { return false }
            at += 1
            return true
        }

        /// A quoted text without escapes or control characters; the position is kept on nil.
        mutating func text() -> String? {
            guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { return nil }
            var end = at + 1
            while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
                if bytes[end] == UInt8(ascii: "\\") || bytes[end] < 0x20 { return nil }
                end += 1
            }
            guard end < bytes.count else { return nil }
            let text = String(decoding: bytes[(at + 1)..<end], as: UTF8.self)
            at = end + 1
            return text
        }

        /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?`, as written; the position is kept on nil.
        mutating func number() -> String? {
            func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
            var end = at
            if end < bytes.count, bytes[end] == UInt8(ascii: "-") { end += 1 }
            let whole = end
            while end < bytes.count, isDigit(bytes[end]) { end += 1 }
            guard end > whole, end - whole == 1 || bytes[whole] != UInt8(ascii: "0") else { return nil }
            if end < bytes.count, bytes[end] == UInt8(ascii: ".") {
                end += 1
                let fraction = end
                while end < bytes.count, isDigit(bytes[end]) { end += 1 }
                guard end > fraction else { return nil }
            }
            // An exponent, or anything else glued on, is the decoder's to read.
            if end < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]")].contains(bytes[end]) { return nil }
            let number = String(decoding: bytes[at..<end], as: UTF8.self)
            at = end
            return number
        }
    }
}
