import Foundation

/// Standard output and standard error, kept in order — the current ``Context``'s.
///
/// `print` buffers when standard output is a pipe; everything written to standard error first
/// flushes it, so a transcript of both streams reads in the order things happened.
enum Console {
    static func out(_ line: String) {
        write(line + "\n")
    }

    /// Writes `text` as it is to standard output.
    static func write(_ text: String) {
        if let capture = Context.current.capture { return capture.write(text, error: false) }
        Swift.print(text, terminator: "")
    }

    static func error(_ text: String) {
        let line = text.hasSuffix("\n") ? text : text + "\n"
        if let capture = Context.current.capture { return capture.write(line, error: true) }
        flush()
        FileHandle.standardError.write(Data(line.utf8))
    }

    static func flush() {
        fflush(nil)
    }
}
