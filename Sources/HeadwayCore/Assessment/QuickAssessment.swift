/// The quick assessment's rule (`docs/ASSESS.md`): ask the skills in the order they can move
/// this person's score most (``PersonalModel/levelImpact(at:order:)``), and stop after ``limit``
/// of them, or once the skills not asked could likely (between the band's percentiles) move the
/// score by less than ``enough`` points either way.
public enum QuickAssessment {
    /// Skill questions asked at most.
    public static let limit = 15
    /// Points the skills not asked may still move the score by when the questions stop.
    public static let enough = 1.0

    /// The next skill to ask of `order` (most impact first), or `nil` to stop. `person` is the
    /// model the answers so far describe (`nil` before there is one: keep asking).
    public static func nextSkill(order: [String], asked: Set<String>, person: PersonalModel?, at day: Day) -> String? {
        guard asked.count < limit else { return nil }
        let rest = order.filter { !asked.contains($0) }
        guard let first = rest.first else { return nil }
        if let person, restCouldMove(Set(rest), person: person, at: day) < enough { return nil }
        return first
    }

    /// How far, at most, the skills in `rest` could likely move the score either way.
    public static func restCouldMove(_ rest: Set<String>, person: PersonalModel, at day: Day) -> Double {
        let inputs = person.inputs(at: day)
        let score = inputs.score(levels: person.levels).result.value
        let band = inputs.band(levels: person.levels, uncertain: rest)
        return max(band.high - score, score - band.low)
    }
}
