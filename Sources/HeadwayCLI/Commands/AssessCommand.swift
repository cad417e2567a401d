import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayCurricula
import HeadwayStore

/// `headway assess`: the self-assessment, as a wizard, from a file, or one answer at a time.
struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Assess yourself: role, seniority, hours, time split and skill levels.",
        discussion: """
        With no options, a wizard asks each question in turn and checks every answer; `q` leaves \
        it and `assess` continues where you stopped. --from FILE loads an assessment file, \
        --sample the bundled sample (profile `sample`). `assess set SKILL LEVEL` changes one level \
        and shows the score before and after.
        """,
        subcommands: [Ask.self, Set.self],
        defaultSubcommand: Ask.self)

    struct Ask: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ask",
            abstract: "Answer the questions (the default), or load a file with --from.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var model: ModelOptions
        @Option(name: .customLong("from"), help: ArgumentHelp("Load this assessment file (YAML or JSON) instead of asking.", valueName: "file"))
        var from: String?
        @Flag(help: "Load the sample assessment (Fixtures/assessments/reference-mid.yaml) into the profile `sample`.")
        var sample = false
        @Flag(help: "Forget the saved unfinished answers and start again.")
        var restart = false
        @Flag(help: "Ask every skill, group by group (by default the wizard asks only the skills that move your score most).")
        var full = false

        func validate() throws {
            if from != nil && sample { throw ValidationError("--from and --sample both name an assessment; give one") }
        }

        func run() throws {
            let curriculum = try model.curriculum()
            if sample || from != nil {
                try load(curriculum)
            } else {
                try ask(curriculum)
            }
        }

        /// `--from FILE` / `--sample`: checked before the database is opened, so a bad file writes nothing.
        private func load(_ curriculum: Curriculum) throws {
            let file = try from.map { URL(fileURLWithPath: $0) } ?? Self.sampleURL()
            let assessment: Assessment
            do { assessment = try AssessmentLoader.load(file, curriculum: curriculum) } catch { throw CLIError(error.description) }
            let db = try store.open()
            let target = try Assessing.target(db, explicit: sample ? (store.profile ?? "sample") : store.profile, create: true)
            let saved = try Assessing.save(assessment, to: target, in: db, curriculum: curriculum, day: model.day())
            Console.out("Loaded \(from ?? "the sample assessment") into profile \(saved.profile.name): "
                        + "AIJRI \(fixed(saved.snapshot.score, 1))\(likely(saved.snapshot.band)) \(saved.snapshot.label) as of \(saved.snapshot.asOf).")
            Console.out("Next: `score` explains it, `plan` finds the units that raise it most in your hours.")
        }

        private func ask(_ curriculum: Curriculum) throws {
            let db = try store.open()
            let target = try Assessing.target(db, explicit: store.profile, create: false)
            let drafts = DraftFile(databasePath: db.path)
            let key = target.existing?.name ?? target.newName ?? ""
            if restart { drafts.remove(key) }
            let previous = try target.existing.flatMap { p in try storeCall { try db.latestAssessment(for: p) }?.assessment }
            let draft = drafts.load(key)
            if let draft, draft.isStarted {
                Console.out("Continuing your unfinished assessment (`assess --restart` starts over).")
            } else if previous != nil {
                Console.out("Re-assessing profile \(target.existing!.name): Enter keeps your last answer.")
            }
            let input = Session.current?.input ?? Assessing.standardInput()
            let wizard = Wizard(
                curriculum: curriculum, previous: previous, draft: draft,
                newProfileName: target.existing == nil && target.newName == nil ? Assessing.defaultName() : nil,
                full: full, day: model.day(), input: input,
                output: WizardOutput(line: { Console.out($0) }, problem: { printError($0) }),
                save: { try? drafts.save($0, as: key) })
            switch wizard.run() {
            case .left:
                Console.out("Your answers so far are kept; `assess` continues where you stopped.")
            case .ended:
                throw CLIError("the input ended before the last question; your answers so far are kept and `assess` continues where you stopped")
            case .finished(let assessment, let name):
                let problems = assessment.problems(in: curriculum)
                guard problems.isEmpty else {
                    throw CLIError(problems.map { "\($0.key): \($0.message)" }.joined(separator: "; "))
                }
                var target = target
                if let name { target.newName = name }
                let saved = try Assessing.save(assessment, to: target, in: db, curriculum: curriculum, day: model.day())
                drafts.remove(key)
                Console.out("")
                Console.out("Saved to profile \(saved.profile.name): AIJRI \(fixed(saved.snapshot.score, 1))\(likely(saved.snapshot.band)) "
                            + "\(saved.snapshot.label) as of \(saved.snapshot.asOf).")
                Console.out("Next: `score` explains it, `plan` finds the units that raise it most in your hours.")
            }
        }

        static func sampleURL() throws -> URL {
            let curricula = try Environment.curriculaURL(nil)
            let url = curricula.deletingLastPathComponent().appendingPathComponent("Fixtures/assessments/reference-mid.yaml")
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw CLIError("the sample assessment is not installed (looked for \(url.path)); use --from FILE")
            }
            return url
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change one answer and show the score before and after (a re-assessment).",
            discussion: """
            `assess set SKILL LEVEL` sets a level (`vllm 3`, or `vllm 3?` when unsure); `hours 5` the \
            hours per week; `split TASK=30,TASK=20,…` your time split (percent, adding to 100; \
            `split role` goes back to the role's); `off 2026-12-21[,…]` weeks with no time \
            (`DATE=H` for a week of H hours, `off none` clears them); `unsure SKILL[,…]` and \
            `sure SKILL[,…]` whether an answered level may be one off. Each is journaled: `undo` \
            reverts it.
            """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var model: ModelOptions
        @Argument(help: ArgumentHelp("A skill id (Tab completes it), or hours, split, off, unsure, sure.", valueName: "skill"))
        var skill: String
        @Argument(help: ArgumentHelp("The new value: a level 0-4 (2? if unsure), hours, a split, dates, skills.", valueName: "level"))
        var level: String

        func run() throws {
            let curriculum = try model.curriculum()
            switch skill {
            case "hours", "split", "off", "unsure", "sure": try answer(curriculum)
            default: try setLevel(curriculum)
            }
        }

        private func setLevel(_ curriculum: Curriculum) throws {
            let unsure = level.hasSuffix("?")
            let (node, newLevel) = try checkedSkillLevel(skill, unsure ? String(level.dropLast()) : level, in: curriculum)
            // The same change as `level`: journaled (so `undo` reverts it), holding every level
            // reached so far, applying from --as-of, with its snapshot, in one transaction.
            let skill = self.skill
            let (result, _, _, _) = try withProfileProgress(model, store, curriculum: curriculum) { p, writes -> (old: String, was: PersonalScore, now: PersonalScore)? in
                let a = p.person.assessment
                let old = a.skills[skill] == nil ? "\(p.person.level(of: skill)) (assumed)" : "\(a.skills[skill]!)\(a.unsure.contains(skill) ? "?" : "")"
                // An assumed level given as an answer, or a change of sureness, is a change too: it narrows or widens the band.
                let r = unsure || a.unsure.contains(skill) || a.skills[skill] == nil
                    ? p.record.reassessment(editing: { a in
                        a.skills[skill] = newLevel
                        if unsure { a.unsure.insert(skill) } else { a.unsure.remove(skill) }
                    }, on: p.day, reason: "re-assessment \(skill):\(newLevel)\(unsure ? "?" : "")")
                    : p.record.reassessment(setting: skill, to: newLevel, on: p.day)
                guard let r else { return nil }
                writes.reassess(r)
                return (old, p.person.score(at: p.day), r.change.after.score(at: p.day)!)
            }
            guard let (oldLevel, was, now) = result else {
                Console.out("\(skill) is already at \(newLevel) (\(Level.meaning(newLevel))); nothing changed.")
                return
            }
            Console.out("\(node.name) (\(skill)): \(oldLevel) → \(newLevel)\(unsure ? "?" : "")  \(Level.meaning(newLevel))")
            Console.out(Self.scoreLine(was, now))
        }

        /// "AIJRI 49.1 → 49.6 (+0.5), likely 47.9-51.3  Green (Transforming)".
        static func scoreLine(_ was: PersonalScore, _ now: PersonalScore) -> String {
            let style = Style.current()
            return "AIJRI \(fixed(was.result.rounded, 1)) → \(style.zone(fixed(now.result.rounded, 1), now.result.zone)) "
                + "(\(signed(now.result.rounded - was.result.rounded)))\(likely(now.band))  \(now.result.label)"
        }

        /// `hours`, `split`, `off`, `unsure`, `sure`: one answer of the assessment in force.
        private func answer(_ curriculum: Curriculum) throws {
            let what = skill, value = level
            let (result, _, _, _) = try withProfileProgress(model, store, curriculum: curriculum) { p, writes -> (String, PersonalScore, PersonalScore)? in
                let current = p.person.assessment
                var edited = current
                let note = try Self.edit(&edited, what, value, curriculum: curriculum, role: p.person.role)
                if let problem = edited.problems(in: curriculum).first { throw CLIError("\(problem.key): \(problem.message)") }
                guard let r = p.record.reassessment(editing: { $0 = edited }, on: p.day, reason: "re-assessment \(what) \(clip(value, 60))") else { return nil }
                writes.reassess(r)
                return (note, p.person.score(at: p.day), r.change.after.score(at: p.day)!)
            }
            guard let (note, was, now) = result else {
                Console.out("\(what) is already \(value); nothing changed.")
                return
            }
            Console.out(note)
            Console.out(Self.scoreLine(was, now))
        }

        /// Applies `assess set WHAT VALUE` to `a`; returns the line that says what changed.
        static func edit(_ a: inout Assessment, _ what: String, _ value: String, curriculum: Curriculum, role: Role) throws -> String {
            switch what {
            case "hours":
                guard let h = Double(value), h.isFinite else { throw CLIError("hours '\(clip(value, 20))' is not a number; allowed: 1-40") }
                guard Assessment.hoursRange.contains(h) else { throw CLIError("hours \(format(h)) is out of range; allowed: 1-40") }
                let old = a.hoursPerWeek
                a.hoursPerWeek = h
                return "Hours per week: \(format(old)) → \(format(h)) (`replan` plans the weeks left with them)."
            case "split":
                if value == "role" {
                    a.timeSplit = [:]
                    return "Time split: the role's own."
                }
                var split: [String: Double] = [:]
                for pair in value.split(separator: ",") {
                    let parts = pair.split(separator: "=", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                    guard parts.count == 2, !parts[0].isEmpty, let share = Double(parts[1].hasSuffix("%") ? String(parts[1].dropLast()) : parts[1]) else {
                        throw CLIError("split '\(clip(String(pair), 40))' is not TASK=PERCENT; allowed tasks: \(role.tasks.map(\.id).joined(separator: ", "))")
                    }
                    split[parts[0]] = share
                }
                a.timeSplit = split
                return "Time split: " + role.tasks.map { "\($0.id) \(format(split[$0.id] ?? 0))%" }.joined(separator: ", ") + "."
            case "off":
                if value == "none" {
                    a.availability = [:]
                    return "Weeks off: none."
                }
                for item in value.split(separator: ",") {
                    let parts = item.split(separator: "=", omittingEmptySubsequences: false).map(String.init)
                    guard let day = Day(parts[0]) else {
                        throw CLIError("off '\(clip(String(item), 30))' is not a date; allowed: YYYY-MM-DD (any day of the week off), DATE=HOURS, or none")
                    }
                    guard parts.count == 1 || parts.count == 2, let hours = parts.count == 1 ? 0 : Double(parts[1]),
                          Assessment.weekHoursRange.contains(hours) else {
                        throw CLIError("off '\(clip(String(item), 30))': that week's hours must be 0-40")
                    }
                    a.availability[day] = hours
                }
                return "Weeks off: " + a.availability.sorted { $0.key < $1.key }
                    .map { "\($0.key)\($0.value == 0 ? "" : " (\(format($0.value)) h)")" }.joined(separator: ", ")
                    + " (`replan` plans around them)."
            default:
                let skills = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                for s in skills {
                    if let problem = a.unsureProblem(s, in: curriculum) { throw CLIError("\(what) \(clip(s, 40)): \(problem)") }
                    if what == "unsure" { a.unsure.insert(s) } else { a.unsure.remove(s) }
                }
                let names = skills.map { "\(curriculum.graph[$0]?.name ?? $0) (\(a.skills[$0]!))" }.joined(separator: ", ")
                return what == "unsure" ? "Unsure, may be one level off: \(names)." : "Sure: \(names)."
            }
        }
    }
}

