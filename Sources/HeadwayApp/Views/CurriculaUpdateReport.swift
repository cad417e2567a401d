import HeadwayCore
import HeadwayStore

/// A curricula update as the next briefing reports it under field changes: the version and
/// its changelog, what it did to the score (the snapshot's reason), each new or changed signal
/// acting on the role with the skills that answer it, and whether `replan` under the new
/// curricula would give more than the current plan now reaches.
public struct CurriculaUpdateReport: Codable, Equatable, Sendable {
    /// A new or changed signal, in the same shape as the briefing's other field changes.
    public typealias NewSignal = BriefingDocument.FieldChange
    let version: String
    let changes: String
    let day: String
    /// The snapshot's reason as shown: what changed and by how much.
    let reason: String
    /// What each change did to the score (the reason's ``Snapshot/Reason/curricula(label:changes:)``
    /// part); absent from briefings stored before reasons had codes.
    var effect: String? = nil
    let signals: [NewSignal]
    /// The current plan's end score under the new curricula, and what `replan` would give,
    /// both in the role the plan aims at.
    let planReaches: Double?
    let replanGives: Double?
    /// The role the plan aims at, when the new curricula no longer have it (then there is no
    /// replan to compare: it needs a new `--toward`). Absent from briefings stored before it.
    var droppedTarget: String? = nil
    /// Units of the current plan whose skill the new curricula retire, with the successor's
    /// name: `replan` leaves them out. Absent from briefings stored before retirements.
    var retiredInPlan: [String]? = nil

    /// The update recorded in the briefing's week, `from` to `asOf` (`pending`: snapshots this
    /// command is about to write), or `nil` when there was none. The week it was recorded in
    /// reports it, live until that week ends, and no other week does. `earlier` gives the
    /// curricula a stamp names when they are still on this machine (to list new signals).
    init?(_ p: ProfileProgress, pending: [Snapshot], from: Day, asOf: Day, earlier: (CurriculaStamp) -> Curriculum?) {
        // Oldest first, with the curricula each was made under; pending ones come last.
        let all =
            p.state.snapshots.sorted { $0.id < $1.id }.map { ($0.snapshot, $0.curriculaVersion) }
            + pending.map { ($0, p.curriculum.version) }
        guard let first = all.firstIndex(where: { $0.0.reason.isCurricula && $0.0.asOf >= from && $0.0.asOf <= asOf }),
            first > 0, let latest = all.last(where: { $0.0.reason.isCurricula && $0.0.asOf <= asOf })
        else { return nil }
        let new = p.curriculum
        version = new.label
        changes = new.release?.changes ?? ""
        day = latest.0.asOf.description
        reason = latest.0.reason.description
        if case .curricula(_, let changes) = latest.0.reason { effect = changes }
        let person = p.person(at: asOf)
        let old = earlier(CurriculaStamp(all[first - 1].1))
        var ids: [String] = []
        if let old {
            for c in CurriculaDiff(old: old, new: new).changes(affecting: person.role.id) {
                if case .signalAdded(let id) = c.kind { ids.append(id) }
                if case .signalChanged(let id) = c.kind, c.movesScores { ids.append(id) }
            }
        }
        signals = ids.compactMap { id in new.signals.first { $0.id == id } }.map { s in
            NewSignal(
                id: s.id, title: s.title, from: s.window.from.description, to: s.window.to.description,
                effectNow: round(person.effect(of: s.id, at: asOf), 2),
                effectComplete: round(person.effect(of: s.id, at: max(asOf, s.window.to)), 2),
                answeredBy: s.answeredBy.map { "\(p.name($0)) (you: \(person.level(of: $0)))" })
        }
        if let plan = p.state.plan?.plan, asOf <= plan.end {
            let retired = plan.units.compactMap { u -> String? in
                guard let r = new.graph[u.skill]?.retired else { return nil }
                return "\(p.name(u.skill)) → \(u.level) (successor: \(p.name(r.successor)))"
            }
            retiredInPlan = retired.isEmpty ? nil : retired
        }
        if let plan = p.state.plan?.plan, asOf <= plan.end, let aim = plan.droppedTarget(in: new) {
            droppedTarget = aim
            planReaches = nil; replanGives = nil
        } else if let plan = p.state.plan?.plan, asOf <= plan.end {
            let there = personInRole(of: plan, own: person)
            planReaches = round(there.score(at: plan.end, levels: there.levels(after: plan)).result.value, 1)
            replanGives = p.replan(on: asOf).map { round($0.plan.projectedScore, 1) }
        } else {
            planReaches = nil; replanGives = nil
        }
    }

    /// The lines shown first under "Field changes".
    public var lines: [String] {
        var out = [
            "The curricula were updated to \(version) (recorded \(day))" + (changes.isEmpty ? "." : ": \(changes)")
                + " Effect on your score: " + shownEffect + "."
        ]
        for s in signals {
            out.append(
                "New in \(version): \(s.title) (\(s.from) to \(s.to)) \(s.effectWords)."
                    + (s.answeredBy.isEmpty ? "" : " Answered by " + s.answeredBy.joined(separator: ", ") + "."))
        }
        if let retired = retiredInPlan {
            out.append("Retired in \(version) and still in your plan: \(retired.joined(separator: ", ")); `replan` leaves them out.")
        }
        if let droppedTarget {
            out.append(
                "Under \(version) the role your plan aims at, '\(oneLine(droppedTarget, limit: 60))', is gone: `replan --toward ROLE` plans again (see `headway roles`)."
            )
        }
        if let reaches = planReaches {
            if let r = replanGives, r > reaches + 0.05 {
                out.append("Under \(version), `replan` would give \(fixed(r, 1)), more than the \(fixed(reaches, 1)) your current plan now reaches.")
            } else {
                out.append("Under \(version), `replan` would give no more than your current plan, which now reaches \(fixed(reaches, 1)).")
            }
        }
        return out
    }

    /// ``effect``; in a briefing stored before it, the same part of the stored reason.
    private var shownEffect: String {
        if let effect { return effect }
        if case .curricula(_, let changes) = Snapshot.Reason(legacy: reason) { return changes }
        return reason
    }
}
