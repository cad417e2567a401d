import Foundation
import HeadwayCore
import Testing

@_spi(Fixtures) @testable import HeadwayStore

@Suite("Every table reads back what was written")
struct RoundTripTests {
    let dir: URL
    let store: Store
    init() throws {
        dir = try temporaryFolder()
        store = try Store.open(at: dir.appendingPathComponent("h.sqlite").path)
    }

    @Test("an assessment with every field reads back equal")
    func assessment() throws {
        defer { removeFolder(dir) }
        let p = try store.createProfile(named: "ana", assessment: fullAssessment, curriculaVersion: "v1")
        let stored = try #require(try store.latestAssessment(for: p))
        #expect(stored.assessment == fullAssessment)
        #expect(stored.reason == "assessment")
        #expect(stored.curriculaVersion == "v1")
        var later = fullAssessment
        later.skills["vllm"] = 3
        try store.saveAssessment(later, for: p, reason: "re-assessment", curriculaVersion: "v1")
        #expect(try store.latestAssessment(for: p)?.assessment == later)
        #expect(try store.assessments(for: p).map(\.reason) == ["assessment", "re-assessment"])
    }

    @Test("a plan with units, weeks, items and activities reads back equal; a new plan supersedes it")
    func plan() throws {
        defer { removeFolder(dir) }
        let p = try store.createProfile(named: "ana")
        let first = try store.savePlan(samplePlan(), for: p, curriculaVersion: "v1")
        #expect(first.plan == samplePlan())
        #expect(try store.currentPlan(for: p)?.plan == samplePlan())
        let second = try store.savePlan(samplePlan(projected: 57.5), for: p, curriculaVersion: "v2")
        let history = try store.plans(for: p)
        #expect(history.map(\.id) == [first.id, second.id])
        #expect(history[0].supersededBy == second.id)
        #expect(history[1].supersededBy == nil)
        #expect(try store.currentPlan(for: p)?.plan.projectedScore == 57.5)
    }

    @Test("logs, snapshots and briefings read back equal")
    func logsSnapshotsBriefings() throws {
        defer { removeFolder(dir) }
        let p = try store.createProfile(named: "ana")
        let entries = [
            LogEntry(date: day0.adding(days: 2), skill: "vllm", level: 2, activity: nil, hours: 2, status: .done, note: nil),
            LogEntry(
                date: day0, skill: "kubernetes", level: 4, activity: "Design a multi-tenant cluster", hours: 0.25,
                status: .partial, note: "ünïcode ✓, quotes \" and 'x'"),
            LogEntry(date: day0, skill: "vllm", level: 1, hours: 0, status: .skipped)
        ]
        for e in entries { try store.addLog(e, for: p) }
        // By date, then in the order written.
        #expect(try store.logs(for: p).map(\.entry) == [entries[1], entries[2], entries[0]])
        try store.addSnapshot(sampleSnapshot, for: p, curriculaVersion: "v1")
        #expect(try store.snapshots(for: p).map(\.snapshot) == [sampleSnapshot])
        try store.savePlan(samplePlan(), for: p, curriculaVersion: "v1")
        let b = Briefing(week: 3, body: "line 1\nline 2", generatedOn: day0)
        #expect(try store.saveBriefing(b, for: p).briefing == b)
        #expect(try store.briefing(week: 3, for: p)?.briefing == b)
        #expect(try store.briefing(week: 4, for: p) == nil)
    }

    @Test("the first briefing of a week wins; a later one returns the stored one")
    func briefingFirstWriteWins() throws {
        defer { removeFolder(dir) }
        let p = try store.createProfile(named: "ana")
        try store.savePlan(samplePlan(), for: p, curriculaVersion: "v1")
        let first = try store.saveBriefing(Briefing(week: 1, body: "first", generatedOn: day0), for: p)
        let again = try store.saveBriefing(Briefing(week: 1, body: "second", generatedOn: day0.adding(days: 1)), for: p)
        #expect(again == first)
        #expect(try store.briefings(for: p).map(\.briefing.body) == ["first"])
    }

    @Test("profiles: create, current, use, rename, delete with its whole history")
    func profiles() throws {
        defer { removeFolder(dir) }
        let ana = try store.createProfile(named: "ana")
        try fillHistory(store, ana)
        try store.createProfile(named: "bo")
        #expect(try store.currentProfile()?.name == "bo")
        #expect(throws: StoreError.profileExists(name: "ana", path: store.path)) { try store.createProfile(named: "ana") }
        try store.useProfile(named: "ana")
        #expect(try store.profiles().map { "\($0.name)\($0.isCurrent ? "*" : "")" } == ["ana*", "bo"])
        let renamed = try store.renameProfile("ana", to: "ana maria")
        #expect(renamed.id == ana.id)
        #expect(try store.logs(for: renamed).count == 2)
        #expect(throws: StoreError.profileExists(name: "bo", path: store.path)) { try store.renameProfile("ana maria", to: "bo") }
        try store.deleteProfile(named: "ana maria")
        #expect(try store.currentProfile() == nil)
        #expect(throws: StoreError.noSuchProfile(name: "ana maria", path: store.path)) { try store.profile(named: "ana maria") }
        let counts = try store.read { db in
            try [
                "assessments", "assessment_levels", "plans", "plan_units", "plan_weeks", "plan_items", "plan_activities",
                "logs", "snapshots", "briefings"
            ].map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)")! }
        }
        #expect(counts.allSatisfy { $0 == 0 })
        #expect(try store.checkup(curriculaVersion: nil).isHealthy)
    }

    @Test("a profile name must be 1..64 characters without edge spaces", arguments: ["", " ana", "a\nb", String(repeating: "x", count: 65)])
    func badNames(name: String) throws {
        defer { removeFolder(dir) }
        #expect(throws: StoreError.self) { try store.createProfile(named: name) }
    }
}
