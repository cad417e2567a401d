import HeadwayCore
import HeadwayStore

/// One-line errors for stored data that does not hold what the model needs (an imported or
/// hand-edited profile): a command says so and exits 65 (66 when a plan is missing) rather than trapping on a force unwrap.
extension HeadwayError {
    /// The stored plan has no schedule for programme week `week`.
    public static func missingPlanWeek(_ week: Int, of p: ProfileProgress) -> HeadwayError {
        HeadwayError(
            .data,
            "the stored plan of profile \(oneLine(p.state.profile.name, limit: 64)) has no schedule for week \(week)"
                + " (it was imported or edited); run `headway replan` to make a complete plan")
    }

    /// No plan is in force on the day asked for, though one was expected.
    public static func noPlanInForce(_ p: ProfileProgress) -> HeadwayError {
        HeadwayError(.noInput, "profile \(oneLine(p.state.profile.name, limit: 64)) has no plan in force on \(p.day); run `headway plan` first")
    }

    /// The stored record cannot give the person's model on `day` (a role the curricula lack).
    public static func noModel(on day: Day, of p: ProfileProgress) -> HeadwayError {
        HeadwayError(
            .data,
            "the record of profile \(oneLine(p.state.profile.name, limit: 64)) gives no model on \(day)"
                + " (its role is not in the loaded curricula); `headway doctor` names what is wrong")
    }
}
