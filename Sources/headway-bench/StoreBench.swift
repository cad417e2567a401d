import Foundation
import HeadwayCore
import HeadwayStore

/// Store benchmarks (issue 3): medians over `runs`, each on a fresh database in a temp folder.
///
/// - import: 10,000 log rows through `profile import` (decode + one transaction).
/// - open + read: open the file (preflight included) and read a profile with a year of
///   history: its latest assessment, current plan, logs, snapshots and briefings.
enum StoreBench {
    static func run(runs: Int) throws {
        let importTimes = try (0..<runs).map { _ in try importTenThousandLogs() }
        report("import 10,000 log rows (decode + one transaction)", importTimes)
        let (openTimes, rows) = try openAndReadYear(runs: runs)
        report("open + read a profile with a year of history (\(rows) rows)", openTimes)
    }

    static func importTenThousandLogs() throws -> Double {
        let dir = try scratchFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let data = try archive(logs: 10_000, plans: 0, weeks: 0)
        let store = try Store.open(at: dir.appendingPathComponent("bench.sqlite").path)
        return try time {
            let archive = try ProfileArchive.decode(data, path: "bench.json")
            try store.importArchive(archive)
        }
    }

    /// One database, opened and read `runs` times from scratch (a new connection each time).
    static func openAndReadYear(runs: Int) throws -> ([Double], Int) {
        let dir = try scratchFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("year.sqlite").path
        // A year: two logs a day, a weekly snapshot and briefing, a 12-week plan each quarter.
        do {
            let store = try Store.open(at: path)
            try store.importArchive(try ProfileArchive.decode(try archive(logs: 730, plans: 4, weeks: 52), path: "year.json"))
            try store.close()
        }
        var rows = 0
        let times = try (0..<runs).map { _ in
            try time {
                let store = try Store.open(at: path)
                let p = try store.profile(named: "bench")
                let a = try store.latestAssessment(for: p)
                let plan = try store.currentPlan(for: p)
                let logs = try store.logs(for: p), snaps = try store.snapshots(for: p), briefs = try store.briefings(for: p)
                rows = (a == nil ? 0 : 1) + (plan == nil ? 0 : 1) + logs.count + snaps.count + briefs.count
                try store.close()
            }
        }
        return (times, rows)
    }

    /// An export document with the given history, as `profile export` would write it.
    static func archive(logs: Int, plans: Int, weeks: Int) throws -> Data {
        let start = Day("2026-01-05")!
        func d(_ offset: Int) -> String { start.adding(days: offset).description }
        let stamp = "2026-01-05T09:00:00.000Z"
        var planRows: [[String: Any]] = []
        for q in 0..<plans {
            let units: [[String: Any]] = (1...4).map { l in
                ["skill": "vllm", "level": l, "hours": 18.0, "gain": 1.5, "tasks": ["model-serving-inference"], "needed_by": [], "required": false]
            }
            let schedule: [[String: Any]] = (1...12).map { w in
                [
                    "week": w, "start": d(q * 91 + 7 * (w - 1)), "hours": 6.0, "projected_score": 50.0 + Double(w) / 4,
                    "items": [
                        [
                            "skill": "vllm", "level": 1 + (w - 1) / 3, "hours": 6.0, "completes": w % 3 == 0,
                            "activities": [
                                ["text": "Serve a model behind a load test and record throughput", "hours": 4.0],
                                ["text": "Write down the trade-off", "hours": 2.0]
                            ]
                        ]
                    ]
                ]
            }
            planRows.append([
                "id": q + 1, "created_at": stamp, "curricula_version": "bench", "superseded_by": q + 1 < plans ? q + 2 : NSNull(),
                "start": d(q * 91), "weeks": 12, "hours_per_week": 6.0, "include": [:], "exclude": [],
                "start_score": 49.1, "projected_score": 53.0, "optimal": true, "gap": 0.0,
                "units": units, "schedule": schedule
            ])
        }
        let doc: [String: Any] = [
            "format": "headway-profile", "version": 1, "name": "bench", "created_at": stamp,
            "assessments": [
                [
                    "id": 1, "created_at": stamp, "reason": "assessment", "curricula_version": "bench",
                    "role": "ai-infrastructure-engineer", "seniority": "mid", "hours_per_week": 6.0, "weeks": 12,
                    "time_split": [:], "skills": ["vllm": 1, "nccl": 2],
                    "market": ["evidence": [:], "barriers": [:]], "goals": ["include": [:], "exclude": []]
                ]
            ],
            "plans": planRows,
            "logs": (0..<logs).map { i in
                [
                    "id": i + 1, "created_at": stamp, "date": d(i % 365), "skill": "vllm", "level": 1 + i % 4,
                    "activity": "Serve a model behind a load test and record throughput", "hours": 1.5, "status": "done",
                    "note": "log \(i)"
                ] as [String: Any]
            },
            "snapshots": (0..<weeks).map { w in
                [
                    "id": w + 1, "created_at": stamp, "curricula_version": "bench", "as_of": d(7 * w), "score": 49.1,
                    "zone": "Green", "label": "Green (Transforming)",
                    "parts": ["base": 36.7, "evidence": 8.7, "barriers": 1.0, "growth": 2.7], "reason": "completed vllm:1"
                ] as [String: Any]
            },
            "briefings": (0..<weeks).map { w in
                [
                    "id": w + 1, "created_at": stamp, "week": w + 1, "body": String(repeating: "A line of the weekly report.\n", count: 40),
                    "generated_on": d(7 * w)
                ] as [String: Any]
            }
        ]
        return try JSONSerialization.data(withJSONObject: doc)
    }

    static func scratchFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("headway-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func time(_ body: () throws -> Void) throws -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }

    static func report(_ name: String, _ ms: [Double]) {
        let sorted = ms.sorted()
        let median = sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        print(String(format: "%@: median %.1f ms (min %.1f, max %.1f, n=%d)", name, median, sorted.first!, sorted.last!, sorted.count))
    }
}
