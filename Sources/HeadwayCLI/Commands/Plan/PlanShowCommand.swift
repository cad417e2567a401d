import ArgumentParser
import Foundation
import HeadwayApp
import HeadwayCore
import HeadwayStore

/// `headway plan show [WEEK]`: the profile's current plan, or one week of it.
struct PlanShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", _superCommandName: leafSuperCommand, abstract: "Show the current plan, or one week of it.")

    @OptionGroup var model: ModelOptions
    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("A week of the plan (1..W).", valueName: "week")) var week: Int?
    @Flag(help: "Print JSON (stable keys, snake_case; the same data as the text).") var json = false

    func run() throws {
        let (subject, curriculum) = try Subject.resolve(model, nil, store)
        let (plan, programme) = try subject.planInForce()
        let numbering = programme.numbering
        // A plan made --toward a role is shown in that role: its tasks are the ones it lowers.
        func role(of p: Plan) -> Role { p.toward.flatMap(curriculum.role) ?? subject.person.role }
        guard let week else {
            if !json, let toward = plan.toward.flatMap(curriculum.role) {
                print("Toward \(toward.name): the plan raises your score there (`replan --toward \(subject.person.role.id)` aims at your own role again).")
            } else if !json, let dropped = droppedTargetSentence(plan, curriculum: curriculum) {
                print(dropped)
            }
            return try present(plan, curriculum: curriculum, role: role(of: plan), json: json, programme: numbering)
        }
        guard (1...numbering.count).contains(week) else {
            throw HeadwayError(.usage, "week \(week) is not in the plan; allowed: 1..\(numbering.count)")
        }
        // A week before the last replan is shown as the plan that covered it had it.
        let weekStart = numbering.start(ofWeek: week)
        let covering = programme.programme.last { $0.start <= weekStart } ?? plan
        try present(covering, curriculum: curriculum, role: role(of: covering), json: json, onlyWeek: week, programme: numbering)
        if !json && covering != plan, let next = programme.programme.first(where: { $0.start > weekStart }) {
            print("(week \(week) as planned before the replan from \(next.start); `plan show` shows the current plan)")
        }
    }
}
