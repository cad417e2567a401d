import Foundation
import HeadwayCore
import Testing

/// Node ids of a DOT document as Headway writes it (`  "id" [label=…];`).
func dotNodes(_ dot: String) -> Set<String> {
    Set(
        dot.components(separatedBy: "\n").compactMap { line -> String? in
            let t = line.trimmingCharacters(in: .whitespaces)
            guard t.hasPrefix("\""), t.contains("\" [label="), !t.contains(" -> ") else { return nil }
            return String(t.dropFirst().prefix { $0 != "\"" })
        })
}

/// Renders DOT with Graphviz; any output on standard error is a warning the test reports.
func renderDOT(_ dot: String) throws -> String {
    let graphviz = try Tools.require(Tools.graphviz, "Graphviz dot (apt-get install graphviz; .ci/run does)")
    let folder = try scratchFolder(); defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("g.dot")
    try Data(dot.utf8).write(to: file)
    let r = try Tools.run(graphviz, ["-Tsvg", file.path])
    #expect(r.status == 0, "dot failed: \(r.stderr)")
    #expect(r.stderr.isEmpty, "dot warned: \(r.stderr)")
    return r.stdout
}

@Suite("The skills graph in the terminal and as Graphviz DOT")
struct GraphTests {
    @Test(
        "graph --dot of the whole graph renders with Graphviz without a warning, the plan's units highlighted",
        .enabled(if: Tools.shouldRun(Tools.graphviz), "Graphviz is missing: apt-get install graphviz"))
    func wholeGraph() throws {
        let out = try headway(["graph", "--dot", "--assessment", reference], db: scratchDatabase())
        #expect(out.status == 0, "\(out.stderr)")
        let graph = Reference.curriculum.graph
        #expect(dotNodes(out.stdout) == Set(graph.skills.map(\.id)))
        let (_, plan) = try Reference.plan(reference)
        let highlighted = out.stdout.components(separatedBy: "\n").filter { $0.contains("penwidth=2.5") }
        #expect(highlighted.count == Set(plan.units.map(\.skill)).count)
        for u in plan.units { #expect(highlighted.contains { $0.contains("\"\(u.skill)\" [") }, "\(u.skill) not highlighted") }
        let edges = graph.skills.reduce(0) { $0 + $1.requires.count }
        #expect(out.stdout.components(separatedBy: " -> ").count - 1 == edges)
        let svg = try renderDOT(out.stdout)
        #expect(svg.components(separatedBy: "class=\"node\"").count - 1 == graph.skills.count)
        #expect(svg.components(separatedBy: "class=\"edge\"").count - 1 == edges)
    }

    @Test(
        "graph --dot SKILL holds the skill, everything it needs and everything it unlocks, and nothing else",
        .enabled(if: Tools.shouldRun(Tools.graphviz), "Graphviz is missing: apt-get install graphviz"),
        arguments: ["nccl", "vllm", "linux", "python"])
    func neighbourhood(skill: String) throws {
        let folder = try scratchFolder(); defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("\(skill).dot")
        let out = try headway(["graph", skill, "--dot", "--output", file.path], db: scratchDatabase())
        #expect(out.status == 0, "\(out.stderr)")
        let dot = try String(contentsOf: file, encoding: .utf8)
        let graph = Reference.curriculum.graph
        var expected: Set<String> = [skill]
        expected.formUnion(graph.prerequisiteClosure(of: skill).keys)
        var queue = [skill]
        while let s = queue.popLast() {
            for u in graph.unlocks(s) where expected.insert(u.skill).inserted { queue.append(u.skill) }
        }
        #expect(dotNodes(dot) == expected)
        #expect(dot.contains("\"\(skill)\" [") && dot.contains("peripheries=2"))
        _ = try renderDOT(dot)
    }

    @Test("graph SKILL shows every prerequisite and everything it unlocks, with your level and plan")
    func tree() throws {
        let out = try headway(["graph", "nccl", "--assessment", reference], db: scratchDatabase())
        #expect(out.status == 0, "\(out.stderr)")
        let graph = Reference.curriculum.graph
        let parts = out.stdout.components(separatedBy: "\nUnlocks")
        #expect(parts.count == 2)
        for (p, level) in graph.prerequisiteClosure(of: "nccl") {
            #expect(parts[0].contains("\(graph[p]!.name) ≥ "), "\(p) ≥ \(level) missing under Needs")
        }
        #expect(out.stdout.hasPrefix("NCCL (nccl) · tool · GPU & systems · you: 2 · plan → 3\n"))
        #expect(parts[0].contains("└─ CUDA ≥ 1 ✓ · you: 2"))
        #expect(parts[0].contains("Linux systems administration ≥ 2 ✓ · you: 3"))

        let vllm = try headway(["graph", "vllm"], db: scratchDatabase())
        let unlocks = vllm.stdout.components(separatedBy: "\nUnlocks\n").last ?? ""
        for u in graph.unlocks("vllm") { #expect(unlocks.contains("\(graph[u.skill]!.name) (needs vLLM ≥ \(u.level))")) }
        #expect(!vllm.stdout.contains("you:"), "no profile and no assessment: nothing to mark")
    }

    @Test("graph with no skill lists every skill by group; an unknown skill is one line with a suggestion")
    func overviewAndUnknown() throws {
        let db = scratchDatabase()
        let all = try headway(["graph"], db: db)
        #expect(all.status == 0 && all.stderr.isEmpty)
        for s in Reference.curriculum.graph.skills { #expect(all.stdout.contains("  \(s.name) (\(s.id))")) }
        #expect(!FileManager.default.fileExists(atPath: db.path), "showing the graph must not create a database")
        let typo = try headway(["graph", "ncl"], db: db)
        #expect(
            typo.status == 64 && typo.stderr == "error: unknown skill 'ncl'; did you mean 'nccl'? (`headway graph` lists every skill; Tab completes them)\n")
        let noDot = try headway(["graph", "nccl", "--output", "x.dot"], db: db)
        #expect(noDot.status == 64 && noDot.stderr == "error: --output writes DOT; add --dot (the text view goes to the terminal)\n")
    }

    @Test("on a profile, graph marks its levels and its saved plan")
    func profileMarks() throws {
        let db = scratchDatabase()
        defer { try? FileManager.default.removeItem(at: db.deletingLastPathComponent()) }
        #expect(try headway(["profile", "new", "ana", "--from", reference], db: db).status == 0)
        let before = try headway(["graph", "nccl"], db: db)
        #expect(before.stdout.contains("you: 2") && !before.stdout.contains("plan →"))
        #expect(try headway(["plan"], db: db).status == 0)
        let after = try headway(["graph", "nccl"], db: db)
        #expect(after.stdout.hasPrefix("NCCL (nccl) · tool · GPU & systems · you: 2 · plan → 3\n"))
    }
}
