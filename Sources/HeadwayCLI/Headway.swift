import ArgumentParser
import Foundation

/// The root command: `headway <command>`.
public struct Headway: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "headway",
        abstract: "Your AI job resistance index, a 12-week plan to raise it, and your progress.",
        version: "0.1.0",
        subcommands: [ScoreCommand.self, PlanCommand.self, ReplanCommand.self, ProfileCommand.self, DoctorCommand.self, CurriculaCommand.self])

    public init() {}
}

/// Runs one command line and returns its exit code; errors go to standard error.
///
/// Shared by the one-shot binary and the shell, so both parse and fail the same way.
public func runCommand(_ arguments: [String]) -> Int32 {
    do {
        var command = try Headway.parseAsRoot(arguments)
        try command.run()
        return 0
    } catch let error as CLIError {
        printError(error.description)
        return error.exitCode
    } catch {
        let code = Headway.exitCode(for: error).rawValue
        let message = Headway.fullMessage(for: error)
        if code == 0 { print(message) } else { printError(message) }
        return code
    }
}

/// Writes each line of `message` to standard error, prefixed `error: ` when it is not yet.
func printError(_ message: String) {
    var text = ""
    for line in message.split(separator: "\n", omittingEmptySubsequences: false) {
        text += line.hasPrefix("Error: ") ? "error: " + line.dropFirst(7) : line.isEmpty || line.hasPrefix("error: ") || line.hasPrefix("Usage:") || line.hasPrefix("  ") ? String(line) : "error: " + line
        text += "\n"
    }
    FileHandle.standardError.write(Data(text.utf8))
}
