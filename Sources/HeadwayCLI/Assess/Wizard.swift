import Foundation
import HeadwayCore

/// The answers given so far, saved after every answer so `assess` can resume where it stopped.
struct AssessmentDraft: Codable, Equatable, Sendable {
    enum Step: String, Codable, Sendable { case name, role, seniority, hours, split, levels, done }

    var step: Step = .role
    var name: String?
    var role: String?
    var seniority: Seniority?
    var hoursPerWeek: Double?
    /// Percent per task id, in the role's task order; `splitIndex` tasks are answered.
    var timeSplit: [String: Double] = [:]
    var splitIndex = 0
    /// Levels the person typed (Enter keeps the default and records nothing).
    var skills: [String: Int] = [:]
    /// How many skills of ``Wizard/skillOrder`` are answered.
    var skillIndex = 0
}

/// Where the wizard writes: its questions and notes, and the problems with an answer.
struct WizardOutput {
    var line: (String) -> Void
    var problem: (String) -> Void
}

/// The self-assessment as a conversation: role, seniority, hours, time split, then levels
/// group by group. Every answer is checked as it is typed and asked again with the allowed
/// values; `q` (or the end of input) leaves with the draft saved.
///
/// It holds no I/O of its own: lines come from a ``LineSource`` and go to a ``WizardOutput``,
/// and `save` is called with the draft after every accepted answer.
final class Wizard {
    enum Outcome: Equatable {
        /// Every question answered: the assessment, and the name for a new profile if one was asked.
        case finished(Assessment, name: String?)
        /// `q`: the draft is saved.
        case left
        /// The input ended before the last answer: the draft is saved.
        case ended
    }

    let curriculum: Curriculum
    /// The previous assessment: its answers are the defaults.
    let previous: Assessment?
    private(set) var draft: AssessmentDraft
    private let input: any LineSource
    private let output: WizardOutput
    private let save: (AssessmentDraft) -> Void
    /// Asked only when there is no profile to put the assessment in.
    private let defaultName: String?

    init(curriculum: Curriculum, previous: Assessment?, draft: AssessmentDraft?, newProfileName: String?,
         input: any LineSource, output: WizardOutput, save: @escaping (AssessmentDraft) -> Void) {
        self.curriculum = curriculum
        self.previous = previous
        self.defaultName = newProfileName
        self.input = input
        self.output = output
        self.save = save
        self.draft = draft ?? AssessmentDraft(step: newProfileName == nil ? .role : .name)
    }

    /// Skills in the order they are asked: group by group, file order within a group.
    var skillOrder: [Skill] {
        curriculum.graph.groups.flatMap { g in curriculum.graph.skills.filter { $0.group == g.id } }
    }

    private enum Answer { case value(String), leave, ended }

    private func ask(_ question: String) -> Answer {
        while true {
            let event: LineEvent
            if input.isInteractive {
                event = input.read(prompt: question)
            } else {
                output.line(question.trimmingTrailingSpaces())
                event = input.read(prompt: "")
            }
            switch event {
            case .end: return .ended
            case .interrupted: continue
            case .line(let text):
                let answer = text.trimmingCharacters(in: .whitespaces)
                if answer == "q" || answer == "quit" { return .leave }
                return .value(answer)
            }
        }
    }

    private func accept() { save(draft) }

    func run() -> Outcome {
        while true {
            let outcome: Outcome?
            switch draft.step {
            case .name: outcome = askName()
            case .role: outcome = askRole()
            case .seniority: outcome = askSeniority()
            case .hours: outcome = askHours()
            case .split: outcome = askSplit()
            case .levels: outcome = askLevels()
            case .done: return finish()
            }
            if let outcome { return outcome }
        }
    }

    // MARK: Steps. Each returns nil to go on, or how the wizard ended.

    private func askName() -> Outcome? {
        output.line("A profile keeps your answers, plan and progress. What should it be called?")
        while true {
            switch ask("Profile name [\(defaultName ?? "me")]: ") {
            case .leave: return .left
            case .ended: return .ended
            case .value(let text):
                let name = text.isEmpty ? (defaultName ?? "me") : text
                guard name.count <= 64, !name.contains(where: { $0.isNewline }) else {
                    output.problem("a profile name has 1-64 characters; '\(clip(name, 30))' has \(name.count)")
                    continue
                }
                draft.name = name
                draft.step = .role
                accept()
                return nil
            }
        }
    }

