extension Snapshot {
    /// Why a snapshot was taken. Stored as a stable ``code`` with ``parameters`` and read back
    /// from them; the sentence (``description``) is only ever shown, never parsed — except once,
    /// by ``init(legacy:)``, for rows and archives written before reasons had codes.
    public enum Reason: Sendable, Hashable, CustomStringConvertible {
        /// The first assessment of a profile.
        case assessment
        /// A whole new set of answers (`assess` on a profile with a history).
        case reassessment
        /// One skill answered anew (`level`, `assess set SKILL L`); `unsure` when marked `?`.
        case reassessedSkill(skill: String, level: Int, unsure: Bool)
        /// Another answer changed (`assess set hours 8`, `assess set split …`): its key and value.
        case reassessedAnswer(key: String, value: String)
        /// A unit completed; `on` is the day the work was done when it was logged on a later day.
        case completed(UnitID, on: Day?)
        case logEdited(id: Int64)
        case logRemoved(id: Int64)
        /// A signal's window starts (`entering`) or ends on the snapshot's day.
        case signal(id: String, entering: Bool)
        /// New curricula: their label and what each change did to the score.
        case curricula(label: String, changes: String)
        /// A reason Headway did not write (an archive of another program, an old row it cannot
        /// read): kept and shown as it is.
        case text(String)

        public var description: String {
            switch self {
            case .assessment: "assessment"
            case .reassessment: "re-assessment"
            case .reassessedSkill(let skill, let level, let unsure): "re-assessment \(skill):\(level)\(unsure ? "?" : "")"
            case .reassessedAnswer(let key, let value): "re-assessment \(key) \(value)"
            case .completed(let unit, let day): "completed \(unit)" + (day.map { " (done \($0))" } ?? "")
            case .logEdited(let id): "log #\(id) edited"
            case .logRemoved(let id): "log #\(id) removed"
            case .signal(let id, let entering): "signal \(id) \(entering ? "enters" : "completes") its window"
            case .curricula(let label, let changes): "curricula \(label): \(changes)"
            case .text(let text): text
            }
        }

        /// True for the two boundaries of a signal's window (the field moved, not the person).
        public var isSignal: Bool {
            if case .signal = self { return true }
            return false
        }

        /// True for a change of curricula.
        public var isCurricula: Bool {
            if case .curricula = self { return true }
            return false
        }
    }
}

extension Snapshot.Reason {
    /// The stable name of the case, as stored: `assessment`, `completed`, `signal.enters`, ….
    public var code: String {
        switch self {
        case .assessment: "assessment"
        case .reassessment: "reassessment"
        case .reassessedSkill: "reassessment.skill"
        case .reassessedAnswer: "reassessment.answer"
        case .completed: "completed"
        case .logEdited: "log.edited"
        case .logRemoved: "log.removed"
        case .signal(_, let entering): entering ? "signal.enters" : "signal.completes"
        case .curricula: "curricula"
        case .text: "text"
        }
    }

    /// The case's values by name, as stored beside ``code``; empty for cases without any.
    public var parameters: [String: String] {
        switch self {
        case .assessment, .reassessment: [:]
        case .reassessedSkill(let skill, let level, let unsure): ["skill": skill, "level": String(level), "unsure": unsure ? "1" : "0"]
        case .reassessedAnswer(let key, let value): ["key": key, "value": value]
        case .completed(let unit, let day):
            ["skill": unit.skill, "level": String(unit.level)].merging(day.map { ["done": $0.description] } ?? [:]) { a, _ in a }
        case .logEdited(let id), .logRemoved(let id): ["log": String(id)]
        case .signal(let id, _): ["signal": id]
        case .curricula(let label, let changes): ["label": label, "changes": changes]
        case .text(let text): ["text": text]
        }
    }

