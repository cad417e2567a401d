import HeadwayCore

/// A ``Portfolio`` as Markdown, HTML or JSON: what a person attaches to a promotion case or an
/// application.
struct PortfolioView {
    let portfolio: Portfolio
    let owner: String
    let curriculum: Curriculum

    private var roleName: String { curriculum.role(portfolio.role)?.name ?? portfolio.role }

    private var headline: String {
        "\(roleName) · \(portfolio.since) to \(portfolio.day) · AIJRI \(fixed(portfolio.startScore, 1)) → \(fixed(portfolio.score, 1)) "
            + "(\(signed(portfolio.score - portfolio.startScore)): your work and the field together)"
    }

    func markdown() -> String {
        var out = ["# Portfolio: \(markdownInline(owner))", "", headline, ""]
        if portfolio.skills.isEmpty {
            out.append("No unit completed in this period yet: log work with `--evidence` and it appears here.")
        }
        for g in portfolio.skills {
            out.append(
                "## \(markdownInline(g.name)): level \(g.from) → \(g.to) · \(format(round(g.hours, 1))) h · \(signed(g.scoreChange, 2)) points")
            out.append("")
            for u in g.units {
                out.append("- Level \(u.level), completed \(u.completed), \(format(round(u.hours, 1))) h logged")
                for a in u.activities { out.append("  - did: \(markdownInline(a))") }
                for e in u.evidence { out.append("  - evidence: \(markdownInline(e))") }
                if u.evidence.isEmpty { out.append("  - evidence: none logged (`log edit` cannot add it; log the next piece with `--evidence`)") }
            }
            out.append("")
        }
        if !portfolio.otherEvidence.isEmpty {
            out.append("## Work in progress")
            out.append("")
            for e in portfolio.otherEvidence { out.append("- evidence: \(markdownInline(e))") }
            out.append("")
        }
        out.append("## Certifications within reach")
        out.append("")
        if portfolio.certifications.isEmpty { out.append("None yet: their skills are not at working level (2).") }
        for c in portfolio.certifications {
            let gap =
                c.toStrengthen.isEmpty
                ? "your levels cover it" : "strengthen " + c.toStrengthen.map { curriculum.graph[$0]?.name ?? $0 }.joined(separator: ", ")
            out.append("- [\(markdownInline(c.resource.title))](\(ActivityView.href(c.resource))) (\(markdownInline(c.resource.by))): \(markdownInline(gap))")
        }
        return out.joined(separator: "\n") + "\n"
    }

    func html() -> String {
        var body = "<h1>Portfolio: \(HeadwayCLI.html(owner))</h1><p>\(HeadwayCLI.html(headline))</p>"
        for g in portfolio.skills {
            body += "<h2>\(HeadwayCLI.html(g.name)): level \(g.from) → \(g.to)</h2>"
            body += "<p>\(format(round(g.hours, 1))) h · \(signed(g.scoreChange, 2)) points</p><ul>"
            for u in g.units {
                body += "<li>Level \(u.level), completed \(u.completed), \(format(round(u.hours, 1))) h<ul>"
                for a in u.activities { body += "<li>did: \(HeadwayCLI.html(a))</li>" }
                for e in u.evidence { body += "<li>evidence: \(link(e))</li>" }
                body += "</ul></li>"
            }
            body += "</ul>"
        }
        if !portfolio.otherEvidence.isEmpty {
            body += "<h2>Work in progress</h2><ul>" + portfolio.otherEvidence.map { "<li>\(link($0))</li>" }.joined() + "</ul>"
        }
        body += "<h2>Certifications within reach</h2><ul>"
        for c in portfolio.certifications {
            body += "<li><a href=\"\(HeadwayCLI.html(ActivityView.href(c.resource)))\">\(HeadwayCLI.html(c.resource.title))</a></li>"
        }
        body += "</ul>"
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
            + "<title>Portfolio: \(HeadwayCLI.html(owner))</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:48em;margin:2em auto;padding:0 1em}</style>"
            + "</head><body>\(body)</body></html>\n"
    }

    /// Evidence that is an https URL becomes a link; anything else is text.
    private func link(_ e: String) -> String {
        e.hasPrefix("https://") && !e.contains(where: \.isWhitespace)
            ? "<a href=\"\(HeadwayCLI.html(e))\">\(HeadwayCLI.html(e))</a>" : HeadwayCLI.html(e)
    }
}
