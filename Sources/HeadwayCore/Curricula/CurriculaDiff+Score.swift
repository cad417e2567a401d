/// What one curricula change did to one person's score.
public struct CurriculaEffect: Sendable, Hashable {
    public let change: CurriculaChange
    /// Score points, unrounded (negative when it took points off).
    public let points: Double
}

/// A person's score moved from one curricula to another, split by change.
public struct CurriculaMove: Sendable {
    public let before: PersonalScore
    public let after: PersonalScore
    /// In the diff's order; the points add up to `after - before`.
    public let effects: [CurriculaEffect]
}

extension CurriculaDiff {
    /// The score of a person on `day` under ``old`` and under ``new``, split by the changes that
    /// can move a score in their role, applied one after another in listing order; each part is
    /// the score after the change minus the score before it, so the parts add up to the move.
    ///
    /// `before` and `after` are the person's assessment as each curricula reads it (levels
    /// reached written in). `nil` when either curricula lacks the role.
    public func move(before: Assessment, after: Assessment, on day: Day) -> CurriculaMove? {
        guard let p0 = PersonalModel(curriculum: old, assessment: before),
            let p1 = PersonalModel(curriculum: new, assessment: after)
        else { return nil }
        let s0 = p0.score(at: day), s1 = p1.score(at: day)
        let relevant = changes(affecting: before.role).filter(\.movesScores)
        var draft = old
        var previous = s0.result.value
        var effects: [CurriculaEffect] = []
        for (i, change) in relevant.enumerated() {
            let now: Double
            if i == relevant.count - 1 {
                now = s1.result.value  // the last part closes the sum exactly
            } else {
                draft = applying(change, to: draft)
                now =
                    PersonalModel(curriculum: draft.withSharesAddingTo100(role: before.role), assessment: before)?
                    .value(at: day) ?? previous
            }
            effects.append(CurriculaEffect(change: change, points: now - previous))
            previous = now
        }
        if relevant.isEmpty, abs(s1.result.value - s0.result.value) > 1e-12, let any = changes.first {
            // Nothing listed moves this role, yet the score moved: say so rather than lose it.
            effects.append(CurriculaEffect(change: any, points: s1.result.value - s0.result.value))
        }
        return CurriculaMove(before: s0, after: s1, effects: effects)
    }
}

extension Curriculum {
    /// A half-applied diff may leave a role's shares off 100 (a task added before the others
    /// gave up time); they are scaled back so each step is a role a curricula could hold.
    func withSharesAddingTo100(role id: String) -> Curriculum {
        guard let role = role(id) else { return self }
        let total = role.tasks.reduce(0) { $0 + $1.share }
        guard total > 0, abs(total - 100) > 1e-9 else { return self }
        var parts = RoleParts(role)
        parts.tasks = role.tasks.map { t in
            RoleTask(
                id: t.id, name: t.name, share: t.share * 100 / total, score: t.score, impact: t.impact, kappa: t.kappa,
                estimate: t.estimate, rationale: t.rationale, skills: t.skills)
        }
        return Curriculum(
            graph: graph, roles: roles.map { $0.id == id ? parts.role : $0 }, signals: signals,
            version: contentHash, release: release)
    }
}

