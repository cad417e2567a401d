import Foundation
import HeadwayCore
import HeadwayCurricula

/// The ids Tab completes, read from the bundled curricula the first time they are needed.
enum Vocabulary {
    private static let curriculum: Curriculum? = try? Environment.loadCurriculum(nil)

    static func skills() -> [String] { curriculum?.graph.skills.map(\.id) ?? [] }

    static func tasks() -> [String] { curriculum?.roles.flatMap { $0.tasks.map(\.id) } ?? [] }
}