    private func askRole() -> Outcome? {
        let roles = curriculum.roles
        output.line("Which role is closest to your job?")
        let width = roles.map(\.id.count).max() ?? 0
        for (i, role) in roles.enumerated() {
            output.line("  \(i + 1)  \(role.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(role.name)")
        }
        let current = draft.role ?? previous?.role
        let hint = current.map { " [\($0)]" } ?? ""
        while true {
            switch ask("Role (1-\(roles.count) or its id)\(hint): ") {
            case .leave: return .left
            case .ended: return .ended
            case .value(let text):
                var chosen: String?
                if text.isEmpty { chosen = current }
                else if let n = Int(text), (1...roles.count).contains(n) { chosen = roles[n - 1].id }
                else if roles.contains(where: { $0.id == text }) { chosen = text }
                guard let chosen else {
                    let what = text.isEmpty ? "a role is needed" : "'\(clip(text, 40))' is not a role"
                    output.problem("\(what); allowed: 1-\(roles.count) or \(roles.map(\.id).joined(separator: ", "))")
                    continue
                }
                if chosen != draft.role {
                    // Another role has other tasks: an earlier split no longer applies.
                    draft.timeSplit = [:]; draft.splitIndex = 0
                }
                draft.role = chosen
                draft.step = .seniority
                accept()
                return nil
            }
        }
    }

    private func askSeniority() -> Outcome? {
        let all = Seniority.allCases.map(\.rawValue)
        let current = draft.seniority ?? previous?.seniority ?? curriculum.role(draft.role ?? "")?.seniority ?? .mid
        output.line("Seniority sets the levels assumed for skills you do not rate: junior -1, mid 0, senior +1, staff +2 from the reference.")
        while true {
            switch ask("Seniority (\(all.joined(separator: ", "))) [\(current.rawValue)]: ") {
            case .leave: return .left
            case .ended: return .ended
            case .value(let text):
                let chosen = text.isEmpty ? current : Seniority(rawValue: text.lowercased())
                guard let chosen else {
                    output.problem("'\(clip(text, 40))' is not a seniority; allowed: \(all.joined(separator: ", "))")
                    continue
                }
                draft.seniority = chosen
                draft.step = .hours
                accept()
                return nil
            }
        }
    }

    private func askHours() -> Outcome? {
        let range = Assessment.hoursRange
        let current = draft.hoursPerWeek ?? previous?.hoursPerWeek ?? Assessment.defaultHours
        let allowed = "\(format(range.lowerBound))-\(format(range.upperBound))"
        while true {
            switch ask("Hours per week you can give to learning (\(allowed)) [\(format(current))]: ") {
            case .leave: return .left
            case .ended: return .ended
            case .value(let text):
                guard let hours = text.isEmpty ? current : Double(text), hours.isFinite else {
                    output.problem("'\(clip(text, 40))' is not a number of hours; allowed: \(allowed)")
                    continue
                }
                guard range.contains(hours) else {
                    output.problem("\(format(hours)) hours is out of range; allowed: \(allowed)")
                    continue
                }
                draft.hoursPerWeek = hours
                draft.step = .split
                accept()
                return nil
            }
        }
    }

    private func askSplit() -> Outcome? {
        guard let role = curriculum.role(draft.role ?? "") else { draft.step = .role; return nil }
        let tasks = role.tasks
        if draft.splitIndex == 0 {
            output.line("How is your working time split across the role's tasks? Percent per task; the total must reach 100.")
            output.line("Enter keeps the share shown (the role's, or your last answer); `redo` starts the split again.")
        }
        let previousSplit = previous?.role == role.id ? previous?.timeSplit ?? [:] : [:]
        while draft.splitIndex < tasks.count {
            let task = tasks[draft.splitIndex]
            let used = tasks.prefix(draft.splitIndex).reduce(0.0) { $0 + (draft.timeSplit[$1.id] ?? 0) }
            let left = max(0, 100 - used)
            let isLast = draft.splitIndex == tasks.count - 1
            let suggested = isLast ? left : min(left, previousSplit.isEmpty ? task.share : previousSplit[task.id] ?? 0)
            let number = "\(draft.splitIndex + 1)/\(tasks.count)"
            switch ask("  \(number) \(task.name) [\(format(rounded(suggested)))]: ") {
            case .leave: return .left
            case .ended: return .ended
            case .value(let text):
                if text == "redo" {
                    draft.timeSplit = [:]; draft.splitIndex = 0
                    accept()
                    output.line("Starting the split again.")
                    continue
                }
                guard let share = text.isEmpty ? suggested : Double(text.hasSuffix("%") ? String(text.dropLast()) : text),
                      share.isFinite else {
                    output.problem("'\(clip(text, 40))' is not a percentage; allowed: 0-\(format(rounded(left))) (what is left of 100)")
                    continue
                }
                guard share >= 0, share <= left + Assessment.splitTolerance else {
                    output.problem("\(format(share))% is more than is left; allowed: 0-\(format(rounded(left))) (total so far \(format(rounded(used)))%)")
                    continue
                }
                if isLast, abs(share - left) > Assessment.splitTolerance {
                    output.problem("the shares must add to 100: this last task takes \(format(rounded(left))) (Enter), or type `redo` to start again")
                    continue
                }
                draft.timeSplit[task.id] = share
                draft.splitIndex += 1
                accept()
                let total = used + share
                output.line("     total \(format(rounded(total)))%" + (isLast ? "" : ", \(format(rounded(max(0, 100 - total))))% left"))
            }
        }
        draft.step = .levels
        accept()
        return nil
    }

