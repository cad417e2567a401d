import CEditLine
import Foundation

/// What reading one line gave.
enum LineEvent: Equatable {
    case line(String)
    /// Ctrl-C: the half-typed line is gone, ask again.
    case interrupted
    /// Ctrl-D on an empty line, or the end of the script.
    case end
}

/// Where the shell and the wizard get their lines: a terminal, a script, or a test's list.
///
/// Sources are used from the one thread that runs the shell; they are `Sendable` only so that
/// a ``Session`` can carry one to the command it runs.
protocol LineSource: AnyObject, Sendable {
    /// A person types at a prompt (rather than lines arriving from a script).
    var isInteractive: Bool { get }
    /// Reads one line, showing `prompt` first when a person is typing.
    func read(prompt: String) -> LineEvent
    /// Keeps `line` for Up-arrow recall (and the history file); a script ignores it.
    func remember(_ line: String)
}

extension LineSource {
    func remember(_ line: String) {}
}

/// Lines given up front; the wizard's and the shell's tests read from it.
final class ScriptedLines: LineSource, @unchecked Sendable {
    private var lines: [LineEvent]
    private(set) var prompts: [String] = []
    let isInteractive = false
    init(_ lines: [String]) { self.lines = lines.map { .line($0) } }
    init(events: [LineEvent]) { lines = events }
    func read(prompt: String) -> LineEvent {
        prompts.append(prompt)
        return lines.isEmpty ? .end : lines.removeFirst()
    }
}

/// Standard input when it is not a terminal: no prompt, no editing.
///
/// With `echo` on, each line is printed as `$ line` before it is used, so that a script's
/// output reads as a transcript (the golden tests compare those).
final class StandardInputLines: LineSource, @unchecked Sendable {
    let echo: Bool
    let isInteractive = false
    init(echo: Bool) { self.echo = echo }

    func read(prompt: String) -> LineEvent {
        guard let line = Swift.readLine(strippingNewline: true) else { return .end }
        // The echo is the line as typed (cut by `display`), never wrapped: one `$` line each.
        if echo { Console.document(line.isEmpty ? "$" : "$ " + Self.display(line), terminator: "\n") }
        return .line(line)
    }

