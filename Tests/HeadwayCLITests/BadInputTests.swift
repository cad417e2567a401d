import Foundation
import Testing

@Suite("No input line crashes the shell or changes stored data")
struct BadInputTests {
    static let badLines: [(String, Data)] = [
        ("a 1 MB line", Data(repeating: UInt8(ascii: "a"), count: 1 << 20)),
        ("a 1 MB line of words", Data(String(repeating: "score ", count: 200_000).utf8)),
        ("NUL bytes", Data("score\u{0} --json".utf8)),
        ("invalid UTF-8", Data([0xFF, 0xFE, 0x01, 0x62])),
        ("an escape sequence", Data([0x1B, 0x5B, 0x41])),
        ("an unbalanced double quote", Data("assess set \"vllm 3".utf8)),
        ("an unbalanced single quote", Data("assess set 'vllm 3".utf8)),
        ("a trailing backslash", Data("assess set vllm 3 \\".utf8)),
        ("an unknown command", Data("frobnicate --hard".utf8)),
        ("a flag without its value", Data("assess set vllm".utf8)),
        ("a level out of range", Data("assess set vllm 9".utf8)),
        ("an unknown skill", Data("assess set no-such-skill 3".utf8)),
        ("an option with no value", Data("plan --weeks".utf8)),
        ("an unknown flag", Data("assess set --force vllm 3".utf8)),
        ("quit with an argument", Data("quit now".utf8))
    ]

    @Test("each bad line gets exactly one error line, the shell goes on, and the database bytes stay the same")
    func unchanged() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let env = Binary.environment(in: folder)
        let setup = try Binary.run([], input: Data("assess --sample\nplan --weeks 2\n".utf8), environment: env)
        #expect(setup.status == 0, "\(setup.output)")
        let db = folder.appendingPathComponent("headway.sqlite")
        let before = try Data(contentsOf: db)

        var input = Data()
        for (_, line) in Self.badLines { input.append(line); input.append(0x0A) }
        input.append(Data("# still here\nprofile list\n".utf8))
        let result = try Binary.run([], input: input, environment: env)
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)

        #expect(result.status == 64, "a script exits with the status of its last failing line (a usage error here), not by a signal")
        #expect(lines.count == Self.badLines.count + 1, "\(lines)")
        for (i, (name, _)) in Self.badLines.enumerated() where i < lines.count {
            #expect(lines[i].hasPrefix("error: "), "\(name): \(lines[i])")
            #expect(lines[i].count < 400, "\(name): the error line is short")
        }
        #expect(lines.last == "* sample", "the shell still runs commands after the bad lines")
        #expect(try Data(contentsOf: db) == before, "stored data unchanged")
    }

    @Test("one-shot commands fail the same way, with one line and a usage exit code")
    func oneShot() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let env = Binary.environment(in: folder)
        for args in [["frobnicate"], ["plan", "--hours"], ["assess", "set", "vllm"], ["help", "nope"]] {
            let r = try Binary.run(args, input: Data(), environment: env)
            #expect(r.status == 64, "\(args)")
            #expect(r.output.split(separator: "\n").count == 1, "\(args): \(r.output)")
            #expect(r.output.hasPrefix("error: "))
        }
    }

    @Test("the transcript matcher fails on a changed line and accepts any echo for a binary line")
    func matcher() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("t-\(UUID().uuidString).txt")
        try "$\\ a\\x00b\nerror: x\n[exit 1]\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let t = Transcript(url)
        #expect(t.input == Data([0x61, 0x00, 0x62, 0x0A]))
        #expect(t.matches(["$ a\\x00b", "error: x", "[exit 1]"]))
        #expect(!t.matches(["$ a\\x00b", "error: y", "[exit 1]"]))
        #expect(!t.matches(["$ a\\x00b", "error: x", "[exit 0]"]))
        #expect(!t.matches(["$ a\\x00b", "error: x"]))
    }
}
