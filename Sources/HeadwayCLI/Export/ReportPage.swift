import HeadwayCore

/// What the report shows: the person's score now, their history and their plan.
struct ReportData {
    /// The profile name, or the assessment file's name.
    let owner: String
    let person: PersonalModel
    /// The day the report is about (`--as-of`).
    let day: Day
    let plan: Plan?
    /// Score snapshots, oldest first (one computed now for a stateless report).
    let snapshots: [Snapshot]
    let now: PersonalScore
    /// The score at the plan's end with every unit done.
    let after: PersonalScore?
    let levelsNow: [String: Int]
    let levelsAfter: [String: Int]
    /// The programme's week numbering.
    let programme: ProgrammeWeeks?
    /// The person in the role the plan aims at when it was made `--toward` another role: the
    /// plan's scores are theirs, never drawn on the own role's chart (issue 25.13).
    let target: PersonalModel?
    /// The programme's started weeks, planned against logged, as `progress` lists them.
    let weeks: [WeekProgress]

    init(
        owner: String, person: PersonalModel, day: Day, plan: Plan?, snapshots: [Snapshot], programme: ProgrammeWeeks? = nil,
        weeks: [WeekProgress] = []
    ) {
        self.owner = owner; self.person = person; self.day = day; self.plan = plan; self.snapshots = snapshots
        self.weeks = weeks
        self.programme = programme ?? plan.map(ProgrammeWeeks.init)
        levelsNow = person.levels
        let after = plan.map(person.levels(after:)) ?? levelsNow
        levelsAfter = after
        now = person.score(at: day)
        self.after = plan.map { person.score(at: $0.end, levels: after) }
        target = plan.flatMap { $0.toward == nil ? nil : person.inRole(of: $0) }
    }

    /// "Weeks 3–12 of the 12-week programme" or "12 weeks": what the plan covers, named by
    /// its programme.
    var planSpan: String {
        guard let plan else { return "" }
        let numbering = programme ?? ProgrammeWeeks(plan)
        let first = numbering.firstWeek(of: plan)
        if first == 1 && plan.weeks == numbering.count { return "\(plan.weeks) weeks" }
        return "Weeks \(first)–\(first + plan.weeks - 1) of \(numbering.count)"
    }

    /// The skills the levels chart shows: those the role's tasks depend on and those the plan
    /// moves, in graph order.
    var levelSkills: [String] {
        var wanted = Set(person.role.tasks.flatMap { $0.skills.keys })
        for u in plan?.units ?? [] { wanted.insert(u.skill) }
        return person.curriculum.graph.skills.map(\.id).filter(wanted.contains)
    }
}

/// The report as one self-contained HTML page: inline CSS and SVG, no script, no font or
/// image to fetch (its Content-Security-Policy forbids any), readable on a phone and printed.
struct ReportPage {
    let data: ReportData
    /// When the page was made, as shown in its footer.
    let generated: String

