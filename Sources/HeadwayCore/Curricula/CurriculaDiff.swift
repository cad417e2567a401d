/// What changed between two curricula, in the order it is listed and applied: signals
/// (added, removed, changed), then each role (its header, tasks removed, added and re-rated,
/// market dimensions), then the skills graph (groups, skills added, removed and changed,
/// activities).
///
/// Every change can be applied on its own (``CurriculaDiff/applying(_:to:)``), so a score
/// can be split into what each change did: apply them one after another and take the
/// differences, which add up to the whole move.
public struct CurriculaDiff: Sendable {
    public let old: Curriculum
    public let new: Curriculum
    /// In listing order.
    public let changes: [CurriculaChange]

    public init(old: Curriculum, new: Curriculum) {
        self.old = old; self.new = new
        changes = Self.signalChanges(old, new) + Self.roleChanges(old, new) + Self.skillChanges(old, new)
    }

    public var isEmpty: Bool { changes.isEmpty }

    /// The changes that can move a score in `role`: signals acting on it (before or after),
    /// the role's own changes, and skills' reference levels (they set default levels and depth).
    public func changes(affecting role: String) -> [CurriculaChange] {
        changes.filter { c in
            switch c.kind {
            case .signalAdded, .signalRemoved, .signalChanged: return c.roles.contains(role)
            case .roleAdded, .roleRemoved, .roleChanged, .taskAdded, .taskRemoved, .taskChanged, .marketChanged:
                return c.roles.contains(role)
            case .skillAdded, .skillRemoved, .skillChanged: return c.movesScores
            case .groupsChanged, .activitiesChanged: return false
            }
        }
    }

    // MARK: - signals

