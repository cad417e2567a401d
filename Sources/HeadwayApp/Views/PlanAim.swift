import HeadwayCore

/// Why a view of a plan made `--toward` a role shows two scores: the plan's are the target role's.
public func towardSentence(_ target: PersonalModel, own: PersonalModel, day: Day) -> String {
    "The plan aims at \(target.role.name): its projected and at-pace scores are your score there "
        + "(\(fixed(target.result(at: day).rounded, 1)) now); your AIJRI is your own role's, \(own.role.name)."
}

/// The person in the role whose score `plan` raises: the role it remembers (`plan.toward`),
/// else their own. Views read the plan's own record, not the assessment's `goals.toward`,
/// which only says where the next plan aims.
public func personInRole(of plan: Plan, own: PersonalModel) -> PersonalModel {
    own.inRole(of: plan) ?? own
}

/// The line every view of a plan gives when the role it was made `--toward` is gone from the
/// curricula: its scores are that role's as planned, and no pace outlook compares with them.
public func droppedTargetSentence(_ plan: Plan, curriculum: Curriculum) -> String? {
    guard let aim = plan.droppedTarget(in: curriculum) else { return nil }
    return "The plan was made toward role '\(oneLine(aim, limit: 60))', which curricula \(curriculum.label) no longer have: "
        + "its scores are that role's as planned, so no pace outlook is given; `replan --toward ROLE` aims it again (see `headway roles`)."
}

/// The note a view of `plan` puts first: the role it aims at, or that the role is gone.
public func aimNote(_ plan: Plan, aim: PersonalModel, own: PersonalModel, day: Day) -> String? {
    if let dropped = droppedTargetSentence(plan, curriculum: own.curriculum) { return dropped }
    return aim.role.id == own.role.id ? nil : towardSentence(aim, own: own, day: day)
}