    func render() -> String {
        let charts = ReportCharts(data: data)
        let person = data.person
        let r = data.now.result
        var out: [String] = []
        out.append(
            """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <title>Headway report: \(html(data.owner)), \(data.day)</title>
            <style>\(Self.css)</style>
            </head>
            <body>
            <main>
            <header>
            <p class="eyebrow">Headway report · as of \(data.day)</p>
            <h1>\(html(data.owner))</h1>
            <p class="sub">\(html(person.role.name)) (\(person.assessment.seniority.rawValue))\(data.target.map { " · a plan toward \(html($0.role.name))" } ?? "") · AIJRI, the AI job resistance index</p>
            </header>
            """)
        out.append("<div class=\"cards\">")
        out.append(card("AIJRI now", fixed(r.rounded, 1), r.label, colour: Palette.zone(r.zone)))
        if let plan = data.plan, let after = data.after?.result {
            out.append(
                card(
                    data.target == nil ? "After the plan" : "After the plan, in your role", fixed(after.rounded, 1),
                    "\(signed(after.rounded - r.rounded)) by \(plan.end)", colour: Palette.zone(after.zone)))
            if let target = data.target {
                let end = Zone(rounded: (plan.projectedScore * 10).rounded() / 10)
                out.append(
                    card(
                        "In \(target.role.name), the plan's aim", fixed(plan.projectedScore, 1),
                        "from \(fixed(plan.startScore, 1)) at its start, by \(plan.end)", colour: Palette.zone(end)))
            }
            out.append(
                card(
                    "Plan", data.planSpan,
                    "\(format(plan.hoursPerWeek)) h/week · \(plan.units.count) units · "
                        + (plan.optimal ? "proven optimal" : "within \(fixed(plan.gap, 2)) of optimal"), colour: Palette.ink))
        }
        let since = data.snapshots.first.map { "since \($0.asOf)" } ?? ""
        out.append(card("History", "\(data.snapshots.count)", "score snapshot\(data.snapshots.count == 1 ? "" : "s") \(since)", colour: Palette.ink))
        out.append("</div>")

        out.append(
            section(
                "Score over time",
                note: data.plan == nil
                    ? "Each dot is a snapshot: a score as it was shown, with why it moved."
                    : data.target.map {
                        "Dots are snapshots of your score in \(person.role.name) (scores as they were shown). The plan aims at \($0.role.name): its projection there is in the cards above, not on this chart."
                    }
                        ?? "Dots are snapshots (scores as they were shown); the dashed line is the plan's projection at the end of each week.",
                chart: charts.scoreOverTime()))
        if let plan = data.plan {
            if let timeline = charts.timeline() {
                out.append(
                    section(
                        data.planSpan == "\(plan.weeks) weeks" ? "The \(plan.weeks) weeks" : data.planSpan + "-week programme",
                        note:
                            "Each unit takes a skill up one level; bars run over the hours it takes, \(format(plan.hoursPerWeek)) a week, in the order they are done. Colours are skill groups.",
                        chart: timeline))
            } else {
                out.append(
                    "<section><h2>\(html(data.planSpan))</h2><p class=\"note\">No unit fits in these hours: nothing to learn in this plan.</p></section>")
            }
        }
        out.append(
            section(
                "Levels now and after the plan", note: "Skills your role's tasks rely on and the ones the plan moves, by group; 0 none … 4 expert.",
                chart: charts.levels()))
        let p = r.shownParts
        out.append(
            section(
                "What makes the score",
                note:
                    "The score splits into four parts, added in this order: base (from task resistance), then what market evidence, barriers and AI growth add. Now: base \(fixed(p.base, 1)) + evidence \(fixed(p.evidence, 1)) + barriers \(fixed(p.barriers, 1)) + growth \(fixed(p.growth, 1)) = \(fixed(r.rounded, 1)).",
                chart: charts.explanation()))
        if !data.weeks.isEmpty { out.append(hoursTable()) }
        if let plan = data.plan { out.append(weeksTable(plan)) }
        if !data.snapshots.isEmpty { out.append(historyTable()) }
        out.append(
            """
            <footer>Made by Headway 0.1.0 on \(html(generated)) from curricula \(html(String(person.curriculum.version.prefix(12)))). \
            This page loads nothing from the network.</footer>
            </main>
            </body>
            </html>
            """)
        return out.joined(separator: "\n") + "\n"
    }

    private func card(_ label: String, _ value: String, _ detail: String, colour: String) -> String {
        "<div class=\"card\"><div class=\"label\">\(html(label))</div><div class=\"value\" style=\"color:\(colour)\">\(html(value))</div>"
            + "<div class=\"detail\">\(html(detail))</div></div>"
    }

    private func section(_ title: String, note: String, chart: String) -> String {
        "<section><h2>\(html(title))</h2><p class=\"note\">\(html(note))</p><div class=\"chart\">\(chart)</div></section>"
    }

    private func weeksTable(_ plan: Plan) -> String {
        let graph = data.person.curriculum.graph
        var rows: [String] = []
        for w in plan.schedule {
            var cell: [String] = []
            for item in w.items {
                let unit = UnitID(skill: item.skill, level: item.level)
                let acts = item.activities.map { a in
                    let produce = ActivityView.evidence(unit, a.text, graph: graph).map { "<br><span class=\"h\">produce: \(html($0))</span>" } ?? ""
                    return "<li>\(html(a.text)) <span class=\"h\">\(html(ActivityView.tag(a.hours, unit, a.text, graph: graph)))</span>\(produce)</li>"
                }.joined()
                cell.append(
                    "<strong>\(html(graph[item.skill]?.name ?? item.skill)) → \(item.level)</strong> "
                        + "<span class=\"h\">\(format(round(item.hours, 1))) h\(item.completes ? ", completes" : "")</span><ul>\(acts)</ul>")
            }
            if cell.isEmpty { cell.append("<span class=\"h\">nothing new planned: consolidate</span>") }
            let resources = data.person.curriculum.resources(citedBy: w)
            if !resources.isEmpty {
                // Titles only: the report is one self-contained file that names no address
                // (the plan, its Markdown and calendar exports give the locators).
                let links = resources.map { r in "<li>\(html(r.title)) <span class=\"h\">\(html(r.by))</span></li>" }
                cell.append("<span class=\"h\">Learn from:</span><ul>\(links.joined())</ul>")
            }
            rows.append(
                "<tr><td class=\"wk\">\(data.programme?.number(of: w) ?? w.week)<br><span class=\"h\">\(w.start)</span></td><td>\(cell.joined())</td>"
                    + "<td class=\"num\">\(fixed(w.projectedScore, 1))</td></tr>")
        }
        return "<section class=\"weeks\"><h2>Week by week</h2><div class=\"table-wrap\"><table><thead><tr><th>Week</th><th>Things to do</th>"
            + "<th class=\"num\">\(data.target.map { "Projected in \(html($0.role.name))" } ?? "Projected")</th></tr></thead><tbody>\(rows.joined(separator: "\n"))</tbody></table></div></section>"
    }

