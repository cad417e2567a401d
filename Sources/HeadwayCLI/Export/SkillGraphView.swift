import HeadwayCore

/// The skills graph for people (a tree in the terminal) and for Graphviz (DOT), with the
/// person's levels and plan when there is one.
struct SkillGraphView {
    let graph: SkillGraph
    /// The person's levels, when a profile or an assessment is known.
    var levels: [String: Int]? = nil
    /// The level each skill reaches in the plan, for the skills the plan moves.
    var planned: [String: Int] = [:]

    // MARK: Terminal

    /// One skill: what it needs (recursively) and what it unlocks (recursively).
    func tree(of id: String, style: Style) -> String {
        let skill = graph[id]!
        var out: [String] = []
        let group = graph.groups.first { $0.id == skill.group }?.name ?? skill.group
        out.append(style.bold("\(skill.name) (\(skill.id))") + " · \(skill.kind.rawValue) · \(group)" + status(id, style: style))
        out.append("  " + skill.description)
        out.append("")
        out.append(style.bold("Needs") + (skill.requires.isEmpty ? ": nothing first" : ""))
        var seen = Set<String>()
        func needs(_ id: String, _ prefix: String) {
            let requires = graph[id]?.requires.filter { graph.contains($0.skill) } ?? []
            for (i, p) in requires.enumerated() {
                let last = i == requires.count - 1
                let again = seen.contains(p.skill)
                out.append(
                    prefix + (last ? "└─ " : "├─ ") + "\(name(p.skill)) ≥ \(p.level)" + met(p, style: style)
                        + status(p.skill, style: style) + (again && !(graph[p.skill]?.requires.isEmpty ?? true) ? style.dim(" (its needs shown above)") : ""))
                if !again {
                    seen.insert(p.skill)
                    needs(p.skill, prefix + (last ? "   " : "│  "))
                }
            }
        }
        needs(id, "")
        out.append("")
        let direct = graph.unlocks(id)
        out.append(style.bold("Unlocks") + (direct.isEmpty ? ": nothing in the graph needs it" : ""))
        seen = []
        func unlocks(_ id: String, _ prefix: String) {
            let list = graph.unlocks(id)
            for (i, u) in list.enumerated() {
                let last = i == list.count - 1
                let again = seen.contains(u.skill)
                out.append(
                    prefix + (last ? "└─ " : "├─ ") + name(u.skill) + style.dim(" (needs \(name(id)) ≥ \(u.level))")
                        + status(u.skill, style: style) + (again && !graph.unlocks(u.skill).isEmpty ? style.dim(" (what it unlocks is shown above)") : ""))
                if !again {
                    seen.insert(u.skill)
                    unlocks(u.skill, prefix + (last ? "   " : "│  "))
                }
            }
        }
        unlocks(id, "")
        return out.joined(separator: "\n")
    }

    /// Every skill, by group, with its direct prerequisites and how many skills it unlocks.
    func overview(style: Style) -> String {
        var out: [String] = []
        var unlockCount: [String: Int] = [:]
        for s in graph.skills { for p in s.requires { unlockCount[p.skill, default: 0] += 1 } }
        for g in graph.groups {
            let skills = graph.skills.filter { $0.group == g.id }
            guard !skills.isEmpty else { continue }
            if !out.isEmpty { out.append("") }
            out.append(style.bold(g.name))
            for s in skills {
                var line = "  \(s.name) (\(s.id))"
                if !s.requires.isEmpty { line += style.dim(" ← " + s.requires.map { "\($0.skill) ≥ \($0.level)" }.joined(separator: ", ")) }
                if let n = unlockCount[s.id] { line += style.dim(" · unlocks \(n)") }
                out.append(line + status(s.id, style: style))
            }
        }
        out.append("")
        out.append("`graph SKILL` shows one skill's prerequisites and what it unlocks; `graph --dot` writes Graphviz DOT.")
        return out.joined(separator: "\n")
    }

    private func name(_ id: String) -> String { graph[id]?.name ?? id }

