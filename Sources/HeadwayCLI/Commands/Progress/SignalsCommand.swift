import ArgumentParser
import Foundation
import HeadwayApp
import HeadwayCore
import HeadwayStore

/// `headway signals`: the changes in the field acting on your role and what they do to you.
struct SignalsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signals", _superCommandName: leafSuperCommand,
        abstract: "Changes in the field: window, effect on your score, skills that answer them.",
        discussion: """
            Effect = your score with the signal's drift minus your score without it, now and once \
            its window is complete (with your current levels). A signal is coming before its window, \
            under way inside it, and complete after it (its effect then stays).
            """)

    @OptionGroup var model: ModelOptions
    @OptionGroup var store: StoreOptions
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let (report, written, _, _) = try withProfileProgress(model, store) { p, _ in SignalReport.all(p) }
        if json { try printJSON(report); return }
        for line in signalNotes(written) { Console.out(line) }
        Console.out(SignalReport.render(report, style: .current()))
    }
}

/// One signal as it touches this person.
struct SignalReport: Encodable {
    struct Answer: Encodable { let skill: String; let name: String; let level: Int }
    let id: String
    let title: String
    let from: String
    let to: String
    let status: String
    let progress: Double
    let effectNow: Double
    let effectComplete: Double
    let answeredBy: [Answer]
    let note: String

    enum CodingKeys: String, CodingKey {
        case id, title, from, to, status, progress, note
        case effectNow = "effect_now", effectComplete = "effect_complete", answeredBy = "answered_by"
    }

    init(_ s: Signal, _ p: ProfileProgress, on day: Day) {
        let person = p.person(at: day)
        id = s.id; title = s.title; note = s.note
        from = s.window.from.description; to = s.window.to.description
        let ramp = s.window.ramp(at: day)
        status = day < s.window.from ? "coming" : day >= s.window.to ? "complete" : "under way"
        progress = round(ramp, 3)
        effectNow = round(person.effect(of: s.id, at: day), 2)
        effectComplete = round(person.effect(of: s.id, at: max(day, s.window.to), levels: person.levels), 2)
        answeredBy = s.answeredBy.map { Answer(skill: $0, name: p.name($0), level: person.level(of: $0)) }
    }

    static func all(_ p: ProfileProgress) -> [SignalReport] { p.person.roleSignals.map { SignalReport($0, p, on: p.day) } }

    /// "takes 0.3 points off your score now", "adds 0.1", "does not move it yet".
    var effectSentence: String {
        func points(_ x: Double) -> String { "\(fixed(abs(x), 2)) point\(abs(x) == 1 ? "" : "s")" }
        let now =
            effectNow == 0
            ? "does not move your score yet" : effectNow < 0 ? "takes \(points(effectNow)) off your score now" : "adds \(points(effectNow)) to your score now"
        if status == "complete" || effectComplete == effectNow { return now }
        return now + (effectComplete < 0 ? ", \(points(effectComplete)) off once complete" : ", adds \(points(effectComplete)) once complete")
    }

    var answerText: String {
        answeredBy.map { "\($0.name) (you: \($0.level))" }.joined(separator: ", ")
    }

    static func render(_ all: [SignalReport], style: Style) -> String {
        guard !all.isEmpty else { return "No signal in the curricula acts on your role." }
        var table = Table(
            ["Signal", "Window", "Status", "Now", "Complete", "Answered by"],
            align: [.left, .left, .left, .right, .right, .left])
        for s in all {
            let status = s.status == "under way" ? "under way, \(fixed(s.progress * 100, 0))%" : s.status
            table.add([
                s.title, "\(s.from) to \(s.to)", status, signed(s.effectNow, 2), signed(s.effectComplete, 2),
                s.answeredBy.map { "\($0.skill) \($0.level)" }.joined(separator: ", ")
            ])
        }
        return table.render(width: style.width)
            + "\n\nNow / Complete: points the signal adds to (or takes off) your score, now and once its window is complete."
    }
}
