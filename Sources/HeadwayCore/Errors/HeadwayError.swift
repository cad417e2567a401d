/// An error the person can act on: one line (or one line per problem) on standard error, and
/// the exit status of its class (`MODEL.md` §7, `docs/EXIT-CODES.md`). The one error type of the
/// commands and the application layer; the store's and the core's own errors are classified too
/// (``ClassifiedError``).
public struct HeadwayError: ClassifiedError, Sendable {
    public let exitClass: ExitClass
    public let description: String

    public init(_ exitClass: ExitClass, _ message: String) {
        self.exitClass = exitClass
        description = message
    }

    public var exitCode: Int32 { exitClass.rawValue }

    /// An assessment file that could not be loaded: missing input (66) when the file is not
    /// there, bad data (65) when it is but does not hold an assessment.
    public static func assessmentFile(_ error: any Error) -> HeadwayError {
        let text = String(describing: error)
        return HeadwayError(text.contains("(no such file)") ? .noInput : .data, text)
    }
}
