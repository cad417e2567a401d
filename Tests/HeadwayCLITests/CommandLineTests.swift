import ArgumentParser
import Foundation
import HeadwayCore
import Testing

@testable import HeadwayCLI

/// The command line as a person types it: typos get a suggestion that works, help shows what a
/// command takes, and the fast start-up path parses exactly as the whole tree does.
@Suite("The command line: suggestions, help and the fast path")
struct CommandLineTests {
    @Test(
        "a skill id is read without case, and a near miss names the skill meant",
        arguments: [
            (
                ["score", "--assessment", reference, "--what-if", "ncl=3"],
                "error: --what-if names unknown skill 'ncl'; did you mean 'nccl'? (`headway graph` lists every skill; Tab completes them)\n"
            ),
            (
                ["graph", "infiniband-rce"],
                "error: unknown skill 'infiniband-rce'; did you mean 'infiniband-roce'? (`headway graph` lists every skill; Tab completes them)\n"
            )
        ])
    func skillSuggestions(arguments: [String], error: String) throws {
        let out = try headway(arguments, db: scratchDatabase())
        #expect(out.status == 64 && out.stdout.isEmpty && out.stderr == error)
    }

    @Test("--what-if vLLM=4 is --what-if vllm=4")
    func skillIdsIgnoreCase() throws {
        let upper = try headway(["score", "--assessment", reference, "--as-of", "2026-11-22", "--what-if", "vLLM=4", "--json"])
        let lower = try headway(["score", "--assessment", reference, "--as-of", "2026-11-22", "--what-if", "vllm=4", "--json"])
        #expect(upper.status == 0 && upper.stdout == lower.stdout, "\(upper.stderr)")
        let graph = try headway(["graph", "NCCL"], db: scratchDatabase())
        let lowerGraph = try headway(["graph", "nccl"], db: scratchDatabase())
        #expect(graph.status == 0 && graph.stdout == lowerGraph.stdout)
    }

    @Test(
        "help plan and plan --help show the options of plan make, which plan runs by default",
        arguments: [
            ["help", "plan"], ["plan", "--help"], ["plan", "-h"]
        ])
    func defaultSubcommandHelp(arguments: [String]) throws {
        let out = try headway(arguments)
        #expect(out.status == 0 && out.stderr.isEmpty)
        for text in ["SUBCOMMANDS", "plan show", "`plan` alone runs `plan make`", "--hours <h>", "--include <skill=level>", "--export-problem"] {
            #expect(out.stdout.contains(text), "\(text) missing from: \(out.stdout)")
        }
    }

    @Test("log --help fits one screen: log add's help, then one line per other subcommand")
    func logHelpFitsOneScreen() throws {
        let out = try headway(["log", "--help"])
        let lines = out.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(out.status == 0 && lines.count <= 48, "\(lines.count) lines")
        #expect(out.stdout.contains("--activity <n|text>") && out.stdout.contains("  log rm "))
        #expect(lines.filter { !$0.hasPrefix("USAGE:") }.allSatisfy { $0.count <= 80 }, "a line past 80 columns")
    }

    @Test(
        "a typo of a subcommand suggests it",
        arguments: [
            (["plan", "sho"], "error: unknown subcommand 'sho' of plan; did you mean 'show'? (`headway help plan` lists them)\n"),
            (["profile", "lst"], "error: unknown subcommand 'lst' of profile; did you mean 'list'? (`headway help profile` lists them)\n")
        ])
    func subcommandTypo(arguments: [String], error: String) throws {
        let out = try headway(arguments, db: scratchDatabase())
        #expect(out.status == 64 && out.stdout.isEmpty && out.stderr == error)
    }

    @Test("profile new without --from suggests a command that then works on it")
    func emptyProfileSuggestion() throws {
        let db = scratchDatabase()
        let made = try headway(["profile", "new", "ana"], db: db)
        #expect(made.status == 0 && made.stdout.contains("`headway assess --from FILE`"))
        let assessed = try headway(["assess", "--from", reference], db: db)
        #expect(assessed.status == 0, "\(assessed.stderr)")
        #expect(try headway(["score", "--json"], db: db).status == 0)
    }

