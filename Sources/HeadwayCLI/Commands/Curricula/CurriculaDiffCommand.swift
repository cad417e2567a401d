import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayCurricula

extension CurriculaCommand {
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff", _superCommandName: leafSuperCommand,
            abstract: "What changed between two curricula: signals, task scores and shares, market, skills and activities, per role.",
            discussion: "Each side is a folder or an installed version (`curricula list`); OLD defaults to the active curricula.")

        @Argument(help: ArgumentHelp("OLD (optional) and NEW.", valueName: "old-or-new"))
        var sides: [String] = []

        func validate() throws {
            guard (1...2).contains(sides.count) else { throw ValidationError("give NEW, or OLD and NEW (a folder or a version each)") }
        }

        func run() throws {
            let old = sides.count == 2 ? try resolve(sides[0]) : try Environment.curriculaURL(nil)
            let new = try resolve(sides.last!)
            let diff = CurriculaDiff(old: try checked(old), new: try checked(new))
            print(CurriculaDiffView(diff).text, terminator: "")
        }

        /// A folder path, or a version listed by `curricula list`.
        func resolve(_ side: String) throws -> URL {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: side, isDirectory: &isDir), isDir.boolValue { return URL(fileURLWithPath: side) }
            if let entry = try CurriculaEntry.all().first(where: { $0.version == side }) { return URL(fileURLWithPath: entry.path) }
            throw HeadwayError(.noInput, "'\(clip(side, 60))' is neither a curricula folder nor an installed version (see `headway curricula list`)")
        }
    }
}
