import ArgumentParser
import Foundation
import HeadwayCore

/// Tab completion: what may come next on a half-typed line.
///
/// The grammar is the one swift-argument-parser parses (read from its help dump, so a new
/// command or flag completes with no change here). A value the command lists (`--format`'s
/// formats) completes to those; otherwise values come from their `valueName`: `skill…` completes
/// skill ids, `task…` task ids, `profile`/`name` profile names, `level` 0–4, and `file`/`dir`
/// fall back to libedit's file names.
struct Completion: Sendable {
    /// One command of the grammar.
    struct Command: Decodable, Sendable {
        struct Name: Decodable, Sendable {
            let kind: String
            let name: String
            var spelled: String { kind == "long" ? "--" + name : "-" + name }
        }
        struct Argument: Decodable, Sendable {
            let kind: String
            let names: [Name]?
            let valueName: String?
            let shouldDisplay: Bool?
            let isRepeating: Bool?
            let allValues: [String]?
            let completionKind: CompletionKind?

            /// The values it takes, when the command lists them (`--format`'s formats).
            var listedValues: [String]? { allValues ?? completionKind?.list?.values }
        }
        /// The one kind of swift-argument-parser's completion kinds read here: a fixed list.
        struct CompletionKind: Decodable, Sendable {
            struct List: Decodable, Sendable { let values: [String] }
            let list: List?
        }
        let commandName: String
        let subcommands: [Command]?
        let arguments: [Argument]?
        let defaultSubcommand: String?

        /// The command that takes flags here: the default subcommand (`plan` → `plan make`) when there is one.
        var flagOwner: Command { defaultSubcommand.flatMap(subcommand) ?? self }

        var flags: [String] {
            (arguments ?? []).filter { $0.kind != "positional" && $0.shouldDisplay != false }
                .flatMap { ($0.names ?? []).map(\.spelled) }
        }
        func option(_ word: String) -> Argument? {
            (arguments ?? []).first { $0.kind == "option" && ($0.names ?? []).contains { $0.spelled == word } }
        }
        var positionals: [Argument] { (arguments ?? []).filter { $0.kind == "positional" } }
        func subcommand(_ name: String) -> Command? { subcommands?.first { $0.commandName == name } }
    }

    /// The ids a value may take; read when Tab is pressed, so they follow the database.
    struct Vocabulary: Sendable {
        var skills: @Sendable () -> [String] = { [] }
        var tasks: @Sendable () -> [String] = { [] }
        var profiles: @Sendable () -> [String] = { [] }
    }

    /// What the word under the cursor may become.
    enum Candidates: Equatable, Sendable {
        case words([String])
        /// A path: leave it to libedit's file-name completion.
        case files
    }

    let root: Command
    let builtins: [String]
    let vocabulary: Vocabulary

    init(root: Command, builtins: [String] = Shell.builtins, vocabulary: Vocabulary = .init()) {
        self.root = root; self.builtins = builtins; self.vocabulary = vocabulary
    }

    /// The grammar of `Headway`, from swift-argument-parser's own description of it.
    static func grammar() -> Command? {
        do {
            _ = try Headway.parseAsRoot(["--experimental-dump-help"])
            return nil
        } catch {
            let json = Headway.fullMessage(for: error)
            struct Dump: Decodable { let command: Command }
            return try? JSONDecoder().decode(Dump.self, from: Data(json.utf8)).command
        }
    }

    /// Candidates for the word that ends at the cursor: `before` is the line up to that word,
    /// `word` the part of it typed so far. Sorted, and only those starting with `word`.
    func complete(before: String, word: String) -> Candidates {
        guard var done = try? Tokenizer.split(before) else { return .words([]) }
        // libedit also breaks words at `=` and `,`: then the word continues the last one typed
        // (`--what-if vllm=3,k` or `--exclude=v`), and completes as that word's value.
        if let last = before.unicodeScalars.last, last != " ", last != "\t", let joined = done.popLast() {
            if joined.hasPrefix("-"), let eq = joined.firstIndex(of: "=") {
                var command = root
                for w in done { if let sub = command.subcommand(w) { command = sub } }
                return values(for: command.flagOwner.option(String(joined[..<eq])), word: word)
            }
        }
        var command = root
        var pendingValue: Command.Argument?
        var positional = 0
        var atRoot = true
        var helpTopic = false
        for (i, w) in done.enumerated() {
            if pendingValue != nil { pendingValue = nil; continue }
            if i == 0, builtins.contains(w) { helpTopic = w == "help"; atRoot = false; continue }
            if helpTopic {
                if let sub = command.subcommand(w) { command = sub }
                continue
            }
            if w.hasPrefix("-") {
                command = command.flagOwner
                if !w.contains("="), let option = command.option(w) { pendingValue = option }
                continue
            }
            if positional == 0, let sub = command.subcommand(w) { command = sub; atRoot = false; continue }
            // A word that is not a subcommand is the default subcommand's (`log nccl` is `log add nccl`).
            if positional == 0, let fallback = command.defaultSubcommand.flatMap(command.subcommand) { command = fallback; atRoot = false }
            positional += 1
        }
        func matching(_ all: [String]) -> Candidates {
            .words(Array(Set(all.filter { $0.hasPrefix(word) })).sorted())
        }
        if let option = pendingValue { return values(for: option, word: word) }
        if helpTopic { return matching((command.subcommands ?? []).map(\.commandName)) }
        if done.first.map(builtins.contains) == true { return .words([]) }
        if word.hasPrefix("-") { return matching(command.flagOwner.flags + ["--help"]) }
        func positionalValues(_ command: Command) -> Candidates {
            let args = command.positionals
            let argument = positional < args.count ? args[positional] : args.last.flatMap { $0.isRepeating == true ? $0 : nil }
            guard let argument else { return .words([]) }
            return values(for: argument, word: word)
        }
        if positional == 0, let subs = command.subcommands, !subs.isEmpty {
            let names = matching(subs.map(\.commandName) + (atRoot ? builtins : []))
            // `log inf` may be a subcommand or the default subcommand's first value.
            guard let fallback = command.defaultSubcommand.flatMap(command.subcommand),
                case .words(let first) = names, case .words(let more) = positionalValues(fallback)
            else { return names }
            return .words(Array(Set(first + more)).sorted())
        }
        return positionalValues(command)
    }

    private func values(for argument: Command.Argument?, word: String) -> Candidates {
        let name = (argument?.valueName ?? "").lowercased()
        let all: [String]
        if let listed = argument?.listedValues {
            all = listed
        } else if name.hasPrefix("skill") {
            all = vocabulary.skills()
        } else if name.hasPrefix("task") {
            all = vocabulary.tasks()
        } else if name == "profile" || name == "name" {
            all = vocabulary.profiles()
        } else if name == "level" {
            all = Level.range.map(String.init)
        } else if name == "file" || name == "dir" || name == "path" {
            return .files
        } else {
            all = []
        }
        return .words(Array(Set(all.filter { $0.hasPrefix(word) })).sorted())
    }
}
