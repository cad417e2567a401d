/// The kind of a failure, as the exit status a script sees (`MODEL.md` §7, BSD `sysexits.h`).
public enum ExitClass: Int32, Sendable, CaseIterable, CustomStringConvertible {
    /// The answer is no (`doctor` found damage, nothing to undo): not a failure of the tool.
    case no = 1
    /// The command was typed wrong: an unknown flag, a value out of its range, options that clash.
    case usage = 64
    /// The person's data is wrong: an assessment file, an import, a log the record refuses.
    case data = 65
    /// Something the command reads is not there: a file, a profile, a plan.
    case noInput = 66
    /// The database cannot be used now: locked, another program's, a newer Headway's.
    case unavailable = 69
    /// A fault of Headway's own.
    case `internal` = 70
    /// An output (a file, a folder, a profile name) cannot be created.
    case cantCreate = 73
    /// Reading or writing failed (a full disk, an I/O error).
    case io = 74
    /// The curricula or the configuration are wrong or missing.
    case config = 78

    /// The `sysexits.h` name, for the docs and messages.
    public var description: String {
        switch self {
        case .no: "no"
        case .usage: "EX_USAGE"
        case .data: "EX_DATAERR"
        case .noInput: "EX_NOINPUT"
        case .unavailable: "EX_UNAVAILABLE"
        case .internal: "EX_SOFTWARE"
        case .cantCreate: "EX_CANTCREAT"
        case .io: "EX_IOERR"
        case .config: "EX_CONFIG"
        }
    }
}

/// An error that knows its class; the shell prints its description as one line and exits with
/// its class's status.
public protocol ClassifiedError: Error, CustomStringConvertible {
    var exitClass: ExitClass { get }
}
