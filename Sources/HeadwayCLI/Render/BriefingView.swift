import HeadwayApp

/// A briefing as text and as Markdown: its sections in order, under its heading.
extension BriefingDocument {
    var heading: String { "Week \(week) of \(weeks) · \(from) to \(to) · profile \(profile)" }

    func text() -> String {
        var out = [heading, "Generated on \(generatedOn)."]
        for s in sections {
            out.append("")
            out.append(s.title)
            out += s.lines.map { $0.hasPrefix("- ") ? "  " + $0 : $0 }
        }
        return out.joined(separator: "\n")
    }

    func markdown() -> String {
        var out = ["# Briefing: week \(week) of \(weeks)", "", "\(from) to \(to) · profile \(profile) · generated on \(generatedOn)"]
        for s in sections {
            out.append("")
            out.append("## \(s.title)")
            out.append("")
            // Paragraphs apart; the bullets of one list together.
            for (i, line) in s.lines.enumerated() {
                if i > 0 && !(line.hasPrefix("- ") && s.lines[i - 1].hasPrefix("- ")) { out.append("") }
                out.append(line)
            }
        }
        return out.joined(separator: "\n")
    }
}
