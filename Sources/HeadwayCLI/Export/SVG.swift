import HeadwayCore

/// A small SVG writer for the report's charts: elements appended as text, numbers rounded to
/// one decimal so a year of history stays a small file.
struct SVG {
    let width: Double
    let height: Double
    /// The chart's accessible name.
    let title: String
    private(set) var body: [String] = []

    init(width: Double, height: Double, title: String) {
        self.width = width; self.height = height; self.title = title
    }

    mutating func add(_ element: String) { body.append(element) }

    mutating func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String, rx: Double = 0,
        extra: String = "", tooltip: String? = nil
    ) {
        let open =
            "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(0, width)))\" height=\"\(n(max(0, height)))\""
            + (rx > 0 ? " rx=\"\(n(rx))\"" : "") + " fill=\"\(fill)\"" + (extra.isEmpty ? "" : " " + extra)
        if let tooltip { add(open + "><title>\(html(tooltip))</title></rect>") } else { add(open + "/>") }
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dash: String? = nil) {
        add(
            "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\""
                + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>")
    }

    mutating func text(
        _ value: String, x: Double, y: Double, anchor: String = "start", size: Double = 13,
        weight: String? = nil, fill: String = "#1d232b", extra: String = ""
    ) {
        add(
            "<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\"" + (anchor == "start" ? "" : " text-anchor=\"\(anchor)\"")
                + (weight.map { " font-weight=\"\($0)\"" } ?? "") + " fill=\"\(fill)\"" + (extra.isEmpty ? "" : " " + extra)
                + ">\(html(value))</text>")
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2, dash: String? = nil, cssClass: String) {
        guard points.count > 1 else { return }
        let list = points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
        add(
            "<polyline class=\"\(cssClass)\" points=\"\(list)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\""
                + " stroke-linejoin=\"round\" stroke-linecap=\"round\"" + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>")
    }

    mutating func circle(x: Double, y: Double, r: Double, fill: String, stroke: String = "none", cssClass: String, tooltip: String) {
        add(
            "<circle class=\"\(cssClass)\" cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(r))\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"1.5\">"
                + "<title>\(html(tooltip))</title></circle>")
    }

    /// The `<svg>` element; it scales to its container (the CSS gives it `width: 100%`).
    func render(cssClass: String) -> String {
        "<svg class=\"\(cssClass)\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(html(title))\""
            + " preserveAspectRatio=\"xMinYMin meet\"><title>\(html(title))</title>\n" + body.joined(separator: "\n") + "\n</svg>"
    }
}

/// A coordinate with at most one decimal, no exponent.
func n(_ x: Double) -> String {
    let r = (x * 10).rounded() / 10
    if let i = Int(exactly: r) { return String(i) }
    return fixed(r, 1)
}

/// Escapes text for HTML and SVG (element content and attribute values).
func html(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for ch in text.unicodeScalars {
        switch ch {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        // A control character (ESC, BEL, a bidi override) is shown, never passed on.
        case _ where isUnsafeForTerminal(ch) && ch != "\r":
            out += "\\u{" + String(ch.value, radix: 16, uppercase: true) + "}"
        default: out.unicodeScalars.append(ch)
        }
    }
    return out
}
