import ArgumentParser
import Foundation
import HeadwayApp
import HeadwayCore
import HeadwayStore

/// This week's plan items and their activities, numbered for the interactive `log`.
struct LogChoices {
    struct Choice {
        let unit: UnitID
        let activity: String?
        let hours: Double
    }
    let progress: ProfileProgress
    let week: PlanWeek?
    let items: [Choice]

    init(progress: ProfileProgress) {
        self.progress = progress
        let programme = progress.planProgress
        week = programme.flatMap { $0.plannedWeek($0.week) }
        var items: [Choice] = []
        let person = progress.person
        for item in week?.items ?? [] where person.level(of: item.skill) < item.level {
            let unit = UnitID(skill: item.skill, level: item.level)
            items.append(Choice(unit: unit, activity: nil, hours: item.hours))
            // What the record counts as done (the core's rule, as `plan` and `brief` read it).
            let done = progress.record.doneActivities(of: unit, through: progress.day)
            for a in item.activities where !done.contains(a.text) {
                items.append(Choice(unit: unit, activity: a.text, hours: a.hours))
            }
        }
        self.items = items
    }

    func menu() -> [String] {
        guard let week else { return ["No plan week on \(progress.day); name the unit (skill[:level])."] }
        guard !items.isEmpty else { return ["Week \(week.week) of your plan has nothing left to do; name another unit (skill[:level])."] }
        var out = ["Week \(week.week) (from \(week.start)): what did you work on?"]
        for (i, c) in items.enumerated() {
            let n = String(i + 1).leftPadded(3)
            if let a = c.activity {
                out.append("\(n)    - \(a) [\(format(round(c.hours, 1))) h]")
            } else {
                let logged = progress.record.hoursSpent(on: c.unit, through: progress.day)
                let total = progress.curriculum.graph[c.unit.skill]?.hours(toLevel: c.unit.level) ?? 0
                out.append(
                    "\(n)  \(progress.name(c.unit)), the whole unit (\(format(round(c.hours, 1))) h this week; \(format(round(logged, 1))) of \(format(total)) h logged)"
                )
            }
        }
        return out
    }

    func pick(_ answer: String) throws -> Choice {
        if let n = Int(answer) {
            guard (1...max(1, items.count)).contains(n), !items.isEmpty else {
                throw HeadwayError(.usage, "'\(clip(answer, 20))' is not on the list; allowed: 1..\(items.count), or skill[:level]")
            }
            return items[n - 1]
        }
        let typed = try UnitArgument.parse(answer, key: "unit")
        let skill = try progress.curriculum.skill(typed.skill).id
        let level = typed.level ?? progress.person.level(of: skill) + 1
        guard level <= 4 else { throw HeadwayError(.data, "\(skill) is already at level 4; there is no unit left to log") }
        let planned = week?.items.first { $0.skill == skill && $0.level == level }?.hours
        return Choice(
            unit: UnitID(skill: skill, level: level), activity: nil,
            hours: planned ?? min(24, progress.curriculum.graph[skill]?.hours(toLevel: level) ?? 1))
    }
}

extension LogChoices {
    /// The activity of `typed`'s unit whose text contains `words` (case-insensitively): this
    /// week's planned hours for it when it is in the week, else the curriculum's.
    func activity(matching words: String, of typed: UnitArgument) throws -> Choice {
        let skill = try progress.curriculum.skill(typed.skill)
        let level = typed.level ?? progress.person.level(of: skill.id) + 1
        guard (1...4).contains(level) else { throw HeadwayError(.data, "\(skill.id) is already at level 4; there is no unit left to log") }
        let unit = UnitID(skill: skill.id, level: level)
        let planned = items.filter { $0.unit == unit && $0.activity != nil }
        let all: [Choice] =
            planned.isEmpty
            ? (skill.activities[level] ?? []).map { Choice(unit: unit, activity: $0.text, hours: $0.step.hours) } : planned
        let found = all.filter { $0.activity!.localizedCaseInsensitiveContains(words) }
        guard found.count == 1 else {
            let listed = all.map { "'\(clip($0.activity!, 50))'" }.joined(separator: ", ")
            throw HeadwayError(
                .usage,
                found.isEmpty
                    ? "no activity of \(unit) contains '\(clip(words, 40))'; its activities: \(listed)"
                    : "'\(clip(words, 40))' matches \(found.count) activities of \(unit); type more of one: \(listed)")
        }
        return found[0]
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
