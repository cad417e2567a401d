import Foundation
import HeadwayCore

/// Where the wizard writes: its questions and notes, and the problems with an answer.
struct WizardOutput {
    var line: (String) -> Void
    var problem: (String) -> Void
}

/// The self-assessment as a conversation: role, seniority, hours, weeks off, the time split offered once,
/// then the skills that move this person's score most, a summary editable by number, and one
/// confirm. Quick by default: it stops asking skills once the ones left could likely move the
/// score by less than ``enough`` points, or after ``quickLimit`` of them; `full` asks every skill.
///
/// Every question says what it allows and takes `?` (explain), `back`, `skip` and `q` (leave
/// with the draft saved). It holds no I/O of its own: lines come from a ``LineSource`` and go
/// to a ``WizardOutput``, and `save` is called with the draft after every accepted answer.
final class Wizard {
    enum Outcome: Equatable {
        /// Every question answered and the summary confirmed: the assessment, and the name for
        /// a new profile if there is none.
        case finished(Assessment, name: String?)
        /// `q`: the draft is saved.
        case left
        /// The input ended before the confirm: the draft is saved.
        case ended
    }

    typealias Question = AssessmentDraft.Question

    /// The quick wizard's limits (the rule is the core's ``QuickAssessment``).
    static let quickLimit = QuickAssessment.limit
    static let enough = QuickAssessment.enough

    let curriculum: Curriculum
    /// The previous assessment: its answers are the defaults.
    let previous: Assessment?
    let full: Bool
    /// The day scores are computed for (signals as of then).
    let day: Day
    private(set) var draft: AssessmentDraft
    private let input: any LineSource
    private let output: WizardOutput
    private let save: (AssessmentDraft) -> Void
    /// The name offered for a new profile; nil when the assessment goes to an existing one.
    private let defaultName: String?
    private var legendShown = false
    private var lastGroup: String?

    init(
        curriculum: Curriculum, previous: Assessment?, draft: AssessmentDraft?, newProfileName: String?,
        full: Bool = false, day: Day, input: any LineSource, output: WizardOutput,
        save: @escaping (AssessmentDraft) -> Void
    ) {
        self.curriculum = curriculum
        self.previous = previous
        self.defaultName = newProfileName
        self.full = full
        self.day = day
        self.input = input
        self.output = output
        self.save = save
        self.draft = draft ?? AssessmentDraft()
    }

    // MARK: The conversation

    private enum Reply { case text(String), explain, questionMark, back, skip, leave, ended }

    /// One line from the person; `q` leaves, `help` explains, `?` explains too except where it is
    /// an answer (a level: "not sure"), `back` and `skip` are words of their own.
    private func read(_ prompt: String) -> Reply {
        while true {
            let event: LineEvent
            if input.isInteractive {
                event = input.read(prompt: prompt)
            } else {
                output.line(prompt.trimmingTrailingSpaces())
                event = input.read(prompt: "")
            }
            switch event {
            case .end: return .ended
            case .interrupted: continue
            case .line(let text):
                let answer = text.trimmingCharacters(in: .whitespaces)
                switch answer.lowercased() {
                case "q", "quit": return .leave
                case "help": return .explain
                case "?": return .questionMark
                case "back", "b": return .back
                case "skip": return .skip
                default: return .text(answer)
                }
            }
        }
    }

    /// What an answer leads to.
    private enum Step: Equatable {
        /// Accepted: on to the next question (or back to the summary after an edit).
        case next
        /// Refused: the problem, and the same question again.
        case problem(String)
        /// The summary sent the person to another question (``AssessmentDraft/editing``).
        case edit
        /// The summary was confirmed.
        case save
    }

    /// What one question shows, allows and does with an answer.
    private struct Prompt {
        var header: [String] = []
        let text: String
        let explain: [String]
        /// `?` alone is an answer here (a level: the one shown, not sure), not a request to explain.
        var questionMarkAnswers = false
        /// Applies an answer (`nil` for `skip`).
        let apply: (String?) -> Step
    }

