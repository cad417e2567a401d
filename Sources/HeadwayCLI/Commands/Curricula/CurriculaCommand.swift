import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayCurricula

/// `headway curricula check|install|list|use|diff`: the curricula folders Headway scores with.
struct CurriculaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curricula",
        abstract: "Check, install, list, switch and compare curricula.",
        discussion: """
            Commands use `--curricula DIR`, else HEADWAY_CURRICULA, else the active installed version, \
            else the bundled curricula. Installed versions live in the database's folder, under curricula/.
            """,
        subcommands: [Check.self, Install.self, List.self, Use.self, Diff.self])
}
