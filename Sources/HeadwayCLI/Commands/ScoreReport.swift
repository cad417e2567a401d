import HeadwayApp
import HeadwayCore

/// The JSON of `headway score --json` (`MODEL.md` §7).
struct ScoreReport: Encodable {
    struct MarketJSON: Encodable { let evidence: Double; let barriers: Double; let growth: Double }
    struct TaskJSON: Encodable {
        let id: String
        let name: String
        let share: Double
        let reference: Double
        let depth: Double
        let automation: Double
    }
    struct PartsJSON: Encodable { let base: Double; let evidence: Double; let barriers: Double; let growth: Double }

    let score: Double
    let zone: String
    let label: String
    let taskResistance: Double
    let raw: Double
    let shareAt3Plus: Double
    let market: MarketJSON
    let tasks: [TaskJSON]
    let parts: PartsJSON
    let role: String
    let asOf: String
    let curriculaVersion: String
    /// `[low, high]` to one decimal; left out for a score with no band (a what-if).
    let band: [Double]?

    enum CodingKeys: String, CodingKey {
        case score, zone, label, raw, market, tasks, parts, role, taskResistance, asOf, curriculaVersion, band
        // The snake_case conversion would write `share_at3_plus`: a digit starts no word for it.
        case shareAt3Plus = "share_at_3_plus"
    }

    init(_ s: PersonalScore, role: Role, day: Day, version: String) {
        let r = s.result
        let shown = r.shownParts
        score = r.rounded
        zone = r.zone.rawValue
        label = r.label
        taskResistance = round(r.taskResistance, 4)
        raw = round(r.raw, 4)
        shareAt3Plus = round(r.shareAtThreePlus, 4)
        market = MarketJSON(evidence: round(s.market.evidence, 4), barriers: round(s.market.barriers, 4), growth: round(s.market.growth, 4))
        tasks = s.tasks.map { t in
            TaskJSON(
                id: t.id, name: role.task(t.id)?.name ?? t.id, share: round(t.share, 4), reference: round(t.reference, 4),
                depth: round(t.depth, 4), automation: round(t.automation, 4))
        }
        parts = PartsJSON(base: shown.base, evidence: shown.evidence, barriers: shown.barriers, growth: shown.growth)
        self.role = role.id
        asOf = day.description
        curriculaVersion = version
        band = bandJSON(s.band)
    }
}
