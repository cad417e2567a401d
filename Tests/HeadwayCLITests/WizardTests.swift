import Foundation
import HeadwayCore
import HeadwayCurricula
import Testing

@testable import HeadwayCLI

@Suite("The assessment wizard: quick by default, every answer checked, back, skip, unsure, a summary to edit")
struct WizardTests {
    static let curriculum: Curriculum = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try! CurriculumLoader.load(from: root.appendingPathComponent("Curricula"))
    }()
    static let role = "ai-infrastructure-engineer"
    static var roleNumber: String { String(curriculum.roles.firstIndex { $0.id == role }! + 1) }
    static let day = Day("2026-11-22")!

    final class Run {
        var lines: [String] = []
        var problems: [String] = []
        var drafts: [AssessmentDraft] = []
        let outcome: Wizard.Outcome
        let wizard: Wizard
        let prompts: Int

        init(_ answers: [String], previous: Assessment? = nil, draft: AssessmentDraft? = nil, name: String? = nil, full: Bool = false) {
            var lines: [String] = [], problems: [String] = [], drafts: [AssessmentDraft] = []
            let input = ScriptedLines(answers)
            let wizard = Wizard(
                curriculum: WizardTests.curriculum, previous: previous, draft: draft, newProfileName: name,
                full: full, day: WizardTests.day, input: input,
                output: WizardOutput(line: { lines.append($0) }, problem: { problems.append($0) }),
                save: { drafts.append($0) })
            outcome = wizard.run()
            prompts = input.prompts.count
            self.wizard = wizard
            self.lines = lines; self.problems = problems; self.drafts = drafts
        }

        var assessment: Assessment? { if case .finished(let a, _) = outcome { return a } else { return nil } }
        /// The skill questions asked, in order.
        var skillsAsked: [String] {
            lines.compactMap { line in
                guard let end = line.range(of: "), 0-4 (add ? if unsure)"), let open = line[..<end.lowerBound].lastIndex(of: "(") else { return nil }
                return String(line[line.index(after: open)..<end.lowerBound])
            }
        }
    }

    /// Role, seniority, hours and the split answered with Enter, then Enter for every skill and the summary.
    static func enterEverywhere(role: String = roleNumber) -> [String] { [role] + Array(repeating: "", count: 40) }

    @Test("Enter everywhere: the role's split, the seniority's levels for what is not asked, then one confirm")
    func defaults() throws {
        let run = Run(Self.enterEverywhere())
        let a = try #require(run.assessment, "\(run.outcome) \(run.problems)")
        #expect(a.role == Self.role && a.seniority == .mid && a.hoursPerWeek == 6)
        #expect(a.timeSplit.isEmpty)
        #expect(a.unsure.isEmpty)
        #expect(!a.skills.isEmpty && a.skills.count <= Wizard.quickLimit)
        #expect(a.problems(in: Self.curriculum).isEmpty)
        #expect(run.problems.isEmpty)
        #expect(run.lines.contains("Your answers:"))
        #expect(run.prompts == 6 + a.skills.count + 1, "role, seniority, hours, access, weeks off, split, the skills, the confirm")
    }

    @Test("skills come most-moving first, and stop once the rest could likely move the score by less than a point")
    func order() throws {
        let run = Run(Self.enterEverywhere())
        let a = try #require(run.assessment)
        let asked = run.skillsAsked
        let order = run.wizard.impactOrder.map(\.skill)
        #expect(asked == Array(order.prefix(asked.count)))
        #expect(asked.count < Wizard.quickLimit, "the bundled role stops on the band rule, not the limit")
        let person = try #require(PersonalModel(curriculum: Self.curriculum, assessment: a))
        let inputs = person.inputs(at: Self.day)
        func reach(_ rest: [String]) -> Double {
            let band = inputs.band(levels: person.levels, uncertain: Set(rest))
            let score = inputs.score(levels: person.levels).result.value
            return max(band.high - score, score - band.low)
        }
        #expect(reach(Array(order.dropFirst(asked.count))) < Wizard.enough)
        #expect(reach(Array(order.dropFirst(asked.count - 1))) >= Wizard.enough, "one question fewer would not have been enough")
        let points = run.wizard.impactOrder.map(\.points)
        #expect(zip(points, points.dropFirst()).allSatisfy { $0 >= $1 - 1e-9 })
    }

    @Test("a level answered with ? is kept as unsure; `skip` leaves a level as assumed")
    func unsureAndSkip() throws {
        let run = Run([Self.roleNumber, "", "", "", "", "", "3?", "skip", "1"] + Array(repeating: "", count: 30))
        let a = try #require(run.assessment, "\(run.problems)")
        let order = run.wizard.impactOrder.map(\.skill)
        #expect(a.skills[order[0]] == 3 && a.unsure == [order[0]])
        #expect(a.skills[order[1]] == nil, "skipped")
        #expect(a.skills[order[2]] == 1)
    }

    @Test("`back` asks the previous question again with its answer as the default")
    func back() throws {
        let run = Run([Self.roleNumber, "senior", "back", "", "8", "", "", "", "2", "back", "4"] + Array(repeating: "", count: 30))
        let a = try #require(run.assessment, "\(run.problems)")
        #expect(a.seniority == .senior)
        #expect(a.hoursPerWeek == 8)
        #expect(run.lines.contains { $0.hasPrefix("Seniority (") && $0.hasSuffix("[senior]:") })
        let first = run.wizard.impactOrder[0].skill
        #expect(a.skills[first] == 4, "back from the second skill reaches the first")
        #expect(run.problems.isEmpty)
    }

    @Test("`back` at the first question says so; `q` leaves and a new wizard continues where it stopped")
    func resume() throws {
        let first = Run(["back", Self.roleNumber, "staff", "12", "q"])
        #expect(first.problems.first?.contains("this is the first question") == true)
        #expect(first.outcome == .left)
        let draft = try #require(first.drafts.last)
        #expect(draft.seniority == .staff && draft.hoursPerWeek == 12)
        let second = Run(Array(repeating: "", count: 30), draft: draft)
        let a = try #require(second.assessment, "\(second.outcome) \(second.problems)")
        #expect(a.seniority == .staff && a.hoursPerWeek == 12)
        #expect(!second.lines.contains { $0.hasPrefix("Which role") }, "answered questions are not asked again")
    }

    @Test("the summary: a number asks that question again and comes back; the confirm saves")
    func summaryEdit() throws {
        var answers = Self.enterEverywhere()
        let plain = Run(answers)
        let count = try #require(plain.assessment).skills.count
        answers = [Self.roleNumber, "", "", "", "", ""] + Array(repeating: "", count: count) + ["4", "20", "1", "ana", ""]
        let run = Run(answers, name: "me")
        let a = try #require(run.assessment, "\(run.problems)")
        guard case .finished(_, let name) = run.outcome else { Issue.record("\(run.outcome)"); return }
        #expect(a.hoursPerWeek == 20)
        #expect(name == "ana")
        #expect(run.lines.filter { $0 == "Your answers:" }.count == 3)
    }

    @Test("from nothing to saved in at most 23 prompts, with back, ?, an unsure answer and a summary edit")
    func promptBudget() throws {
        let plain = Run(Self.enterEverywhere(), name: "me")
        let count = try #require(plain.assessment).skills.count
        let answers =
            [Self.roleNumber, "?", "", "", "gpu solo", "2026-12-21", "", "3", "back", "3?"] + Array(repeating: "", count: count - 1)
            + ["4", "5", ""]
        let run = Run(answers, name: "me")
        let a = try #require(run.assessment, "\(run.problems)")
        #expect(a.hoursPerWeek == 5 && a.unsure.count == 1 && a.availability == [Day("2026-12-21")!: 0])
        #expect(a.access == PersonAccess(compute: .gpu, team: false))
        #expect(run.prompts <= 23, "\(run.prompts) prompts")
    }

    @Test(
        "every bad answer gets one line with the allowed values, and the question again",
        arguments: [
            (["18"], "'18' is not a role; allowed: 1-17 or a role id"),
            ([""], "a role is needed; allowed: 1-17"),
            (["3", "chief"], "'chief' is not a seniority; allowed: junior, mid, senior, staff"),
            (["3", "", "lots"], "'lots' is not a number of hours; allowed: 1-40"),
            (["3", "", "41"], "41 hours is out of range; allowed: 1-40"),
            (["3", "", "0.5"], "0.5 hours is out of range; allowed: 1-40"),
            (["3", "", "nan"], "'nan' is not a number of hours; allowed: 1-40"),
            (
                ["3", "", "", "supercomputer"],
                "'supercomputer' is not an access word; allowed: laptop, gpu, multi-gpu, cluster, team, solo, a number of GPU hours, none"
            ),
            (["3", "", "", "gpu 0x10"], "'0x10' is not an access word"),
            (["3", "", "", "gpu 1e9"], "'1e9' is not an access word"),
            (["3", "", "", "", "soon"], "'soon' is not a date; allowed: YYYY-MM-DD, several with commas, none, or Enter for none"),
            (["3", "", "", "", "", "maybe"], "'maybe' is not an answer here; allowed: Enter or keep, edit"),
            (["3", "", "", "", "", "edit", "most"], "'most' is not a percentage; allowed: 0-100"),
            (["3", "", "", "", "", "edit", "101"], "101% is more than is left; allowed: 0-100"),
            (["3", "", "", "", "", "edit", "90", "20"], "20% is more than is left; allowed: 0-10"),
            (["3", "", "", "", "", "edit", "-5"], "-5% is more than is left"),
            (["3", "", "", "", "", "", "7"], "'7' is not a level; allowed: 0-4, a level and ? if unsure (2?), ? alone for 2 not sure, Enter for 2"),
            (["3", "", "", "", "", "", "two"], "'two' is not a level; allowed: 0-4")
        ] as [([String], String)])
    func rejects(answers: [String], message: String) {
        let run = Run(answers)
        #expect(run.outcome == .ended)
        #expect(run.problems.count == 1)
        #expect(run.problems.first?.contains(message) == true, "\(run.problems)")
        #expect(run.problems.allSatisfy { !$0.contains("\n") })
    }

    @Test("the summary refuses what it does not offer")
    func summaryRejects() throws {
        let plain = Run(Self.enterEverywhere())
        let count = try #require(plain.assessment).skills.count
        let run = Run([Self.roleNumber, "", "", "", "", ""] + Array(repeating: "", count: count) + ["99", "skip"])
        #expect(run.problems.count == 2)
        #expect(run.problems[0].contains("'99' is not an answer here; allowed: Enter saves, 1-"))
        #expect(run.problems[1].contains("nothing to skip here"))
    }

    @Test("giving your own split: the last task takes what is left, and no prompt offers 0-0")
    func ownSplit() throws {
        let tasks = Self.curriculum.role(Self.role)!.tasks
        var run = Run([Self.roleNumber, "", "", "", "", "edit", "100"] + Array(repeating: "", count: 30))
        var a = try #require(run.assessment, "\(run.problems)")
        #expect(a.timeSplit[tasks[0].id] == 100 && a.timeSplit.values.reduce(0, +) == 100)
        #expect(run.lines.contains("     total 100%; the other tasks get 0%"))
        #expect(!run.lines.contains { $0.contains("(0-0%)") })
        run = Run([Self.roleNumber, "", "", "", "", "edit", "30", "20", "10", "10", "10", "10"] + Array(repeating: "", count: 30))
        a = try #require(run.assessment, "\(run.problems)")
        #expect(a.timeSplit[tasks[6].id] == 10 && a.timeSplit.values.reduce(0, +) == 100)
        #expect(run.lines.contains { $0.contains("takes the 10% left") })
        #expect(run.problems.isEmpty)
    }

    @Test("`?` explains every question without moving on (`help` too; on a level, `help`, as `?` answers it)")
    func explains() {
        let run = Run([Self.roleNumber, "?", "", "?", "", "?", "", "?", "", "?", "", "help", "q"])
        #expect(run.outcome == .left)
        #expect(run.lines.contains { $0.contains("laptop: any computer, CPU only") })
        #expect(run.lines.contains { $0.contains("Only skills you do not rate use it") })
        #expect(run.lines.contains { $0.contains("The plan fills this many hours a week") })
        #expect(run.lines.contains { $0.contains("A week off gets no learning hours") })
        #expect(run.lines.contains { $0.contains("Each task counts in your score by the time you spend on it") })
        let first = Self.curriculum.graph[Run(Self.enterEverywhere()).wizard.impactOrder[0].skill]!
        #expect(run.lines.contains { $0.contains(first.description) && $0.contains("One level moves your score by about") })
        let roles = Run(["?", "q"])
        #expect(roles.lines.contains { $0.contains("ai-infrastructure-engineer: AI Infrastructure Engineer, described at mid level") })
    }

    @Test("`?` alone on a level question is the level shown, marked not sure, and moves on")
    func questionMarkIsUnsure() throws {
        let plain = Run(Self.enterEverywhere())
        let first = try #require(plain.wizard.impactOrder.first?.skill)
        // As in unsureAndSkip: the role, five Enters, then the first level question.
        let run = Run([Self.roleNumber, "", "", "", "", "", "?"] + Array(repeating: "", count: 30))
        let a = try #require(run.assessment, "\(run.problems)")
        #expect(a.skills[first] == plain.assessment?.skills[first] ?? plain.wizard.assessment()?.skills[first])
        #expect(a.unsure == [first] && run.problems.isEmpty)
        #expect(run.skillsAsked.count >= 2, "it moved on to the next level")
    }

    @Test("a re-assessment offers the previous answers as defaults and keeps the levels not asked")
    func previous() throws {
        var before = Assessment(role: "mlops-engineer", seniority: .junior, hoursPerWeek: 3)
        before.skills = ["linux": 4, "vllm": 3]
        before.unsure = ["vllm"]
        let run = Run(Array(repeating: "", count: 40), previous: before)
        let a = try #require(run.assessment, "\(run.outcome) \(run.problems)")
        #expect(a.role == "mlops-engineer" && a.seniority == .junior && a.hoursPerWeek == 3)
        #expect(a.skills["linux"] == 4)
        #expect(a.skills["vllm"] == 3 && a.unsure.contains("vllm"))
    }

    @Test("--full asks every skill, group by group")
    func full() throws {
        let run = Run([Self.roleNumber] + Array(repeating: "", count: 140), full: true)
        let a = try #require(run.assessment, "\(run.problems)")
        #expect(a.skills.count == Self.curriculum.graph.skills.filter { $0.retired == nil }.count, "a retired skill is not asked")
        #expect(run.lines.contains { $0.hasSuffix("(group 1 of \(Self.curriculum.graph.groups.count))") })
    }

    @Test("Ctrl-C re-asks the same question; the end of input ends the wizard")
    func interrupted() {
        var problems: [String] = []
        let wizard = Wizard(
            curriculum: Self.curriculum, previous: nil, draft: nil, newProfileName: nil, day: Self.day,
            input: ScriptedLines(events: [.interrupted, .line(Self.roleNumber), .end]),
            output: WizardOutput(line: { _ in }, problem: { problems.append($0) }), save: { _ in })
        #expect(wizard.run() == .ended)
        #expect(wizard.draft.role == Self.role)
        #expect(problems.isEmpty)
    }

    @Test("a draft written by the older wizard still loads")
    func oldDraft() throws {
        let json =
            #"{"step":"levels","role":"mlops-engineer","seniority":"senior","hoursPerWeek":4,"timeSplit":{},"splitIndex":0,"skills":{"vllm":3},"skillIndex":2}"#
        let draft = try JSONDecoder().decode(AssessmentDraft.self, from: Data(json.utf8))
        #expect(draft.role == "mlops-engineer" && draft.seniority == .senior && draft.skills == ["vllm": 3])
        #expect(!draft.isStarted)
    }
}
