import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayCurricula

/// `headway batch plan`: plans for a whole team at once, on every core.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Plan for many people at once.",
        subcommands: [BatchPlanCommand.self])
}
