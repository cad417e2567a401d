import Foundation
import GRDB
import HeadwayCore
import Testing

@_spi(Fixtures) @testable import HeadwayStore

@Suite("Programmes: plans, replans and their briefings")
struct ProgrammeStoreTests {
    @Test("a replan continues its programme; a new plan starts another, whose week 1 briefing is its own")
    func briefingsPerProgramme() throws {
        let dir = try temporaryFolder(); defer { removeFolder(dir) }
        let store = try Store.open(at: dir.appendingPathComponent("h.sqlite").path)
        let p = try store.createProfile(named: "ana")
        let first = try store.savePlan(samplePlan(), for: p, curriculaVersion: "v1", madeOn: day0)
        let old = try store.saveBriefing(Briefing(week: 1, body: "old week 1", generatedOn: day0), for: p)
        let replan = try store.savePlan(
            samplePlan(start: day0.adding(days: 7)), for: p, curriculaVersion: "v1", continuing: true,
            madeOn: day0.adding(days: 8))
        #expect(replan.programmeID == first.programmeID)
        #expect(replan.madeOn == day0.adding(days: 8))
        // Still the same programme: its week 1 is the one stored.
        #expect(try store.briefing(week: 1, for: p) == old)

        // Same first day and weeks, but a new programme all the same.
        let fresh = try store.savePlan(samplePlan(), for: p, curriculaVersion: "v1", madeOn: day0.adding(days: 9))
        #expect(fresh.programmeID != first.programmeID)
        #expect(try store.briefing(week: 1, for: p) == nil)
        let new = try store.saveBriefing(Briefing(week: 1, body: "new week 1", generatedOn: day0.adding(days: 9)), for: p)
        #expect(new.briefing.body == "new week 1")
        #expect(try store.briefings(for: p).map(\.briefing.body).sorted() == ["new week 1", "old week 1"])
        // The state `brief` reads holds the programme in force's briefings, not the earlier ones.
        let state = try store.state(of: p, briefings: true)
        #expect(state.briefings.map(\.briefing.body) == ["new week 1"])
        #expect(state.briefings.allSatisfy { $0.programmeID == fresh.programmeID })
        #expect(try store.state(of: p, briefings: false).briefings.isEmpty)
    }

    @Test("migrating an older file groups its plans into programmes and keeps each briefing with the programme it was written in")
    func migration() throws {
        let dir = try temporaryFolder(); defer { removeFolder(dir) }
        let queue = try DatabaseQueue(path: dir.appendingPathComponent("old.sqlite").path)
        try Schema.migrator.migrate(queue, upTo: "v2-change-journal")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO profiles (id, name, is_current) VALUES (1, 'ana', 1)")
            // Plan 1, its replan from week 2 (plan 2), then a new 4-week plan (plan 3).
            let plans: [(Int, String, Int, String)] = [
                (1, "2026-11-23", 12, "2026-11-23T10:00:00.000Z"),
                (2, "2026-11-30", 11, "2026-12-01T10:00:00.000Z"),
                (3, "2026-12-21", 4, "2026-12-21T10:00:00.000Z")
            ]
            for (id, start, weeks, created) in plans.reversed() {
                try db.execute(
                    sql: """
                        INSERT INTO plans (id, profile_id, start, weeks, hours_per_week, start_score, projected_score, optimal, gap,
                                           superseded_by, curricula_version, created_at)
                        VALUES (?, 1, ?, ?, 6, 49, 51, 1, 0, ?, 'v', ?)
                        """, arguments: [id, start, weeks, id < 3 ? id + 1 : nil, created])
            }
            for (id, week, created) in [
                (1, 1, "2026-11-29T10:00:00.000Z"), (2, 3, "2026-12-13T10:00:00.000Z"),
                (3, 2, "2026-12-27T10:00:00.000Z")
            ] {
                try db.execute(
                    sql: "INSERT INTO briefings (id, profile_id, week, body, generated_on, created_at) VALUES (?, 1, ?, 'b', '2026-11-29', ?)",
                    arguments: [id, week, created])
            }
        }
        try Schema.migrator.migrate(queue)
        try queue.read { db in
            let plans = try Row.fetchAll(db, sql: "SELECT id, programme_id FROM plans ORDER BY id").map { [$0["id"] as Int64, $0["programme_id"] as Int64] }
            #expect(plans[0][1] == plans[1][1], "a replan from a week boundary to the same last day continues the programme")
            #expect(plans[2][1] != plans[1][1], "a plan with another last day is a new programme")
            let briefings = try Row.fetchAll(db, sql: "SELECT id, programme_id FROM briefings ORDER BY id").map { $0["programme_id"] as Int64 }
            #expect(briefings == [plans[0][1], plans[0][1], plans[2][1]])
            let programmes = try Row.fetchAll(db, sql: "SELECT start, weeks FROM programmes ORDER BY id").map {
                "\($0["start"] as String)/\($0["weeks"] as Int)"
            }
            #expect(programmes == ["2026-11-23/12", "2026-12-21/4"])
            #expect(try String.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
        }
    }
}

@Suite("The state a view reads: which plans are read whole")
struct PlansReadWholeTests {
    @Test("read for a day, the state holds whole the programme in force and the one in force that day, and every plan's row")
    func programmesForADay() throws {
        let dir = try temporaryFolder(); defer { removeFolder(dir) }
        let store = try Store.open(at: dir.appendingPathComponent("h.sqlite").path)
        let p = try store.createProfile(named: "ana")
        // Programme A (a plan and its replan), then B, then C (in force).
        let a1 = try store.savePlan(samplePlan(), for: p, curriculaVersion: "v1", madeOn: day0)
        let a2 = try store.savePlan(
            samplePlan(start: day0.adding(days: 7)), for: p, curriculaVersion: "v1", continuing: true, madeOn: day0.adding(days: 8))
        let b = try store.savePlan(samplePlan(start: day0.adding(days: 28)), for: p, curriculaVersion: "v1", madeOn: day0.adding(days: 28))
        let c = try store.savePlan(samplePlan(start: day0.adding(days: 56)), for: p, curriculaVersion: "v1", madeOn: day0.adding(days: 56))
        let whole = try store.state(of: p, briefings: false)
        #expect(whole.plans.map(\.id) == [a1.id, a2.id, b.id, c.id], "read for no day, every plan is whole")

        let (state, _) = try store.update(p, curriculaVersion: "v1", day: day0.adding(days: 10)) { (ProfileWrites(), $0) }
        #expect(state.plans.map(\.id) == [a1.id, a2.id, c.id], "programme A (in force that day) and C (in force now); not B")
        #expect(state.plans == whole.plans.filter { $0.id != b.id }, "each read whole, units and weeks included")
        #expect(state.plans.allSatisfy { !$0.plan.units.isEmpty && !$0.plan.schedule.isEmpty })
        #expect(state.plan == c)
        #expect(state.plan(asOf: day0.adding(days: 10))?.id == a2.id)
        #expect(state.programme(of: try #require(state.plan(asOf: day0.adding(days: 10)))).map(\.id) == [a1.id, a2.id])
        #expect(state.planSummaries.map(\.id) == [a1.id, a2.id, b.id, c.id], "history lists every plan")
        #expect(state.planSummaries.map(\.start) == [a1, a2, b, c].map(\.plan.start))

        // On a day of the programme in force, only it is read whole.
        let (now, _) = try store.update(p, curriculaVersion: "v1", day: day0.adding(days: 60)) { (ProfileWrites(), $0) }
        #expect(now.plans == [c])
    }
}
