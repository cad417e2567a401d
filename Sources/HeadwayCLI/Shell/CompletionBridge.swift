import CEditLine
import Foundation

/// The C side of Tab: libedit calls plain C functions that capture nothing, so the completer
/// and the candidates of the current Tab live in globals touched only on the reading thread.
enum CompletionBridge {
    nonisolated(unsafe) private static var completion: Completion?
    nonisolated(unsafe) private static var candidates: [String] = []
    nonisolated(unsafe) private static var next = 0

    static func install(_ completion: Completion?) {
        self.completion = completion
        cedit_set_completer(attempt)
    }

    /// `rl_attempted_completion_function`: decides what the word at `start..<end` may become.
    private static let attempt: @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = {
        text, start, _ in
        guard let completion = CompletionBridge.completion, let text, let buffer = cedit_line_buffer() else { return nil }
        let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self), count: strlen(buffer)))
        let before = String(decoding: bytes.prefix(Int(start)), as: UTF8.self)
        let word = String(cString: text)
        let result = completion.complete(before: before, word: word)
        switch result {
        case .files:
            cedit_set_completion_over(0)
            return nil
        case .words(let words):
            cedit_set_completion_over(1)
            CompletionBridge.candidates = words
            CompletionBridge.next = 0
            guard !words.isEmpty else { return nil }
            return rl_completion_matches(text, generate)
        }
    }

    /// `rl_compentry_func_t`: hands libedit one candidate per call, `nil` when done.
    private static let generate: @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>? = { _, state in
        if state == 0 { CompletionBridge.next = 0 }
        guard CompletionBridge.next < CompletionBridge.candidates.count else { return nil }
        defer { CompletionBridge.next += 1 }
        return strdup(CompletionBridge.candidates[CompletionBridge.next])
    }
}
