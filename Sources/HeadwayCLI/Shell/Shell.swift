import ArgumentParser
import Foundation

/// The shell people live in: reads lines, splits them, and runs each through ``runCommand``.
///
/// On a terminal it edits lines with libedit and shows a prompt; otherwise it runs a script:
/// no prompt, no colour, `#` comments and blank lines skipped, and the exit status of the last
/// line that failed (`--bail` stops at the first, with its status). It never exits the process itself: `quit`, Ctrl-D
/// and the end of the script return from ``run()``.
final class Shell {
    /// Words the shell answers itself, before the command grammar.
    static let builtins = ["help", "quit", "exit"]

    struct Options: Sendable {
        var bail = false
        var echo = false
    }

    enum Outcome: Equatable { case ok, failed(Int32), quit }

    let input: any LineSource
    let session: Session
    let options: Options
    /// The prompt shown before each line; it follows the database (profile, plan week, score).
    var prompt: () -> String = { "headway> " }
    private(set) var failures = 0
    /// The exit status of the last line that failed (0 when none did): a script's status says
    /// the kind of its failure, as a one-shot command's does (`MODEL.md` §7).
    private var lastFailure: Int32 = 0

    init(input: any LineSource, session: Session, options: Options) {
        self.input = input; self.session = session; self.options = options
    }

    /// The shell on this process's standard input.
    static func standard(options: Options) -> Shell {
        let interactive = isatty(STDIN_FILENO) == 1
        let input: any LineSource
        if interactive {
            let vocabulary = Completion.Vocabulary(
                skills: { Vocabulary.skills() },
                tasks: { Vocabulary.tasks(role: ShellStatus.read().role) },
                profiles: { ShellStatus.read().profiles })
            input = EditLineReader(
                historyFile: Paths.historyFile(),
                completion: Completion.grammar().map { Completion(root: $0, vocabulary: vocabulary) })
        } else {
            input = StandardInputLines(echo: options.echo)
        }
        let shell = Shell(input: input, session: Session(interactive: interactive, input: input), options: options)
        if interactive { shell.prompt = { ShellStatus.read().prompt } }
        return shell
    }

    /// Runs until `quit`, Ctrl-D or the end of the script; returns the exit code.
    func run() -> Int32 {
        Session.$current.withValue(session) {
            if session.interactive { greet() }
            while true {
                switch input.read(prompt: prompt()) {
                case .end:
                    if session.interactive { Console.out("") }
                    return lastFailure
                case .interrupted:
                    continue
                case .line(let line):
                    switch execute(line) {
                    case .ok: break
                    case .quit: return lastFailure
                    case .failed(let code):
                        failures += 1
                        lastFailure = code
                        if options.bail && !session.interactive { return code }
                    }
                }
            }
        }
    }

    /// Runs one line: a comment, a builtin, or a command.
    func execute(_ line: String) -> Outcome {
        if line.utf8.count <= 4096, line.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F && $0.value != 0xFFFD }) {
            input.remember(line)
        }
        let words: [String]
        do { words = try Tokenizer.split(line) } catch {
            printError(error.description)
            return .failed(ExitCode.validationFailure.rawValue)
        }
        guard let first = words.first else { return .ok }
        switch first {
        case "quit", "exit":
            guard words.count == 1 else {
                printError("\(first) takes no arguments")
                return .failed(ExitCode.validationFailure.rawValue)
            }
            return .quit
        case "help" where words.count == 1:
            Console.out(HelpMenu.render(style: .current()))
            return .ok
        default:
            let code = runCommand(words, origin: .shell)
            return code == 0 ? .ok : .failed(code)
        }
    }

    private func greet() {
        for line in ShellStatus.read().greeting { Console.out(line) }
    }
}

/// What a command needs to know about the shell it runs in (nothing when run one-shot).
struct Session: Sendable {
    /// A person at a terminal (prompts, colour) rather than a script.
    let interactive: Bool
    /// Where the shell reads; the wizard asks its questions through it.
    let input: any LineSource

    @TaskLocal static var current: Session?
}

/// The shell's `help`: commands grouped by what people do, with their one-line abstracts.
enum HelpMenu {
    static func render(style: Style) -> String {
        var rows: [(group: String, name: String, text: String)] = []
        for group in CommandMenu.groups {
            for command in group.subcommands {
                rows.append((group.name, command._commandName, command.configuration.abstract))
            }
        }
        rows.append(("Shell", "help [COMMAND]", "This list, or one command's options and arguments."))
        rows.append(("Shell", "quit, exit", "Leave the shell (Ctrl-D does too; Ctrl-C drops the line)."))
        let width = rows.map(\.name.count).max() ?? 0
        var out: [String] = []
        var group = ""
        for row in rows {
            if row.group != group {
                if !out.isEmpty { out.append("") }
                out.append(style.bold(row.group))
                group = row.group
            }
            let pad = String(repeating: " ", count: width - row.name.count)
            let room = max(20, style.width - width - 4)
            let text = row.text.count > room ? String(row.text.prefix(room - 1)) + "…" : row.text
            out.append("  " + row.name + pad + "  " + text)
        }
        return out.joined(separator: "\n")
    }
}
