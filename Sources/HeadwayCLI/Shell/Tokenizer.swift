/// Splits a typed line into words the way a POSIX shell would, without expansion.
///
/// - Blanks (space, tab) separate words outside quotes.
/// - `'…'` keeps everything literally; `"…"` keeps everything except `\"` and `\\`, which
///   stand for `"` and `\` (any other backslash stays as typed).
/// - Outside quotes a backslash makes the next character literal (`\ ` is a space inside a word).
/// - Quotes may join parts of one word: `a"b c"d` is `ab cd`; `''` and `""` are an empty word.
/// - `#` at the start of a word begins a comment that runs to the end of the line.
///
/// Everything is linear in the line's length; errors carry the 1-based column the user sees.
struct Tokenizer {
    enum Failure: Error, Equatable, CustomStringConvertible {
        case unbalancedQuote(Character, column: Int)
        case trailingBackslash
        case controlCharacter(UInt32, column: Int)
        case tooLong(bytes: Int, limit: Int)

        var description: String {
            switch self {
            case .unbalancedQuote(let q, let column):
                return "unbalanced \(q == "'" ? "single" : "double") quote (\(q)) at column \(column); close it or escape it with \\\(q)"
            case .trailingBackslash:
                return "the line ends with a backslash; escape it as \\\\ or remove it"
            case .controlCharacter(let value, let column):
                let hex = String(value, radix: 16, uppercase: true)
                let code = value == 0xFFFD ? "an invalid UTF-8 byte" : "control character 0x\(hex.count < 2 ? "0" + hex : hex)"
                return "the line holds \(code) at column \(column); commands are plain text"
            case .tooLong(let bytes, let limit):
                return "the line is \(bytes) bytes long; the limit is \(limit)"
            }
        }
    }

    /// Longer lines are refused before they are split: no command needs them.
    static let maximumBytes = 64 * 1024

    static func split(_ line: String) throws(Failure) -> [String] {
        let bytes = line.utf8.count
        guard bytes <= maximumBytes else { throw .tooLong(bytes: bytes, limit: maximumBytes) }

        enum Mode { case blank, word, single, double }
        var words: [String] = []
        var word = ""
        var mode = Mode.blank
        var quoteColumn = 0
        var escaped = false
        var column = 0

        for scalar in line.unicodeScalars {
            column += 1
            let v = scalar.value
            if (v < 0x20 && scalar != "\t") || v == 0x7F || v == 0xFFFD {
                throw .controlCharacter(v, column: column)
            }
            let c = Character(scalar)
            if escaped {
                escaped = false
                if mode == .double && c != "\"" && c != "\\" { word.append("\\") }
                word.append(c)
                continue
            }
            switch mode {
            case .blank, .word:
                switch c {
                case " ", "\t":
                    if mode == .word { words.append(word); word = ""; mode = .blank }
                case "#" where mode == .blank:
                    return words
                case "\\":
                    escaped = true; mode = .word
                case "'":
                    mode = .single; quoteColumn = column
                case "\"":
                    mode = .double; quoteColumn = column
                default:
                    word.append(c); mode = .word
                }
            case .single:
                if c == "'" { mode = .word } else { word.append(c) }
            case .double:
                switch c {
                case "\"": mode = .word
                case "\\": escaped = true
                default: word.append(c)
                }
            }
        }
        switch mode {
        case .single: throw .unbalancedQuote("'", column: quoteColumn)
        case .double: throw .unbalancedQuote("\"", column: quoteColumn)
        case .word, .blank:
            if escaped { throw .trailingBackslash }
            if mode == .word { words.append(word) }
        }
        return words
    }

    /// The word a display shows for `text`: quoted only when it has to be.
    static func quote(_ text: String) -> String {
        let plain =
            !text.isEmpty
            && text.unicodeScalars.allSatisfy { s in
                !" \t'\"\\#$`".unicodeScalars.contains(s) && s.value >= 0x20
            }
        if plain { return text }
        // By scalar, not by Character: a quote followed by a combining mark (`'\u{350}`) is
        // one Character, which `replacingOccurrences(of: "'")` would not find (the fuzzer did).
        var quoted = "'"
        for s in text.unicodeScalars {
            if s == "'" { quoted += "'\\''" } else { quoted.unicodeScalars.append(s) }
        }
        return quoted + "'"
    }
}
