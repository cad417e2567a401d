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
///
/// Text is also fitted to the terminal's width (`COLUMNS` when output is not a terminal; no
/// limit when neither says, or with `--wide`): a longer line wraps at spaces under its own
/// indent (issue 25.16). Files and exports written to standard output go through
/// ``Console/document(_:terminator:)`` instead, and keep their lines.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { "\($0)" }.joined(separator: separator)
    let safe = terminalSafe(text, keepingStyles: colourPossible)
    let width = Style.current().width
    let fitted = safe.contains("\n") || safe.count > width ? TextFit.fit(safe, width: width) : safe
    Console.write(fitted + terminalSafe(terminator))
}

extension Console {
    /// A document for standard output (a plan export, a report): sanitized, never wrapped.
    static func document(_ text: String, terminator: String) {
        write(terminalSafe(text, keepingStyles: false) + terminalSafe(terminator))
    }
}

/// Fitting text to a terminal's width.
enum TextFit {
    /// Each line of `text` no wider than `width` columns where its words allow: it wraps at
    /// spaces, continuing under its indent (and under the text of a `- `, `· ` or `* ` item);
    /// a word longer than the width (an address) stays whole on its own line.
    static func fit(_ text: String, width: Int) -> String {
        guard width < Style.unlimited else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { fit(line: $0, width: width) }.joined(separator: "\n")
    }

    static func fit(line: Substring, width: Int) -> String {
        guard visibleWidth(line) > width else { return String(line) }
        let indent = line.prefix { $0 == " " }
        var hanging = String(indent)
        let body = line.dropFirst(indent.count)
        for bullet in ["- ", "· ", "* ", "• "] where body.hasPrefix(bullet) { hanging += "  " }
        var lines: [String] = []
        var current = String(indent), currentWidth = indent.count, empty = true
        for word in body.split(separator: " ", omittingEmptySubsequences: false) {
            let w = visibleWidth(word)
            if !empty && currentWidth + 1 + w > width {
                lines.append(current)
                current = hanging + word
                currentWidth = hanging.count + w
            } else {
                current += (empty ? "" : " ") + word
                currentWidth += (empty ? 0 : 1) + w
            }
            empty = false
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }

    /// Columns a piece of text takes: its characters less the SGR colour sequences.
    static func visibleWidth(_ text: Substring) -> Int {
        var count = 0, inEscape = false
        for ch in text.unicodeScalars {
            if inEscape {
                if ch == "m" { inEscape = false }
            } else if ch == "\u{1B}" {
                inEscape = true
            } else {
                count += 1
            }
        }
        return count
    }
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
