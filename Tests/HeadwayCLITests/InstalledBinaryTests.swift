import Foundation
import Testing

@testable import HeadwayCLI

/// Issue 21.1: an installed `headway` run as a bare name from `PATH`, in another folder, finds
/// the curricula installed beside it (`PREFIX/share/headway/Curricula`) without
/// `HEADWAY_CURRICULA`. `.ci/run` repeats this with what `scripts/install` installs (the debug build;
/// `HEADWAY_CI_RELEASE=1`, the release one).
@Suite("The installed binary")
struct InstalledBinaryTests {
    @Test("a bare `headway` on PATH, run from another folder, finds its own curricula")
    func bareNameFromPath() throws {
        let built = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("headway")
        try #require(FileManager.default.isExecutableFile(atPath: built.path), "run `swift build` before `swift test`")
        let fm = FileManager.default
        let prefix = fm.temporaryDirectory.appendingPathComponent("headway-prefix-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: prefix) }
        try fm.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try fm.createDirectory(at: prefix.appendingPathComponent("share/headway"), withIntermediateDirectories: true)
        try fm.copyItem(at: built, to: prefix.appendingPathComponent("bin/headway"))
        try fm.copyItem(at: repoRoot.appendingPathComponent("Curricula"), to: prefix.appendingPathComponent("share/headway/Curricula"))
        // A folder outside the prefix: walking up from it finds no curricula.
        let elsewhere = fm.temporaryDirectory.appendingPathComponent("headway-elsewhere-\(UUID().uuidString)")
        try fm.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: elsewhere) }

        // `exec headway`: the shell finds the bare name on PATH, as a user's shell does.
        let run = try Tools.run(
            URL(fileURLWithPath: "/bin/sh"),
            [
                "-c", "exec headway score --assessment \"$1\" --as-of 2026-11-22", "sh",
                repoRoot.appendingPathComponent("Fixtures/assessments/reference-mid.yaml").path
            ],
            environment: [
                "PATH": prefix.appendingPathComponent("bin").path + ":/usr/bin:/bin", "HOME": prefix.path,
                "NO_COLOR": "1", "HEADWAY_NO_CACHE": "1"
            ],
            directory: elsewhere)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("AIJRI 49.1"), "stdout: \(run.stdout)")
    }

    @Test("argv[0] without a slash is looked up along PATH, not in the working folder")
    func argv0AlongPath() throws {
        let fm = FileManager.default
        let bin = fm.temporaryDirectory.appendingPathComponent("headway-path-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: bin) }
        try fm.createDirectory(at: bin, withIntermediateDirectories: true)
        let tool = bin.appendingPathComponent("headway")
        #expect(fm.createFile(atPath: tool.path, contents: Data("#!/bin/sh\n".utf8), attributes: [.posixPermissions: 0o755]))
        let found = Environment.executableURL(argv0: "headway", path: "relative/dir:/nonexistent:" + bin.path)
        #expect(found.path == tool.resolvingSymlinksInPath().path)
        #expect(Environment.executableURL(argv0: "/opt/x/headway", path: bin.path).path == "/opt/x/headway")
    }

    @Test(
        "scripts/install refuses a wrong argument or HEADWAY_INSTALL_BUILD in one line, with its exit class, before installing anything",
        arguments: [
            (
                [String](), ["HEADWAY_INSTALL_BUILD": "fast"], Int32(78),
                "scripts/install: HEADWAY_INSTALL_BUILD is 'fast' (allowed: release, debug)\n"
            ),
            (["--debug"], [:], Int32(64), "scripts/install: unknown argument '--debug' (allowed: --uninstall, --help)\n")
        ])
    func installRefuses(arguments: [String], environment: [String: String], status: Int32, message: String) throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("headway-prefix-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: prefix) }
        let run = try Tools.run(
            repoRoot.appendingPathComponent("scripts/install"), arguments,
            environment: ["PATH": "/usr/bin:/bin", "HOME": prefix.path, "PREFIX": prefix.path].merging(environment) { $1 })
        #expect(run.status == status)
        #expect(run.stderr == message)
        #expect(run.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: prefix.path), "nothing is installed")
    }
}
