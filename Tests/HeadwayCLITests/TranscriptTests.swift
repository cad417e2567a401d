import Foundation
import Testing

/// A golden transcript: what a person types (`$ ` lines) and what Headway answers, as
/// `headway --echo` prints it in script mode.
///
/// - `$ LINE` is typed as is (`$` alone is an empty line).
/// - `$\ TEXT` is typed with `\xNN` and `\\` decoded into bytes (binary input).
/// - `$* COUNT TEXT` is TEXT repeated to COUNT bytes (very long input).
/// - `#! --bail` on the first line gives the shell arguments after `--echo`.
/// - The last line is `[exit N]`, the shell's exit status.
///
/// The echo of a `$\ ` or `$* ` line only has to be some `$ …` line at that place. On a
/// difference the actual transcript is written beside the fixture as `NAME.actual`;
/// `HEADWAY_UPDATE_TRANSCRIPTS=1` rewrites the fixture instead.
struct Transcript {
    let name: String
    let url: URL
    let arguments: [String]
    let lines: [String]

    static let folder = Binary.repository.appendingPathComponent("Fixtures/transcripts")

    static func all() -> [Transcript] {
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }.map(Transcript.init)
    }

    init(_ url: URL) {
        self.url = url
        name = url.deletingPathExtension().lastPathComponent
        var lines = (try? String(contentsOf: url, encoding: .utf8))?.components(separatedBy: "\n") ?? []
        if lines.last == "" { lines.removeLast() }
        if let first = lines.first, first.hasPrefix("#! ") {
            arguments = first.dropFirst(3).split(separator: " ").map(String.init)
            lines.removeFirst()
        } else {
            arguments = []
        }
        self.lines = lines
    }

    var isSpecial: (String) -> Bool { { $0.hasPrefix("$\\ ") || $0.hasPrefix("$* ") } }

    /// The bytes typed.
    var input: Data {
        var data = Data()
        for line in lines where line == "$" || line.hasPrefix("$ ") || isSpecial(line) {
            if line.hasPrefix("$\\ ") {
                data.append(Self.unescape(String(line.dropFirst(3))))
            } else if line.hasPrefix("$* ") {
                let parts = line.dropFirst(3).split(separator: " ", maxSplits: 1).map(String.init)
                let count = Int(parts[0])!, unit = Array((parts.count > 1 ? parts[1] : "a").utf8)
                data.append(contentsOf: (0..<count).map { unit[$0 % unit.count] })
            } else {
                data.append(contentsOf: Array(line.dropFirst(2).utf8))
            }
            data.append(0x0A)
        }
        return data
    }

    static func unescape(_ text: String) -> Data {
        var out = Data()
        var bytes = Array(text.utf8)[...]
        while let b = bytes.popFirst() {
            if b == UInt8(ascii: "\\"), let next = bytes.first {
                if next == UInt8(ascii: "x"), bytes.count >= 3, let v = UInt8(String(decoding: bytes.dropFirst().prefix(2), as: UTF8.self), radix: 16) {
                    out.append(v); bytes = bytes.dropFirst(3); continue
                }
                if next == UInt8(ascii: "\\") { out.append(next); bytes = bytes.dropFirst(); continue }
            }
            out.append(b)
        }
        return out
    }

    /// Whether `actual` (the shell's output plus `[exit N]`) matches, line by line.
    func matches(_ actual: [String]) -> Bool {
        guard actual.count == lines.count else { return false }
        return zip(lines, actual).allSatisfy { want, got in
            isSpecial(want) ? (got == "$" || got.hasPrefix("$ ")) : want == got
        }
    }

    /// `actual` with the fixture's own `$\ ` and `$* ` lines in place of their echoes.
    func rewritten(_ actual: [String]) -> String {
        var typed = lines.filter { $0 == "$" || $0.hasPrefix("$ ") || isSpecial($0) }[...]
        var out = arguments.isEmpty ? [] : ["#! " + arguments.joined(separator: " ")]
        for line in actual {
            if line == "$" || line.hasPrefix("$ "), let original = typed.popFirst(), isSpecial(original) {
                out.append(original)
            } else {
                out.append(line)
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}

@Suite("Golden transcripts of whole sessions in script mode")
struct TranscriptTests {
    @Test("there are transcripts to run")
    func present() {
        #expect(Transcript.all().count >= 4)
    }

    @Test("each transcript replays exactly", arguments: Transcript.all().map(\.name))
    func replay(name: String) throws {
        let transcript = Transcript(Transcript.folder.appendingPathComponent(name + ".txt"))
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Binary.run(
            ["--echo"] + transcript.arguments, input: transcript.input,
            environment: Binary.environment(in: folder))
        var actual = result.output.components(separatedBy: "\n")
        if actual.last == "" { actual.removeLast() }
        actual = actual.map {
            $0.replacingOccurrences(of: folder.path, with: "$TMP").replacingOccurrences(of: Binary.repository.path, with: "$REPO")
        }
        actual.append("[exit \(result.status)]")
        let actualURL = transcript.url.deletingPathExtension().appendingPathExtension("actual")
        if transcript.matches(actual) {
            try? FileManager.default.removeItem(at: actualURL)
            return
        }
        let text = transcript.rewritten(actual)
        if ProcessInfo.processInfo.environment["HEADWAY_UPDATE_TRANSCRIPTS"] == "1" {
            try text.write(to: transcript.url, atomically: true, encoding: .utf8)
        } else {
            try text.write(to: actualURL, atomically: true, encoding: .utf8)
            Issue.record("transcript \(name) differs; see `diff \(transcript.url.path) \(actualURL.path)`")
        }
    }
}
