import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayCurricula

extension CurriculaCommand {
    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "install", _superCommandName: leafSuperCommand,
            abstract: "Validate a curricula folder, copy it into the data folder under its version and make it active.",
            discussion: """
                The folder is checked whole first (as `curricula check` does); any problem refuses it and the \
                active curricula stay as they are. Earlier versions are kept (`curricula list`, `curricula use`). \
                Each profile records the change on its next command.
                """)

        @Argument(help: ArgumentHelp("A curricula folder with a curricula.yaml (version, changes).", valueName: "dir"))
        var directory: String

        @Flag(help: "Install a version older than the active one.")
        var force = false

        func run() throws {
            let url = URL(fileURLWithPath: directory)
            // The copy is what is checked and installed: a folder changed meanwhile cannot slip
            // an unchecked file in.
            let shelf = Environment.shelf
            let staged: URL
            do { staged = try shelf.stage(url) } catch { throw HeadwayError(.config, error.description) }
            var installed = false
            defer { if !installed { shelf.discard(staged) } }
            let curriculum: Curriculum
            do { curriculum = try checked(staged) } catch let e as HeadwayError {
                // Name the files as the person gave them, not the private copy.
                throw HeadwayError(e.exitClass, e.description.replacingOccurrences(of: staged.path, with: url.path))
            }
            guard let release = curriculum.release else {
                throw HeadwayError(
                    .config,
                    "\(url.appendingPathComponent(CurriculumLoader.releaseFileName).path): missing; an installed curricula "
                        + "needs a content version (version: YYYY.MM, changes: one sentence)")
            }
            let active = try? Environment.loadCurriculum(nil)
            if let current = active?.release?.version, CurriculaRelease.isOlder(release.version, than: current), !force {
                throw HeadwayError(
                    .config,
                    "\(directory) is version \(release.version), older than the active \(current); "
                        + "pass --force to install it anyway, or `headway curricula use \(release.version)` if it is installed")
            }
            let bundled = try? CurriculumLoader.load(from: Environment.bundledCurriculaURL(), cache: Environment.cacheFolder())
            if let bundled, bundled.release?.version == release.version {
                guard bundled.contentHash == curriculum.contentHash else {
                    throw HeadwayError(
                        .config,
                        "version \(release.version) is the bundled curricula's, with other content; "
                            + "give this curricula a new version in its \(CurriculumLoader.releaseFileName)")
                }
                try activate(nil)
            } else {
                installed = true
                do { try shelf.install(staged: staged, as: release.version) } catch { throw HeadwayError(.cantCreate, error.description) }
            }
            print(
                "Installed curricula \(release.version) (\(release.changes)); now active."
                    + (active?.contentHash == curriculum.contentHash ? "" : " Each profile records the change on its next command."))
            if let env = Context.current.environment["HEADWAY_CURRICULA"], !env.isEmpty {
                print("HEADWAY_CURRICULA=\(env) still overrides it in this environment.")
            }
        }
    }
}
