import Foundation
import HeadwayCore
import Testing

@_spi(Fixtures) @testable import HeadwayStore

@Suite("Export and import")
struct ArchiveTests {
    @Test("export, import into another database, export again: the same bytes and equal rows")
    func roundTrip() throws {
        let dir = try temporaryFolder(); defer { removeFolder(dir) }
        let a = try Store.open(at: dir.appendingPathComponent("a.sqlite").path)
        let ana = try a.createProfile(named: "ana")
        try fillHistory(a, ana)
        let exported = try a.export(ana).encoded()

        let b = try Store.open(at: dir.appendingPathComponent("b.sqlite").path)
        try fillHistory(b, try b.createProfile(named: "other"))  // ids in b differ from a's
        let imported = try b.importArchive(try ProfileArchive.decode(exported, path: "x.json"))
        #expect(imported.name == "ana")
        #expect(try b.export(imported).encoded() == exported)

        #expect(try b.assessments(for: imported).map(\.assessment) == a.assessments(for: ana).map(\.assessment))
        #expect(try b.plans(for: imported).map(\.plan) == a.plans(for: ana).map(\.plan))
        #expect(try b.logs(for: imported).map(\.entry) == a.logs(for: ana).map(\.entry))
        #expect(try b.snapshots(for: imported).map(\.snapshot) == a.snapshots(for: ana).map(\.snapshot))
        #expect(try b.briefings(for: imported).map(\.briefing) == a.briefings(for: ana).map(\.briefing))
        #expect(try b.plans(for: imported).map { $0.supersededBy != nil } == [true, false])
        #expect(try b.currentPlan(for: imported)?.plan.projectedScore == 56)
    }

    @Test("the document says what it is")
    func header() throws {
        let dir = try temporaryFolder(); defer { removeFolder(dir) }
        let a = try Store.open(at: dir.appendingPathComponent("a.sqlite").path)
        let json = try JSONSerialization.jsonObject(with: try a.export(try a.createProfile(named: "ana")).encoded()) as! [String: Any]
        #expect(json["format"] as? String == "headway-profile")
        #expect(json["version"] as? Int == 1)
    }

    @Test("import under another name; a taken name is refused and nothing is written")
    func importAs() throws {
        let dir = try temporaryFolder(); defer { removeFolder(dir) }
        let a = try Store.open(at: dir.appendingPathComponent("a.sqlite").path)
        let ana = try a.createProfile(named: "ana")
        try fillHistory(a, ana)
        let archive = try a.export(ana)
        #expect(throws: StoreError.profileExists(name: "ana", path: a.path)) { try a.importArchive(archive) }
        let copy = try a.importArchive(archive, as: "ana copy")
        #expect(try a.logs(for: copy).map(\.entry) == a.logs(for: ana).map(\.entry))
        #expect(try a.profiles().count == 2)
    }

    @Test(
        "another format, a newer version, or broken JSON is refused by name",
        arguments: [
            (#"{"format": "other", "version": 1}"#, "expected 'headway-profile'"),
            (#"{"format": "headway-profile", "version": 2}"#, "version 2 is not supported"),
            ("not json", "not a JSON object"),
            (#"{"format": "headway-profile", "version": 1, "name": "x"}"#, "missing key")
        ])
    func refusesBadDocuments(text: String, expected: String) throws {
        let error = #expect(throws: StoreError.self) { try ProfileArchive.decode(Data(text.utf8), path: "in.json") }
        #expect(error?.description.contains("in.json") == true)
        #expect(error?.description.contains(expected) == true, "\(String(describing: error))")
    }

    @Test("a row the schema refuses rolls the whole import back")
    func importIsAtomic() throws {
        let dir = try temporaryFolder(); defer { removeFolder(dir) }
        let a = try Store.open(at: dir.appendingPathComponent("a.sqlite").path)
        let ana = try a.createProfile(named: "ana")
        try fillHistory(a, ana)
        var archive = try a.export(ana)
        archive.logs[1].level = 9
        #expect(throws: StoreError.self) { try a.importArchive(archive, as: "broken") }
        #expect(try a.profiles().map(\.name) == ["ana"])
    }

    @Test("a snapshot's reason travels as its code and parameters; an archive without them is read from the sentence; an unknown code is refused by key")
    func reasonCodes() throws {
        let dir = try temporaryFolder(); defer { removeFolder(dir) }
        let a = try Store.open(at: dir.appendingPathComponent("a.sqlite").path)
        let ana = try a.createProfile(named: "ana")
        try fillHistory(a, ana)
        var json = try #require(try JSONSerialization.jsonObject(with: try a.export(ana).encoded()) as? [String: Any])
        var snapshots = try #require(json["snapshots"] as? [[String: Any]])
        #expect(snapshots[0]["reason_code"] as? String == "assessment" && snapshots[0]["reason"] as? String == "assessment")
        #expect(snapshots[0]["reason_params"] as? [String: String] == [:])
        func decoded() throws -> ProfileArchive {
            json["snapshots"] = snapshots
            return try ProfileArchive.decode(try JSONSerialization.data(withJSONObject: json), path: "ana.json")
        }
        // An archive written before codes: the sentence is read into its case.
        snapshots[0]["reason_code"] = nil; snapshots[0]["reason_params"] = nil
        let old = try a.importArchive(try decoded(), as: "old")
        #expect(try a.snapshots(for: old).map(\.snapshot.reason) == [.assessment])
        for (code, params, expected) in [
            ("override", [:], "reason_code: 'override' with its reason_params is not a reason this version knows"),
            ("completed", ["skill": "nccl"], "reason_code: 'completed' with its reason_params is not a reason this version knows")
        ] as [(String, [String: String], String)] {
            snapshots[0]["reason_code"] = code; snapshots[0]["reason_params"] = params
            let error = #expect(throws: StoreError.self) { try decoded() }
            #expect(error?.description.contains(expected) == true, "\(String(describing: error))")
        }
    }
}
