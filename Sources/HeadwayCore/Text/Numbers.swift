/// `+1.5`, `-0.3`, `0.0` with a fixed number of decimals.
public func signed(_ x: Double, _ decimals: Int = 1) -> String {
    let text = fixed(x, decimals)
    return x > 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "+" + text : text
}

/// A number with a fixed number of decimals (no locale, no exponent).
///
/// Any stored number can reach a view (a hand-edited database, a foreign import): a value
/// that is not finite, or too large for exact decimal digits, is shown as Swift writes it
/// (`inf`, `1e+17`) instead of trapping in the integer conversion.
public func fixed(_ x: Double, _ decimals: Int) -> String {
    guard x.isFinite else { return x.isNaN ? "nan" : x < 0 ? "-inf" : "inf" }
    let scale = pow10(decimals)
    guard abs(x) * scale < 1e15 else { return String(x) }
    var r = (x * scale).rounded() / scale
    if r == 0 { r = 0 }  // no "-0.0"
    var s = String(Int64(abs(r * scale).rounded()))
    while s.count <= decimals { s = "0" + s }
    if decimals > 0 { s.insert(".", at: s.index(s.endIndex, offsetBy: -decimals)) }
    return (r < 0 ? "-" : "") + s
}

/// Rounds for JSON: numbers in the contract carry at most `decimals` decimals.
public func round(_ x: Double, _ decimals: Int) -> Double {
    let scale = pow10(decimals)
    let r = (x * scale).rounded() / scale
    return r == 0 ? 0 : r
}

private func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { acc, _ in acc * 10 } }