/// What `assess` shares between its ways in: which profile, and saving with a snapshot.
enum Assessing {
    /// The profile an assessment goes to: an existing one, or the name of one to create.
    struct Target {
        var existing: Profile?
        var newName: String?
    }

    /// `--profile NAME` (created when missing), else the current profile, else a new one
    /// (named `defaultName()` when `create`, else asked by the wizard).
    static func target(_ db: Store, explicit: String?, create: Bool) throws -> Target {
        if let explicit {
            if let p = try storeCall({ try db.profiles() }).first(where: { $0.name == explicit }) { return Target(existing: p) }
            return Target(newName: explicit)
        }
        if let current = try storeCall({ try db.currentProfile() }) { return Target(existing: current) }
        return Target(newName: create ? defaultName() : nil)
    }

    /// The name offered for a first profile: the login name, else `me`.
    static func defaultName() -> String {
        let user = Context.current.environment["USER"] ?? ""
        return user.isEmpty || user.count > 64 ? "me" : user
    }

    /// Stores `assessment` (creating the profile if needed) with a score snapshot of `day`.
    static func save(_ assessment: Assessment, to target: Target, in db: Store, curriculum: Curriculum,
                     day: Day) throws -> (profile: Profile, snapshot: Snapshot) {
        guard let person = PersonalModel(curriculum: curriculum, assessment: assessment) else {
            throw CLIError("the assessment names role '\(assessment.role)', which the curricula do not have")
        }
        return try storeCall {
            if let profile = target.existing {
                if try db.latestAssessment(for: profile) != nil {
                    // A profile with a history: one journaled re-assessment from `day`, with
                    // its snapshot (and any signal snapshots due), in one transaction.
                    let (snapshot, _) = try db.update(profile, curriculaVersion: curriculum.version) { state in
                        let p = try ProfileProgress(curriculum: curriculum, state: state, day: day)
                        var writes = ProfileWrites()
                        writes.snapshots = p.signalSnapshots()
                        let r = p.record.reassessment(with: assessment, on: day)
                        writes.reassess(r)
                        return (writes, r.change.snapshot ?? Snapshot(person.score(at: day), asOf: day, reason: "re-assessment"))
                    }
                    return (try db.useProfile(named: profile.name), snapshot)
                }
                let snapshot = Snapshot(person.score(at: day), asOf: day, reason: "assessment")
                try db.saveAssessment(assessment, snapshot: snapshot, for: profile, curriculaVersion: curriculum.version)
                let current = try db.useProfile(named: profile.name)
                return (current, snapshot)
            }
            let snapshot = Snapshot(person.score(at: day), asOf: day, reason: "assessment")
            let profile = try db.createProfile(named: target.newName ?? defaultName(), assessment: assessment,
                                               snapshot: snapshot, curriculaVersion: curriculum.version)
            return (profile, snapshot)
        }
    }

    /// Questions asked outside the shell: libedit on a terminal, plain lines otherwise.
    static func standardInput() -> any LineSource {
        isatty(STDIN_FILENO) == 1 ? EditLineReader(historyFile: nil, completion: nil) : StandardInputLines(echo: false)
    }
}
