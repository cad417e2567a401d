import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayStore

/// `headway plan [make|show]`: make the plan (the default) or show the saved one.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan the units that raise your projected AIJRI the most in your hours.",
        subcommands: [PlanMakeCommand.self, PlanShowCommand.self],
        defaultSubcommand: PlanMakeCommand.self)
}