    /// The reason stored as `code` with `parameters`; `nil` when the code is unknown or a
    /// parameter it needs is missing or malformed.
    public init?(code: String, parameters p: [String: String]) {
        func int(_ key: String) -> Int? { p[key].flatMap { Int($0) } }
        switch code {
        case "assessment": self = .assessment
        case "reassessment": self = .reassessment
        case "reassessment.skill":
            guard let skill = p["skill"], let level = int("level"), let unsure = p["unsure"], ["0", "1"].contains(unsure) else { return nil }
            self = .reassessedSkill(skill: skill, level: level, unsure: unsure == "1")
        case "reassessment.answer":
            guard let key = p["key"], let value = p["value"] else { return nil }
            self = .reassessedAnswer(key: key, value: value)
        case "completed":
            guard let skill = p["skill"], let level = int("level") else { return nil }
            var day: Day?
            if let done = p["done"] {
                guard let d = Day(done) else { return nil }
                day = d
            }
            self = .completed(UnitID(skill: skill, level: level), on: day)
        case "log.edited", "log.removed":
            guard let id = p["log"].flatMap({ Int64($0) }) else { return nil }
            self = code == "log.edited" ? .logEdited(id: id) : .logRemoved(id: id)
        case "signal.enters", "signal.completes":
            guard let id = p["signal"] else { return nil }
            self = .signal(id: id, entering: code == "signal.enters")
        case "curricula":
            guard let label = p["label"], let changes = p["changes"] else { return nil }
            self = .curricula(label: label, changes: changes)
        case "text":
            guard let text = p["text"] else { return nil }
            self = .text(text)
        default: return nil
        }
    }

    /// The reason a sentence written before reasons had codes stands for: each sentence Headway
    /// wrote then, read back into its case; anything else is kept as ``text(_:)``. Used by the
    /// store's migration and by archives that carry no code, never on data written since.
    public init(legacy sentence: String) {
        self = Self.parseLegacy(sentence) ?? .text(sentence)
        // A sentence that does not come back unchanged was not one of ours.
        if description != sentence { self = .text(sentence) }
    }

    private static func parseLegacy(_ s: String) -> Self? {
        let words = s.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        switch words.first {
        case "assessment" where words.count == 1: return .assessment
        case "re-assessment":
            if words.count == 1 { return .reassessment }
            if words.count == 2 {
                var answer = words[1]
                let unsure = answer.hasSuffix("?")
                if unsure { answer.removeLast() }
                let parts = answer.split(separator: ":", omittingEmptySubsequences: false)
                guard parts.count == 2, let level = Int(parts[1]) else { return nil }
                return .reassessedSkill(skill: String(parts[0]), level: level, unsure: unsure)
            }
            return .reassessedAnswer(key: words[1], value: words.dropFirst(2).joined(separator: " "))
        case "completed" where words.count == 2 || words.count == 4:
            let parts = words[1].split(separator: ":")
            guard parts.count == 2, let level = Int(parts[1]) else { return nil }
            var day: Day?
            if words.count == 4 {
                guard words[2] == "(done", words[3].hasSuffix(")"), let d = Day(String(words[3].dropLast())) else { return nil }
                day = d
            }
            return .completed(UnitID(skill: String(parts[0]), level: level), on: day)
        case "log" where words.count == 3 && words[1].hasPrefix("#"):
            guard let id = Int64(words[1].dropFirst()) else { return nil }
            return words[2] == "edited" ? .logEdited(id: id) : words[2] == "removed" ? .logRemoved(id: id) : nil
        case "signal" where words.count == 5 && words[3] == "its" && words[4] == "window":
            return ["enters", "completes"].contains(words[2]) ? .signal(id: words[1], entering: words[2] == "enters") : nil
        case "curricula":
            let rest = s.dropFirst("curricula ".count)
            guard let colon = rest.indices.first(where: { rest[$0...].hasPrefix(": ") }) else { return nil }
            return .curricula(label: String(rest[..<colon]), changes: String(rest[colon...].dropFirst(2)))
        default: return nil
        }
    }
}

extension Snapshot.Reason: Codable {
    private enum CodingKeys: String, CodingKey { case code, parameters }

    /// Reads `{"code", "parameters"}`, or the sentence alone as JSON written before codes held
    /// it (a `redo` row kept by the version before: ``init(legacy:)``).
    public init(from decoder: any Decoder) throws {
        if let sentence = try? decoder.singleValueContainer().decode(String.self) {
            self.init(legacy: sentence)
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let code = try c.decode(String.self, forKey: .code)
        let parameters = try c.decode([String: String].self, forKey: .parameters)
        guard let reason = Self(code: code, parameters: parameters) else {
            throw DecodingError.dataCorruptedError(forKey: .code, in: c, debugDescription: "unknown reason '\(code)' or its parameters")
        }
        self = reason
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(parameters, forKey: .parameters)
    }
}
