import Foundation
import HeadwayCore

/// Standard output and standard error, kept in order — the current ``Context``'s.
///
/// `print` buffers when standard output is a pipe; everything written to standard error first
/// flushes it, so a transcript of both streams reads in the order things happened.
enum Console {
    static func out(_ line: String) {
        print(line)  // sanitized: see print(_:separator:terminator:) below
    }

    /// Writes `text` as it is to standard output (a captured run's, in process).
    static func write(_ text: String) {
        if let capture = Context.current.capture { return capture.write(text, error: false) }
        Swift.print(text, terminator: "")
    }

    /// Standard error, through the terminal sanitizer as standard output is: an error may quote
    /// an answer, a file or an archive, and an escape sequence in it must be shown, not obeyed.
    static func error(_ text: String) {
        let line = terminalSafe(text.hasSuffix("\n") ? text : text + "\n")
        if let capture = Context.current.capture { return capture.write(line, error: true) }
        flush()
        FileHandle.standardError.write(Data(line.utf8))
    }

    static func flush() {
        fflush(nil)
    }
}

/// Every `print` of the CLI goes through the terminal sanitizer: data (snapshot reasons,
/// activities, briefings, notes, curricula and profile names) can hold any character, and an
/// escape sequence in it must be shown, not obeyed. Headway's own colours are kept; JSON goes
/// through ``printJSONText(_:)`` instead, whose escapes keep it valid JSON.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { "\($0)" }.joined(separator: separator)
    Console.write(terminalSafe(text, keepingStyles: colourPossible) + terminalSafe(terminator))
}

/// Whether Headway may be writing colours at all (standard output a terminal, `NO_COLOR` unset,
/// not `TERM=dumb`): only then are SGR sequences kept; piped output never carries an escape byte.
private var colourPossible: Bool {
    let context = Context.current
    return context.outputIsTerminal && context.environment["NO_COLOR"] == nil && context.environment["TERM"] != "dumb"
}

/// JSON text on standard output, with the characters a terminal would obey written as JSON
/// escapes (`\u202e`), so the document still parses to the same values.
func printJSONText(_ text: String, terminator: String = "\n") {
    Console.write(jsonTerminalSafe(text) + terminator)
}

/// `text` (a JSON document) with every character ``isUnsafeForTerminal(_:)`` names as a `\uXXXX`
/// escape. Raw control characters cannot stand in valid JSON outside strings, so each one found
/// is inside a string, where the escape means the same character.
func jsonTerminalSafe(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { isUnsafeForTerminal($0) && $0 != "\r" }) else { return text }
    var out = String.UnicodeScalarView()
    for s in text.unicodeScalars {
        if isUnsafeForTerminal(s) && s != "\r" {
            let hex = String(s.value, radix: 16)
            out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
        } else {
            out.append(s)
        }
    }
    return String(out)
}