    static func signalChanges(_ old: Curriculum, _ new: Curriculum) -> [CurriculaChange] {
        let before = Dictionary(old.signals.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.signals.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [CurriculaChange] = []
        for s in new.signals where before[s.id] == nil {
            out.append(
                CurriculaChange(
                    .signalAdded(s.id), "signal \"\(s.id)\" added", roles: s.roleIDs, movesScores: true,
                    details: ["\(s.title), \(s.window.from)..\(s.window.to)"] + s.effects.map(effectText)
                        + (s.answeredBy.isEmpty ? [] : ["answered by " + s.answeredBy.joined(separator: ", ")])))
        }
        for s in old.signals where after[s.id] == nil {
            out.append(
                CurriculaChange(
                    .signalRemoved(s.id), "signal \"\(s.id)\" removed", roles: s.roleIDs, movesScores: true,
                    details: ["\(s.title), \(s.window.from)..\(s.window.to)"]))
        }
        for s in new.signals {
            guard let was = before[s.id], was != s else { continue }
            var details: [String] = []
            if was.title != s.title { details.append("title \"\(was.title)\" -> \"\(s.title)\"") }
            if was.window != s.window { details.append("window \(was.window.from)..\(was.window.to) -> \(s.window.from)..\(s.window.to)") }
            let removed = was.effects.filter { !s.effects.contains($0) }, added = s.effects.filter { !was.effects.contains($0) }
            details += removed.map { "- " + effectText($0) } + added.map { "+ " + effectText($0) }
            if was.answeredBy != s.answeredBy {
                details.append("answered by " + list(was.answeredBy) + " -> " + list(s.answeredBy))
            }
            if was.note != s.note { details.append("note rewritten") }
            if was.seeds != s.seeds { details.append("seeds " + list(was.seeds) + " -> " + list(s.seeds)) }
            let moves = was.window != s.window || was.effects != s.effects
            // The roles whose numbers it moves: all of them when the window moved, else those of
            // the effects that changed (a new answered_by moves nobody's score).
            let roles = was.window != s.window ? was.roleIDs.union(s.roleIDs) : Set((removed + added).map(\.role))
            out.append(
                CurriculaChange(
                    .signalChanged(s.id), "signal \"\(s.id)\" changed",
                    roles: roles, movesScores: moves, details: details))
        }
        return out
    }

    static func effectText(_ e: SignalEffect) -> String {
        switch e.target {
        case .task(let t): return "\(e.role) task \(t) \(signedNumber(e.delta))"
        case .evidence(let d): return "\(e.role) evidence \(d.rawValue) \(signedNumber(e.delta))"
        case .growth: return "\(e.role) growth \(signedNumber(e.delta))"
        }
    }

    // MARK: - roles

    static func roleChanges(_ old: Curriculum, _ new: Curriculum) -> [CurriculaChange] {
        var out: [CurriculaChange] = []
        let ids = Set(old.roles.map(\.id)).union(new.roles.map(\.id)).sorted()
        for id in ids {
            switch (old.role(id), new.role(id)) {
            case (nil, let r?):
                out.append(
                    CurriculaChange(
                        .roleAdded(id), "role \(id) added", roles: [id], movesScores: true,
                        details: [
                            "\(r.name), \(r.seniority.rawValue), \(r.tasks.count) tasks"
                                + (r.publishedScore.map { ", published \(format($0))" } ?? "")
                        ]))
            case (let r?, nil):
                out.append(CurriculaChange(.roleRemoved(id), "role \(id) removed", roles: [id], movesScores: true, details: [r.name]))
            case (let a?, let b?):
                out += changes(of: a, to: b)
            default: break
            }
        }
        return out
    }

    static func changes(of a: Role, to b: Role) -> [CurriculaChange] {
        var out: [CurriculaChange] = []
        let id = a.id
        var header: [String] = []
        if a.name != b.name { header.append("name \"\(a.name)\" -> \"\(b.name)\"") }
        if a.seniority != b.seniority { header.append("seniority \(a.seniority.rawValue) -> \(b.seniority.rawValue)") }
        if a.referenceDate != b.referenceDate { header.append("reference date \(a.referenceDate) -> \(b.referenceDate)") }
        if a.publishedScore != b.publishedScore {
            header.append("published score \(a.publishedScore.map(format) ?? "none") -> \(b.publishedScore.map(format) ?? "none")")
        }
        if a.ladder != b.ladder { header.append("ladder rewritten (\(a.ladder.count) -> \(b.ladder.count) roles)") }
        if !header.isEmpty {
            let moves = a.seniority != b.seniority || a.referenceDate != b.referenceDate
            out.append(CurriculaChange(.roleChanged(id), "role \(id) changed", roles: [id], movesScores: moves, details: header))
        }
        let newTasks = Set(b.tasks.map(\.id)), oldTasks = Set(a.tasks.map(\.id))
        for t in a.tasks where !newTasks.contains(t.id) {
            out.append(
                CurriculaChange(
                    .taskRemoved(role: id, task: t.id), "task \(t.id) removed", roles: [id], movesScores: true,
                    details: ["share \(format(t.share)), score \(format(t.score))"]))
        }
        for t in b.tasks where !oldTasks.contains(t.id) {
            out.append(
                CurriculaChange(
                    .taskAdded(role: id, task: t.id), "task \(t.id) added", roles: [id], movesScores: true,
                    details: [
                        "share \(format(t.share)), score \(format(t.score)), skills "
                            + t.skills.keys.sorted().map { "\($0) \(format(t.skills[$0]!))" }.joined(separator: ", ")
                    ]))
        }
        for t in b.tasks {
            guard let was = a.task(t.id), was != t else { continue }
            var details: [String] = []
            if was.score != t.score { details.append("score \(format(was.score)) -> \(format(t.score))") }
            if was.share != t.share { details.append("share \(format(was.share)) -> \(format(t.share))") }
            if was.kappa != t.kappa { details.append("kappa \(format(was.kappa)) -> \(format(t.kappa))") }
            if was.skills != t.skills {
                let keys = Set(was.skills.keys).union(t.skills.keys).sorted()
                details.append(
                    "skills "
                        + keys.compactMap { k -> String? in
                            switch (was.skills[k], t.skills[k]) {
                            case (nil, let w?): return "+\(k) \(format(w))"
                            case (_?, nil): return "-\(k)"
                            case (let v?, let w?) where v != w: return "\(k) \(format(v)) -> \(format(w))"
                            default: return nil
                            }
                        }.joined(separator: ", "))
            }
            if was.name != t.name { details.append("name \"\(was.name)\" -> \"\(t.name)\"") }
            if was.impact != t.impact { details.append("impact \(was.impact.rawValue) -> \(t.impact.rawValue)") }
            if was.rationale != t.rationale || was.estimate != t.estimate { details.append("rationale rewritten") }
            let moves = was.score != t.score || was.share != t.share || was.kappa != t.kappa || was.skills != t.skills
            out.append(
                CurriculaChange(
                    .taskChanged(role: id, task: t.id), "task \(t.id) re-rated", roles: [id],
                    movesScores: moves, details: details))
        }
        func market<D: RawRepresentable & CaseIterable>(_ group: String, _ x: [D: Rated], _ y: [D: Rated], key: (D) -> MarketKey, moves: Bool)
        where D.RawValue == String {
            for d in D.allCases {
                guard let u = x[d], let v = y[d], u != v else { continue }
                let what = u.score != v.score ? "\(format(u.score)) -> \(format(v.score))" : "rationale rewritten"
                out.append(
                    CurriculaChange(
                        .marketChanged(role: id, key: key(d)), "\(group) \(d.rawValue) \(what)", roles: [id],
                        movesScores: moves && u.score != v.score, details: []))
            }
        }
        market("evidence", a.evidence, b.evidence, key: { .evidence($0) }, moves: true)
        market("barriers", a.barriers, b.barriers, key: { .barrier($0) }, moves: true)
        market("protective", a.protective, b.protective, key: { .protective($0) }, moves: false)
        if a.growth != b.growth {
            let what = a.growth.score != b.growth.score ? "\(format(a.growth.score)) -> \(format(b.growth.score))" : "rationale rewritten"
            out.append(
                CurriculaChange(
                    .marketChanged(role: id, key: .growth), "growth \(what)", roles: [id],
                    movesScores: a.growth.score != b.growth.score, details: []))
        }
        return out
    }

    // MARK: - skills

    static func skillChanges(_ old: Curriculum, _ new: Curriculum) -> [CurriculaChange] {
        var out: [CurriculaChange] = []
        if old.graph.groups != new.graph.groups {
            let a = old.graph.groups.map(\.id), b = new.graph.groups.map(\.id)
            var details = b.filter { !a.contains($0) }.map { "+ group \($0)" } + a.filter { !b.contains($0) }.map { "- group \($0)" }
            if details.isEmpty { details = ["groups renamed or reordered"] }
            out.append(CurriculaChange(.groupsChanged, "skill groups changed", roles: [], movesScores: false, details: details))
        }
        for s in new.graph.skills where old.graph[s.id] == nil {
            out.append(
                CurriculaChange(
                    .skillAdded(s.id), "skill \(s.id) added", roles: [], movesScores: true,
                    details: ["\(s.name), \(s.kind.rawValue), group \(s.group), reference level \(s.referenceLevel)"]))
        }
        for s in old.graph.skills where new.graph[s.id] == nil {
            out.append(CurriculaChange(.skillRemoved(s.id), "skill \(s.id) removed", roles: [], movesScores: true, details: [s.name]))
        }
        var activities: [CurriculaChange] = []
        for s in new.graph.skills {
            guard let was = old.graph[s.id] else { continue }
            var details: [String] = []
            if was.referenceLevel != s.referenceLevel { details.append("reference level \(was.referenceLevel) -> \(s.referenceLevel)") }
            if was.hours != s.hours {
                details.append("hours " + list(was.hours.map(format)) + " -> " + list(s.hours.map(format)))
            }
            if was.requires != s.requires {
                func text(_ p: [Prerequisite]) -> String { list(p.map { "\($0.skill) \($0.level)" }) }
                details.append("requires " + text(was.requires) + " -> " + text(s.requires))
            }
            if was.name != s.name { details.append("name \"\(was.name)\" -> \"\(s.name)\"") }
            if was.kind != s.kind { details.append("kind \(was.kind.rawValue) -> \(s.kind.rawValue)") }
            if was.group != s.group { details.append("group \(was.group) -> \(s.group)") }
            if was.description != s.description { details.append("description rewritten") }
            if let r = s.retired, was.retired == nil {
                details.append("retired \(r.date): \(r.reason); successor \(r.successor)")
            }
            if !details.isEmpty {
                out.append(
                    CurriculaChange(
                        .skillChanged(s.id), "skill \(s.id) changed", roles: [],
                        movesScores: was.referenceLevel != s.referenceLevel, details: details))
            }
            if was.activities.mapValues({ $0.map(\.text) }) != s.activities.mapValues({ $0.map(\.text) }) {
                var lines: [String] = []
                for level in Level.unitRange {
                    let a = (was.activities[level] ?? []).map(\.text), b = (s.activities[level] ?? []).map(\.text)
                    lines += b.filter { !a.contains($0) }.map { "level \(level) + \($0)" }
                    lines += a.filter { !b.contains($0) }.map { "level \(level) - \($0)" }
                }
                if lines.isEmpty { lines = ["reordered"] }
                activities.append(
                    CurriculaChange(
                        .activitiesChanged(s.id), "activities of \(s.id) changed", roles: [],
                        movesScores: false, details: lines))
            }
        }
        return out + activities
    }

    // MARK: - applying one change

    /// `draft` with one change taken from ``new`` (the rest of `draft` as it is).
    public func applying(_ change: CurriculaChange, to draft: Curriculum) -> Curriculum {
        var signals = draft.signals, roles = draft.roles
        var groups = draft.graph.groups, skills = draft.graph.skills
        func replaceRole(_ id: String, _ edit: (RoleParts) -> RoleParts) {
            guard let i = roles.firstIndex(where: { $0.id == id }) else { return }
            roles[i] = edit(RoleParts(roles[i])).role
        }
        switch change.kind {
        case .signalAdded(let id):
            if let s = new.signals.first(where: { $0.id == id }) { signals.append(s) }
        case .signalRemoved(let id):
            signals.removeAll { $0.id == id }
        case .signalChanged(let id):
            if let s = new.signals.first(where: { $0.id == id }), let i = signals.firstIndex(where: { $0.id == id }) { signals[i] = s }
        case .roleAdded(let id):
            if let r = new.role(id) { roles.append(r) }
        case .roleRemoved(let id):
            roles.removeAll { $0.id == id }
        case .roleChanged(let id):
            if let b = new.role(id) {
                replaceRole(id) { p in
                    var p = p
                    p.name = b.name; p.seniority = b.seniority; p.referenceDate = b.referenceDate
                    p.publishedScore = b.publishedScore; p.estimate = b.estimate; p.ladder = b.ladder; p.seeds = b.seeds
                    return p
                }
            }
        case .taskRemoved(let role, let task):
            replaceRole(role) { p in
                var p = p; p.tasks.removeAll { $0.id == task }; return p
            }
        case .taskAdded(let role, let task):
            if let t = new.role(role)?.task(task) {
                replaceRole(role) { p in
                    var p = p; p.tasks.append(t); return p
                }
            }
        case .taskChanged(let role, let task):
            if let t = new.role(role)?.task(task) {
                replaceRole(role) { p in
                    var p = p
                    if let i = p.tasks.firstIndex(where: { $0.id == task }) { p.tasks[i] = t }
                    return p
                }
            }
        case .marketChanged(let role, let key):
            if let b = new.role(role) {
                replaceRole(role) { p in
                    var p = p
                    switch key {
                    case .evidence(let d): p.evidence[d] = b.evidence[d]
                    case .barrier(let d): p.barriers[d] = b.barriers[d]
                    case .protective(let d): p.protective[d] = b.protective[d]
                    case .growth: p.growth = b.growth
                    }
                    return p
                }
            }
        case .groupsChanged:
            groups = new.graph.groups
        case .skillAdded(let id):
            if let s = new.graph[id] { skills.append(s) }
        case .skillRemoved(let id):
            skills.removeAll { $0.id == id }
        case .skillChanged(let id), .activitiesChanged(let id):
            if let s = new.graph[id], let i = skills.firstIndex(where: { $0.id == id }) { skills[i] = s }
        }
        return Curriculum(
            graph: SkillGraph(groups: groups, skills: skills), roles: roles, signals: signals,
            version: draft.contentHash, release: draft.release)
    }
}

/// One line of a curricula diff.
public struct CurriculaChange: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case signalAdded(String), signalRemoved(String), signalChanged(String)
        case roleAdded(String), roleRemoved(String), roleChanged(String)
        case taskAdded(role: String, task: String), taskRemoved(role: String, task: String), taskChanged(role: String, task: String)
        case marketChanged(role: String, key: MarketKey)
        case groupsChanged
        case skillAdded(String), skillRemoved(String), skillChanged(String)
        case activitiesChanged(String)
    }
    public let kind: Kind
    /// What changed, in a few words: `signal "gpu-autopilot" added`, `task serving re-rated`.
    public let summary: String
    /// The roles it concerns (a signal's: the roles its effects name); empty for the graph.
    public let roles: Set<String>
    /// Whether it can move a score (a rewritten rationale or a new activity cannot).
    public let movesScores: Bool
    /// The lines shown under it.
    public let details: [String]

    init(_ kind: Kind, _ summary: String, roles: Set<String>, movesScores: Bool, details: [String]) {
        self.kind = kind; self.summary = summary; self.roles = roles; self.movesScores = movesScores; self.details = details
    }

    /// The role this change belongs to, for changes listed under a role.
    public var role: String? {
        switch kind {
        case .roleAdded(let r), .roleRemoved(let r), .roleChanged(let r): return r
        case .taskAdded(let r, _), .taskRemoved(let r, _), .taskChanged(let r, _), .marketChanged(let r, _): return r
        default: return nil
        }
    }
}

