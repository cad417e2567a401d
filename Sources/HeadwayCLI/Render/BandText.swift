import HeadwayCore

/// ", likely 46.8-51.0" after a score; nothing when there is no band or it has no width
/// (every level answered for sure).
func likely(_ band: ScoreBand?) -> String {
    guard let band else { return "" }
    let (low, high) = band.shown
    return low == high ? "" : ", likely \(fixed(low, 1))-\(fixed(high, 1))"
}

/// "46.8-51.0" for a table column; "-" when the band has no width.
func likelyRange(_ band: ScoreBand) -> String {
    let (low, high) = band.shown
    return low == high ? "-" : "\(fixed(low, 1))-\(fixed(high, 1))"
}