    private func askLevels() -> Outcome? {
        let order = skillOrder
        let seniority = draft.seniority ?? .mid
        let groupCount = curriculum.graph.groups.count
        var shownGroup = ""
        var legendShown = false
        while draft.skillIndex < order.count {
            let skill = order[draft.skillIndex]
            if skill.group != shownGroup {
                shownGroup = skill.group
                let index = (curriculum.graph.groups.firstIndex { $0.id == skill.group } ?? 0) + 1
                let name = curriculum.graph.groups.first { $0.id == skill.group }?.name ?? skill.group
                output.line("")
                output.line("\(name) (group \(index) of \(groupCount))")
                if !legendShown {
                    output.line("Levels:")
                    for level in Level.range { output.line("  \(level)  \(Level.meaning(level))") }
                    output.line("Enter keeps the level shown (your seniority's default); `skip` keeps them for the rest of this group; `?` explains a skill.")
                    legendShown = true
                } else {
                    output.line("Levels: " + Level.range.map { "\($0) \(Level.meaning($0).split(separator: ":")[0])" }.joined(separator: " · ")
                                + "; Enter keeps, `skip`, `?`, `q`")
                }
            }
            let chosenRole = draft.role.flatMap(curriculum.role)
            let reference = chosenRole?.referenceLevels[skill.id] ?? skill.referenceLevel
            let assumed = min(4, max(0, reference + seniority.offset - (chosenRole?.seniority.offset ?? 0)))
            let current = draft.skills[skill.id] ?? previous?.skills[skill.id] ?? assumed
            switch ask("  \(skill.id) (\(skill.name)) [\(current)]: ") {
            case .leave: return .left
            case .ended: return .ended
            case .value(let text):
                if text == "?" {
                    output.line("     \(skill.description) Assumed for \(seniority.rawValue): \(assumed).")
                    continue
                }
                if text == "skip" {
                    while draft.skillIndex < order.count, order[draft.skillIndex].group == skill.group {
                        let s = order[draft.skillIndex]
                        if let kept = previous?.skills[s.id], draft.skills[s.id] == nil { draft.skills[s.id] = kept }
                        draft.skillIndex += 1
                    }
                    accept()
                    continue
                }
                if text.isEmpty {
                    if current != assumed { draft.skills[skill.id] = current }
                } else {
                    guard let level = Int(text), Level.range.contains(level) else {
                        output.problem("'\(clip(text, 40))' is not a level; allowed: 0-4, Enter for \(current), `skip`, `?`, `q`")
                        continue
                    }
                    draft.skills[skill.id] = level
                }
                draft.skillIndex += 1
                accept()
            }
        }
        draft.step = .done
        accept()
        return nil
    }

    private func finish() -> Outcome {
        var assessment = previous ?? Assessment(role: draft.role ?? "")
        assessment.role = draft.role ?? assessment.role
        assessment.seniority = draft.seniority ?? assessment.seniority
        assessment.hoursPerWeek = draft.hoursPerWeek ?? assessment.hoursPerWeek
        if let role = curriculum.role(assessment.role) {
            // The role's own split is the default: keep the answer only when it differs.
            let own = role.tasks.allSatisfy { abs((draft.timeSplit[$0.id] ?? 0) - $0.share) < 1e-9 }
            assessment.timeSplit = own ? [:] : draft.timeSplit
        }
        assessment.skills = draft.skills
        return .finished(assessment, name: draft.name)
    }

    private func rounded(_ x: Double) -> Double { (x * 10).rounded() / 10 }
}