    @Test(
        "the fast path parses a leaf command as the tree does, and leaves help, errors and root options to the tree",
        arguments: [
            ["score", "--assessment", reference, "--as-of", "2026-11-22"],
            ["score", "--bogus"], ["score", "help"], ["score", "--help"], ["score", "--version"],
            ["score", "--as-of", "2026-13-01"], ["score", "--bail"],
            // A subcommand by name, and what stays the tree's: the default subcommand, help, typos.
            ["plan", "show", "3", "--json"], ["log", "list", "--json"], ["export", "plan", "--format", "ics"],
            ["assess", "set", "nccl", "3"], ["plan", "--hours", "8"], ["plan", "show", "--help"], ["plan", "show", "help"],
            ["plan", "sho"], ["log", "nccl", "2"], ["plan", "show", "--bogus"], ["profile", "list"]
        ])
    func fastPathMatchesTheTree(arguments: [String]) throws {
        func describe(_ command: Any) -> String { "\(type(of: command)) \(String(reflecting: command))" }
        let tree = (try? Headway.parseAsRoot(arguments)).map(describe)
        let fast = parseLeaf(arguments).map(describe)
        // Whatever the fast path takes, the tree takes the same way; what it leaves, the tree parses.
        if let fast { #expect(fast == tree) }
        let taken: Set<[String]> = [
            ["score", "--assessment", reference, "--as-of", "2026-11-22"], ["plan", "show", "3", "--json"], ["log", "list", "--json"],
            ["export", "plan", "--format", "ics"], ["assess", "set", "nccl", "3"], ["profile", "list"]
        ]
        if taken.contains(arguments) { #expect(fast != nil, "the fast path should take \(arguments)") }
        if ["help", "--help", "--bogus", "sho", "--hours"].contains(where: arguments.contains) { #expect(fast == nil) }
    }

    @Test("each typed argument has its own value name, so a refusal finds the type that refused it")
    func typedValueNames() {
        let names = TypedArguments.all.map { $0.valueName }
        #expect(Set(names).count == names.count, "\(names)")
    }

    @Test(
        "a value the parser refuses is the typed argument's one line, without the help hint",
        arguments: [
            (["log", "nccl", "2", "--date", "2026-02-30"], "--date '2026-02-30' is not a date; allowed: YYYY-MM-DD"),
            (["log", "nccl", "two"], "hours 'two' is not allowed; allowed: more than 0 and at most 24 (a day's total)"),
            (["log", "nccl", "2", "Finished"], "status 'Finished' is not allowed; allowed: done, partial, skipped"),
            (
                ["log", "nccl:0", "2"],
                "skill[:level] 'nccl:0' is not a unit; allowed: SKILL or SKILL:LEVEL with LEVEL 1..4, the level the work reaches (nccl:3)"
            ),
            (["level", "nccl", "9"], "level '9' is not allowed; allowed: 0-4 (0 none, 1 aware, 2 working, 3 proficient, 4 expert)"),
            (["score", "--as-of", "tomorrow"], "--as-of 'tomorrow' is not a date; allowed: YYYY-MM-DD"),
            (["log", "edit", "3", "--date", "11/30"], "--date '11/30' is not a date; allowed: YYYY-MM-DD")
        ])
    func typedRefusals(arguments: [String], message: String) throws {
        guard case .failure(let exit) = parseCommand(arguments, origin: .commandLine) else {
            Issue.record("\(arguments) parsed"); return
        }
        #expect(exit.code == 64 && exit.text == message)
    }

    @Test(
        "a status is read without case, and a unit keeps the level typed",
        arguments: [
            (["log", "nccl:3", "2", "PARTIAL"], "nccl:3", LogStatus.partial),
            (["log", "vLLM", "1.5", "Done"], "vLLM", LogStatus.done)
        ])
    func typedValues(arguments: [String], unit: String, status: LogStatus) throws {
        guard case .success(let command) = parseCommand(arguments, origin: .commandLine), let add = command as? LogAddCommand else {
            Issue.record("\(arguments) did not parse as log add"); return
        }
        #expect(add.unit?.description == unit && add.status == status)
    }

    @Test("the spelled-out command names are the commands' own, in menu order")
    func commandNames() {
        #expect(CommandMenu.names == CommandMenu.commands.map { $0._commandName })
        for (name, command) in zip(CommandMenu.names, CommandMenu.commands) {
            #expect(CommandMenu.command(named: name)?._commandName == name)
            #expect(CommandMenu.command(named: name) == command, "\(name) is the menu's command of that name")
        }
        #expect(CommandMenu.command(named: "nope") == nil)
    }

    @Test("every command the fast path can take names headway as its super-command, so it skips the completion-script parsers; the root names none")
    func leavesNameTheirSuperCommand() {
        #expect(Headway.configuration._superCommandName == nil)
        var leaves: [any ParsableCommand.Type] = []
        func walk(_ command: any ParsableCommand.Type) {
            let subcommands = command.configuration.subcommands
            if subcommands.isEmpty { leaves.append(command) } else { subcommands.forEach(walk) }
        }
        CommandMenu.commands.forEach(walk)
        #expect(leaves.count >= 30)
        for leaf in leaves { #expect(leaf.configuration._superCommandName == leafSuperCommand, "\(leaf)") }
    }
}