    func run() -> Outcome {
        if !draft.isStarted { intro() }
        while true {
            let question = draft.editing ?? next()
            let prompt = self.prompt(for: question)
            prompt.header.forEach(output.line)
            asking: while true {
                let step: Step
                switch read(prompt.text) {
                case .leave: return .left
                case .ended: return .ended
                case .explain:
                    prompt.explain.forEach { output.line("     " + $0) }
                    continue asking
                case .questionMark where !prompt.questionMarkAnswers:
                    prompt.explain.forEach { output.line("     " + $0) }
                    continue asking
                case .questionMark: step = prompt.apply("?")
                case .back:
                    guard goBack() else {
                        output.problem("this is the first question; nothing to go back to (`q` leaves, your answers are kept)")
                        continue asking
                    }
                    accept()
                    break asking
                case .skip: step = prompt.apply(nil)
                case .text(let text): step = prompt.apply(text)
                }
                switch step {
                case .problem(let message):
                    output.problem(message)
                    continue asking
                case .save:
                    return finish()
                case .edit:
                    break
                case .next:
                    if draft.editing != nil { draft.editing = nil } else if draft.trail.last != question { draft.trail.append(question) }
                }
                accept()
                break asking
            }
        }
    }

    /// Steps back one question: from an edit to the summary, else the last answered question.
    private func goBack() -> Bool {
        if draft.editing != nil { draft.editing = nil; return true }
        guard !draft.trail.isEmpty else { return false }
        draft.trail.removeLast()
        return true
    }

    private func accept() { save(draft) }

    private func intro() {
        if full {
            output.line("A few questions about you, then every skill, group by group.")
        } else {
            output.line("A few questions about you, then up to \(Self.quickLimit) skills, those that move your score most first;")
            output.line("it stops sooner once the rest could likely move your score by less than a point (`assess --full` asks every skill).")
        }
        output.line("Every question takes `?` (explain), `back`, `skip` and `q` (leave; `assess` continues where you stopped).")
    }

    // MARK: Which question comes next

    private var role: Role? { (draft.role ?? previous?.role).flatMap { curriculum.role($0) } }
    private var seniority: Seniority { draft.seniority ?? previous?.seniority ?? role?.seniority ?? .mid }
    private var hours: Double { draft.hoursPerWeek ?? previous?.hoursPerWeek ?? Assessment.defaultHours }

    /// The levels asked so far, in order.
    private var asked: [String] { draft.trail.compactMap { if case .level(let s) = $0 { return s } else { return nil } } }

    private func next() -> Question {
        let done = Set(draft.trail)
        for q: Question in [.role, .seniority, .hours, .access, .off, .split] where !done.contains(q) { return q }
        if let share = nextShare(done) { return share }
        if let skill = nextSkill() { return .level(skill) }
        return .summary
    }

    /// Percent left of 100 before the task at `index`, from the shares answered.
    private func left(before index: Int, _ role: Role) -> Double {
        let used = role.tasks.prefix(index).enumerated().reduce(0.0) { sum, pair in
            sum + (draft.trail.contains(.share(pair.offset)) ? draft.timeSplit[pair.element.id] ?? 0 : 0)
        }
        return max(0, 100 - used)
    }

    /// The next task share to ask; the last task takes what is left, and once nothing is left
    /// the remaining tasks get 0 without asking.
    private func nextShare(_ done: Set<Question>) -> Question? {
        guard draft.ownSplit, let role else { return nil }
        for i in role.tasks.indices.dropLast() {
            if left(before: i, role) <= Assessment.splitTolerance { return nil }
            if !done.contains(.share(i)) { return .share(i) }
        }
        return nil
    }

    private func nextSkill() -> String? {
        let asked = Set(self.asked)
        if full { return fullOrder.first { !asked.contains($0) } }
        return QuickAssessment.nextSkill(order: impactOrder.map(\.skill), asked: asked, person: model(withLevels: true), at: day)
    }

    /// Every skill, group by group, file order within a group (the full wizard's order).
    /// Every skill `--full` asks, group by group; a retired one is not asked (its level, if
    /// given before, is kept).
    var fullOrder: [String] { curriculum.graph.idsInGroupOrder.filter { curriculum.graph[$0]?.retired == nil } }

