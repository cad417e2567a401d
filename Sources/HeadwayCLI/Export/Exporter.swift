import ArgumentParser
import Foundation
import HeadwayCore

/// One file format an export writes: its `--format` name, the file extensions that ask for it,
/// a line for help, and the text made from what the export read.
///
/// A format is a value in its input's ``ExportInput/formats`` list; `--format`'s allowed values
/// and their help, the format a file name asks for, Tab completion (the shell's and the scripts')
/// and the man page are all read from that list. Adding a format is one file with a type like
///
/// ```swift
/// struct OrgExporter: Exporter {
///     let name = "org"
///     let extensions = ["org"]
///     let summary = "Emacs Org: a heading per week, each activity a TODO"
///     let isPlainText = true
///     func render(_ input: PlanExport) throws -> String { … }
/// }
/// ```
///
/// and one entry in ``PlanExport/formats``.
protocol Exporter<Input>: Sendable {
    /// What the format is made from (``PlanExport``, ``HistoryExport``).
    associatedtype Input
    /// The `--format` value: lower-case, and also the format's first extension.
    var name: String { get }
    /// The file extensions, lower-case and without the dot, that choose this format when
    /// `--format` is not given; the first is ``name``.
    var extensions: [String] { get }
    /// One line for `--format`'s help: what the file is for and what is in it.
    var summary: String { get }
    /// Whether the file is plain text a person reads in a terminal or an editor (Markdown):
    /// it then goes through the terminal sanitizer like standard output. Formats with their own
    /// escaping (iCalendar, CSV, JSON) are written as they are.
    var isPlainText: Bool { get }
    /// The file's text.
    func render(_ input: Input) throws -> String
}

extension Exporter {
    var isPlainText: Bool { false }
}

/// What an export reads, with the formats it can be written in.
protocol ExportInput {
    /// What is exported, for messages (`plan`, `history`).
    static var noun: String { get }
    /// Every format, in the order help lists them.
    static var formats: [any Exporter<Self>] { get }
    /// The format when neither `--format` nor the file's extension says.
    static var defaultFormat: any Exporter<Self> { get }
}

extension ExportInput {
    /// The `--format` values, in ``formats``' order.
    static var formatNames: [String] { formats.map(\.name) }
}

/// A `--format` value: one of `Input`'s formats, parsed, listed in help and completed from
/// ``ExportInput/formats``.
struct ExportFormat<Input: ExportInput>: ExpressibleByArgument, Sendable {
    let exporter: any Exporter<Input>

    init(_ exporter: any Exporter<Input>) { self.exporter = exporter }

    /// The format named `argument` (`--format ics`).
    init?(argument: String) {
        guard let exporter = Input.formats.first(where: { $0.name == argument }) else { return nil }
        self.init(exporter)
    }

    /// The format a file name asks for by its extension (`plan.ics`, `plan.ICAL` → ics).
    init?(fileName: String) {
        let ext = (fileName as NSString).pathExtension.lowercased()
        guard !ext.isEmpty, let exporter = Input.formats.first(where: { $0.extensions.contains(ext) }) else { return nil }
        self.init(exporter)
    }

    /// `--format`, else the format `fileName`'s extension asks for, else the default.
    static func chosen(_ format: Self?, fileName: String) -> Self {
        format ?? Self(fileName: fileName) ?? Self(Input.defaultFormat)
    }

    var name: String { exporter.name }

    /// Every format's extensions for help: `.ics/.ical/.ifb/.icalendar, .md/.markdown, .json, .csv`.
    static var extensionsHelp: String {
        Input.formats.map { $0.extensions.map { "." + $0 }.joined(separator: "/") }.joined(separator: ", ")
    }

    var defaultValueDescription: String { exporter.name }

    static var allValueStrings: [String] { Input.formatNames }

    static var allValueDescriptions: [String: String] {
        Dictionary(uniqueKeysWithValues: Input.formats.map { ($0.name, $0.summary) })
    }

    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}

/// The formats of every export together.
enum ExportFormats {
    /// Extensions of the plain-text formats (``Exporter/isPlainText``): a file named so goes
    /// through the terminal sanitizer whatever was exported into it.
    static var plainTextExtensions: [String] {
        let plan = PlanExport.formats.filter(\.isPlainText).flatMap(\.extensions)
        let history = HistoryExport.formats.filter(\.isPlainText).flatMap(\.extensions)
        return plan + history
    }
}

/// Names as a sentence: `ics, md, json or csv`.
func listed(_ names: [String], or conjunction: String = "or") -> String {
    guard names.count > 1 else { return names.first ?? "" }
    return names.dropLast().joined(separator: ", ") + " \(conjunction) " + names.last!
}
