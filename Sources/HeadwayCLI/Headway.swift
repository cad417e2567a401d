import ArgumentParser
import Foundation
import HeadwayCore

/// The root command: `headway <command>`; with no command, the shell.
public struct Headway: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "headway",
        abstract: "Your AI job resistance index, a 12-week plan to raise it, and your progress.",
        discussion: """
            With no command, headway opens its shell (a script when standard input is not a \
            terminal; --bail stops it at the first failing line, --echo prints each line as \
            `$ line`). Every command runs the same way in the shell and on the command line.
            """,
        version: "0.1.0",
        groupedSubcommands: CommandMenu.groups)

    // No `--db` here: an option of the root is also taken after a subcommand, so it would
    // steal every command's own `--db`. The shell's database is HEADWAY_DB's.
    @Flag(help: "In a script, stop at the first line that fails.")
    var bail = false

    @Flag(help: "In a script, print each line read as `$ line` before its output (a transcript).")
    var echo = false

    public init() {}

    /// No command: the shell.
    public func run() throws {
        guard Session.current == nil else {
            throw HeadwayError(.usage, "already in the shell; --bail and --echo apply when it starts (`headway --bail < script`)")
        }
        StoresUntilExit.finish()  // each shell command frees its database
        let code = Shell.standard(options: .init(bail: bail, echo: echo)).run()
        if code != 0 { throw ExitCode(code) }
    }
}

/// The commands as people use them: assess yourself, plan, log, see, manage.
///
/// One list feeds `headway --help`, the shell's `help` and unknown-command suggestions.
enum CommandMenu {
    static let groups: [CommandGroup] = [
        CommandGroup(name: "Assess", subcommands: [AssessCommand.self]),
        CommandGroup(name: "Plan", subcommands: [PlanCommand.self, ReplanCommand.self]),
        CommandGroup(name: "Log", subcommands: [LogCommand.self, LevelCommand.self, UndoCommand.self, RedoCommand.self, ProgressCommand.self]),
        CommandGroup(
            name: "See",
            subcommands: [
                ScoreCommand.self, RolesCommand.self, HistoryCommand.self, SignalsCommand.self, BriefCommand.self, PortfolioCommand.self,
                GraphCommand.self
            ]),
        CommandGroup(name: "Export", subcommands: [ExportCommand.self]),
        CommandGroup(name: "Manage", subcommands: [ProfileCommand.self, DoctorCommand.self, CurriculaCommand.self, BatchCommand.self])
    ]

    /// The top-level commands in menu order, spelled out: reading every command's
    /// configuration for its name cost a one-shot run ~5% of its CPU. `CommandLineTests`
    /// checks the list against the commands' own names.
    static let names = [
        "assess", "plan", "replan", "log", "level", "undo", "redo", "progress", "score", "roles", "history", "signals", "brief", "portfolio", "graph",
        "export", "profile", "doctor", "curricula", "batch"
    ]

    /// Every top-level command, in the order of ``names``.
    static var commands: [any ParsableCommand.Type] { groups.flatMap(\.subcommands) }

    /// The top-level command called `name`, named one by one: a one-shot command reaches only
    /// its own type (every command type in ``groups`` had its metadata made first, a few
    /// percent of a run). `CommandLineTests` checks it against ``names`` and ``commands``.
    static func command(named name: String) -> (any ParsableCommand.Type)? {
        switch name {
        case "assess": AssessCommand.self
        case "plan": PlanCommand.self
        case "replan": ReplanCommand.self
        case "log": LogCommand.self
        case "level": LevelCommand.self
        case "undo": UndoCommand.self
        case "redo": RedoCommand.self
        case "progress": ProgressCommand.self
        case "score": ScoreCommand.self
        case "roles": RolesCommand.self
        case "history": HistoryCommand.self
        case "signals": SignalsCommand.self
        case "brief": BriefCommand.self
        case "portfolio": PortfolioCommand.self
        case "graph": GraphCommand.self
        case "export": ExportCommand.self
        case "profile": ProfileCommand.self
        case "doctor": DoctorCommand.self
        case "curricula": CurriculaCommand.self
        case "batch": BatchCommand.self
        default: nil
        }
    }
}

/// Where a command line came from; it only changes the hint an error points to.
enum Origin {
    case commandLine, shell

    func helpHint(_ path: [String]) -> String {
        switch self {
        case .commandLine: return "see `" + (["headway"] + path + ["--help"]).joined(separator: " ") + "`"
        case .shell: return "see `" + (["help"] + path).joined(separator: " ") + "`"
        }
    }
}

/// Runs one command line and returns its exit code; errors go to standard error as one line.
///
/// Shared by the one-shot binary and the shell, so both parse and fail the same way.
public func runCommand(_ arguments: [String]) -> Int32 {
    runCommand(arguments, origin: .commandLine)
}