    /// Planned against logged hours of each started week of the programme (the numbers of
    /// `progress`), with the units done in it.
    private func hoursTable() -> String {
        let graph = data.person.curriculum.graph
        let rows = data.weeks.map { w in
            let done = w.done.map { "\(html(graph[$0.skill]?.name ?? $0.skill)) → \($0.level)" }.joined(separator: ", ")
            return "<tr><td class=\"wk\">\(w.week)<br><span class=\"h\">\(w.start)</span></td><td class=\"num\">\(format(round(w.plannedHours, 1)))</td>"
                + "<td class=\"num\">\(format(round(w.loggedHours, 1)))</td><td>\(done)</td></tr>"
        }
        let planned = data.weeks.reduce(0) { $0 + $1.plannedHours }, logged = data.weeks.reduce(0) { $0 + $1.loggedHours }
        return "<section class=\"hours\"><h2>Hours by week</h2><p class=\"note\">\(format(round(logged, 1))) h logged of "
            + "\(format(round(planned, 1))) h planned in the weeks started so far.</p><div class=\"table-wrap\"><table><thead><tr><th>Week</th>"
            + "<th class=\"num\">Planned h</th><th class=\"num\">Logged h</th><th>Done</th></tr></thead><tbody>\(rows.joined(separator: "\n"))"
            + "</tbody></table></div></section>"
    }

    private func historyTable() -> String {
        let rows = data.snapshots.reversed().map { s in
            "<tr><td>\(s.asOf)</td><td class=\"num\">\(fixed(s.score, 1))</td><td style=\"color:\(Palette.zone(s.zone))\">\(html(s.label))</td>"
                + "<td class=\"num\">\(fixed(s.parts.base, 1)) + \(fixed(s.parts.evidence, 1)) + \(fixed(s.parts.barriers, 1)) + \(fixed(s.parts.growth, 1))</td>"
                + "<td>\(html(s.reason.description))</td></tr>"
        }
        return "<section class=\"history\"><h2>History</h2><div class=\"table-wrap\"><table><thead><tr><th>As of</th><th class=\"num\">Score</th>"
            + "<th>Zone</th><th class=\"num\">Parts</th><th>Why</th></tr></thead><tbody>\(rows.joined(separator: "\n"))</tbody></table></div></section>"
    }

    /// System fonts only (no download); on a phone the charts keep a legible minimum width and
    /// scroll sideways inside their box; printed, boxes drop their chrome and do not split.
    static let css = """
        :root{--ink:#1d232b;--muted:#5b6570;--line:#d9dee3}
        *{box-sizing:border-box}
        body{margin:0;background:#f4f6f8;color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;-webkit-text-size-adjust:100%}
        main{max-width:880px;margin:0 auto;padding:24px 16px 40px}
        header h1{margin:0;font-size:28px;line-height:1.2}
        .eyebrow{margin:0 0 4px;color:var(--muted);font-size:13px;text-transform:uppercase;letter-spacing:.06em}
        .sub{margin:4px 0 16px;color:var(--muted)}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(180px,1fr));gap:12px}
        .card,section{background:#fff;border:1px solid var(--line);border-radius:10px}
        .card{padding:12px 14px}
        .card .label{color:var(--muted);font-size:13px}
        .card .value{font-size:26px;font-weight:700;line-height:1.2}
        .card .detail{font-size:13px;color:var(--muted)}
        section{margin-top:16px;padding:16px 18px}
        h2{margin:0 0 4px;font-size:18px}
        .note{margin:0 0 10px;color:var(--muted);font-size:14px}
        .chart{overflow-x:auto}
        .chart svg{display:block;width:100%;height:auto;font-family:inherit}
        table{border-collapse:collapse;width:100%;font-size:14px}
        th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid var(--line)}
        th{font-size:13px;color:var(--muted);font-weight:600}
        .num{text-align:right;white-space:nowrap}
        td ul{margin:2px 0 6px;padding-left:18px}
        .h{color:var(--muted);font-size:13px}
        .wk{white-space:nowrap}
        .table-wrap{overflow-x:auto}
        footer{margin-top:20px;color:var(--muted);font-size:12px}
        @media (max-width:600px){
          body{font-size:14px}
          main{padding:14px 10px 28px}
          header h1{font-size:23px}
          section{padding:12px}
          .chart svg{min-width:440px}
          th,td{padding:5px 4px}
        }
        @media print{
          @page{margin:14mm}
          body{background:#fff;font-size:10.5pt}
          main{max-width:none;padding:0}
          .card,section{border:none;border-radius:0;padding:0;margin-top:14px}
          .cards{grid-template-columns:repeat(4,1fr)}
          section,.card,tr{break-inside:avoid}
          .chart{overflow:visible}
          .chart svg{min-width:0;max-height:120mm}
          *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        }
        """
}

/// `text` cut to `limit` characters with an ellipsis.
func shorten(_ text: String, _ limit: Int) -> String {
    text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
}
