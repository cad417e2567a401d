/// What a plan could do with more access (`MODEL.md` §4b): the units the person's access
/// leaves out, and the projected score of the same plan request one access step up.
public struct AccessOutlook: Sendable, Hashable, Codable {
    /// One step above the person's access and what the plan would reach with it.
    public struct Step: Sendable, Hashable, Codable {
        /// What changes, as an assessment says it: `access.compute: gpu`, `access.team: true`,
        /// `access.gpu_hours: 40`.
        public let change: String
        public let access: PersonAccess
        public let projectedScore: Double
    }

    /// The access planned for, and whether the person said nothing (so it was assumed).
    public let access: PersonAccess
    public let assumed: Bool
    /// Units that would raise the score but need more than the person has, counted by the
    /// least access that opens them (`gpu`, `multi-gpu`, `cluster`, `team`).
    public let leftOut: [String: Int]
    public let steps: [Step]
    /// GPU hours of the plan's units, and the budget when one is set.
    public let gpuHours: Double
    public let gpuHoursBudget: Double?
}

extension PersonalModel {
    /// The access outlook of `plan`, made from `request`: every step above the person's access
    /// is planned the same way (its projected score is the optimum under that access).
    public func accessOutlook(_ request: PlanRequest, plan: Plan) -> AccessOutlook {
        let access = request.access ?? self.access
        let graph = curriculum.graph
        var steps: [AccessOutlook.Step] = []
        func projected(_ a: PersonAccess) -> Double? {
            var r = request
            r.access = a
            return try? self.plan(r).projectedScore
        }
        var candidates: [(String, PersonAccess)] = []
        for c in Compute.allCases where c > access.compute {
            var a = access
            a.compute = c
            candidates.append(("access.compute: \(c.rawValue)", a))
        }
        if !access.team {
            var a = access
            a.team = true
            candidates.append(("access.team: true", a))
        }
        if let g = access.gpuHours {
            // More GPU hours matter only with a GPU: on a laptop the step brings one.
            var a = access
            let more = max(10, 2 * g)
            a.gpuHours = more
            var change = "access.gpu_hours: \(format(more))"
            if a.compute == .laptop {
                a.compute = .gpu
                change = "access.compute: gpu and access.gpu_hours: \(format(more))"
            }
            candidates.append((change, a))
        }
        for (change, a) in candidates {
            if let score = projected(a) { steps.append(.init(change: change, access: a, projectedScore: score)) }
        }
        // Units of skills that move this role's tasks that the person cannot reach: not doable
        // themselves, above one that is not, or needing a prerequisite that cannot get there;
        // each counted by the least access that opens what blocks it.
        var reach: [String: Int] = [:]
        for s in graph.skills {
            var l = level(of: s.id)
            while l < Level.range.upperBound && s.steps(l + 1, for: access) != nil { l += 1 }
            reach[s.id] = s.retired == nil ? l : level(of: s.id)
        }
        var changed = true
        while changed {
            changed = false
            for s in graph.skills where (reach[s.id] ?? 0) > level(of: s.id) {
                if s.requires.contains(where: { (reach[$0.skill] ?? 0) < $0.level }) { reach[s.id] = level(of: s.id); changed = true }
            }
        }
        func blocker(_ s: Skill, upTo l: Int) -> Access {
            for k in (level(of: s.id) + 1)...l where s.steps(k, for: access) == nil { return Self.leastAccess(s, k, above: access) }
            for p in s.requires where (reach[p.skill] ?? 0) < p.level {
                if let q = graph[p.skill], level(of: q.id) < p.level { return blocker(q, upTo: p.level) }
            }
            return .gpu
        }
        var leftOut: [String: Int] = [:]
        let valued = Set(role.tasks.flatMap { $0.skills.keys })
        for s in graph.skills where valued.contains(s.id) && s.retired == nil {
            let top = reach[s.id] ?? 0
            guard top < Level.range.upperBound else { continue }
            for l in (top + 1)...Level.range.upperBound { leftOut[blocker(s, upTo: l).rawValue, default: 0] += 1 }
        }
        let gpu = plan.units.reduce(0.0) { $0 + (graph[$1.skill]?.gpuHours(toLevel: $1.level, for: access) ?? 0) }
        return AccessOutlook(
            access: access, assumed: request.access == nil && assessment.access == nil, leftOut: leftOut, steps: steps,
            gpuHours: gpu, gpuHoursBudget: access.gpuHours)
    }

    /// The least access that makes every activity of unit `l` of `s` doable, for a person who
    /// has `access`: a team when only that is missing, else the highest compute class needed.
    static func leastAccess(_ s: Skill, _ l: Int, above access: PersonAccess) -> Access {
        var compute = access.compute
        var needsTeam = false
        for a in s.activities[l] ?? [] where a.variant(for: access) == nil {
            // The variant needing the least: the alternative when there is one.
            let options = [a.step] + (a.alternative.map { [$0] } ?? [])
            let least = options.min { rank($0.access) < rank($1.access) }!
            if least.access == .team { needsTeam = true } else { compute = max(compute, least.access.compute) }
        }
        if compute > access.compute {
            switch compute {
            case .laptop: return .laptop
            case .gpu: return .gpu
            case .multiGPU: return .multiGPU
            case .cluster: return .cluster
            }
        }
        return needsTeam ? .team : .gpu
    }

    private static func rank(_ a: Access) -> Int {
        switch a {
        case .laptop: return 0
        case .team: return 1
        case .gpu: return 2
        case .multiGPU: return 3
        case .cluster: return 4
        }
    }
}