    /// The skills that can move this person's score, most first: the points one level up or
    /// down moves it, from the answers about the person (not this run's levels, so the order
    /// stays put while they answer).
    var impactOrder: [(skill: String, points: Double)] {
        guard let a = assessment(withLevels: false) else { return [] }
        if let cached = orderCache, cached.for == a { return cached.order }
        let order = computeImpactOrder(a)
        orderCache = (a, order)
        return order
    }
    private var orderCache: (for: Assessment, order: [(skill: String, points: Double)])?

    private func computeImpactOrder(_ a: Assessment) -> [(skill: String, points: Double)] {
        guard let person = PersonalModel(curriculum: curriculum, assessment: a) else { return [] }
        return person.levelImpact(at: day, order: fullOrder).map { ($0.skill, $0.points) }
    }

    private func model(withLevels: Bool) -> PersonalModel? {
        assessment(withLevels: withLevels).flatMap { PersonalModel(curriculum: curriculum, assessment: $0) }
    }

    /// The assessment the answers so far describe; defaults (the previous answers, else the
    /// role's split and the seniority's levels) where nothing was said.
    func assessment(withLevels: Bool = true) -> Assessment? {
        guard let role else { return nil }
        var a = previous ?? Assessment(role: role.id)
        a.role = role.id
        a.seniority = seniority
        a.hoursPerWeek = hours
        if let access = draft.access { a.access = access }
        a.timeSplit = split(role)
        if let off = draft.weeksOff {
            a.availability = a.availability.filter { $0.value != 0 }
            for day in off { a.availability[day] = 0 }
        }
        guard withLevels else { return a }
        for (skill, level) in draft.skills {
            a.skills[skill] = level
            if draft.unsure.contains(skill) { a.unsure.insert(skill) } else { a.unsure.remove(skill) }
        }
        a.unsure = a.unsure.filter { a.skills[$0] != nil }
        return a
    }

    /// The split shown for keeping: the previous answer in this role, else the role's own.
    private func shownSplit(_ role: Role) -> [String: Double] {
        if let p = previous, p.role == role.id, !p.timeSplit.isEmpty { return p.timeSplit }
        return Dictionary(uniqueKeysWithValues: role.tasks.map { ($0.id, $0.share) })
    }

    /// The split as answered (empty: the role's own), by the core's rule (``Role/split(answered:)``).
    private func split(_ role: Role) -> [String: Double] {
        guard draft.ownSplit else { return role.stored(split: shownSplit(role)) }
        let answered = role.tasks.indices.filter { draft.trail.contains(.share($0)) }.map { ($0, draft.timeSplit[role.tasks[$0].id] ?? 0) }
        return role.split(answered: Dictionary(answered, uniquingKeysWith: { $1 }))
    }

    private func finish() -> Outcome {
        guard let a = assessment() else { return .ended }
        return .finished(a, name: defaultName.map { draft.name ?? $0 })
    }

    private func rounded(_ x: Double) -> Double { (x * 10).rounded() / 10 }

    // MARK: The questions

    private func prompt(for question: Question) -> Prompt {
        switch question {
        case .name: return namePrompt()
        case .role: return rolePrompt()
        case .seniority: return seniorityPrompt()
        case .hours: return hoursPrompt()
        case .access: return accessPrompt()
        case .off: return offPrompt()
        case .split: return splitPrompt()
        case .share(let i): return sharePrompt(i)
        case .level(let skill): return levelPrompt(skill)
        case .summary: return summaryPrompt()
        }
    }

    private func namePrompt() -> Prompt {
        let current = draft.name ?? defaultName ?? "me"
        return Prompt(
            text: "Profile name (1-64 characters) [\(current)]: ",
            explain: ["A profile keeps your answers, plan and progress; `profile list` shows them."]
        ) { [self] text in
            let name = (text ?? "").isEmpty ? current : text!
            guard name.count <= 64, !name.contains(where: { $0.isNewline }) else {
                return .problem("a profile name has 1-64 characters; '\(clip(name, 30))' has \(name.count)")
            }
            draft.name = name
            return .next
        }
    }

