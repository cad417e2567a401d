import Foundation
import HeadwayCore

@_spi(Fixtures) @testable import HeadwayStore

/// A fresh folder under the system temp directory, removed by the caller's `defer`.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("headway-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func removeFolder(_ url: URL) { try? FileManager.default.removeItem(at: url) }

let day0 = Day("2026-11-23")!

/// An assessment that sets every field, so a round trip that drops one fails.
let fullAssessment = Assessment(
    role: "tiny-engineer", seniority: .senior, hoursPerWeek: 7.5, weeks: 10, start: day0,
    timeSplit: ["serving": 62.5, "writing": 37.5], skills: ["vllm": 1, "kubernetes": 3, "technical-writing": 0],
    market: MarketOverrides(evidence: [.jobPostingTrends: 2, .wageTrends: -1.5], barriers: [.liability: 2], growth: 1.5),
    goals: Goals(include: ["technical-writing": 3], exclude: ["kubernetes"]))

/// A plan with two weeks, a unit crossing the week boundary, and activities with hours.
func samplePlan(start: Day = day0, projected: Double = 55.25) -> Plan {
    let units = [
        PlanUnit(
            skill: "vllm", level: 2, hours: 10, gain: 3.1, tasks: ["serving"],
            neededBy: [UnitID(skill: "vllm", level: 3)], required: false),
        PlanUnit(skill: "technical-writing", level: 3, hours: 12, gain: 0, tasks: ["writing"], neededBy: [], required: true)
    ]
    let week1 = PlanWeek(
        week: 1, start: start, hours: 8, projectedScore: 50.4,
        items: [
            PlanItem(
                skill: "vllm", level: 2, hours: 8,
                activities: [
                    PlannedActivity(text: "Serve a model behind a load test and record throughput", hours: 5),
                    PlannedActivity(text: "Tune batch size and write down the trade-off", hours: 3)
                ], completes: false)
        ])
    let week2 = PlanWeek(
        week: 2, start: start.adding(days: 7), hours: 8, projectedScore: 53.5,
        items: [
            PlanItem(
                skill: "vllm", level: 2, hours: 2, activities: [PlannedActivity(text: "Tune batch size and write down the trade-off", hours: 2)],
                completes: true),
            PlanItem(
                skill: "technical-writing", level: 3, hours: 6,
                activities: [
                    PlannedActivity(text: "Publish an internal guide", hours: 6)
                ], completes: false)
        ])
    return Plan(
        start: start, weeks: 2, hoursPerWeek: 8, include: ["technical-writing": 3], exclude: ["kubernetes"],
        startScore: 50.4, projectedScore: projected, optimal: true, gap: 0, units: units, schedule: [week1, week2])
}

let sampleSnapshot = Snapshot(
    asOf: day0, score: 50.4, zone: .green, label: "Green (Transforming)",
    parts: ScoreParts(base: 36.7, evidence: 9.9, barriers: 1.1, growth: 2.7), reason: .assessment)

/// Fills a profile with one row of every kind (two plans, so one is superseded).
func fillHistory(_ store: Store, _ profile: Profile) throws {
    try store.saveAssessment(fullAssessment, for: profile, reason: "assessment", curriculaVersion: "v-a")
    try store.savePlan(samplePlan(), for: profile, curriculaVersion: "v-a")
    try store.savePlan(samplePlan(projected: 56), for: profile, curriculaVersion: "v-b")
    try store.addLog(
        LogEntry(
            date: day0, skill: "vllm", level: 2, activity: "Tune batch size", hours: 1.5,
            status: .partial, note: "ran out of GPU time"), for: profile)
    try store.addLog(LogEntry(date: day0.adding(days: 1), skill: "vllm", level: 2, hours: 0, status: .skipped), for: profile)
    try store.addSnapshot(sampleSnapshot, for: profile, curriculaVersion: "v-a")
    try store.saveBriefing(Briefing(week: 1, body: "Week 1: 50.4 → 50.4\nNext: vLLM load test", generatedOn: day0), for: profile)
}

func bytes(_ url: URL) throws -> Data { try Data(contentsOf: url) }

// MARK: - Child processes

/// The directory holding the built products (`headway-store-burst`): the test
/// bundle sits beside them in `.build/<config>/`.
func productsFolder() -> URL {
    URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
}

func product(_ name: String) throws -> URL {
    let url = productsFolder().appendingPathComponent(name)
    guard FileManager.default.isExecutableFile(atPath: url.path) else {
        throw TestSetupError("\(url.path) is missing: run `swift build` before `swift test`")
    }
    return url
}

struct TestSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

struct RunResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs `executable` to completion with `environment` added to a minimal one.
func run(_ executable: URL, _ arguments: [String], environment: [String: String] = [:], stdin: FileHandle? = nil) throws -> RunResult {
    let p = Process()
    p.executableURL = executable
    p.arguments = arguments
    var env = [
        "PATH": "/usr/bin:/bin", "HOME": ProcessInfo.processInfo.environment["HOME"] ?? "/tmp",
        "NO_COLOR": "1", "HEADWAY_TODAY": "2026-11-23"
    ]
    env.merge(environment) { $1 }
    p.environment = env
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = stdin ?? FileHandle.nullDevice
    try p.run()
    // Read before waiting, so a full pipe cannot deadlock the child.
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return RunResult(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
}
