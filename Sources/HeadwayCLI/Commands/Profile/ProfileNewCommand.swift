import ArgumentParser
import Foundation
import HeadwayApp
import HeadwayCore
import HeadwayCurricula
import HeadwayStore

extension ProfileCommand {
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new", _superCommandName: leafSuperCommand,
            abstract: "Create a profile and make it current.",
            discussion: "With --from, the assessment is stored and a first score snapshot (reason \"assessment\") is written.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var model: ModelOptions
        @Argument(help: "The profile's name.") var name: String
        @Option(name: .customLong("from"), help: ArgumentHelp("Assessment file (YAML or JSON) to start from.", valueName: "file"))
        var from: String?

        func run() throws {
            var first: (Assessment, Curriculum)?
            if let from {
                // Loaded and checked before the database is opened, so a bad file writes nothing.
                let curriculum = try model.curriculum()
                do { first = (try AssessmentLoader.load(URL(fileURLWithPath: from), curriculum: curriculum), curriculum) } catch {
                    throw HeadwayError.assessmentFile(error)
                }
            }
            let db = try store.open()
            let (profile, snapshot) = try storeCall { try CreateProfile(name: name, first: first).run(in: db, day: model.day()) }
            if let snapshot {
                print("Created profile \(profile.name) (current): \(format(snapshot.score))\(likely(snapshot.band)) \(snapshot.label) as of \(snapshot.asOf).")
            } else {
                print("Created profile \(profile.name) (current); add an assessment with `headway assess` (the questions) or `headway assess --from FILE`.")
            }
        }
    }
}
