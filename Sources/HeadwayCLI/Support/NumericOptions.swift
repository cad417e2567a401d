import HeadwayCore

/// The numeric options, read as people write numbers: decimal digits only. swift-argument-parser
/// reads `Double`s and `Int`s as Swift does, which takes `0x10`, `1e3`, `inf` and `nan`; these
/// are refused before parsing, naming the option and its range.
enum NumericOptions {
    /// Option name -> (whole numbers only, the range the commands allow).
    static let ranges: [String: (whole: Bool, range: String)] = [
        "--hours": (false, "1..40"), "--weeks": (true, "1..52"), "--last": (true, "1 or more"), "--jobs": (true, "1 or more")
    ]

    /// The one-line refusal of the first numeric option whose value is not a plain decimal.
    static func refusal(_ arguments: [String]) -> String? {
        var i = 0
        while i < arguments.count {
            let word = arguments[i]
            if word == "--" { return nil }
            let (name, inline) = word.split(separator: "=", maxSplits: 1).map(String.init).splitPair
            if let spec = ranges[name] {
                let value = inline ?? (i + 1 < arguments.count ? arguments[i + 1] : nil)
                if let value, !isPlain(value, whole: spec.whole) {
                    return "\(name) '\(oneLine(value, limit: 20))' is not a \(spec.whole ? "whole " : "")number; allowed: \(spec.range), "
                        + "written in decimal digits"
                }
                if inline == nil { i += 1 }
            }
            i += 1
        }
        return nil
    }

    static func isPlain(_ value: String, whole: Bool) -> Bool {
        if whole { return !value.isEmpty && value.count <= 9 && value.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } }
        return plainDecimal(value) != nil
    }
}

extension Array where Element == String {
    /// `["--hours", "3"]` -> ("--hours", "3"); `["--hours"]` -> ("--hours", nil).
    fileprivate var splitPair: (String, String?) { (first ?? "", count > 1 ? self[1] : nil) }
}