    /// "GPU cluster & training infrastructure management, Model serving & …": the role's biggest tasks.
    static func about(_ role: Role, limit: Int = 2) -> String {
        role.tasks.sorted { $0.share > $1.share }.prefix(limit).map { "\($0.name) \(format($0.share))%" }.joined(separator: "; ")
    }

    private func rolePrompt() -> Prompt {
        let roles = curriculum.roles
        let current = draft.role ?? previous?.role
        let width = roles.map(\.name.count).max() ?? 0
        var header = ["Which role is closest to your job? (the biggest tasks of each, by time share)"]
        // One row per role: cut to the terminal (at most 118 columns), never wrapped under it.
        let limit = min(118, Style.current().width)
        for (i, r) in roles.enumerated() {
            let line =
                "  \(String(i + 1).leftPadded(to: String(roles.count).count))  \(r.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(Self.about(r))"
            header.append(line.count > limit ? String(line.prefix(limit - 1)) + "…" : line)
        }
        let allowed = "1-\(roles.count) or a role id (\(roles.map(\.id).joined(separator: ", ")))"
        let explain = roles.enumerated().map { i, r in
            "\(i + 1) \(r.id): \(r.name), described at \(r.seniority.rawValue) level"
                + (r.publishedScore.map { " (AIJRI \(fixed($0, 1)))" } ?? "") + "; tasks: \(Self.about(r, limit: r.tasks.count))."
        }
        return Prompt(header: header, text: "Role (1-\(roles.count) or its id)\(current.map { " [\($0)]" } ?? ""): ", explain: explain) { [self] text in
            var chosen: String?
            if let text, !text.isEmpty {
                if let n = Int(text), (1...roles.count).contains(n) {
                    chosen = roles[n - 1].id
                } else if roles.contains(where: { $0.id == text }) {
                    chosen = text
                }
                guard chosen != nil else { return .problem("'\(clip(text, 40))' is not a role; allowed: \(allowed)") }
            } else {
                guard let current else { return .problem("a role is needed; allowed: \(allowed)") }
                chosen = current
            }
            if chosen != draft.role {
                // Another role has other tasks: an earlier split no longer applies.
                draft.ownSplit = false
                draft.timeSplit = [:]
                draft.trail.removeAll { if case .share = $0 { return true } else { return false } }
                if draft.role != nil, draft.editing == .role { draft.trail.removeAll { $0 == .split } }
            }
            draft.role = chosen
            if draft.editing == .role, !draft.trail.contains(.split) { draft.editing = .split; return .edit }
            return .next
        }
    }

    private func seniorityPrompt() -> Prompt {
        let all = Seniority.allCases.map(\.rawValue)
        let current = seniority
        let roleName = role?.name ?? "holder of the role"
        let header = [
            "Seniority sets the levels assumed for skills you are not asked about. The reference is the level a typical",
            "\(roleName) (\(role?.seniority.rawValue ?? "mid")) has, mostly 2 (working); junior assumes one level below it, senior one above, staff two above."
        ]
        let explain = [
            "Only skills you do not rate use it: a level you give always counts as given.",
            "Choose the one your employer would use for you; `assess set` changes single levels later."
        ]
        return Prompt(header: header, text: "Seniority (\(all.joined(separator: ", "))) [\(current.rawValue)]: ", explain: explain) { [self] text in
            let chosen = (text ?? "").isEmpty ? current : Seniority(rawValue: text!.lowercased())
            guard let chosen else {
                return .problem("'\(clip(text!, 40))' is not a seniority; allowed: \(all.joined(separator: ", "))")
            }
            draft.seniority = chosen
            return .next
        }
    }

    private func hoursPrompt() -> Prompt {
        let range = Assessment.hoursRange
        let current = hours
        let allowed = "\(format(range.lowerBound))-\(format(range.upperBound))"
        let explain = ["The plan fills this many hours a week, for 12 weeks; `assess set hours N` changes it later."]
        return Prompt(text: "Hours per week you can give to learning (\(allowed)) [\(format(current))]: ", explain: explain) { [self] text in
            guard let hours = (text ?? "").isEmpty ? current : Double(text!), hours.isFinite else {
                return .problem("'\(clip(text!, 40))' is not a number of hours; allowed: \(allowed)")
            }
            guard range.contains(hours) else { return .problem("\(format(hours)) hours is out of range; allowed: \(allowed)") }
            draft.hoursPerWeek = hours
            return .next
        }
    }

