import ArgumentParser
import Foundation
import HeadwayApp
import HeadwayCore

/// `headway roles`: the person's score in every role of the curricula, with their own levels.
struct RolesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roles", _superCommandName: leafSuperCommand,
        abstract: "Your score in every role with your levels: where you would be safest, and what moves you there.",
        discussion: """
            Each role is scored with your levels (answered, else your seniority's default), that \
            role's own time shares and market, and its seniority: a role whose published numbers \
            describe a more senior holder expects more of every skill. Highest first, with the gap to \
            your own role and the three skills whose next level would raise that role's score most. \
            `plan --toward ROLE` plans for a move. See docs/ROLES.md.
            """)

    @OptionGroup var model: ModelOptions
    @OptionGroup var input: AssessmentOption
    @OptionGroup var store: StoreOptions
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let curriculum = try model.curriculum()
        let day = model.day()
        let person = try Subject.resolve(curriculum, input, store, day: day).person
        let fits = person.roleFits(at: day)
        if json {
            try printJSON(RolesReport(person: person, fits: fits, day: day, version: curriculum.version))
            return
        }
        print(RolesView(person: person, fits: fits, day: day, style: .current()).render())
    }
}

/// `roles --json`.
struct RolesReport: Encodable {
    struct StepJSON: Encodable {
        let skill: String
        let from: Int
        let to: Int
        let gain: Double
        let hours: Double
    }
    struct RoleJSON: Encodable {
        let id: String
        let name: String
        let seniority: String
        let score: Double
        /// `[low, high]` to one decimal, as `score --json` writes it.
        let band: [Double]?
        let zone: String
        let label: String
        let gap: Double
        let own: Bool
        let publishedScore: Double?
        let skills: [StepJSON]
        enum CodingKeys: String, CodingKey {
            case id, name, seniority, score, band, zone, label, gap, own, skills
            case publishedScore = "published_score"
        }
    }
    let role: String
    let score: Double
    let asOf: String
    let curriculaVersion: String
    let roles: [RoleJSON]
    enum CodingKeys: String, CodingKey {
        case role, score, roles
        case asOf = "as_of"
        case curriculaVersion = "curricula_version"
    }

    init(person: PersonalModel, fits: [RoleFit], day: Day, version: String) {
        role = person.role.id
        score = fits.first { $0.isOwn }?.score.result.rounded ?? 0
        asOf = day.description
        curriculaVersion = version
        roles = fits.map { f in
            RoleJSON(
                id: f.role.id, name: f.role.name, seniority: f.role.seniority.rawValue, score: f.score.result.rounded,
                band: bandJSON(f.band), zone: f.score.result.zone.rawValue, label: f.score.result.label, gap: f.gap, own: f.isOwn,
                publishedScore: f.role.publishedScore,
                skills: f.steps.map { StepJSON(skill: $0.skill, from: $0.from, to: $0.to, gain: round($0.gain, 2), hours: $0.hours) })
        }
    }
}

/// The human form of `roles`: one row per role. Columns are built in one place so another
/// column (an uncertainty band, say) is one more entry.
struct RolesView {
    let person: PersonalModel
    let fits: [RoleFit]
    let day: Day
    let style: Style

    func render() -> String {
        var out = ["Your score in every role, with your levels (\(person.assessment.seniority.rawValue)), as of \(day)"]
        var table = Table(
            ["", "Role", "Seniority", "Score", "Likely", "Zone", "Gap"],
            align: [.left, .left, .left, .right, .left, .left, .right])
        for f in fits {
            let r = f.score.result
            table.add([
                f.isOwn ? "▶" : "", f.role.name, f.role.seniority.rawValue, fixed(r.rounded, 1), likelyRange(f.band), r.label,
                f.isOwn ? "yours" : signed(f.gap)
            ])
        }
        out.append(table.render(width: style.width))
        out.append("")
        out.append("Next levels that would move you most in each role (+points):")
        let width = fits.map(\.role.name.count).max() ?? 0
        for f in fits {
            let steps = f.steps.map { "\($0.skill) \($0.from)→\($0.to) +\(fixed($0.gain, 1))" }.joined(separator: ", ")
            out.append("  " + f.role.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + (steps.isEmpty ? "none" : steps))
        }
        out.append("")
        out.append("Likely: the range your score would fall in if the levels you were unsure of, or did not answer, were one off.")
        out.append("Gap: the role's score minus yours in your own role. Green is 48 or more, Yellow 25 to 48, Red below 25.")
        out.append("Plan for a move with `headway plan --toward ROLE`.")
        return out.joined(separator: "\n")
    }
}
