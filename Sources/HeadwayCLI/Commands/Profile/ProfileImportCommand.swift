import ArgumentParser
import Foundation
import HeadwayApp
import HeadwayCore
import HeadwayCurricula
import HeadwayStore

extension ProfileCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", _superCommandName: leafSuperCommand,
            abstract: "Read a profile export into this database as a new profile.",
            discussion: "Everything is imported in one transaction, or nothing is.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var model: ModelOptions
        @Argument(help: "The export file.") var file: String
        @Option(name: .customLong("as"), help: ArgumentHelp("Import under this name.", valueName: "name")) var name: String?

        func run() throws {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
                throw HeadwayError(.noInput, "cannot read \(file): \(Paths.readFailure(file))")
            }
            // Checked like a file the person wrote, against the curricula it will be read with.
            let curriculum = try model.curriculum()
            let operation = try ImportProfile(data: data, path: file, curriculum: curriculum, name: name)
            let db = try store.open()
            let p: Profile
            do { p = try operation.run(in: db) } catch StoreError.profileExists(let taken, let path) {
                throw HeadwayError(.cantCreate, "a profile named '\(taken)' already exists in \(path); import it under another name with --as NAME")
            }
            print("Imported profile \(p.name)\(p.isCurrent ? " (current)" : "").")
        }
    }
}
