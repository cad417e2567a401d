import HeadwayCore

/// `curricula diff` as text: a header, then signals, each role (its own changes and the
/// signals acting on it), then the skills graph, in the order the changes are applied.
struct CurriculaDiffView {
    let diff: CurriculaDiff
    init(_ diff: CurriculaDiff) { self.diff = diff }

    var text: String {
        var out: [String] = []
        let old = diff.old.label, new = diff.new.label
        let count = diff.changes.count
        out.append("curricula \(old) -> \(new): \(count == 0 ? "no changes" : "\(count) change\(count == 1 ? "" : "s")")")
        if let release = diff.new.release, diff.old.release != release { out.append("\(release.version): \(release.changes)") }
        func block(_ c: CurriculaChange, indent: String) {
            out.append(indent + c.summary)
            out += c.details.map { indent + "    " + $0 }
        }
        let signals = diff.changes.filter { c in
            if case .signalAdded = c.kind { return true }
            if case .signalRemoved = c.kind { return true }
            if case .signalChanged = c.kind { return true }
            return false
        }
        if !signals.isEmpty {
            out.append("")
            out.append("signals")
            for c in signals { block(c, indent: "  ") }
        }
        let roleIDs = Set(diff.changes.compactMap(\.role)).union(signals.flatMap(\.roles)).sorted()
        if !roleIDs.isEmpty {
            out.append("")
            out.append("roles")
            for id in roleIDs {
                let name = diff.new.role(id)?.name ?? diff.old.role(id)?.name ?? id
                out.append("  \(id) (\(name))")
                for c in signals where c.roles.contains(id) {
                    let effects = c.details.filter {
                        $0.hasPrefix("window ") || $0.hasPrefix("\(id) ") || $0.hasPrefix("+ \(id) ") || $0.hasPrefix("- \(id) ")
                    }
                    out.append("    \(c.summary)" + (effects.isEmpty ? "" : ": " + effects.map { strip($0, id) }.joined(separator: "; ")))
                }
                for c in diff.changes where c.role == id { block(c, indent: "    ") }
            }
        }
        let graph = diff.changes.filter { $0.role == nil && !signals.contains($0) }
        if !graph.isEmpty {
            out.append("")
            out.append("skills")
            for c in graph { block(c, indent: "  ") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// An effect line without its role (it is listed under the role).
    private func strip(_ line: String, _ role: String) -> String {
        for prefix in ["", "+ ", "- "] where line.hasPrefix(prefix + role + " ") {
            return prefix + line.dropFirst(prefix.count + role.count + 1)
        }
        return line
    }
}
