import Foundation

/// Standard output and standard error, kept in order.
///
/// `print` buffers when standard output is a pipe; everything written to standard error first
/// flushes it, so a transcript of both streams reads in the order things happened.
enum Console {
    static func out(_ line: String) {
        print(line)
    }

    static func error(_ text: String) {
        flush()
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func flush() {
        fflush(nil)
    }
}
