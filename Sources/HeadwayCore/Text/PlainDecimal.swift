/// The number in `text` when it is written as people write hours: digits, optionally a point
/// and up to 6 more digits (`2`, `1.5`, `.25`); surrounding spaces are ignored. `0x10`,
/// `1e-300`, `inf`, `nan`, `+2` and `1_000` are not numbers here, though Swift's `Double(_:)`
/// reads them all.
public func plainDecimal(_ text: String) -> Double? {
    let t = String(text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    let parts = t.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, let whole = parts.first, whole.count <= 6, parts.count == 1 || (1...6).contains(parts[1].count),
        !(whole.isEmpty && parts.count == 1),
        t.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || $0 == "." })
    else { return nil }
    return Double(t.hasPrefix(".") ? "0" + t : t)
}

/// How long a text is against a limit counted in Unicode scalars: a letter followed by 50,000
/// combining marks is one `Character`, but 50,001 scalars (and over 100,000 bytes).
public func scalarCount(_ text: String) -> Int { text.unicodeScalars.count }
