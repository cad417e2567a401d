import HeadwayApp
import HeadwayCore

/// `progress` as text: the plan's position, each week's hours, the pace and the outlook.
extension ProgressReport {
    func render(style: Style) -> String {
        var out: [String] = []
        let position = week == 0 ? "starts \(planStart)" : week > weeksCount ? "ended \(planEnd)" : "week \(week) of \(weeksCount)"
        out.append("Plan \(planStart) to \(planEnd), \(format(hoursPerWeek)) h/week · \(position) · AIJRI \(fixed(score, 1)) as of \(asOf)")
        if let towardNote { out.append(towardNote) }
        out.append("")
        var table = Table(
            ["Week", "From", "Planned", "Logged", "", "Done", "Partial", "Skipped"],
            align: [.right, .left, .right, .right, .left, .left, .left, .left])
        for w in weeks {
            let bar = progressBar(w.planned > 0 ? w.logged / w.planned : (w.logged > 0 ? 1 : 0), width: 10)
            table.add([
                "\(w.week)", w.start, fixed(w.planned, 1), fixed(w.logged, 1), bar,
                w.done.joined(separator: " "), w.partial.joined(separator: " "), w.skipped.joined(separator: " ")
            ])
        }
        out.append(weeks.isEmpty ? "No week of the plan has started yet." : table.render(width: style.width))
        out.append("")
        out.append("Streak: \(streak) week\(streak == 1 ? "" : "s") in a row on plan.")
        guard let pace, let onTrack, let atPace, let remainingHours, let capacity else {
            // No outlook: the plan has ended, or its target role is gone (the note above says so).
            if !summaryText.isEmpty {
                out.append("")
                out += summaryText
            } else if week > weeksCount {
                out.append("The plan has ended; `plan` makes the next one.")
            }
            return out.joined(separator: "\n")
        }
        out.append(againstTheField)
        if let c = paceFactor {
            out.append(
                "Pace factor \(fixed(c.value, 2)): \(format(c.logged)) h logged on \(format(c.curriculumHours)) curriculum hours of \(c.units.count) completed units"
                    + (c.value != c.raw ? " (\(fixed(c.raw, 2)), kept within 0.5-2)" : "") + "; the hours left are scaled by it.")
        }
        out.append("Pace \(fixed(pace, 1)) h/week: \(fixed(remainingHours, 1)) h of planned work left, \(fixed(capacity, 1)) h at this pace by \(planEnd).")
        let short = shortfall ?? 0
        let projected = projectedText(projected, fieldMoved: fieldMoved)
        if onTrack && short <= 0.005 {
            out.append(style.zone("On track:", .green) + " at this pace the plan reaches its projected \(projected).")
        } else if onTrack {
            out.append(
                style.zone("On track:", .green) + " \(fixed(short, 1)) h do not fit, but the plan still reaches its projected \(projected): "
                    + covers.joined(separator: "; ") + ".")
        } else {
            if short > 0.005 {
                out.append(
                    style.zone("Behind:", .yellow)
                        + " \(fixed(short, 1)) h short: at this pace you reach \(fixed(atPace, 1)) by \(planEnd), not the projected \(projected);"
                        + (noWeekLeft ? " this is its last day." : " finishing needs \(fixed(hoursPerWeekNeeded ?? 0, 1)) h/week."))
            } else {
                out.append(
                    style.zone("Behind:", .yellow) + " at this pace you reach \(fixed(atPace, 1)) by \(planEnd), not the projected \(projected).")
            }
            if let replan {
                out.append(
                    "`replan` would give \(fixed(replan.projected, 1)) from week \(replan.fromWeek) at \(format(replan.hoursPerWeek)) h/week"
                        + " (\(replan.units.count) unit\(replan.units.count == 1 ? "" : "s"): \(replan.units.joined(separator: ", "))).")
            }
        }
        return out.joined(separator: "\n")
    }
}