    /// The access as answered, else the previous assessment's; `nil`: not said.
    private var access: PersonAccess? { draft.access ?? previous?.access }

    private func accessPrompt() -> Prompt {
        let current = access
        let shown = current.map(AccessView.answer) ?? "cluster team"
        let explain = [
            "laptop: any computer, CPU only; gpu: one GPU (rented is fine); multi-gpu: 2+ GPUs in one machine; cluster: several nodes or a GPU Kubernetes cluster.",
            "Add team if colleagues can review your work or hear a talk (solo if not), and a number to cap the GPU hours of the whole plan.",
            "The plan then uses an activity's lighter variant where it has one and leaves out what you cannot do; `assess set access ...` changes it later."
        ]
        let text = "What can you learn on? laptop, gpu, multi-gpu or cluster; team or solo; GPU hours (e.g. gpu solo 20) [\(shown)]: "
        return Prompt(text: text, explain: explain) { [self] answer in
            guard let answer, !answer.isEmpty else { draft.access = current ?? .unrestricted; return .next }
            switch PersonAccess.parse(answer, base: current ?? .unrestricted) {
            case .success(let a): draft.access = a; return .next
            case .failure(let e): return .problem(e.description)
            }
        }
    }

    /// The weeks off as answered, else the previous assessment's weeks of 0 hours.
    private var weeksOff: [Day] {
        draft.weeksOff ?? (previous?.availability.filter { $0.value == 0 }.keys.sorted() ?? [])
    }

    private func offPrompt() -> Prompt {
        let current = weeksOff
        let shown = current.isEmpty ? "none" : current.map(\.description).joined(separator: ", ")
        let weeks = previous?.weeks ?? Assessment.defaultWeeks
        let explain = [
            "A week off gets no learning hours, and the plan moves its units to the other weeks.",
            "Give any day of each such week; `assess set off DATE` adds one later, `assess set off none` clears them."
        ]
        let text = "Weeks off in the next \(weeks) weeks (dates, e.g. \(day.adding(days: 28)), \(day.adding(days: 35)); none) [\(shown)]: "
        return Prompt(text: text, explain: explain) { [self] answer in
            guard let answer, !answer.isEmpty else { draft.weeksOff = current; return .next }
            if answer.lowercased() == "none" { draft.weeksOff = []; return .next }
            var days: [Day] = []
            for item in answer.split(whereSeparator: { $0 == "," || $0 == " " }) {
                guard let d = Day(String(item)) else {
                    return .problem("'\(clip(String(item), 30))' is not a date; allowed: YYYY-MM-DD, several with commas, none, or Enter for \(shown)")
                }
                days.append(d)
            }
            draft.weeksOff = days.sorted()
            return .next
        }
    }

