/// `text` made safe to print to a terminal or to write into a file a terminal will show
/// (Markdown, plain text): every C0 control but the newline, the tab and a CR before a newline, DEL, every C1
/// control, the line and paragraph separators and the bidirectional overrides, embeddings and
/// isolates are written as `\u{…}`, so data (a snapshot reason, an activity, a briefing, a
/// note, a curricula name, a profile name) can neither drive the terminal (clear the screen,
/// set its title, write the clipboard with OSC 52) nor reorder what is shown around it.
///
/// With `keepingStyles` the Select Graphic Rendition sequences `ESC [ digits ; … m` that
/// Headway's own colours are made of are kept; any other escape sequence is still escaped.
/// Colours are only on when standard output is a terminal, so piped output and files never
/// carry an escape byte. HTML, iCalendar and CSV have their own escaping and do not use this.
///
/// Complexity: O(n) in the length of `text`.
public func terminalSafe(_ text: String, keepingStyles: Bool = false) -> String {
    // Most text has nothing to escape: return it without copying.
    guard text.unicodeScalars.contains(where: isUnsafeForTerminal) else { return text }
    var out = String.UnicodeScalarView()
    let scalars = Array(text.unicodeScalars)
    var i = 0
    while i < scalars.count {
        let s = scalars[i]
        if keepingStyles, s == "\u{1B}", let end = styleSequenceEnd(scalars, from: i) {
            out.append(contentsOf: scalars[i...end])
            i = end + 1
            continue
        }
        // CRLF line ends (iCalendar, CSV) only end a line.
        let lineEnd = s == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n"
        if isUnsafeForTerminal(s) && !lineEnd {
            out.append(contentsOf: ("\\u{" + String(s.value, radix: 16, uppercase: true) + "}").unicodeScalars)
        } else {
            out.append(s)
        }
        i += 1
    }
    return String(out)
}

/// Whether `s` would act on a terminal or on the order of what it shows, not just be shown.
public func isUnsafeForTerminal(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x0A, 0x09: return false
    case 0x00...0x1F, 0x7F...0x9F: return true
    case 0x2028, 0x2029: return true  // line and paragraph separators
    case 0x202A...0x202E, 0x2066...0x2069: return true  // bidi embeddings, overrides, isolates
    case 0x200E, 0x200F, 0x061C: return true  // bidi marks
    default: return false
    }
}

/// The index of the `m` that ends an SGR sequence `ESC [ [0-9;]* m` starting at `start`.
private func styleSequenceEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
    guard start + 1 < scalars.count, scalars[start + 1] == "[" else { return nil }
    var j = start + 2
    while j < scalars.count, j - start < 32 {
        let c = scalars[j]
        if c == "m" { return j }
        guard ("0"..."9").contains(c) || c == ";" else { return nil }
        j += 1
    }
    return nil
}
