import Foundation
import HeadwayCore
import HeadwayCurricula
import Testing
@testable import HeadwayCLI

@Suite("The assessment wizard checks every answer, and can be left and resumed")
struct WizardTests {
    static let curriculum: Curriculum = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try! CurriculumLoader.load(from: root.appendingPathComponent("Curricula"))
    }()
    static let role = "ai-infrastructure-engineer"
    static var taskCount: Int { curriculum.role(role)!.tasks.count }
    static var groupCount: Int { curriculum.graph.groups.count }

    final class Run {
        var lines: [String] = []
        var problems: [String] = []
        var drafts: [AssessmentDraft] = []
        let outcome: Wizard.Outcome
        let wizard: Wizard

        init(_ answers: [String], previous: Assessment? = nil, draft: AssessmentDraft? = nil, name: String? = nil) {
            var lines: [String] = [], problems: [String] = [], drafts: [AssessmentDraft] = []
            let wizard = Wizard(curriculum: WizardTests.curriculum, previous: previous, draft: draft, newProfileName: name,
                                input: ScriptedLines(answers),
                                output: WizardOutput(line: { lines.append($0) }, problem: { problems.append($0) }),
                                save: { drafts.append($0) })
            outcome = wizard.run()
            self.wizard = wizard
            self.lines = lines; self.problems = problems; self.drafts = drafts
        }
    }

    /// Role, seniority and hours answered, then every task's share kept.
    static func upToLevels(role: String = "3", seniority: String = "", hours: String = "") -> [String] {
        [role, seniority, hours] + Array(repeating: "", count: taskCount)
    }

    @Test("Enter everywhere keeps the defaults: the role's split, the seniority's levels")
    func defaults() {
        let run = Run(Self.upToLevels() + Array(repeating: "skip", count: Self.groupCount))
        guard case .finished(let a, let name) = run.outcome else { Issue.record("\(run.outcome)"); return }
        #expect(name == nil)
        #expect(a.role == Self.role)
        #expect(a.seniority == .mid)
        #expect(a.hoursPerWeek == 6)
        #expect(a.timeSplit.isEmpty)
        #expect(a.skills.isEmpty)
        #expect(a.problems(in: Self.curriculum).isEmpty)
        #expect(run.problems.isEmpty)
        #expect(run.drafts.last?.step == .done)
    }

    @Test("answers are kept: a new profile's name, seniority, hours, a split of my own, typed levels")
    func answers() {
        let shares = ["30", "20", "10", "10", "10", "10"]   // the 7th task takes the 10 left
        var answers = ["ana", "ai-infrastructure-engineer", "senior", "8"] + shares + [""]
        answers += ["4", "", "0"] + Array(repeating: "skip", count: Self.groupCount)
        let run = Run(answers, name: "me")
        guard case .finished(let a, let name) = run.outcome else { Issue.record("\(run.outcome)"); return }
        #expect(name == "ana")
        #expect(a.seniority == .senior && a.hoursPerWeek == 8)
        #expect(a.timeSplit.values.reduce(0, +) == 100)
        let order = run.wizard.skillOrder
        #expect(a.skills[order[0].id] == 4)
        #expect(a.skills[order[2].id] == 0)
        #expect(a.skills[order[1].id] == nil, "Enter on the default records nothing")
        #expect(run.lines.contains { $0.contains("total 100%") })
    }

    @Test("every bad answer gets one line with the allowed values, and the question again", arguments: [
        (["18"], "'18' is not a role; allowed: 1-17 or"),
        (["", ], "a role is needed; allowed: 1-17"),
        (["3", "chief"], "'chief' is not a seniority; allowed: junior, mid, senior, staff"),
        (["3", "", "lots"], "'lots' is not a number of hours; allowed: 1-40"),
        (["3", "", "41"], "41 hours is out of range; allowed: 1-40"),
        (["3", "", "0.5"], "0.5 hours is out of range; allowed: 1-40"),
        (["3", "", "nan"], "'nan' is not a number of hours; allowed: 1-40"),
        (["3", "", "", "most"], "'most' is not a percentage; allowed: 0-100"),
        (["3", "", "", "101"], "101% is more than is left; allowed: 0-100"),
        (["3", "", "", "90", "20"], "20% is more than is left; allowed: 0-10 (total so far 90%)"),
        (["3", "", "", "-5"], "-5% is more than is left"),
    ] as [([String], String)])
    func rejects(answers: [String], message: String) {
        let run = Run(answers)
        #expect(run.outcome == .ended)
        #expect(run.problems.count == 1)
        #expect(run.problems.first?.contains(message) == true, "\(run.problems)")
        #expect(run.problems.allSatisfy { !$0.contains("\n") })
    }

    @Test("the last task must take what is left; `redo` starts the split again")
    func lastTask() {
        var answers = ["3", "", ""] + Array(repeating: "", count: Self.taskCount - 1) + ["3"]
        var run = Run(answers)
        #expect(run.problems.first?.contains("the shares must add to 100: this last task takes") == true, "\(run.problems)")
        answers = ["3", "", "", "50", "redo", "100"] + Array(repeating: "0", count: Self.taskCount - 1)
        answers += Array(repeating: "skip", count: Self.groupCount)
        run = Run(answers)
        guard case .finished(let a, _) = run.outcome else { Issue.record("\(run.outcome)"); return }
        #expect(a.timeSplit[Self.curriculum.role(Self.role)!.tasks[0].id] == 100)
        #expect(run.problems.isEmpty)
    }

    @Test("a level outside 0-4 is refused with the allowed answers; `?` explains the skill")
    func levels() {
        let run = Run(Self.upToLevels() + ["?", "7", "two", "3"])
        #expect(run.problems.count == 2)
        #expect(run.problems.allSatisfy { $0.contains("is not a level; allowed: 0-4, Enter for") })
        #expect(run.lines.contains { $0.contains(Self.curriculum.graph[run.wizard.skillOrder[0].id]!.description) })
        #expect(run.lines.contains { $0.contains("3  proficient: runs it in production alone, debugs it") })
        #expect(run.outcome == .ended)
        #expect(run.drafts.last?.skills[run.wizard.skillOrder[0].id] == 3)
    }

    @Test("`q` leaves with the draft saved, and a new wizard on that draft continues where it stopped")
    func resume() {
        let first = Run(["3", "staff", "12", "40", "q"])
        #expect(first.outcome == .left)
        let draft = first.drafts.last!
        #expect(draft.step == .split && draft.splitIndex == 1 && draft.seniority == .staff && draft.hoursPerWeek == 12)
        let rest = ["60"] + Array(repeating: "0", count: Self.taskCount - 2) + Array(repeating: "skip", count: Self.groupCount)
        let second = Run(rest, draft: draft)
        guard case .finished(let a, _) = second.outcome else { Issue.record("\(second.outcome) \(second.problems)"); return }
        #expect(a.seniority == .staff && a.hoursPerWeek == 12)
        #expect(a.timeSplit.values.reduce(0, +) == 100)
        #expect(!second.lines.contains { $0.hasPrefix("Which role") }, "answered questions are not asked again")
    }

    @Test("a re-assessment offers the previous answers as defaults")
    func previous() {
        var before = Assessment(role: "mlops-engineer", seniority: .junior, hoursPerWeek: 3)
        before.skills = ["linux": 4]
        let run = Run(["", "", ""] + Array(repeating: "", count: Self.curriculum.role("mlops-engineer")!.tasks.count) + [""]
                      + Array(repeating: "skip", count: Self.groupCount), previous: before)
        guard case .finished(let a, _) = run.outcome else { Issue.record("\(run.outcome) \(run.problems)"); return }
        #expect(a.role == "mlops-engineer" && a.seniority == .junior && a.hoursPerWeek == 3)
        #expect(a.skills["linux"] == 4)
    }

    @Test("Ctrl-C re-asks the same question; the end of input ends the wizard")
    func interrupted() {
        var problems: [String] = []
        let wizard = Wizard(curriculum: Self.curriculum, previous: nil, draft: nil, newProfileName: nil,
                            input: ScriptedLines(events: [.interrupted, .line("3"), .end]),
                            output: WizardOutput(line: { _ in }, problem: { problems.append($0) }), save: { _ in })
        #expect(wizard.run() == .ended)
        #expect(wizard.draft.role == Self.role)
        #expect(problems.isEmpty)
    }
}
