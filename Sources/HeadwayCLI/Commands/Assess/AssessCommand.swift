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
}
