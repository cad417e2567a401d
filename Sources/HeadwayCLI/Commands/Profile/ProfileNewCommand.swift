import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayCurricula
import HeadwayStore

extension ProfileCommand {
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new",
            abstract: "Create a profile and make it current.",
            discussion: "With --from, the assessment is stored and a first score snapshot (reason \"assessment\") is written.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var model: ModelOptions
        @Argument(help: "The profile's name.") var name: String
        @Option(name: .customLong("from"), help: ArgumentHelp("Assessment file (YAML or JSON) to start from.", valueName: "file"))
        var from: String?

        func run() throws {
            var assessment: Assessment?
            var snapshot: Snapshot?
            var version = ""
            if let from {
                // Load and check before opening the database, so a bad file writes nothing.
                let curriculum = try model.curriculum()
                let loaded: Assessment
                do { loaded = try AssessmentLoader.load(URL(fileURLWithPath: from), curriculum: curriculum) } catch {
                    throw HeadwayError.assessmentFile(error)
                }
                guard let person = PersonalModel(curriculum: curriculum, assessment: loaded) else {
                    throw HeadwayError(.data, "\(from): the assessment names a role the curricula do not have")
                }
                let day = model.day()
                assessment = loaded
                snapshot = Snapshot(person.score(at: day), asOf: day, reason: .assessment)
                version = curriculum.version
            }
            let db = try store.open()
            let profile = try storeCall {
                try db.createProfile(named: name, assessment: assessment, snapshot: snapshot, curriculaVersion: version)
            }
            if let snapshot {
                print("Created profile \(profile.name) (current): \(format(snapshot.score))\(likely(snapshot.band)) \(snapshot.label) as of \(snapshot.asOf).")
            } else {
                print("Created profile \(profile.name) (current); add an assessment with `headway assess` (the questions) or `headway assess --from FILE`.")
            }
        }
    }
}
