import Foundation
import HeadwayCore
import HeadwayCurricula

/// The ids Tab completes, read from the bundled curricula the first time they are needed.
enum Vocabulary {
    private static let curriculum: Curriculum? = try? Environment.loadCurriculum(nil)

    static func skills() -> [String] { curriculum?.graph.skills.map(\.id) ?? [] }

    /// The tasks of `role`, or of every role when there is none yet.
    static func tasks(role: String? = nil) -> [String] {
        if let role, let r = curriculum?.role(role) { return r.tasks.map(\.id) }
        return curriculum?.roles.flatMap { $0.tasks.map(\.id) } ?? []
    }
}
