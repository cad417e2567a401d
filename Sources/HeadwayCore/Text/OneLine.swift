/// `text` as it can stand inside a one-line message: control characters are escaped (`\n`,
/// `\r`, `\t`, `\u{1B}` …, bidi overrides too: see ``terminalSafe(_:keepingStyles:)``) so a newline or an escape sequence in a file or an argument can
/// neither split the message nor drive the terminal, and anything past `limit` characters is
/// cut with `…`.
///
/// Every error that quotes what a person typed or a file held goes through this: a key, an id
/// or a value may hold anything.
///
/// Complexity: O(n) in the length of `text`, and never more than `limit` characters are kept.
public func oneLine(_ text: String, limit: Int = 500) -> String {
    var out = ""
    var count = 0
    for scalar in text.unicodeScalars {
        if count >= limit { return out + "…" }
        switch scalar {
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where isUnsafeForTerminal(scalar):
            out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        default: out.unicodeScalars.append(scalar)
        }
        count += 1
    }
    return out
}
