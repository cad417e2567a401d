import Foundation
import HeadwayCore
import Testing

@_spi(Fixtures) @testable import HeadwayStore

/// Several processes on one file, and one killed mid-write.
@Suite("Processes")
struct ProcessTests {
    @Test("a writer killed with SIGKILL mid-burst loses no acknowledged row; the file stays sound and usable")
    func crash() throws {
        let dir = try temporaryFolder(); defer { removeFolder(dir) }
        let url = dir.appendingPathComponent("crash.sqlite")
        let p = Process()
        p.executableURL = try product("headway-store-burst")
        p.arguments = [url.path, "ana", "1000000"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        var received = Data()
        while received.filter({ $0 == UInt8(ascii: "\n") }).count < 200 {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            received.append(chunk)
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        received.append(out.fileHandleForReading.readDataToEndOfFile())
        #expect(p.terminationReason == .uncaughtSignal)
        // A line cut by the kill was not acknowledged: only whole lines count.
        let text = String(decoding: received, as: UTF8.self)
        let acknowledged = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().compactMap { Int64($0) }
        #expect(acknowledged.count >= 200)

        let store = try Store.open(at: url.path)
        let ana = try store.profile(named: "ana")
        let ids = Set(try store.logs(for: ana).map(\.id))
        #expect(Set(acknowledged).isSubset(of: ids))
        let checkup = try store.checkup(curriculaVersion: nil)
        #expect(checkup.integrity == ["ok"])
        #expect(checkup.foreignKeyProblems.isEmpty)
        let after = try store.addLog(LogEntry(date: day0, skill: "vllm", level: 1, hours: 1, status: .done), for: ana)
        #expect(try store.logs(for: ana).contains { $0.id == after.id })
    }

    @Test("two processes writing to one new file at once both succeed")
    func twoWriters() throws {
        let dir = try temporaryFolder(); defer { removeFolder(dir) }
        let url = dir.appendingPathComponent("shared.sqlite")
        let burst = try product("headway-store-burst")
        let count = 300
        let results = try [("a", url), ("b", url)].map { name, url -> (Process, Pipe, Pipe) in
            let p = Process(), out = Pipe(), err = Pipe()
            p.executableURL = burst
            p.arguments = [url.path, name, String(count)]
            p.standardOutput = out
            p.standardError = err
            try p.run()
            return (p, out, err)
        }.map { p, out, err in
            let o = out.fileHandleForReading.readDataToEndOfFile()
            let e = err.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
        }
        for (status, out, err) in results {
            #expect(status == 0, "\(err)")
            #expect(!err.contains("locked"))
            #expect(out.split(separator: "\n").count == count)
        }
        let store = try Store.open(at: url.path)
        for name in ["a", "b"] {
            #expect(try store.logs(for: store.profile(named: name)).count == count)
        }
        #expect(try store.checkup(curriculaVersion: nil).isHealthy)
    }

    @Test("two profile imports into one database at once, from two processes, both succeed")
    func twoImports() throws {
        let dir = try temporaryFolder(); defer { removeFolder(dir) }
        let source = try Store.open(at: dir.appendingPathComponent("src.sqlite").path)
        let ana = try source.createProfile(named: "ana")
        try fillHistory(source, ana)
        let export = dir.appendingPathComponent("ana.json")
        try source.export(ana).encoded().write(to: export)
        let db = dir.appendingPathComponent("shared.sqlite")
        let burst = try product("headway-store-burst")
        let runs = ["one", "two"].map { name -> Process in
            let p = Process()
            p.executableURL = burst
            p.arguments = ["import", db.path, export.path, name]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            return p
        }
        for p in runs { try p.run() }
        for p in runs { p.waitUntilExit(); #expect(p.terminationStatus == 0) }
        let store = try Store.open(at: db.path)
        #expect(try store.profiles().map(\.name) == ["one", "two"])
        #expect(try store.logs(for: store.profile(named: "two")).count == source.logs(for: ana).count)
    }
}
