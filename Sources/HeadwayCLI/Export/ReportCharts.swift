import HeadwayCore

/// Colours of the zones and of the skill groups (the groups' palette is Tableau 10, which
/// stays distinct when printed in grey).
enum Palette {
    static let ink = "#1d232b", muted = "#5b6570", grid = "#e3e7eb", accent = "#3558a8"
    static func zone(_ zone: Zone) -> String {
        switch zone {
        case .green: return "#2e7d32"
        case .yellow: return "#b38600"
        case .red: return "#c62828"
        }
    }
    static func zoneBand(_ zone: Zone) -> String {
        switch zone {
        case .green: return "#e8f3e9"
        case .yellow: return "#fbf3dc"
        case .red: return "#fbe6e6"
        }
    }
    private static let groups = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#b8860b", "#b07aa1", "#ff9da7", "#9c755f", "#79706e"]
    static func group(_ id: String, in graph: SkillGraph) -> String {
        let i = graph.groups.firstIndex { $0.id == id } ?? graph.groups.count
        return groups[i % groups.count]
    }
}

/// The report's four charts, each an `<svg>` drawn from the person's numbers.
struct ReportCharts {
    let data: ReportData

    // MARK: Score over time

    /// Snapshots as a solid line, the plan's weekly projection dashed, on the zones' bands.
    func scoreOverTime() -> String {
        let width = 640.0, height = 300.0
        let left = 44.0, right = 20.0, top = 16.0, bottom = 46.0
        var svg = SVG(width: width, height: height, title: "Score over time: snapshots and the plan's weekly projection")
        let actual = data.snapshots.map { ($0.asOf, $0.score) }
        var projected: [(Day, Double)] = []
        // A plan toward another role projects that role's score: not this chart's (issue 25.13).
        if let plan = data.plan, data.target == nil {
            projected = [(plan.start, plan.startScore)] + plan.schedule.map { ($0.start.adding(days: 6), $0.projectedScore) }
        }
        let days = actual.map(\.0) + projected.map(\.0) + [data.day]
        var first = days.min() ?? data.day, last = days.max() ?? data.day
        if first.days(to: last) < 14 { first = first.adding(days: -7); last = last.adding(days: 7) }
        let values = actual.map(\.1) + projected.map(\.1) + [data.now.result.rounded]
        let lowest = values.min() ?? 0, highest = values.max() ?? 100
        var low = ((lowest - 1.5) / 5).rounded(.down) * 5, high = ((highest + 1.5) / 5).rounded(.up) * 5
        low = max(0, low); high = min(100, max(high, low + 5))
        let plotW = width - left - right, plotH = height - top - bottom
        func x(_ d: Day) -> Double { left + Double(first.days(to: d)) / Double(first.days(to: last)) * plotW }
        func y(_ v: Double) -> Double { top + (high - v) / (high - low) * plotH }

        // Zone bands: red below 25, yellow to 48, green above (MODEL.md §2).
        for (zone, from, to) in [(Zone.red, 0.0, 25.0), (.yellow, 25.0, 48.0), (.green, 48.0, 100.0)] {
            let a = max(from, low), b = min(to, high)
            guard b > a else { continue }
            svg.rect(x: left, y: y(b), width: plotW, height: y(a) - y(b), fill: Palette.zoneBand(zone), extra: "class=\"band\"")
            svg.text(zone.rawValue, x: left + plotW - 4, y: y(b) + 14, anchor: "end", size: 12, fill: Palette.zone(zone))
        }
        let step = [1.0, 2, 5, 10, 20].first { (high - low) / $0 <= 8 } ?? 25
        var tick = (low / step).rounded(.up) * step
        while tick <= high + 1e-9 {
            svg.line(x1: left, y1: y(tick), x2: left + plotW, y2: y(tick), stroke: Palette.grid)
            svg.text(fixed(tick, 0), x: left - 6, y: y(tick) + 4, anchor: "end", size: 12, fill: Palette.muted)
            tick += step
        }
        let span = first.days(to: last)
        for i in 0...4 {
            let d = first.adding(days: Int((Double(span) * Double(i) / 4).rounded()))
            svg.line(x1: x(d), y1: top + plotH, x2: x(d), y2: top + plotH + 5, stroke: Palette.muted)
            svg.text(d.description, x: x(d), y: top + plotH + 20, anchor: i == 0 ? "start" : i == 4 ? "end" : "middle", size: 12, fill: Palette.muted)
        }
        svg.line(x1: left, y1: top + plotH, x2: left + plotW, y2: top + plotH, stroke: Palette.muted)

        svg.polyline(projected.map { (x($0.0), y($0.1)) }, stroke: Palette.accent, width: 2, dash: "6 4", cssClass: "series projected")
        for (d, v) in projected.dropFirst() {
            svg.circle(x: x(d), y: y(v), r: 3, fill: "#fff", stroke: Palette.accent, cssClass: "mark projected", tooltip: "\(d): projected \(fixed(v, 1))")
        }
        svg.polyline(actual.map { (x($0.0), y($0.1)) }, stroke: Palette.ink, width: 2.5, cssClass: "series actual")
        for s in data.snapshots {
            svg.circle(
                x: x(s.asOf), y: y(s.score), r: data.snapshots.count > 60 ? 2 : 3.5, fill: Palette.zone(s.zone),
                cssClass: "mark actual", tooltip: "\(s.asOf): \(fixed(s.score, 1)) \(s.label) (\(s.reason))")
        }
        if let last = projected.last {
            svg.text(fixed(last.1, 1), x: x(last.0) - 6, y: y(last.1) - 8, anchor: "end", size: 12, weight: "600", fill: Palette.accent)
        }
        // Legend, under the axis.
        let ly = height - 8
        svg.line(x1: left, y1: ly - 4, x2: left + 22, y2: ly - 4, stroke: Palette.ink, width: 2.5)
        svg.text("actual (snapshots)", x: left + 28, y: ly, size: 12, fill: Palette.muted)
        if !projected.isEmpty {
            svg.line(x1: left + 170, y1: ly - 4, x2: left + 192, y2: ly - 4, stroke: Palette.accent, width: 2, dash: "6 4")
            svg.text("plan projection (end of each week)", x: left + 198, y: ly, size: 12, fill: Palette.muted)
        }
        return svg.render(cssClass: "chart-svg score-chart")
    }

