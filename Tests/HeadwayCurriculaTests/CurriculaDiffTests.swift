import Foundation
import HeadwayCore
import HeadwayCurricula
import Testing

@Suite("Curricula diff and the score it moves")
struct CurriculaDiffTests {
    static func pair(_ name: String) throws -> CurriculaDiff {
        let base = repoRoot.appendingPathComponent("Fixtures/curricula-diff/\(name)")
        return CurriculaDiff(
            old: try CurriculumLoader.load(from: base.appendingPathComponent("old")),
            new: try CurriculumLoader.load(from: base.appendingPathComponent("new")))
    }

    @Test(
        "a person's move splits into one part per change, and the parts add up to the whole move",
        arguments: ["new-signal", "rerated", "skills", "roles"], ["2026-11-22", "2027-06-01", "2029-01-01"])
    func partsAddUp(_ name: String, _ day: String) throws {
        let diff = try Self.pair(name)
        for seniority in Seniority.allCases {
            let a = Assessment(role: "infra-engineer", seniority: seniority)
            let move = try #require(diff.move(before: a, after: a, on: Day(day)!))
            let total = move.effects.reduce(0) { $0 + $1.points }
            #expect(abs(total - (move.after.result.value - move.before.result.value)) < 1e-9)
            #expect(move.effects.map(\.change) == diff.changes(affecting: "infra-engineer").filter(\.movesScores))
        }
    }

    @Test("applying every change in order to the old curricula scores like the new one")
    func applyingAllGivesNew() throws {
        for name in ["new-signal", "rerated", "skills", "roles"] {
            let diff = try Self.pair(name)
            let all = diff.changes.reduce(diff.old) { diff.applying($1, to: $0) }
            let a = Assessment(role: "infra-engineer", seniority: .senior)
            let day = Day("2027-03-01")!
            #expect(
                abs(
                    PersonalModel(curriculum: all, assessment: a)!.score(at: day).result.value
                        - PersonalModel(curriculum: diff.new, assessment: a)!.score(at: day).result.value) < 1e-9, "\(name)")
        }
    }

    @Test("a new signal on a task the person does lowers their score once its window has passed, and only its own part moves")
    func newSignalEffect() throws {
        let diff = try Self.pair("new-signal")
        let a = Assessment(role: "infra-engineer")
        let move = try #require(diff.move(before: a, after: a, on: Day("2028-01-01")!))
        #expect(move.effects.count == 1)
        #expect(move.effects[0].change.summary == "signal \"cluster-autopilot\" added")
        #expect(move.effects[0].points < -1)
    }

    @Test(
        "the snapshot a change of curricula writes names the version, and the parts it shows add up to the change it shows",
        arguments: ["new-signal", "rerated", "skills", "roles"])
    func snapshotReason(_ name: String) throws {
        let diff = try Self.pair(name)
        let a = DatedAssessment(assessment: Assessment(role: "infra-engineer", seniority: .senior), from: nil, recorded: "")
        let day = Day("2027-06-01")!
        let old = ProgressRecord(curriculum: diff.old, assessments: [a], logs: [])
        let new = ProgressRecord(curriculum: diff.new, assessments: [a], logs: [])
        let snapshot = try #require(new.curriculaSnapshot(earlier: old, earlierLabel: "2026.11", on: day))
        let before = try #require(old.score(at: day)).result.rounded
        #expect(snapshot.score == (try #require(new.score(at: day))).result.rounded)
        #expect(snapshot.reason.description.hasPrefix("curricula \(diff.new.release!.version): "))
        let shown = snapshot.reason.description.split(separator: ";").compactMap {
            Double($0.split(separator: " ").last!.replacingOccurrences(of: "+", with: ""))
        }
        #expect(abs(shown.reduce(0, +) - (snapshot.score - before)) < 1e-9, "\(snapshot.reason)")
        #expect(
            new.curriculaSnapshot(earlier: nil, earlierLabel: "2026.11", on: day)?.reason.description
                == "curricula \(diff.new.release!.version): replaces 2026.11, which is no longer on this machine to compare")
    }

    @Test("identical curricula have no changes")
    func noChanges() throws {
        let c = try CurriculumLoader.load(from: repoRoot.appendingPathComponent("Fixtures/curricula-diff/rerated/old"))
        #expect(CurriculaDiff(old: c, new: c).isEmpty)
    }

    @Test("content versions order by their numbers and refuse other spellings")
    func versions() {
        #expect(CurriculaRelease.isOlder("2026.11", than: "2026.12"))
        #expect(CurriculaRelease.isOlder("2026.12", than: "2026.12.1"))
        #expect(!CurriculaRelease.isOlder("2027.01", than: "2026.12"))
        for bad in ["2026.9", "2026.13", "26.11", "2026-11", "2026.11.", "v2026.11", "2026.11.1.1", ""] {
            #expect(!CurriculaRelease.isValid(bad), "\(bad)")
        }
    }

    @Test("a curricula.yaml with a bad version or no changes is refused with its file, line and what is allowed")
    func badRelease() throws {
        let dir = try scratchCopy()
        try "version: 2026.9\nchanges: \"\"\n".write(to: dir.appendingPathComponent("curricula.yaml"), atomically: true, encoding: .utf8)
        let (_, problems) = CurriculumLoader.check(dir)
        #expect(
            problems.map(\.description) == [
                "\(dir.path)/curricula.yaml:1: version: '2026.9' is not a content version; allowed: YYYY.MM or YYYY.MM.N (e.g. 2026.12)"
            ])
        try "version: \"2026.12\"\nchangelog: x\n".write(to: dir.appendingPathComponent("curricula.yaml"), atomically: true, encoding: .utf8)
        let (_, more) = CurriculumLoader.check(dir)
        #expect(more.map(\.message).contains("unknown key 'changelog'; allowed: version, changes, gpu_hour_usd"))
        #expect(more.map(\.message).contains("missing key 'changes'"))
    }

    @Test("the bundled curricula carry a content version and a changelog entry")
    func bundledVersion() {
        #expect(bundled.release?.version == "2026.12")
        #expect(bundled.version == "2026.12+" + bundled.contentHash)
    }
}
