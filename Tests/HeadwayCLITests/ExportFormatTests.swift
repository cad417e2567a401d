import ArgumentParser
import Foundation
import Testing

@testable import HeadwayCLI

/// A command as swift-argument-parser describes it in its help dump (what help, the man page
/// and the completion scripts are made from): only what these tests read.
private struct DumpedCommand: Decodable {
    struct Argument: Decodable {
        struct Name: Decodable { let name: String }
        struct Kind: Decodable {
            struct List: Decodable { let values: [String] }
            let list: List?
        }
        let names: [Name]?
        let allValues: [String]?
        let allValueDescriptions: [String: String]?
        let completionKind: Kind?
        let defaultValue: String?
    }
    let commandName: String
    let abstract: String?
    let discussion: String?
    let subcommands: [DumpedCommand]?
    let arguments: [Argument]?

    func subcommand(_ name: String) -> DumpedCommand? { subcommands?.first { $0.commandName == name } }
    func option(_ name: String) -> Argument? { arguments?.first { ($0.names ?? []).contains { $0.name == name } } }
}

/// `headway export SUB` from the help dump, and its `--format` option.
private func dumped(_ sub: String) throws -> (command: DumpedCommand, format: DumpedCommand.Argument) {
    let json: String
    do { _ = try Headway.parseAsRoot(["--experimental-dump-help"]); json = "" } catch { json = Headway.fullMessage(for: error) }
    struct Dump: Decodable { let command: DumpedCommand }
    let root = try JSONDecoder().decode(Dump.self, from: Data(json.utf8)).command
    let command = try #require(root.subcommand("export")?.subcommand(sub))
    return (command, try #require(command.option("format")))
}

@Suite("An export format is listed once: help, allowed values, extensions, completion and docs follow the list")
struct ExportFormatTests {
    @Test("each plan format has a unique lower-case name that is its first extension, and no extension names two formats")
    func planFormatsAreWellFormed() {
        checkWellFormed(PlanExport.formats)
        checkWellFormed(HistoryExport.formats)
        #expect(PlanExport.formats.contains { $0.name == PlanExport.defaultFormat.name })
        #expect(HistoryExport.formats.contains { $0.name == HistoryExport.defaultFormat.name })
    }

    private func checkWellFormed<Input>(_ formats: [any Exporter<Input>], sourceLocation: SourceLocation = #_sourceLocation) {
        let names = formats.map(\.name)
        #expect(Set(names).count == names.count, "two formats share a name: \(names)", sourceLocation: sourceLocation)
        let extensions = formats.flatMap(\.extensions)
        #expect(Set(extensions).count == extensions.count, "an extension chooses two formats: \(extensions)", sourceLocation: sourceLocation)
        for f in formats {
            #expect(!f.name.isEmpty && f.name == f.name.lowercased(), "format name '\(f.name)'", sourceLocation: sourceLocation)
            #expect(f.extensions.first == f.name, "\(f.name)'s first extension is its name", sourceLocation: sourceLocation)
            #expect(f.extensions.allSatisfy { $0 == $0.lowercased() && !$0.hasPrefix(".") }, sourceLocation: sourceLocation)
            #expect(!f.summary.isEmpty && !f.summary.contains("\n"), "\(f.name)'s help is one line", sourceLocation: sourceLocation)
        }
    }

    @Test("--format's allowed values, their help, completion list and the parser's error are the list of formats")
    func helpFollowsTheList() throws {
        let names = PlanExport.formatNames
        let (command, format) = try dumped("plan")
        #expect(format.allValues == names)
        #expect(format.completionKind?.list?.values == names)
        #expect(format.allValueDescriptions == Dictionary(uniqueKeysWithValues: PlanExport.formats.map { ($0.name, $0.summary) }))
        for f in PlanExport.formats {
            #expect(command.abstract?.contains(f.name) == true, "export plan's abstract names \(f.name)")
            for ext in f.extensions { #expect(command.discussion?.contains("." + ext) == true, "export plan's help names .\(ext)") }
        }
        let bad = try headway(["export", "plan", "--format", "nope", "--assessment", reference])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("Please provide one of \(listed(names.map { "'\($0)'" }))."), "\(bad.stderr)")

        let (_, history) = try dumped("history")
        #expect(history.completionKind?.list?.values == HistoryExport.formatNames)
        #expect(history.defaultValue == HistoryExport.defaultFormat.name)
        let wrong = try headway(["export", "history", "--format", "nope"])
        #expect(wrong.stderr.contains("allowed: \(HistoryExport.formatNames.joined(separator: ", "))"), "\(wrong.stderr)")
    }

    @Test("every extension of a format chooses it, in any case; an unknown extension falls back to the default")
    func extensionsChooseTheirFormat() {
        for f in PlanExport.formats {
            #expect(PlanFormat(argument: f.name)?.name == f.name)
            for ext in f.extensions {
                #expect(PlanFormat(fileName: "out/plan.\(ext)")?.name == f.name, ".\(ext) → \(f.name)")
                #expect(PlanFormat(fileName: "PLAN.\(ext.uppercased())")?.name == f.name)
                #expect(PlanFormat.chosen(nil, fileName: "plan.\(ext)").name == f.name)
            }
        }
        #expect(PlanFormat(fileName: "plan") == nil && PlanFormat(fileName: "plan.pdf") == nil && PlanFormat(fileName: "-") == nil)
        #expect(PlanFormat.chosen(nil, fileName: "-").name == PlanExport.defaultFormat.name)
        #expect(PlanFormat.chosen(PlanFormat(argument: "json"), fileName: "plan.ics").name == "json", "--format wins over the extension")
    }

    @Test("the shell completes --format to the formats, for export plan and export history")
    func shellCompletesFormats() {
        let completion = Completion(root: Completion.grammar()!)
        #expect(completion.complete(before: "export plan --format ", word: "") == .words(PlanExport.formatNames.sorted()))
        #expect(completion.complete(before: "export plan --format ", word: "i") == .words(["ics"]))
        #expect(completion.complete(before: "export plan --output x --format=", word: "m") == .words(["md"]))
        #expect(completion.complete(before: "export history --format ", word: "") == .words(HistoryExport.formatNames.sorted()))
    }

    @Test("a plain-text format's files go through the terminal sanitizer; the others are written as they are")
    func plainTextFollowsTheList() {
        for f in PlanExport.formats {
            for ext in f.extensions { #expect(OutputFile("plan.\(ext)").readByTerminal == f.isPlainText, ".\(ext)") }
        }
        #expect(OutputFile("notes.txt").readByTerminal && !OutputFile("report.html").readByTerminal)
    }

    @Test("the README shows every plan format")
    func readmeShowsEveryFormat() throws {
        let readme = try String(contentsOf: repoRoot.appendingPathComponent("README.md"), encoding: .utf8)
        for f in PlanExport.formats {
            let shown = readme.contains("export plan --format \(f.name)") || f.extensions.contains { readme.contains("export plan --output plan.\($0)") }
            #expect(shown, "README.md's exports show `headway export plan --format \(f.name)`")
        }
    }
}
