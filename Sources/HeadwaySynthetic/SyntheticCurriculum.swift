import HeadwayCore

/// Seeded synthetic curricula of any size, for property tests and benchmarks.
///
/// `scale` 1 is about the size of the bundled curricula (67 skills, 7 tasks per role);
/// `scale` 10 is ten times that. Skills form a random DAG (prerequisites only on earlier
/// skills), hours grow with the level, and the one role's tasks each name 2–5 key skills.
public enum SyntheticCurriculum {
    public static let roleID = "synthetic-role"
    public static let referenceDate = Day("2026-11-22")!

    public static func make(seed: UInt64, scale: Int = 1) -> Curriculum {
        var rng = SplitMix64(seed: seed)
        let skillCount = 67 * scale
        let taskCount = 7 * scale
        let groups = (0..<max(1, scale * 3)).map { SkillGroup(id: "g\($0)", name: "Group \($0)") }
        var skills: [Skill] = []
        for i in 0..<skillCount {
            var hours: [Double] = [Double(Int.random(in: 2...6, using: &rng))]
            for _ in 1..<4 { hours.append((hours.last! * Double.random(in: 1.4...2.2, using: &rng)).rounded()) }
            var requires: [Prerequisite] = []
            if i > 0 {
                for _ in 0..<Int.random(in: 0...2, using: &rng) {
                    let p = "s\(Int.random(in: max(0, i - 40)..<i, using: &rng))"
                    if !requires.contains(where: { $0.skill == p }) {
                        requires.append(Prerequisite(skill: p, level: Int.random(in: 1...3, using: &rng)))
                    }
                }
            }
            // Access without drawing from `rng` (earlier seeds keep their curricula): every third
            // skill's upper levels need a GPU, with a laptop alternative; every fifth skill's top
            // level needs several GPUs and has none; every seventh's needs a team.
            let activities = Dictionary(
                uniqueKeysWithValues: (1...4).map { l in
                    let count = 2
                    return (
                        l,
                        (0..<count).map { j -> Activity in
                            let text = "Synthetic activity \(j + 1) for s\(i) level \(l)"
                            let each = hours[l - 1] / Double(count)
                            if j == 1 && l == 4 && i % 5 == 0 { return Activity(ActivityStep(text: text, hours: each, access: .multiGPU)) }
                            if j == 1 && l >= 3 && i % 3 == 0 {
                                return Activity(
                                    ActivityStep(text: text, hours: each, access: .gpu),
                                    alternative: ActivityStep(text: text + " on CPU", hours: each * 1.5, access: .laptop))
                            }
                            if j == 0 && l >= 2 && i % 7 == 0 {
                                return Activity(
                                    ActivityStep(text: text, hours: each, access: .team),
                                    alternative: ActivityStep(text: text + " written up", hours: each, access: .laptop))
                            }
                            return Activity(ActivityStep(text: text, hours: each))
                        }
                    )
                })
            skills.append(
                Skill(
                    id: "s\(i)", name: "Skill \(i)", kind: .technical, group: groups[i % groups.count].id,
                    description: "Synthetic skill \(i).", referenceLevel: Int.random(in: 1...3, using: &rng),
                    hours: hours, requires: requires, seeds: ["synthetic"], activities: activities))
        }
        var shares = (0..<taskCount).map { _ in Double.random(in: 1...10, using: &rng) }
        let total = shares.reduce(0, +)
        shares = shares.map { ($0 / total * 1000).rounded() / 10 }
        shares[0] += 100 - shares.reduce(0, +)
        let tasks = (0..<taskCount).map { t in
            var keys: [String: Double] = [:]
            for _ in 0..<Int.random(in: 2...5, using: &rng) {
                keys["s\(Int.random(in: 0..<skillCount, using: &rng))"] = Double(Int.random(in: 1...5, using: &rng)) / 10
            }
            return RoleTask(
                id: "t\(t)", name: "Task \(t)", share: shares[t], score: Double(Int.random(in: 2...4, using: &rng)),
                impact: .augmentation, kappa: 0.5, estimate: "synthetic", rationale: "synthetic", skills: keys)
        }
        let rated = { (x: Double) in Rated(score: x, rationale: "synthetic") }
        let role = Role(
            id: roleID, name: "Synthetic Role", seniority: .mid, seeds: ["synthetic"], referenceDate: referenceDate,
            publishedScore: nil, estimate: "synthetic", tasks: tasks,
            evidence: Dictionary(uniqueKeysWithValues: EvidenceDimension.allCases.map { ($0, rated(1)) }),
            barriers: Dictionary(uniqueKeysWithValues: BarrierDimension.allCases.map { ($0, rated(0)) }),
            protective: Dictionary(uniqueKeysWithValues: ProtectiveDimension.allCases.map { ($0, rated(1)) }),
            growth: rated(1), ladder: [])
        return Curriculum(graph: SkillGraph(groups: groups, skills: skills), roles: [role], signals: [], version: "synthetic-\(seed)-\(scale)")
    }