    // MARK: Timeline

    /// The plan's units as bars over its weeks, in the order they are done.
    func timeline() -> String? {
        guard let plan = data.plan, !plan.units.isEmpty else { return nil }
        let graph = data.person.curriculum.graph
        let width = 640.0, labelW = 210.0, right = 12.0, rowH = 26.0, top = 30.0
        let height = top + rowH * Double(plan.units.count) + 12
        var svg = SVG(width: width, height: height, title: "The plan's \(plan.weeks) weeks as a timeline of units")
        let weekW = (width - labelW - right) / Double(plan.weeks)
        let labelEvery = plan.weeks <= 16 ? 1 : plan.weeks <= 32 ? 2 : 4
        for w in 0...plan.weeks {
            let gx = labelW + Double(w) * weekW
            svg.line(x1: gx, y1: top - 6, x2: gx, y2: height - 10, stroke: Palette.grid)
            if w < plan.weeks && (w % labelEvery == 0) {
                svg.text("\(w + (data.programme?.firstWeek(of: plan) ?? 1))", x: gx + weekW / 2, y: top - 12, anchor: "middle", size: 12, fill: Palette.muted)
            }
        }
        svg.text("week", x: labelW - 8, y: top - 12, anchor: "end", size: 12, fill: Palette.muted)
        var done = 0.0
        for (i, u) in plan.units.enumerated() {
            let y = top + Double(i) * rowH
            let name = graph[u.skill]?.name ?? u.skill
            let label = "\(shorten(name, 24)) → \(u.level)"
            svg.text(label, x: labelW - 8, y: y + rowH / 2 + 4.5, anchor: "end", size: 13, fill: Palette.ink)
            let x0 = labelW + done / plan.hoursPerWeek * weekW
            done += u.hours
            let x1 = labelW + done / plan.hoursPerWeek * weekW
            let colour = Palette.group(graph[u.skill]?.group ?? "", in: graph)
            svg.rect(
                x: x0, y: y + 5, width: max(2, x1 - x0), height: rowH - 10, fill: colour, rx: 3, extra: "class=\"mark unit\"",
                tooltip: "\(name) → level \(u.level): \(format(round(u.hours, 1))) h, +\(fixed(u.gain, 2)) points")
            let hours = "\(format(round(u.hours, 1))) h"
            if x1 - x0 > 44 {
                svg.text(hours, x: (x0 + x1) / 2, y: y + rowH / 2 + 4, anchor: "middle", size: 12, weight: "600", fill: "#fff")
            } else if x1 + 40 < width {
                svg.text(hours, x: x1 + 4, y: y + rowH / 2 + 4, size: 12, fill: Palette.muted)
            } else {
                svg.text(hours, x: x0 - 4, y: y + rowH / 2 + 4, anchor: "end", size: 12, fill: Palette.muted)
            }
        }
        return svg.render(cssClass: "chart-svg timeline-chart")
    }

    // MARK: Levels