func runCommand(_ arguments: [String], origin: Origin) -> Int32 {
    // `--wide` is for every command: output keeps its long lines (issue 25.16).
    let options = arguments.prefix { $0 != "--" }
    if options.contains("--wide") {
        var environment = Context.current.environment
        environment["HEADWAY_WIDE"] = "1"
        let rest = Array(options.filter { $0 != "--wide" } + arguments.dropFirst(options.count))
        return Context.$current.withValue(Context(environment: environment, capture: Context.current.capture)) {
            runCommand(rest, origin: origin)
        }
    }
    switch parseCommand(arguments, origin: origin) {
    case .failure(let exit):
        return exit.report()
    case .success(var command):
        do {
            try command.run()
            Console.flush()
            return 0
        } catch {
            return CommandExit(error, arguments: arguments, origin: origin).report()
        }
    }
}

/// Parses a command line without running anything: the command, or how the line ends
/// (help or version text, or one error line). The fuzzer drives this on its own.
func parseCommand(_ arguments: [String], origin: Origin) -> Result<any ParsableCommand, CommandExit> {
    // `help NAME` for a command that does not exist would print the root help and succeed.
    let named = arguments.first == "help" ? arguments.dropFirst().first : arguments.first
    if let first = named, !first.hasPrefix("-"), first != "help", !CommandMenu.names.contains(first) {
        let list = origin == .shell ? "`help` lists them" : "`headway help` lists them"
        var message = "unknown command '\(clip(HeadwayCore.oneLine(first, limit: .max), 40))'"
        if let near = nearest(first, in: CommandMenu.names + (origin == .shell ? Shell.builtins : [])) {
            message += "; did you mean '\(near)'?"
        }
        return .failure(CommandExit(code: ExitCode.validationFailure.rawValue, text: message + " (\(list))"))
    }
    if let refusal = NumericOptions.refusal(arguments) {
        return .failure(CommandExit(code: ExitCode.validationFailure.rawValue, text: refusal))
    }
    if let command = parseLeaf(arguments) { return .success(command) }
    if let help = defaultSubcommandHelp(arguments) { return .failure(CommandExit(code: 0, text: help)) }
    do {
        return .success(try Headway.parseAsRoot(arguments))
    } catch {
        if let suggestion = subcommandSuggestion(arguments, origin: origin) { return .failure(suggestion) }
        return .failure(CommandExit(error, arguments: arguments, origin: origin))
    }
}

/// `help plan`, `plan --help`: a command that runs a default subcommand when given none shows
/// that subcommand's options too, since `plan --hours 8` takes them.
func defaultSubcommandHelp(_ arguments: [String]) -> String? {
    let name: String
    switch arguments.count {
    case 2 where arguments[0] == "help": name = arguments[1]
    case 2 where ["--help", "-h", "help"].contains(arguments[1]): name = arguments[0]
    default: return nil
    }
    guard let group = CommandMenu.command(named: name), let fallback = group.configuration.defaultSubcommand else { return nil }
    // One screen (issue 25): the default subcommand's own help, then one line per other subcommand.
    let others = group.configuration.subcommands.filter { $0 != fallback }.map { sub in
        let abstract = sub.configuration.abstract
        let short = abstract.count > 56 ? String(abstract.prefix { $0 != "(" }).trimmingCharacters(in: .whitespaces) : abstract
        return "  \(name) \(sub._commandName)".padding(toLength: 24, withPad: " ", startingAt: 0) + short
    }
    let own = Headway.helpMessage(for: fallback).trimmingCharacters(in: .newlines)
    let discussion = group.configuration.discussion
    let about = discussion.isEmpty ? "" : wrapped(discussion, width: 80).joined(separator: "\n") + "\n\n"
    return about + "`\(name)` alone runs `\(name) \(fallback._commandName)`:\n\n" + own
        + "\n\nSUBCOMMANDS (`headway help \(name) <subcommand>` for each):\n" + others.joined(separator: "\n")
}

/// `plan sho`: a word after a command with subcommands that is close to one of them.
func subcommandSuggestion(_ arguments: [String], origin: Origin) -> CommandExit? {
    guard arguments.count >= 2, let group = CommandMenu.command(named: arguments[0]) else { return nil }
    let word = arguments[1]
    let names = group.configuration.subcommands.map { $0._commandName }
    guard !names.isEmpty, !word.hasPrefix("-"), !names.contains(word), let near = nearest(word, in: names) else { return nil }
    let list = origin == .shell ? "`help \(arguments[0])` lists them" : "`headway help \(arguments[0])` lists them"
    return CommandExit(
        code: ExitCode.validationFailure.rawValue,
        text: "unknown subcommand '\(clip(HeadwayCore.oneLine(word, limit: .max), 40))' of \(arguments[0]); did you mean '\(near)'? (\(list))")
}

