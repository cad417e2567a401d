/// A change of score as the record tells it (issue 25.12): from the last score recorded to the
/// new one, one number, split into what the person's change did and what the field's signals
/// did since that score was recorded. Rounded as shown, so the parts add up to the total.
public struct RecordedChange: Sendable, Hashable {
    /// The last score recorded before the change, and the score after it, rounded to 0.1.
    public let from: Double
    public let to: Double
    /// The field's drift since `from` was recorded, rounded to 0.1.
    public let field: Double

    /// `drift`: the score with the levels before the change on its day, less `from`.
    public init(from: Double, to: Double, drift: Double) {
        self.from = (from * 10).rounded() / 10
        self.to = (to * 10).rounded() / 10
        field = (drift * 10).rounded() / 10
    }

    public var total: Double { ((to - from) * 10).rounded() / 10 }
    /// What the change itself did: the total less the field's part.
    public var work: Double { ((total - field) * 10).rounded() / 10 }
    /// Whether both moved, so a reader needs the split to see why.
    public var isSplit: Bool { field != 0 && work != 0 }
}
