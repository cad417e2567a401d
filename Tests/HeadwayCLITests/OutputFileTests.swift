import Foundation
import Testing

@Suite("Exports write files safely: atomic replacement, one clear line when they cannot")
struct OutputFileTests {
    @Test("--output in a missing folder is one line naming it and what to do; nothing is created")
    func missingFolder() throws {
        let folder = try scratchFolder(); defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("nope/plan.ics")
        let out = try headway(["export", "plan", "--assessment", reference, "--output", target.path])
        #expect(out.status == 73 && out.stdout.isEmpty)
        #expect(out.stderr == "error: cannot write \(target.path): the folder \(folder.path)/nope does not exist; create it first or choose another --output\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("a path through a file, or a folder as the target, is one clear line (root cannot write there either)")
    func notAFolder() throws {
        let folder = try scratchFolder(); defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("plain")
        try Data("x".utf8).write(to: file)
        let through = try headway(["export", "plan", "--assessment", reference, "-o", file.path + "/plan.md"])
        #expect(through.status == 73 && through.stderr == "error: cannot write \(file.path)/plan.md: \(file.path) is not a folder; choose another --output\n")
        let isFolder = try headway(["export", "report", "--assessment", reference, "-o", folder.path])
        #expect(isFolder.status == 73 && isFolder.stderr == "error: cannot write \(folder.path): it is a folder; give a file name inside it\n")
    }

    @Test("a relative path with .. is written where it resolves, and named resolved when it cannot be")
    func dotDot() throws {
        // The binary runs in the repository; ../../… climbs out of it.
        let folder = try scratchFolder(); defer { try? FileManager.default.removeItem(at: folder) }
        let depth = repoRoot.standardizedFileURL.pathComponents.count - 1
        let climb = String(repeating: "../", count: depth)
        let relative = climb + folder.path.dropFirst() + "/plan.md"
        let ok = try headway(["export", "plan", "--assessment", reference, "-o", relative])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.hasPrefix("Wrote \(relative) (\(folder.path)/plan.md) ("))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("plan.md").path))
        let missing = climb + folder.path.dropFirst() + "/gone/plan.md"
        let bad = try headway(["export", "plan", "--assessment", reference, "-o", missing])
        #expect(
            bad.stderr
                == "error: cannot write \(missing) (\(folder.path)/gone/plan.md): the folder \(folder.path)/gone does not exist; create it first or choose another --output\n"
        )
    }

    @Test("an existing file is replaced by rename: a reader holding the old file keeps all its bytes, the mode stays, no temporary file is left")
    func atomicReplace() throws {
        let folder = try scratchFolder(); defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("plan.md")
        let old = Data(String(repeating: "the old plan\n", count: 5000).utf8)
        try old.write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        let inodeBefore = try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as! UInt64
        let reader = try FileHandle(forReadingFrom: file)
        defer { try? reader.close() }

        let out = try headway(["export", "plan", "--assessment", reference, "-o", file.path])
        #expect(out.status == 0, "\(out.stderr)")
        // The reader opened before still sees the whole old file: it was never truncated in place.
        #expect(try reader.readToEnd() == old)
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect(attributes[.systemFileNumber] as! UInt64 != inodeBefore)
        #expect((attributes[.posixPermissions] as! NSNumber).intValue == 0o600)
        #expect(try String(contentsOf: file, encoding: .utf8).hasPrefix("# Headway plan: reference-mid\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plan.md"])

        // A failing export (a bad assessment) leaves the existing file as it was.
        let current = try Data(contentsOf: file)
        let bad = folder.appendingPathComponent("bad.yaml")
        try Data("role: nobody\n".utf8).write(to: bad)
        let failed = try headway(["export", "plan", "--assessment", bad.path, "-o", file.path])
        #expect(failed.status != 0 && failed.stderr.split(separator: "\n").count == 1)
        #expect(try Data(contentsOf: file) == current)
    }

    @Test(
        "a disk that fills up mid-write leaves the old file byte-identical and no temporary file",
        .enabled(if: getuid() == 0, "mounting a tmpfs needs root"))
    func diskFull() throws {
        let folder = try scratchFolder(); defer { try? FileManager.default.removeItem(at: folder) }
        let mount = folder.appendingPathComponent("tiny")
        try FileManager.default.createDirectory(at: mount, withIntermediateDirectories: true)
        let mounted = try Tools.run(URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=64k", "tmpfs", mount.path])
        try #require(mounted.status == 0, "cannot mount a tmpfs: \(mounted.stderr)")
        defer { _ = try? Tools.run(URL(fileURLWithPath: "/bin/umount"), [mount.path]) }
        let file = mount.appendingPathComponent("report.html")
        let old = Data(String(repeating: "old report\n", count: 800).utf8)  // ~9 KB
        try old.write(to: file)
        // Leave about 8 KB free: less than a report needs.
        try Data(count: 64 * 1024 - 12 * 1024 - 8 * 1024).write(to: mount.appendingPathComponent("filler"))
        let out = try headway(["export", "report", "--assessment", reference, "-o", file.path])
        #expect(out.status == 73)
        #expect(
            out.stderr
                == "error: cannot write \(file.path): the disk is full (or a size limit was reached); free some space and retry; the old file, if any, is unchanged\n"
        )
        #expect(try Data(contentsOf: file) == old)
        #expect(try FileManager.default.contentsOfDirectory(atPath: mount.path).sorted() == ["filler", "report.html"])
    }

    @Test("a read-only folder is one line naming it", .enabled(if: getuid() != 0 || canMount(), "needs a tmpfs mount as root"))
    func readOnlyFolder() throws {
        let folder = try scratchFolder(); defer { try? FileManager.default.removeItem(at: folder) }
        let locked = folder.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        // Root ignores permission bits, so it needs a read-only mount to meet the fault.
        if getuid() == 0 {
            #expect(try Tools.run(URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=1m,ro", "tmpfs", locked.path]).status == 0)
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: locked.path)
        }
        defer {
            if getuid() == 0 { _ = try? Tools.run(URL(fileURLWithPath: "/bin/umount"), [locked.path]) }
            try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: locked.path)
        }
        let target = locked.appendingPathComponent("plan.ics")
        let out = try headway(["export", "plan", "--assessment", reference, "-o", target.path])
        #expect(out.status == 73)
        let expected =
            getuid() == 0
            ? "error: cannot write \(target.path): \(locked.path) is on a read-only file system; choose another --output\n"
            : "error: cannot write \(target.path): permission denied in \(locked.path); choose a folder you can write to\n"
        #expect(out.stderr == expected)
    }

    @Test("export and graph run the same in the shell, - writing to standard output")
    func inTheShell() throws {
        let folder = try Binary.temporaryFolder(); defer { try? FileManager.default.removeItem(at: folder) }
        let script = """
            export plan --assessment \(reference) --format csv --output -
            graph nccl --dot --assessment \(reference)
            export report --assessment \(reference) -o \(folder.path)/r.html
            export plan --assessment \(reference) -o \(folder.path)/missing/p.ics

            """
        let result = try Binary.run(["--bail"], input: Data(script.utf8), environment: Binary.environment(in: folder))
        #expect(result.status == 73, "the script exits with its failing line's status (cannot create the output)")
        #expect(result.output.hasPrefix("week,week_start,week_end,week_hours,projected_score,skill,"))
        #expect(result.output.contains("digraph headway {") && result.output.contains("\"nccl\" [label="))
        #expect(result.output.contains("Wrote \(folder.path)/r.html ("))
        #expect(
            result.output.hasSuffix(
                "error: cannot write \(folder.path)/missing/p.ics: the folder \(folder.path)/missing does not exist; create it first or choose another --output\n"
            ))
        #expect(FileManager.default.fileExists(atPath: folder.path + "/r.html"))
    }
}

/// Whether this root process may mount a tmpfs (a container may forbid it).
func canMount() -> Bool {
    guard getuid() == 0, let folder = try? scratchFolder() else { return false }
    defer { try? FileManager.default.removeItem(at: folder) }
    guard let r = try? Tools.run(URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=64k", "tmpfs", folder.path]), r.status == 0 else {
        return false
    }
    _ = try? Tools.run(URL(fileURLWithPath: "/bin/umount"), [folder.path])
    return true
}