    private func splitPrompt() -> Prompt {
        guard let role else { return rolePrompt() }
        let shown = shownSplit(role)
        let isOwn = shown != Dictionary(uniqueKeysWithValues: role.tasks.map { ($0.id, $0.share) })
        var header = ["Your working time across the role's tasks (\(isOwn ? "your last answers" : "the role's own split")):"]
        for t in role.tasks { header.append("  \(format(rounded(shown[t.id] ?? 0)).leftPadded(to: 4))%  \(t.name)") }
        let explain = [
            "Each task counts in your score by the time you spend on it. Keep the split when your job is typical;",
            "`edit` asks a percentage per task (the last one takes what is left)."
        ]
        return Prompt(header: header, text: "Keep this split? (Enter or `keep`; `edit` to give your own) [keep]: ", explain: explain) { [self] text in
            switch (text ?? "keep").lowercased() {
            case "", "keep", "k", "y", "yes":
                draft.ownSplit = false
                if isOwn { draft.timeSplit = shown }
            case "edit", "e", "n", "no":
                draft.ownSplit = true
                draft.timeSplit = shown
            default:
                return .problem("'\(clip(text!, 40))' is not an answer here; allowed: Enter or keep, edit")
            }
            draft.trail.removeAll { if case .share = $0 { return true } else { return false } }
            if draft.editing == .split {
                draft.editing = nil
                if !draft.trail.contains(.split) { draft.trail.append(.split) }
                if let first = nextShare(Set(draft.trail)) { draft.editing = first; return .edit }
                return .edit
            }
            return .next
        }
    }

    private func sharePrompt(_ index: Int) -> Prompt {
        guard let role, role.tasks.indices.contains(index) else { return summaryPrompt() }
        let task = role.tasks[index]
        let left = rounded(self.left(before: index, role))
        let suggested = min(left, rounded(draft.timeSplit[task.id] ?? task.share))
        let text = "  \(index + 1)/\(role.tasks.count) \(task.name) (0-\(format(left))%) [\(format(suggested))]: "
        let explain = [task.rationale, "The role's own share: \(format(task.share))%."]
        return Prompt(text: text, explain: explain) { [self] answer in
            let raw = (answer ?? "").hasSuffix("%") ? String(answer!.dropLast()) : (answer ?? "")
            guard let share = raw.isEmpty ? suggested : Double(raw), share.isFinite else {
                return .problem("'\(clip(answer!, 40))' is not a percentage; allowed: 0-\(format(left)) (what is left of 100)")
            }
            guard share >= 0, share <= left + Assessment.splitTolerance else {
                return .problem("\(format(share))% is more than is left; allowed: 0-\(format(left))")
            }
            draft.timeSplit[task.id] = share
            if !draft.trail.contains(.share(index)) { draft.trail.append(.share(index)) }
            let nowLeft = rounded(max(0, left - share))
            let last = role.tasks[role.tasks.count - 1]
            let done = Set(draft.trail)
            let more = draft.ownSplit && nextShare(done) != nil
            if more {
                output.line("     total \(format(rounded(100 - nowLeft)))%, \(format(nowLeft))% left")
            } else if nowLeft > Assessment.splitTolerance {
                output.line("     total \(format(rounded(100 - nowLeft)))%; \(last.name) takes the \(format(nowLeft))% left")
            } else {
                output.line("     total 100%; the other tasks get 0%")
            }
            if draft.editing != nil {
                draft.editing = more ? nextShare(done) : nil
                return .edit
            }
            return .next
        }
    }

    private func levelPrompt(_ id: String) -> Prompt {
        guard let skill = curriculum.graph[id], let person = model(withLevels: true) else { return summaryPrompt() }
        var header: [String] = []
        if !legendShown {
            legendShown = true
            header.append("")
            header.append("Levels:")
            for level in Level.range { header.append("  \(level)  \(Level.meaning(level))") }
            header.append(
                "Enter takes the level shown; add ? to a level you are not sure of (2?), or ? alone for the level shown; `skip` leaves it as assumed; `help` explains."
            )
        }
        if full, draft.editing == nil, skill.group != lastGroup, let index = curriculum.graph.groups.firstIndex(where: { $0.id == skill.group }) {
            lastGroup = skill.group
            header.append("")
            header.append("\(curriculum.graph.groups[index].name) (group \(index + 1) of \(curriculum.graph.groups.count))")
        }
        let assumed = person.defaultLevel(of: id)
        let current = draft.skills[id] ?? previous?.skills[id] ?? assumed
        let currentUnsure = draft.skills[id] != nil ? draft.unsure.contains(id) : previous?.unsure.contains(id) ?? false
        let shown = "\(current)\(currentUnsure ? "?" : "")"
        let number = draft.editing == nil ? "\(asked.count + 1). " : ""
        let points = impactOrder.first { $0.skill == id }?.points
        let explain = [
            "\(skill.description) Assumed for \(seniority.rawValue): \(assumed) (\(Level.meaning(assumed)))."
                + (points.map { " One level moves your score by about \(fixed($0, 1)) points." } ?? "")
        ]
        var prompt = Prompt(header: header, text: "  \(number)\(skill.name) (\(id)), 0-4 (add ? if unsure) [\(shown)]: ", explain: explain) { [self] answer in
            guard let answer else {
                draft.skipped.insert(id)
                draft.skills[id] = nil
                draft.unsure.remove(id)
                return .next
            }
            var text = answer.replacingOccurrences(of: " ", with: "")
            var unsure = text.hasSuffix("?")
            if unsure { text.removeLast() }
            let level: Int
            if text.isEmpty {
                // Enter: the level shown as it was; `?` alone: the level shown, not sure of it.
                level = current
                if !unsure { unsure = currentUnsure }
            } else if let l = Int(text), Level.range.contains(l) {
                level = l
            } else {
                return .problem(
                    "'\(clip(answer, 40))' is not a level; allowed: 0-4, a level and ? if unsure (2?), ? alone for \(current) not sure, Enter for \(shown), skip, back, help, q"
                )
            }
            draft.skipped.remove(id)
            draft.skills[id] = level
            if unsure { draft.unsure.insert(id) } else { draft.unsure.remove(id) }
            return .next
        }
        prompt.questionMarkAnswers = true
        return prompt
    }

    /// One line of the summary, and the question that changes it.
    private struct Item { let label: String; let value: String; let question: Question }

    private var items: [Item] {
        var out: [Item] = []
        if let defaultName { out.append(Item(label: "Profile name", value: draft.name ?? defaultName, question: .name)) }
        guard let role else { return out }
        out.append(Item(label: "Role", value: "\(role.name) (\(role.id))", question: .role))
        out.append(Item(label: "Seniority", value: seniority.rawValue, question: .seniority))
        out.append(Item(label: "Hours per week", value: format(hours), question: .hours))
        out.append(Item(label: "Access", value: access.map(\.summary) ?? "not given (plans assume a cluster and a team)", question: .access))
        out.append(
            Item(
                label: "Weeks off", value: weeksOff.isEmpty ? "none" : weeksOff.map(\.description).joined(separator: ", "),
                question: .off))
        let split = self.split(role)
        out.append(
            Item(
                label: "Time split",
                value: split.isEmpty
                    ? "the role's own"
                    : role.tasks.map { format(rounded(split[$0.id] ?? 0)) }.joined(separator: "/") + " %", question: .split))
        let order = impactOrder.map(\.skill) + fullOrder
        var seen = Set<String>()
        for id in order where draft.skills[id] != nil && seen.insert(id).inserted {
            let name = curriculum.graph[id]?.name ?? id
            out.append(Item(label: name, value: "\(draft.skills[id] ?? 0)\(draft.unsure.contains(id) ? " (unsure)" : "")", question: .level(id)))
        }
        return out
    }

    private func summaryPrompt() -> Prompt {
        let items = self.items
        let width = items.map(\.label.count).max() ?? 0
        var header = ["", "Your answers:"]
        for (i, item) in items.enumerated() {
            header.append(
                "  \(String(i + 1).leftPadded(to: String(items.count).count))  \(item.label.padding(toLength: width, withPad: " ", startingAt: 0))  \(item.value)"
            )
        }
        if let person = model(withLevels: true) {
            let weighed = Set(person.role.tasks.flatMap { $0.skills.keys })
            let rest = weighed.filter { person.assessment.skills[$0] == nil }
            if !rest.isEmpty {
                header.append(
                    "Not asked: \(rest.count) skill\(rest.count == 1 ? "" : "s") your score depends on, at the levels assumed for \(seniority.rawValue).")
            }
            let score = person.score(at: day)
            header.append("AIJRI \(fixed(score.result.rounded, 1))\(likely(score.band))  \(score.result.label), as of \(day)")
        }
        let explain = [
            "Enter saves these answers as the profile's assessment (an earlier one stays in its history);",
            "a number asks that question again and comes back here."
        ]
        return Prompt(header: header, text: "Save? (Enter saves; 1-\(items.count) changes that answer; back, q): ", explain: explain) { [self] text in
            guard let text else { return .problem("nothing to skip here; allowed: Enter saves, 1-\(items.count) changes that answer, back, q") }
            if ["", "y", "yes", "save"].contains(text.lowercased()) { return .save }
            guard let n = Int(text), (1...items.count).contains(n) else {
                return .problem("'\(clip(text, 40))' is not an answer here; allowed: Enter saves, 1-\(items.count) changes that answer, back, q")
            }
            draft.editing = items[n - 1].question
            return .edit
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
