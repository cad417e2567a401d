// Short forms of text the person typed, for one-line messages.

/// `text` cut to `limit` characters with an ellipsis and its full length.
public func clip(_ text: String, _ limit: Int) -> String {
    guard text.count > limit else { return text }
    return String(text.prefix(limit)) + "… (\(text.utf8.count) bytes)"
}

/// The closest of `names` to `word` by edit distance, if it is close enough to be a typo.
public func nearest(_ word: String, in names: [String]) -> String? {
    guard word.count <= 40 else { return nil }
    func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in 1...b.count {
                let saved = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = saved
            }
        }
        return row[b.count]
    }
    let w = Array(word.lowercased())
    var best: (name: String, distance: Int)?
    for name in names.sorted() {
        let d = distance(w, Array(name))
        if best == nil || d < best!.distance { best = (name, d) }
    }
    guard let best, best.distance <= max(1, word.count / 3) else { return nil }
    return best.name
}

/// `text` broken at spaces into lines of at most `width` characters (a longer word stays whole).
public func wrapped(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
        if line.isEmpty {
            line = String(word)
        } else if line.count + 1 + word.count <= width {
            line += " " + word
        } else {
            lines.append(line)
            line = String(word)
        }
    }
    if !line.isEmpty { lines.append(line) }
    return lines
}
