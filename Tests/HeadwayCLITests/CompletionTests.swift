import Testing

@testable import HeadwayCLI

@Suite("Tab completion follows the command grammar")
struct CompletionTests {
    static let completion: Completion = {
        let vocabulary = Completion.Vocabulary(
            skills: { ["nccl", "nccl-tests", "vllm", "kubernetes"] },
            tasks: { ["serving", "gpu-cluster"] },
            profiles: { ["ana", "bo"] })
        return Completion(root: Completion.grammar()!, vocabulary: vocabulary)
    }()

    func words(_ before: String, _ word: String) -> [String] {
        if case .words(let w) = Self.completion.complete(before: before, word: word) { return w }
        return ["<files>"]
    }

    @Test("command names and shell words at the start of a line")
    func commands() {
        #expect(words("", "sc") == ["score"])
        #expect(words("", "").contains("plan"))
        #expect(words("", "").contains("quit"))
        #expect(words("", "q") == ["quit"])
        #expect(words("  ", "cur") == ["curricula"])
    }

    @Test("subcommands, then nothing more for a command without them")
    func subcommands() {
        #expect(words("curricula ", "") == ["check", "diff", "install", "list", "use"])
        #expect(words("help ", "pl") == ["plan"])
        #expect(words("help curricula ", "") == ["check", "diff", "install", "list", "use"])
        #expect(words("quit ", "") == [])
    }

    @Test("flags of the command being typed")
    func flags() {
        #expect(words("plan ", "--ex") == ["--exclude", "--export-problem"])
        #expect(words("score --json ", "--wh") == ["--what-if"])
        #expect(words("score ", "--").contains("--as-of"))
        #expect(!words("score ", "--").contains("--hours"))
    }

    @Test("skill ids after a flag that takes skills, including after = and ,")
    func skills() {
        #expect(words("score --what-if ", "ncc") == ["nccl", "nccl-tests"])
        #expect(words("plan --exclude ", "v") == ["vllm"])
        #expect(words("plan --include ", "") == ["kubernetes", "nccl", "nccl-tests", "vllm"])
        #expect(words("score --what-if vllm=3,", "k") == ["kubernetes"])
    }

    @Test("a command with a default subcommand completes that subcommand's values too (`log nccl` is `log add nccl`)")
    func defaultSubcommand() {
        #expect(words("log ", "nc") == ["nccl", "nccl-tests"])
        #expect(words("log ", "l") == ["list"])
        #expect(words("log nccl 2 ", "pa") == ["partial"])
        #expect(words("log add nccl 2 ", "") == ["done", "partial", "skipped"])
        #expect(words("log edit 3 --status ", "s") == ["skipped"])
        #expect(words("level ", "vl") == ["vllm"])
        #expect(words("level vllm ", "") == ["0", "1", "2", "3", "4"])
    }

    @Test("file names for file options, nothing for free values")
    func values() {
        #expect(Self.completion.complete(before: "score --assessment ", word: "Fix") == .files)
        #expect(words("plan --hours ", "") == [])
        #expect(words("score --as-of ", "2026") == [])
    }

    @Test("a half-open quote before the word completes nothing rather than guessing")
    func unbalanced() {
        #expect(words("score 'abc ", "--") == [])
    }
}
