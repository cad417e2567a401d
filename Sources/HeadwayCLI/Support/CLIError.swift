/// An error the user caused, printed as one line (or one line per problem) on standard error.
public struct CLIError: Error, CustomStringConvertible, Sendable {
    public let description: String
    let exitCode: Int32
    public init(_ message: String, exitCode: Int32 = 1) { description = message; self.exitCode = exitCode }
}