    /// "  · you: 1 · plan → 3" for a person; nothing without one.
    private func status(_ id: String, style: Style) -> String {
        var parts: [String] = []
        if let l = levels?[id] { parts.append("you: \(l)") }
        if let target = planned[id] { parts.append(style.bold(style.paint("plan → \(target)", "36"))) }
        return parts.isEmpty ? "" : " · " + parts.joined(separator: " · ")
    }

    /// " ✓" when the person already meets a prerequisite.
    private func met(_ p: Prerequisite, style: Style) -> String {
        guard let l = levels?[p.skill] else { return "" }
        return l >= p.level ? style.paint(" ✓", "32") : ""
    }

    // MARK: Graphviz

    /// The skills `id` needs and that it unlocks, both followed all the way, with `id` itself.
    func neighbourhood(of id: String) -> Set<String> {
        var shown: Set<String> = [id]
        shown.formUnion(graph.prerequisiteClosure(of: id).keys.filter(graph.contains))
        var queue = [id]
        while let next = queue.popLast() {
            for u in graph.unlocks(next) where shown.insert(u.skill).inserted { queue.append(u.skill) }
        }
        return shown
    }

    /// Graphviz DOT: skills in boxes clustered by group, an edge from each prerequisite to the
    /// skill that needs it (labelled with the level), plan units filled and bold.
    func dot(focus: String? = nil) -> String {
        let shown = focus.map(neighbourhood(of:)) ?? Set(graph.skills.map(\.id))
        var out: [String] = []
        let title = focus.map { "Headway skills graph: \(name($0)) and its neighbourhood" } ?? "Headway skills graph"
        out.append("digraph headway {")
        out.append(
            // newrank: Graphviz 2.43 ranks edges between clusters of the 104-skill graph with
            // "trouble in init_rank" otherwise.
            "  graph [rankdir=LR, newrank=true, fontname=\"Helvetica\", fontsize=16, label=\(quote(title + (planned.isEmpty ? "" : " (plan units bold)"))), labelloc=t, nodesep=0.25, ranksep=0.6];"
        )
        out.append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", color=\"#8a949e\", fontname=\"Helvetica\", fontsize=11];")
        out.append("  edge [color=\"#8a949e\", arrowsize=0.7, fontname=\"Helvetica\", fontsize=9, fontcolor=\"#5b6570\"];")
        for g in graph.groups {
            let members = graph.skills.filter { $0.group == g.id && shown.contains($0.id) }
            guard !members.isEmpty else { continue }
            let colour = Palette.group(g.id, in: graph)
            out.append("  subgraph \(quote("cluster_" + g.id)) {")
            out.append("    label=\(quote(g.name)); style=\"rounded\"; color=\(quote(colour)); fontcolor=\(quote(colour)); fontsize=13;")
            for s in members {
                var label = s.name
                var attributes: [String] = []
                if let l = levels?[s.id] { label += "\nyou: \(l)" }
                if let target = planned[s.id] {
                    label += (levels?[s.id] == nil ? "\nplan → \(target)" : " → \(target)")
                    attributes += [
                        "fillcolor=\(quote(colour))", "fontcolor=\"#ffffff\"", "color=\"#1d232b\"", "penwidth=2.5",
                        "fontname=\"Helvetica-Bold\""
                    ]
                }
                if s.id == focus { attributes += ["peripheries=2"] }
                out.append("    \(quote(s.id)) [label=\(quote(label))\(attributes.isEmpty ? "" : ", " + attributes.joined(separator: ", "))];")
            }
            out.append("  }")
        }
        for s in graph.skills where shown.contains(s.id) {
            for p in s.requires where shown.contains(p.skill) {
                let bold = planned[s.id] != nil && planned[p.skill] != nil
                out.append("  \(quote(p.skill)) -> \(quote(s.id)) [label=\(quote("≥\(p.level)"))\(bold ? ", penwidth=2, color=\"#1d232b\"" : "")];")
            }
        }
        out.append("}")
        return out.joined(separator: "\n") + "\n"
    }

    /// A DOT double-quoted string: quotes and backslashes escaped, newlines as `\n` line breaks.
    private func quote(_ text: String) -> String {
        var out = "\""
        for ch in text {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": break
            default: out.append(ch)
            }
        }
        return out + "\""
    }
}
