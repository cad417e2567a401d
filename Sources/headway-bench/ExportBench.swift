import Foundation
import HeadwayCore
import HeadwayCurricula
@_spi(Fixtures) import HeadwayStore

/// Export benchmarks (issue 7): one-shot `headway export …` on a profile with a year of history.
///
/// The year is made with the real model: the reference assessment, four quarterly 12-week
/// plans from the planner, each unit worked on twice a day (730 log rows) and done when its
/// hours are spent, and a score snapshot every Monday with the levels reached so far. Each
/// run is the whole command as a person meets it: start the process, load the curricula,
/// open the database, read, compute, render, and write the file atomically with fsync.
enum ExportBench {
    static func run(runs: Int) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("headway-bench-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("year.sqlite").path
        let (last, rows) = try makeYear(at: db)
        let env = ["HEADWAY_DB": db, "HEADWAY_CURRICULA": repoRoot.appendingPathComponent("Curricula").path]
        report("a year of history: \(rows.snapshots) snapshots, \(rows.logs) logs, \(rows.plans) plans")

        let html = dir.appendingPathComponent("report.html").path
        let reportMs = Timing.median(runs: runs) {
            Timing.spawn(headwayBinary, ["export", "report", "--as-of", last.description, "--output", html], env: env)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: html)[.size] as? Int) ?? 0
        report("export report (one-shot, year of history)   median \(Timing.ms(reportMs)) over \(runs) runs, \(size / 1000) KB page (target < 1 s)")
        let ics = dir.appendingPathComponent("plan.ics").path
        let icsMs = Timing.median(runs: runs) {
            Timing.spawn(headwayBinary, ["export", "plan", "--format", "ics", "--output", ics], env: env)
        }
        report("export plan --format ics (one-shot)         median \(Timing.ms(icsMs)) over \(runs) runs")
        let csv = dir.appendingPathComponent("history.csv").path
        let csvMs = Timing.median(runs: runs) {
            Timing.spawn(headwayBinary, ["export", "history", "--output", csv], env: env)
        }
        report("export history (one-shot, csv)              median \(Timing.ms(csvMs)) over \(runs) runs")
    }

    /// Writes the year into a new database; returns its last day and what it holds.
    static func makeYear(at path: String) throws -> (Day, (snapshots: Int, logs: Int, plans: Int)) {
        let curriculum = try CurriculumLoader.load(from: repoRoot.appendingPathComponent("Curricula"))
        var assessment = try AssessmentLoader.load(
            repoRoot.appendingPathComponent("Fixtures/assessments/reference-mid.yaml"),
            curriculum: curriculum)
        let start = Day("2026-01-05")!
        assessment.start = start
        let store = try Store.open(at: path)
        defer { try? store.close() }
        let profile = try store.createProfile(named: "year", assessment: assessment, curriculaVersion: curriculum.version)
        var snapshots = 0, logs = 0
        var levels = PersonalModel(curriculum: curriculum, assessment: assessment)!.levels
        var finishedOn: [(day: Day, unit: UnitID)] = []
        for quarter in 0..<4 {
            var a = assessment
            a.skills = levels
            let person = PersonalModel(curriculum: curriculum, assessment: a)!
            let qStart = start.adding(days: 91 * quarter)
            let plan = try person.plan(PlanRequest(start: qStart, weeks: 12, hoursPerWeek: 6))
            try store.savePlan(plan, for: profile, curriculaVersion: curriculum.version)
            // Work through the units in order, six hours a week spread over seven days.
            var spent = 0.0
            for u in plan.units {
                let from = spent
                spent += u.hours
                let firstDay = Int(from / 6 * 7), lastDay = max(firstDay, Int((spent / 6 * 7).rounded(.up)) - 1)
                for d in firstDay...lastDay where d < 84 {
                    for half in 0..<2 {
                        let done = d == lastDay && half == 1
                        try store.addLog(
                            LogEntry(
                                date: qStart.adding(days: d), skill: u.skill, level: u.level,
                                activity: curriculum.graph[u.skill]?.activities[u.level]?.first?.text,
                                hours: 6.0 / 14, status: done ? .done : .partial), for: profile)
                        logs += 1
                    }
                }
                if lastDay < 84 { finishedOn.append((qStart.adding(days: lastDay), u.id)) }
            }
            for u in plan.units { levels[u.skill] = max(levels[u.skill] ?? 0, u.level) }
        }
        // A snapshot every Monday, with the levels reached by then.
        var reached = PersonalModel(curriculum: curriculum, assessment: assessment)!.levels
        let person = PersonalModel(curriculum: curriculum, assessment: assessment)!
        for week in 0..<52 {
            let day = start.adding(days: 7 * week)
            let new = finishedOn.filter { $0.day < day && $0.day >= day.adding(days: -7) }
            for f in new { reached[f.unit.skill] = max(reached[f.unit.skill] ?? 0, f.unit.level) }
            let reason: Snapshot.Reason = new.isEmpty ? .text("weekly check") : .completed(new[0].unit, on: new[0].day)
            try store.addSnapshot(
                Snapshot(person.score(at: day, levels: reached), asOf: day, reason: reason), for: profile,
                curriculaVersion: curriculum.version)
            snapshots += 1
        }
        return (start.adding(days: 7 * 51), (snapshots, logs, 4))
    }
}