extension CurriculaMove {
    /// `signal "x" added, -0.2; task y re-rated, +0.1`: each change that moved the shown score,
    /// in the diff's order. Parts are differences of the running total rounded to one decimal,
    /// so the parts shown add up to the change shown; past four, the rest are summed.
    public var reason: String {
        var running = before.result.value
        var parts: [(summary: String, shown: Double)] = []
        for e in effects {
            let shown = oneDecimal(running + e.points) - oneDecimal(running)
            running += e.points
            if abs(shown) >= 0.05 { parts.append((e.change.summary, shown)) }
        }
        // The changes that did not move the shown score, grouped so a large update stays one line.
        let moving = Set(parts.map(\.summary))
        let quiet = grouped(effects.map(\.change).filter { !moving.contains($0.summary) })
        guard !parts.isEmpty else {
            return effects.isEmpty ? "no change that moves this score" : quiet.joined(separator: "; ") + "; your score unchanged"
        }
        func text(_ p: (summary: String, shown: Double)) -> String { "\(p.summary), \(signedOneDecimal(p.shown))" }
        let also = quiet.isEmpty ? "" : "; also " + quiet.joined(separator: "; ") + " (0.0)"
        guard parts.count > 4 else { return parts.map(text).joined(separator: "; ") + also }
        let rest = parts.dropFirst(3).reduce(0) { $0 + $1.shown }
        return parts.prefix(3).map(text).joined(separator: "; ") + "; \(parts.count - 3) more changes, \(signedOneDecimal(rest))" + also
    }

    /// `tgi retired (successor sglang); 16 skills added; 4 tasks re-rated`: retirements by name,
    /// the rest counted by kind.
    private func grouped(_ changes: [CurriculaChange]) -> [String] {
        var out: [String] = []
        var counts: [(String, String, Int)] = []
        func count(_ one: String, _ many: String) {
            if let i = counts.firstIndex(where: { $0.0 == one }) { counts[i].2 += 1 } else { counts.append((one, many, 1)) }
        }
        for c in changes {
            if let retired = c.details.first(where: { $0.hasPrefix("retired ") }), case .skillChanged(let id) = c.kind {
                // "retired DATE: REASON; successor ID": the id is the last word.
                let successor = retired.split(separator: " ").last.map(String.init) ?? ""
                out.append("\(id) retired" + (successor.isEmpty ? "" : " (successor \(successor))"))
                continue
            }
            switch c.kind {
            case .skillAdded: count("skill added", "skills added")
            case .skillRemoved: count("skill removed", "skills removed")
            case .skillChanged: count("skill changed", "skills changed")
            case .taskAdded, .taskRemoved, .taskChanged: count("task re-rated", "tasks re-rated")
            case .signalAdded: count("signal added", "signals added")
            case .signalRemoved, .signalChanged: count("signal changed", "signals changed")
            default: count("other change", "other changes")
            }
        }
        return out + counts.map { $0.2 == 1 ? "1 \($0.0)" : "\($0.2) \($0.1)" }
    }
}

extension ProgressRecord {
    /// The snapshot a change of curricula writes on `day`: the score under this record's
    /// curricula, with a reason naming the version and what each change did
    /// (`curricula 2026.12: signal "x" added, -0.2`). `earlier` is the same record read with the
    /// curricula of the newest snapshot; `nil` when those are no longer at hand, and then the
    /// reason says so (`earlierLabel` names them). `nil` before there is an assessment.
    public func curriculaSnapshot(earlier: ProgressRecord?, earlierLabel: String, on day: Day) -> Snapshot? {
        guard let person = person(at: day) else { return nil }
        let now = person.score(at: day)
        let label = curriculum.label
        guard let earlier, let was = earlier.person(at: day),
            let move = CurriculaDiff(old: earlier.curriculum, new: curriculum).move(before: was.assessment, after: person.assessment, on: day)
        else {
            let changes = "replaces \(earlierLabel), which is no longer on this machine to compare"
            return Snapshot(now, asOf: day, reason: .curricula(label: label, changes: changes))
        }
        return Snapshot(now, asOf: day, reason: .curricula(label: label, changes: move.reason))
    }
}

/// `x` rounded to one decimal (no `-0`).
private func oneDecimal(_ x: Double) -> Double {
    let r = (x * 10).rounded() / 10
    return r == 0 ? 0 : r
}

/// `+0.4`, `-0.2`, `0.0`.
private func signedOneDecimal(_ x: Double) -> String {
    let tenths = Int((x * 10).rounded())
    let text = "\(abs(tenths) / 10).\(abs(tenths) % 10)"
    return tenths > 0 ? "+" + text : tenths < 0 ? "-" + text : text
}
