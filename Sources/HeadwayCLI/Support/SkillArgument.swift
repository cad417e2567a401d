import HeadwayCore

/// A skill typed as an argument (`log nccl 2`, `--what-if vLLM=4`, `graph nccl`): its id in any
/// case, or one clear error with the nearest id.
///
/// Every command that takes a skill goes through ``Curriculum/skill(typed:context:)``, so the
/// same typo gets the same suggestion everywhere.
extension Curriculum {
    /// The skill `word` names: its id, compared without case. `context` starts the error
    /// (`--what-if`), which then ends with the nearest id, if any, and where to look.
    func skill(typed word: String, context: String? = nil) throws -> Skill {
        if let exact = graph[word] { return exact }
        let lowered = word.lowercased()
        if let folded = graph.skills.first(where: { $0.id.lowercased() == lowered }) { return folded }
        var message = (context.map { "\($0) names " } ?? "") + "unknown skill '\(clip(HeadwayCore.oneLine(word, limit: .max), 40))'"
        if let near = skillSuggestion(for: word) { message += "; did you mean '\(near)'?" }
        throw CLIError(message + " (`headway graph` lists every skill; Tab completes them)")
    }

    /// The id `word` most likely meant: one that starts with it or contains it as a word
    /// (`infiniband` → `infiniband-roce`), else the nearest by edit distance (`ncl` → `nccl`).
    func skillSuggestion(for word: String) -> String? {
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