/// The fast path of a one-shot run: a line that starts with a command without subcommands
/// (`score …`, `progress …`), or with a command and one of its subcommands by name (`plan
/// show 3`, `log list`), is parsed by that command alone, which skips building the tree of
/// every command and subcommand — most of swift-argument-parser's start-up. Whatever that
/// parse refuses (help, a typo, an option of the root, a bad value) is `nil`, and the line is
/// parsed again from the root, so help, errors and suggestions stay exactly the root's. (The
/// commands with subcommands declare no options or checks of their own, so the subcommand
/// alone parses a line as the tree would.)
func parseLeaf(_ arguments: [String]) -> (any ParsableCommand)? {
    guard let first = arguments.first, let top = CommandMenu.command(named: first) else { return nil }
    var leaf = top, rest = arguments.dropFirst()
    let subcommands = top.configuration.subcommands
    if !subcommands.isEmpty {
        // A default subcommand (`plan --hours 8`) is left to the tree, which knows when it applies.
        guard let name = rest.first, let sub = subcommands.first(where: { $0._commandName == name }),
            sub.configuration.subcommands.isEmpty
        else { return nil }
        leaf = sub
        rest = rest.dropFirst()
    }
    guard let command = try? leaf.parseAsRoot(Array(rest)),
        // As a root the leaf would also take `help` (`score help`), which the tree refuses.
        type(of: command) == leaf
    else { return nil }
    return command
}

/// Every leaf command's `_superCommandName`. The fast path (``parseLeaf(_:)``) parses a leaf as
/// a root, and a root first runs two more parsers looking for `--generate-completion-script`;
/// naming a super-command skips them, which is 10-20% of a one-shot command (paired runs,
/// docs/PERFORMANCE.md). Only a root's super-command is ever read: in the tree the root is
/// `headway`, whose configuration names none, so help, usage and completion scripts are
/// unchanged, and whatever the fast path refuses (help, errors) the tree parses again.
let leafSuperCommand = "headway"

/// A command line that ended without a command completing: help or version text (code 0)
/// for standard output, or the one error line for standard error.
struct CommandExit: Error {
    let code: Int32
    let text: String

    init(code: Int32, text: String) { self.code = code; self.text = text }

    /// swift-argument-parser's clean exits and errors, and ours, as the text the person sees.
    init(_ error: any Error, arguments: [String], origin: Origin) {
        if let error = error as? any ClassifiedError {
            self.init(code: error.exitClass.rawValue, text: error.description)
            return
        }
        // Foundation's coding errors ("EncodingError invalidValue(inf…)") are internals: one line
        // in the person's terms, exit 70.
        if error is EncodingError || error is DecodingError {
            self.init(
                code: 70,
                text: "a value could not be written or read as JSON (a number out of range, such as an infinite one); "
                    + "nothing was saved; `headway doctor` names damaged stored values")
            return
        }
        var code = Headway.exitCode(for: error).rawValue
        // The parser's own errors are usage (64) and its exits are what they say; any other error
        // reaching here unclassified is a fault of ours, not "the answer is no" (MODEL §7).
        if code == 1, !(error is ExitCode) { code = ExitClass.internal.rawValue }
        let message = Headway.fullMessage(for: error)
        self.init(code: code, text: code == 0 || message.isEmpty ? message : oneLine(message, arguments: arguments, origin: origin))
    }

    /// Prints the text where it belongs and returns the exit code.
    func report() -> Int32 {
        if code == 0 {
            if !text.isEmpty { Console.out(text) }
            Console.flush()
        } else if !text.isEmpty {
            printError(text)
        }
        return code
    }
}

/// swift-argument-parser's error, help and usage block as one line: the error and where to look.
func oneLine(_ message: String, arguments: [String], origin: Origin) -> String {
    let lines = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    var first = lines.first ?? message
    if first.hasPrefix("Error: ") { first.removeFirst(7) }
    // A typed argument's refusal already says what is allowed; the help hint would only repeat it.
    if let refusal = TypedArguments.refusal(in: first[...]) { return clip(refusal, 300) }
    first = HeadwayCore.oneLine(first, limit: .max)
    // "See 'headway plan --help' for more information." names the command that failed.
    var path: [String] = []
    if let see = lines.first(where: { $0.hasPrefix("See '") }) {
        path = see.dropFirst(5).split(separator: " ").map(String.init).dropFirst().prefix { !$0.hasPrefix("-") && !$0.hasPrefix("'") }.map { $0 }
    } else if lines.count == 1 {
        return clip(first, 300)
    }
    return clip(first, 300) + "; " + origin.helpHint(path)
}

/// Writes each line of `message` to standard error, prefixed `error: ` when it is not yet.
func printError(_ message: String) {
    var text = ""
    for line in message.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("Error: ") {
            text += "error: " + line.dropFirst(7)
        } else if line.isEmpty || line.hasPrefix("error: ") || line.hasPrefix("Usage:") || line.hasPrefix("  ") {
            text += line
        } else {
            text += "error: " + line
        }
        text += "\n"
    }
    Console.error(text)
}
