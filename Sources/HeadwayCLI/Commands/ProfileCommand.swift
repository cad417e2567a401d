import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayCurricula
import HeadwayStore

/// `headway profile …`: the people in the database and moving their history around.
struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Create, list, switch, rename, delete, export and import profiles.",
        discussion: "A profile holds one person's assessments, plans, logs, snapshots and briefings.",
        subcommands: [New.self, List.self, Use.self, Rename.self, Delete.self, Export.self, Import.self])

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
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
                    throw CLIError(error.description)
                }
                guard let person = PersonalModel(curriculum: curriculum, assessment: loaded) else {
                    throw CLIError("\(from): the assessment names a role the curricula do not have")
                }
                let day = model.day()
                assessment = loaded
                snapshot = Snapshot(person.score(at: day), asOf: day, reason: "assessment")
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

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List profiles; * marks the current one.")
        @OptionGroup var store: StoreOptions
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let db = try store.open()
            let profiles = try storeCall { try db.profiles() }
            if json {
                struct Row: Encodable { let name: String; let current: Bool; let created_at: String }
                try printJSON(profiles.map { Row(name: $0.name, current: $0.isCurrent, created_at: $0.createdAt) })
                return
            }
            if profiles.isEmpty { print("No profiles in \(db.path); create one with `headway profile new NAME`."); return }
            for p in profiles { print("\(p.isCurrent ? "*" : " ") \(p.name)") }
        }
    }

    struct Use: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make a profile the current one.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The profile's name.") var name: String

        func run() throws {
            let db = try store.open()
            let p = try storeCall { try db.useProfile(named: name) }
            print("Current profile: \(p.name).")
        }
    }

    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Rename a profile; its history follows it.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The current name.") var old: String
        @Argument(help: "The new name.") var new: String

        func run() throws {
            let db = try store.open()
            let p = try storeCall { try db.renameProfile(old, to: new) }
            print("Renamed \(old) to \(p.name).")
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete a profile and its whole history.",
            discussion: "Asks first on a terminal; in scripts pass --yes.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The profile's name.") var name: String
        @Flag(help: "Do not ask (required when standard input is not a terminal).") var yes = false

        func run() throws {
            let db = try store.open()
            _ = try storeCall { try db.profile(named: name) } // a typo fails before the question
            if !yes {
                guard Environment.stdinIsTerminal else {
                    throw CLIError("refusing to delete profile \(name) without confirmation: standard input is not a terminal; pass --yes")
                }
                FileHandle.standardOutput.write(Data("Delete profile \(name) and its whole history? [y/N] ".utf8))
                let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased()
                guard answer == "y" || answer == "yes" else { print("Kept profile \(name)."); return }
            }
            try storeCall { try db.deleteProfile(named: name) }
            print("Deleted profile \(name).")
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a profile's whole history to one JSON file.",
            discussion: "The document is {\"format\": \"headway-profile\", \"version\": 1, …}; `-` writes to standard output.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The file to write.") var file: String

        func run() throws {
            // A whole history is private: a new file is 0600, a replaced one keeps its mode.
            let output = OutputFile(file, newFileMode: 0o600)
            try output.check(database: Environment.databasePath(store.db))
            // A hand-changed schema is no reason to lose the way out: read what can be read.
            let db = try store.open(checkSchema: false)
            let profile = try store.selectedProfile(in: db)
            let data = try storeCall { try db.export(profile).encoded() }
            if output.isStandardOutput { printJSONText(String(decoding: data, as: UTF8.self)); return }
            try output.replace(with: data)
            print("Exported profile \(profile.name) to \(output.shown).")
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read a profile export into this database as a new profile.",
            discussion: "Everything is imported in one transaction, or nothing is.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var model: ModelOptions
        @Argument(help: "The export file.") var file: String
        @Option(name: .customLong("as"), help: ArgumentHelp("Import under this name.", valueName: "name")) var name: String?

        func run() throws {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
                throw CLIError("cannot read \(file): \(Paths.readFailure(file))")
            }
            // Checked like a file the person wrote, against the curricula it will be read with.
            let curriculum = try model.curriculum()
            let archive = try storeCall { try ProfileArchive.decode(data, path: file, curriculum: curriculum) }
            let db = try store.open()
            let p: Profile
            do { p = try db.importArchive(archive, as: name) } catch StoreError.profileExists(let taken, let path) {
                throw CLIError("a profile named '\(taken)' already exists in \(path); import it under another name with --as NAME")
            } catch let e as StoreError { throw CLIError(e.description) }
            print("Imported profile \(p.name)\(p.isCurrent ? " (current)" : "").")
        }
    }
}
