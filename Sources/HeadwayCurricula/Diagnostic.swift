import HeadwayCore

/// One problem in an input file, printed as one line: `file:line: id: message`.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let line: Int
    /// The id (or key path) the problem is about, when there is one.
    public let subject: String?
    public let message: String

    public init(file: String, line: Int, subject: String? = nil, message: String) {
        self.file = file; self.line = line; self.subject = subject; self.message = message
    }

    /// One line whatever the file held: control characters in a quoted key or value are
    /// escaped, a long subject is cut at 80 characters and the message at 500.
    public var description: String {
        let place = line > 0 ? "\(file):\(line)" : file
        return "\(oneLine(place)): \(subject.map { "\(oneLine($0, limit: 80)): " } ?? "")\(oneLine(message))"
    }
}

/// Several problems found in one pass; printed one per line.
public struct Diagnostics: Error, Sendable, CustomStringConvertible {
    public let all: [Diagnostic]
    public init(_ all: [Diagnostic]) { self.all = all }
    public var description: String { all.map(\.description).joined(separator: "\n") }
}

/// Collects problems while a file is read, so one run reports all of them.
final class DiagnosticLog {
    private(set) var items: [Diagnostic] = []
    func add(_ d: Diagnostic) { items.append(d) }
}