    /// The line as an echo shows it: control bytes as `\xNN`, long lines cut with their size.
    static func display(_ line: String) -> String {
        var out = ""
        var count = 0
        for scalar in line.unicodeScalars {
            count += 1
            if count > 120 { return out + "… (\(line.utf8.count) bytes)" }
            if scalar.value < 0x20 || scalar.value == 0x7F {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\x" + (hex.count < 2 ? "0" + hex : hex)
            } else if scalar.value == 0xFFFD {
                out += "\\uFFFD"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// A terminal line editor over libedit: arrows, history (with Ctrl-R search), Tab completion.
///
/// libedit keeps one editor per process, so there is one of these at a time; the wizard
/// reuses the shell's, and only the shell's commands enter the history.
final class EditLineReader: LineSource, @unchecked Sendable {
    private let historyFile: URL?
    let isInteractive = true
    static let historyLimit = 1000

    /// Whether the terminal's characters are UTF-8 (libedit fails on other bytes in a prompt).
    let unicode: Bool

    init(historyFile: URL?, completion: Completion?) {
        self.historyFile = historyFile
        // libedit decodes the prompt and the typed text with the C library's locale, which
        // is "C" (ASCII) until a program asks for the user's: a "·" in a prompt would crash it.
        setlocale(LC_CTYPE, "")
        if !Self.localeIsUTF8() { setlocale(LC_CTYPE, "C.UTF-8") }
        unicode = Self.localeIsUTF8()
        cedit_set_names()
        cedit_set_getc(Self.getCharacter)
        // libedit restores the terminal on a signal and then calls our handler (below).
        cedit_set_catch_signals(1)
        _ = rl_initialize()
        _ = rl_parse_and_bind("bind ^R em-inc-search-prev")
        _ = rl_parse_and_bind("bind ^I rl_complete")
        stifle_history(Int32(Self.historyLimit))
        if let historyFile {
            // The data folder holds the record: 0700 as the store makes it; the history 0600.
            try? FileManager.default.createDirectory(
                at: historyFile.deletingLastPathComponent(), withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
            _ = read_history(historyFile.path)
        }
        CompletionBridge.install(completion)
        Interrupt.install()
    }

    /// Reads one typed character for libedit: waits for input in short slices so that a Ctrl-C
    /// that arrives between two reads still ends the line at once (a plain `read` would sleep
    /// until the next key), and decodes UTF-8 into the scalar libedit expects.
    private static let getCharacter: @convention(c) (UnsafeMutablePointer<FILE>?) -> Int32 = { _ in
        func byte() -> Int32? {
            while true {
                if Interrupt.happened { return nil }
                var fds = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
                let ready = poll(&fds, 1, 100)
                if ready == 0 || (ready < 0 && errno == EINTR) { continue }
                var b: UInt8 = 0
                let n = readStandardInput(&b)
                if n == 1 { return Int32(b) }
                if n < 0 && errno == EINTR { continue }
                return nil
            }
        }
        guard let first = byte() else { return -1 }
        let count = first < 0x80 ? 0 : first >> 5 == 0b110 ? 1 : first >> 4 == 0b1110 ? 2 : first >> 3 == 0b11110 ? 3 : -1
        guard count >= 0 else { return 0xFFFD }
        var scalar = count == 0 ? first : first & (0x3F >> count)
        for _ in 0..<count {
            guard let next = byte() else { return -1 }
            guard next & 0xC0 == 0x80 else { return 0xFFFD }
            scalar = scalar << 6 | (next & 0x3F)
        }
        return scalar
    }

    private static func localeIsUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    func read(prompt: String) -> LineEvent {
        Console.flush()
        Interrupt.reset()
        let shown = unicode ? prompt : String(prompt.unicodeScalars.map { $0.isASCII ? Character($0) : "?" })
        guard let raw = readline(shown) else {
            if Interrupt.happened {
                // The line is thrown away; move below it like other shells do.
                Console.out("^C")
                return .interrupted
            }
            return .end
        }
        defer { free(raw) }
        if Interrupt.happened {
            Console.out("^C")
            return .interrupted
        }
        return .line(String(cString: raw))
    }

    func remember(_ line: String) {
        // libedit leaves the space it appended after a completion.
        let trimmed = line.trimmingTrailingSpaces()
        guard !trimmed.isEmpty else { return }
        if let last = history_get(cedit_history_base() + cedit_history_length() - 1), let text = last.pointee.line,
            String(cString: text) == trimmed
        {
            return
        }
        _ = add_history(trimmed)
        if let historyFile { _ = write_history(historyFile.path); chmod(historyFile.path, 0o600) }
    }
}

/// Ctrl-C while a line is being typed: a flag the reader checks, nothing else.
///
/// The handler is installed without `SA_RESTART`, so libedit's `read` returns and `readline`
/// gives up the line instead of the process dying.
enum Interrupt {
    nonisolated(unsafe) private static var flag: sig_atomic_t = 0
    nonisolated(unsafe) private static var installed = false

    static var happened: Bool { flag != 0 }
    static func reset() { flag = 0 }

    static func install() {
        guard !installed else { return }
        installed = true
        var action = sigaction()
        #if os(Linux)
            action.__sigaction_handler.sa_handler = { _ in Interrupt.flag = 1 }
        #else
            action.__sigaction_u.__sa_handler = { _ in Interrupt.flag = 1 }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        // A parent may have started us with SIGINT blocked (test runners do): Ctrl-C must still reach us.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }
}

/// One byte of standard input (a free function: inside ``LineSource`` types `read` is the protocol's).
private func readStandardInput(_ byte: inout UInt8) -> Int { read(STDIN_FILENO, &byte, 1) }