    /// A random assessment of the synthetic role: some skills assessed, a random seniority.
    public static func assessment(seed: UInt64, curriculum: Curriculum, hoursPerWeek: Double = 6, weeks: Int = 12) -> Assessment {
        var rng = SplitMix64(seed: seed)
        var skills: [String: Int] = [:]
        for s in curriculum.graph.skills where Double.random(in: 0...1, using: &rng) < 0.3 {
            skills[s.id] = Int.random(in: 0...4, using: &rng)
        }
        return Assessment(
            role: roleID, seniority: Seniority.allCases.randomElement(using: &rng)!, hoursPerWeek: hoursPerWeek,
            weeks: weeks, start: Day("2026-11-23")!, skills: skills)
    }

    /// A small random planning problem (at most `maxSkills` skills), small enough to search exhaustively.
    public static func smallProblem(seed: UInt64, maxSkills: Int = 6) -> PlanningProblem {
        var rng = SplitMix64(seed: seed)
        let n = Int.random(in: 2...maxSkills, using: &rng)
        var skills: [PlanningProblem.SkillEntry] = []
        for i in 0..<n {
            var hours: [Double] = [Double(Int.random(in: 1...6, using: &rng))]
            for _ in 1..<4 { hours.append(hours.last! + Double(Int.random(in: 0...8, using: &rng))) }
            var requires: [Prerequisite] = []
            if i > 0, Bool.random(using: &rng) {
                requires.append(Prerequisite(skill: "s\(Int.random(in: 0..<i, using: &rng))", level: Int.random(in: 1...4, using: &rng)))
            }
            skills.append(
                .init(
                    id: "s\(i)", level: Int.random(in: 0...3, using: &rng), reference: Int.random(in: 0...4, using: &rng),
                    hours: hours, requires: requires))
        }
        let taskCount = Int.random(in: 1...4, using: &rng)
        var shares = (0..<taskCount).map { _ in Double.random(in: 0.1...1, using: &rng) }
        let total = shares.reduce(0, +)
        shares = shares.map { $0 / total }
        let tasks = (0..<taskCount).map { t in
            var keys: [String: Double] = [:]
            for _ in 0..<Int.random(in: 1...3, using: &rng) { keys["s\(Int.random(in: 0..<n, using: &rng))"] = Double.random(in: 0.1...1, using: &rng) }
            let sum = keys.values.reduce(0, +)
            return TaskInput(
                id: "t\(t)", share: shares[t], base: Double.random(in: 1...5, using: &rng),
                kappa: Double.random(in: 0.1...1.5, using: &rng), skills: keys.mapValues { $0 / sum })
        }
        var include: [PlanningProblem.Goal] = []
        if Int.random(in: 0..<4, using: &rng) == 0 {
            include.append(.init(skill: "s\(Int.random(in: 0..<n, using: &rng))", level: Int.random(in: 1...3, using: &rng)))
        }
        var exclude: [String] = []
        if Int.random(in: 0..<4, using: &rng) == 0 { exclude.append("s\(Int.random(in: 0..<n, using: &rng))") }
        exclude.removeAll { x in include.contains { $0.skill == x } }
        return PlanningProblem(
            weeks: Int.random(in: 1...6, using: &rng), hoursPerWeek: Double(Int.random(in: 1...8, using: &rng)),
            market: MarketTotals(
                evidence: Double(Int.random(in: -10...10, using: &rng)),
                barriers: Double(Int.random(in: 0...10, using: &rng)),
                growth: Double(Int.random(in: -2...2, using: &rng))),
            tasks: tasks, skills: skills, include: include, exclude: exclude)
    }
}
