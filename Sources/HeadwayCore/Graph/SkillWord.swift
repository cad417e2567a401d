/// A skill typed as an argument (`log nccl 2`, `--what-if vLLM=4`, `graph nccl`): its id in any
/// case, or one clear error with the nearest id.
///
/// Every command that takes a skill goes through ``Curriculum/skill(typed:context:)``, so the
/// same typo gets the same suggestion everywhere.
extension Curriculum {
    /// The skill `word` names: its id, compared without case. `context` starts the error
    /// (`--what-if`), which then ends with the nearest id, if any, and where to look.
    public func skill(typed word: String, context: String? = nil) throws -> Skill {
        if let exact = graph[word] { return exact }
        let lowered = word.lowercased()
        if let folded = graph.skills.first(where: { $0.id.lowercased() == lowered }) { return folded }
        // A unique word or prefix of an id or a name (`infiniband`, `sglang`, `guardrails`).
        let matches = skillsNamed(by: lowered)
        if matches.count == 1 { return matches[0] }
        let shown = clip(oneLine(word, limit: .max), 40)
        if matches.count > 1 {
            let list = matches.prefix(6).map { "\($0.id) (\($0.name))" }.joined(separator: ", ")
            throw HeadwayError(
                .usage,
                (context.map { "\($0): " } ?? "") + "'\(shown)' could be \(list)\(matches.count > 6 ? ", …" : ""); type more of the id")
        }
        var message = (context.map { "\($0) names " } ?? "") + "unknown skill '\(shown)'"
        if let near = skillSuggestion(for: word) { message += "; did you mean '\(near)'?" }
        throw HeadwayError(.usage, message + " (`headway graph` lists every skill; Tab completes them)")
    }

    /// Skills whose id starts with `word`, or one of whose id or name words starts with it
    /// (three letters at least), shortest id first; empty for a shorter word.
    public func skillsNamed(by word: String) -> [Skill] {
        guard word.count >= 3 else { return [] }
        func words(_ text: String) -> [Substring] { text.lowercased().split { !$0.isLetter && !$0.isNumber } }
        // How well `s` matches: its id's start, then a word of its id, then a word of its name.
        func strength(_ s: Skill) -> Int? {
            if s.id.hasPrefix(word) { return 0 }
            if words(s.id).contains(where: { $0.hasPrefix(word) }) { return 1 }
            if words(s.name).contains(where: { $0.hasPrefix(word) }) { return 2 }
            return nil
        }
        return graph.skills.compactMap { s in strength(s).map { (s, $0) } }
            .sorted { ($0.0.retired == nil ? 0 : 1, $0.1, $0.0.id.count, $0.0.id) < ($1.0.retired == nil ? 0 : 1, $1.1, $1.0.id.count, $1.0.id) }
            .map(\.0)
    }

    /// The id `word` most likely meant: one that starts with it or contains it as a word
    /// (`infiniband` → `infiniband-roce`), else the nearest by edit distance (`ncl` → `nccl`).
    public func skillSuggestion(for word: String) -> String? {
        let lowered = word.lowercased()
        let ids = graph.skills.map(\.id)
        guard !lowered.isEmpty else { return nil }
        if lowered.count >= 3 {
            let containing = ids.filter { $0.hasPrefix(lowered) || $0.split(separator: "-").contains { $0 == lowered } }
            if let shortest = containing.min(by: { ($0.count, $0) < ($1.count, $1) }) { return shortest }
        }
        return nearest(lowered, in: ids)
    }
}
