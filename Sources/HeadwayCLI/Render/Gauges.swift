/// A bar of `width` cells filled to `fraction` (clamped to 0…1), in eighths of a cell:
/// `progressBar(0.5, width: 10)` is `█████     `. Plain text: colour is the caller's choice.
func progressBar(_ fraction: Double, width: Int) -> String {
    guard width > 0 else { return "" }
    let f = fraction.isFinite ? min(1, max(0, fraction)) : 0
    let eighths = Int((f * Double(width * 8)).rounded())
    let full = eighths / 8
    let partial = eighths % 8
    let blocks: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    var bar = String(repeating: "█", count: full)
    if full < width {
        bar.append(blocks[partial])
        bar += String(repeating: " ", count: width - full - 1)
    }
    return bar
}

/// One character per value, `▁` for the lowest and `█` for the highest of `values`
/// (or of `range` when given, so two sparklines compare); flat series sit in the middle.
/// Only the last `width` values are drawn when `width` is given.
func sparkline(_ values: [Double], range: ClosedRange<Double>? = nil, width: Int? = nil) -> String {
    let shown = width.map { Array(values.suffix(max(0, $0))) } ?? values
    let finite = shown.filter(\.isFinite)
    guard let low = range?.lowerBound ?? finite.min(), let high = range?.upperBound ?? finite.max() else { return "" }
    let ticks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    return String(
        shown.map { v -> Character in
            guard v.isFinite else { return " " }
            guard high > low else { return ticks[3] }
            let t = (min(high, max(low, v)) - low) / (high - low)
            // A span too wide for a Double (stored numbers near ±1e308) gives NaN: a middle tick.
            guard t.isFinite else { return ticks[3] }
            return ticks[min(7, max(0, Int((t * 7).rounded())))]
        })
}