    /// Levels now and after the plan, for the skills the role's tasks use and the plan's, by group.
    func levels() -> String {
        let graph = data.person.curriculum.graph
        let shown = data.levelSkills
        let width = 640.0, labelW = 250.0, right = 64.0, rowH = 22.0, top = 34.0
        let groups = graph.groups.filter { g in shown.contains { graph[$0]?.group == g.id } }
        let height = top + Double(shown.count) * rowH + Double(groups.count) * 26 + 8
        var svg = SVG(width: width, height: height, title: "Levels now and after the plan, by skill group")
        let trackW = width - labelW - right
        func x(_ level: Double) -> Double { labelW + level / 4 * trackW }
        for l in 0...4 {
            svg.line(x1: x(Double(l)), y1: top - 8, x2: x(Double(l)), y2: height - 8, stroke: Palette.grid)
            let names = ["0 none", "1 aware", "2 working", "3 proficient", "4 expert"]
            svg.text(names[l], x: x(Double(l)), y: top - 14, anchor: l == 0 ? "start" : "middle", size: 12, fill: Palette.muted)
        }
        var y = top
        for g in groups {
            svg.text(g.name, x: 0, y: y + 17, size: 13, weight: "700", fill: Palette.group(g.id, in: graph))
            y += 26
            for id in shown where graph[id]?.group == g.id {
                let before = data.levelsNow[id] ?? 0, after = data.levelsAfter[id] ?? before
                let name = graph[id]?.name ?? id
                svg.text(shorten(name, 28), x: 12, y: y + 15, size: 13, fill: Palette.ink)
                svg.rect(x: x(0), y: y + 6, width: x(4) - x(0), height: 10, fill: "#f1f3f5", rx: 2)
                svg.rect(
                    x: x(0), y: y + 6, width: x(Double(before)) - x(0), height: 10, fill: "#9aa5b1", rx: 2,
                    extra: "class=\"mark level-now\"", tooltip: "\(name): level \(before) now")
                if after > before {
                    svg.rect(
                        x: x(Double(before)), y: y + 6, width: x(Double(after)) - x(Double(before)), height: 10,
                        fill: Palette.group(g.id, in: graph), rx: 2, extra: "class=\"mark level-after\"",
                        tooltip: "\(name): level \(before) → \(after) after the plan")
                }
                svg.text(
                    after > before ? "\(before) → \(after)" : "\(before)", x: width - right + 8, y: y + 15, size: 12,
                    weight: after > before ? "700" : nil, fill: after > before ? Palette.ink : Palette.muted)
                y += rowH
            }
        }
        return svg.render(cssClass: "chart-svg levels-chart")
    }

    // MARK: Explanation

    /// The score's four parts as a waterfall (base, then what evidence, barriers and growth
    /// add), now and at the plan's end.
    func explanation() -> String {
        var series: [(name: String, parts: ScoreParts, total: Double, colour: String)] = [
            ("now", data.now.result.shownParts, data.now.result.rounded, Palette.ink)
        ]
        if let after = data.after { series.append(("after the plan", after.result.shownParts, after.result.rounded, Palette.accent)) }
        let rows = ["Base (task resistance)", "+ Evidence", "+ Barriers", "+ Growth", "= AIJRI"]
        let width = 640.0, labelW = 170.0, right = 64.0, top = 10.0
        let barH = 12.0, rowH = 14.0 + barH * Double(series.count)
        let height = top + rowH * Double(rows.count) + 30
        var svg = SVG(width: width, height: height, title: "The four-part explanation of the score")
        // The scale covers every running total, so a negative part (evidence can be) still shows.
        var lowest = 0.0, highest = 0.0
        for s in series {
            var running = 0.0
            for part in [s.parts.base, s.parts.evidence, s.parts.barriers, s.parts.growth] {
                running += part; lowest = min(lowest, running); highest = max(highest, running)
            }
        }
        highest = max(highest, 1) * 1.04
        func x(_ v: Double) -> Double { labelW + (v - lowest) / (highest - lowest) * (width - labelW - right) }
        for (r, label) in rows.enumerated() {
            let y = top + Double(r) * rowH
            svg.text(label, x: 0, y: y + rowH / 2 + 4, size: 13, weight: r == 4 ? "700" : nil, fill: Palette.ink)
            for (k, s) in series.enumerated() {
                let parts = [s.parts.base, s.parts.evidence, s.parts.barriers, s.parts.growth]
                let from = r == 4 ? 0 : parts.prefix(r).reduce(0, +)
                let value = r == 4 ? s.total : parts[r]
                let to = from + value
                let by = y + 7 + Double(k) * barH
                svg.rect(
                    x: x(min(from, to)), y: by, width: max(1.5, abs(x(to) - x(from))), height: barH - 2,
                    fill: s.colour, rx: 2, extra: "class=\"mark part\" opacity=\"\(r == 4 ? "1" : "0.8")\"",
                    tooltip: "\(rows[r]) \(s.name): \(r == 4 ? fixed(value, 1) : signed(value, 1))")
                svg.text(
                    r == 0 || r == 4 ? fixed(value, 1) : signed(value, 1), x: x(max(from, to)) + 5, y: by + barH - 3,
                    size: 12, fill: s.colour)
            }
        }
        svg.line(x1: x(0), y1: top, x2: x(0), y2: top + rowH * Double(rows.count), stroke: Palette.muted)
        let ly = height - 8
        var lx = labelW
        for s in series {
            svg.rect(x: lx, y: ly - 10, width: 14, height: 10, fill: s.colour, rx: 2)
            svg.text(s.name, x: lx + 20, y: ly, size: 12, fill: Palette.muted)
            lx += 150
        }
        return svg.render(cssClass: "chart-svg parts-chart")
    }
}
