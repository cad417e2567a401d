import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayCurricula

/// `--curricula` and `--as-of`, shared by every command that computes.
struct ModelOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Use another curricula folder of the same format.", valueName: "dir"))
    var curricula: String?

    @Option(name: .customLong("as-of"), help: Day.help("Compute as of this day (default today)."))
    var asOf: Day?

    /// `activities` false: for a command that reads no skill's activities (see
    /// ``Environment/loadCurriculum(_:activities:)``).
    func curriculum(activities: Bool = true) throws -> Curriculum { try Environment.loadCurriculum(curricula, activities: activities) }
    func day() -> Day { asOf ?? Environment.today() }
}

/// `--assessment FILE`: a stateless run on an assessment file.
struct AssessmentOption: ParsableArguments {
    @Option(help: ArgumentHelp("Assessment file (YAML or JSON); the run stays stateless.", valueName: "file"))
    var assessment: String?

    func load(_ curriculum: Curriculum) throws -> Assessment? {
        guard let assessment else { return nil }
        do { return try AssessmentLoader.load(URL(fileURLWithPath: assessment), displayName: assessment, curriculum: curriculum) } catch {
            throw HeadwayError.assessmentFile(error)
        }
    }
}

/// Parses `skill=level` pairs, comma-separated or repeated.
func parseLevelPairs(_ values: [String], flag: String, curriculum: Curriculum, levels: ClosedRange<Int> = Level.range) throws -> [String: Int] {
    var out: [String: Int] = [:]
    for item in values.flatMap({ $0.split(separator: ",").map(String.init) }) {
        let parts = item.split(separator: "=", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else {
            throw HeadwayError(.usage, "\(flag) '\(item)' is not SKILL=LEVEL (e.g. vllm=3)")
        }
        let skill = try curriculum.skill(typed: String(parts[0]), context: flag).id
        guard let level = Int(parts[1]), levels.contains(level) else {
            throw HeadwayError(.usage, "\(flag) \(skill)=\(parts[1]): level must be \(levels.lowerBound)..\(levels.upperBound)")
        }
        out[skill] = level
    }
    return out
}

/// A skill id and a level 0-4 typed as command arguments, checked against the curriculum, with
/// a suggestion for a near miss.
func checkedSkillLevel(_ skill: String, _ level: String, in curriculum: Curriculum) throws -> (skill: Skill, level: Int) {
    let node = try curriculum.skill(typed: skill)
    guard let value = Int(level), Level.range.contains(value) else {
        throw HeadwayError(
            .usage,
            "level '\(clip(level, 20))' is not allowed; allowed: 0-4 ("
                + Level.range.map { "\($0) \(Level.meaning($0).split(separator: ":")[0])" }.joined(separator: ", ") + ")")
    }
    return (node, value)
}
