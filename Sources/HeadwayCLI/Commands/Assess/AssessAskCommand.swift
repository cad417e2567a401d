import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayCurricula
import HeadwayStore

extension AssessCommand {
    struct Ask: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ask", _superCommandName: leafSuperCommand,
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
            let assessment: Assessment
            do {
                if let from {
                    assessment = try AssessmentLoader.load(URL(fileURLWithPath: from), curriculum: curriculum)
                } else {
                    assessment = try AssessmentLoader.load(data: Data(Self.sampleYAML.utf8), name: "the sample assessment", curriculum: curriculum)
                }
            } catch { throw HeadwayError.assessmentFile(error) }
            let db = try store.open()
            let target = try Assessing.target(db, explicit: sample ? (store.profile ?? "sample") : store.profile, create: true)
            let saved = try Assessing.save(assessment, to: target, in: db, curriculum: curriculum, day: model.day())
            Console.out(
                "Loaded \(from ?? "the sample assessment") into profile \(saved.profile.name): "
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
                throw HeadwayError(.data, "the input ended before the last question; your answers so far are kept and `assess` continues where you stopped")
            case .finished(let assessment, let name):
                let problems = assessment.problems(in: curriculum)
                guard problems.isEmpty else {
                    throw HeadwayError(.data, problems.map { "\($0.key): \($0.message)" }.joined(separator: "; "))
                }
                var target = target
                if let name { target.newName = name }
                let saved = try Assessing.save(assessment, to: target, in: db, curriculum: curriculum, day: model.day())
                drafts.remove(key)
                Console.out("")
                Console.out(
                    "Saved to profile \(saved.profile.name): AIJRI \(fixed(saved.snapshot.score, 1))\(likely(saved.snapshot.band)) "
                        + "\(saved.snapshot.label) as of \(saved.snapshot.asOf).")
                Console.out("Next: `score` explains it, `plan` finds the units that raise it most in your hours.")
            }
        }

        /// The sample assessment, `Fixtures/assessments/reference-mid.yaml` (a test keeps the two
        /// equal), built in: it must load whatever curricula version is installed, wherever
        /// (issue 25.7), and every version has this role.
        static let sampleYAML = """
            # The reference assessment: a mid-level AI Infrastructure Engineer who answered nothing but
            # the role. As of the role's reference date (2026-11-22) it must give seed 004's 49.1.
            role: ai-infrastructure-engineer
            seniority: mid
            hours_per_week: 6
            weeks: 12
            start: 2026-11-23

            """
    }
}
