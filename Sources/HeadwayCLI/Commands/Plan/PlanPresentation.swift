import ArgumentParser
import Foundation
import HeadwayApp
import HeadwayCore
import HeadwayStore

/// "Toward X: you start at 42.7 there (Yellow) and at 49.1 in your own role, Y (Green (Transforming))."
func towardLine(own: PersonalModel, target: PersonalModel, day: Day) -> String {
    let there = target.score(at: day).result, here = own.score(at: day).result
    return "Toward \(target.role.name): you start at \(fixed(there.rounded, 1)) there (\(there.label)) and at "
        + "\(fixed(here.rounded, 1)) in your own role, \(own.role.name) (\(here.label)). The plan raises your score there."
}

/// Prints a plan as `plan --json`'s document or as the human view, whole or one week of it.
/// `outlook`: what more access would add (a plan just made); its lines follow the plan.
func present(
    _ plan: Plan, curriculum: Curriculum, role: Role, json: Bool, onlyWeek: Int? = nil,
    programme: ProgrammeWeeks? = nil, outlook: AccessOutlook? = nil
) throws {
    if json {
        var report = PlanReport(plan, curriculum: curriculum, role: role, programme: programme)
        if let outlook { report.add(outlook) }
        if let onlyWeek { report = report.only(week: onlyWeek) }
        try printJSON(report)
    } else {
        print(PlanView(plan: plan, curriculum: curriculum, role: role, style: .current(), onlyWeek: onlyWeek, programme: programme).render())
        if let outlook {
            print("")
            for line in AccessView.lines(outlook, plan: plan, price: curriculum.gpuHourPrice) { print(line) }
        }
    }
}

/// "Not in this plan: vLLM → 3 (3 h logged) …": work in progress a plan leaves out, never
/// dropped silently (a plan `--toward` another role may not need it).
func leftOutLines(_ plan: Plan, spent: [UnitID: Double], person: PersonalModel) -> [String] {
    plan.leavesOut(spent: spent).map { item in
        let name = person.curriculum.graph[item.unit.skill].map { "\($0.name) → \(item.unit.level)" } ?? item.unit.description
        return "Not in this plan: \(name), with \(format(round(item.hours, 2))) h logged on it; "
            + "`--include \(item.unit.skill)=\(item.unit.level)` keeps it (the hours logged stay in your record)."
    }
}
