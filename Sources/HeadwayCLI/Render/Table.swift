/// A plain aligned text table: left-aligned text columns, right-aligned number columns.
struct Table {
    enum Align { case left, right }
    var headers: [String]
    var align: [Align]
    var rows: [[String]] = []

    init(_ headers: [String], align: [Align]) { self.headers = headers; self.align = align }

    mutating func add(_ row: [String]) { rows.append(row) }

    /// Renders the table; the last left-aligned column is shortened to fit `width`.
    func render(width: Int = 100) -> String {
        var widths = headers.indices.map { i in ([headers[i]] + rows.map { $0[i] }).map(\.count).max() ?? 0 }
        let total = widths.reduce(0, +) + 2 * (widths.count - 1)
        if total > width, let flex = align.lastIndex(of: .left) {
            widths[flex] = max(12, widths[flex] - (total - width))
        }
        func line(_ cells: [String]) -> String {
            cells.indices.map { i in
                var cell = cells[i]
                if cell.count > widths[i] { cell = String(cell.prefix(widths[i] - 1)) + "…" }
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return align[i] == .left ? cell + pad : pad + cell
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        return ([line(headers), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line)).joined(separator: "\n")
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
