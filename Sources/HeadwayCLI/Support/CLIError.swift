/// An error the user caused, printed as one line (or one line per problem) on standard error.
struct CLIError: Error, CustomStringConvertible, Sendable {
    let description: String
    let exitCode: Int32
    init(_ message: String, exitCode: Int32 = 1) { description = message; self.exitCode = exitCode }
}