/// A market number of a role.
public enum MarketKey: Sendable, Hashable {
    case evidence(EvidenceDimension), barrier(BarrierDimension), protective(ProtectiveDimension), growth
}

extension Signal {
    /// The roles its effects name.
    public var roleIDs: Set<String> { Set(effects.map(\.role)) }
}

/// A role's fields as variables, to rebuild a role with one part changed.
struct RoleParts {
    var id: String, name: String, seniority: Seniority, seeds: [String], referenceDate: Day
    var publishedScore: Double?, estimate: String?, tasks: [RoleTask]
    var evidence: [EvidenceDimension: Rated], barriers: [BarrierDimension: Rated], protective: [ProtectiveDimension: Rated]
    var growth: Rated, ladder: [LadderRung]

    init(_ r: Role) {
        id = r.id; name = r.name; seniority = r.seniority; seeds = r.seeds; referenceDate = r.referenceDate
        publishedScore = r.publishedScore; estimate = r.estimate; tasks = r.tasks
        evidence = r.evidence; barriers = r.barriers; protective = r.protective; growth = r.growth; ladder = r.ladder
    }

    var role: Role {
        Role(
            id: id, name: name, seniority: seniority, seeds: seeds, referenceDate: referenceDate, publishedScore: publishedScore,
            estimate: estimate, tasks: tasks, evidence: evidence, barriers: barriers, protective: protective, growth: growth, ladder: ladder)
    }
}

private func list(_ items: [String]) -> String { items.isEmpty ? "none" : items.joined(separator: ", ") }

/// `+0.5`, `-0.25`: a signed number in `format`'s style.
func signedNumber(_ x: Double) -> String { x > 0 ? "+" + format(x) : format(x) }
