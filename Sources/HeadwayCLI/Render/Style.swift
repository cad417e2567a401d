import Foundation
import HeadwayCore

/// Terminal styling: ANSI colours only when standard output is a terminal and `NO_COLOR` is unset.
struct Style: Sendable {
    let colour: Bool
    let width: Int

    static func current() -> Style {
        let env = Context.current.environment
        let tty = Context.current.outputIsTerminal
        // A script is plain even when its output goes to a terminal.
        let script = Session.current.map { !$0.interactive } ?? false
        let colour = tty && !script && env["NO_COLOR"] == nil && env["TERM"] != "dumb"
        // Piped output is not cut: files and other programs get every column; `--wide` opts out.
        var width = unlimited
        if env["HEADWAY_WIDE"] == "1" {
            return Style(colour: colour, width: width)
        } else if tty {
            var size = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { width = Int(size.ws_col) }
        } else if let cols = env["COLUMNS"].flatMap(Int.init), cols > 20 {
            width = cols
        }
        return Style(colour: colour, width: width)
    }

    static let plain = Style(colour: false, width: 100)
    /// The width of output that is not fitted to a terminal.
    static let unlimited = 10_000

    func paint(_ text: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    func bold(_ text: String) -> String { paint(text, "1") }
    func dim(_ text: String) -> String { paint(text, "2") }

    func zone(_ text: String, _ zone: Zone) -> String {
        switch zone {
        case .green: return paint(text, "32")
        case .yellow: return paint(text, "33")
        case .red: return paint(text, "31")
        }
    }
}
