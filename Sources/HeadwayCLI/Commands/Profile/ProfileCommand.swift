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
}
