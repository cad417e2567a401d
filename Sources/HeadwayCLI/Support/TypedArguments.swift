import ArgumentParser
import Foundation
import HeadwayCore

/// A value typed on a command line that swift-argument-parser turns into its type before the
/// command runs (`--date 2026-11-30`, `partial`, `nccl:3`).
///
/// A refused value ends as one line that names the argument, the value and what is allowed
/// (``refusal(key:value:)``): the parser's own message is rewritten to it by
/// ``TypedArguments/refusal(in:)``, and a prompt that reads the same value (the interactive
/// `log`) calls ``parse(_:key:)`` for the same words.
protocol TypedArgument: ExpressibleByArgument {
    /// The name usage and help show for the value (`yyyy-mm-dd`); one per type, since it is how
    /// a refusal finds its type.
    static var valueName: String { get }
    /// What a refused value is not: `--date 'x' is not a date`.
    static var expected: String { get }
    /// What is allowed, after `allowed: `.
    static var allowed: String { get }
}

extension TypedArgument {
    static var expected: String { "allowed" }

    /// The help of an argument of this type, with its value name.
    static func help(_ text: String) -> ArgumentHelp { ArgumentHelp(text, valueName: valueName) }

    /// `text` as this type, or the refusal for `key` as a ``HeadwayError``.
    static func parse(_ text: String, key: String) throws -> Self {
        guard let value = Self(argument: text) else { throw HeadwayError(.usage, refusal(key: key, value: text)) }
        return value
    }

    /// `key 'value' is not <expected>; allowed: <allowed>`.
    static func refusal(key: String, value: String) -> String {
        "\(key) '\(clip(HeadwayCore.oneLine(value, limit: .max), 40))' is not \(expected); allowed: \(allowed)"
    }
}

/// Every typed argument, for turning the parser's refusals into theirs.
enum TypedArguments {
    static let all: [any TypedArgument.Type] = [Day.self, LogStatus.self, LoggedHours.self, UnitArgument.self, SkillArgument.self, LevelArgument.self]

    /// swift-argument-parser's "The value 'V' is invalid for '--date <yyyy-mm-dd>'…" when the
    /// value is of a typed argument, as that type's refusal; else `nil`.
    static func refusal(in message: Substring) -> String? {
        let prefix = "The value '", middle = "' is invalid for '"
        guard message.hasPrefix(prefix), let split = message.range(of: middle, options: .backwards) else { return nil }
        let value = String(message[message.index(message.startIndex, offsetBy: prefix.count)..<split.lowerBound])
        let target = message[split.upperBound...]
        guard let open = target.firstIndex(of: "<"), let close = target[open...].firstIndex(of: ">") else { return nil }
        let valueName = String(target[target.index(after: open)..<close])
        guard let type = all.first(where: { $0.valueName == valueName }) else { return nil }
        let option = target[..<open].trimmingCharacters(in: .whitespaces)
        return type.refusal(key: option.isEmpty ? valueName : option, value: value)
    }
}

// MARK: - The types

extension Day: TypedArgument {
    public init?(argument: String) { self.init(argument) }
    static var valueName: String { "yyyy-mm-dd" }
    static var expected: String { "a date" }
    static var allowed: String { "YYYY-MM-DD" }
}

extension LogStatus: TypedArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
    static var valueName: String { "status" }
    static var allowed: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// Hours logged: more than 0 and at most a day's 24.
struct LoggedHours: TypedArgument {
    let value: Double

    init?(argument: String) {
        guard let h = plainDecimal(argument), h > 0, h <= 24 else { return nil }
        value = h
    }
    static var valueName: String { "hours" }
    static var allowed: String { "more than 0 and at most 24 (a day's total)" }
}

/// A skill as typed: any case, any near miss, until ``Curriculum/skill(_:context:)`` finds it
/// in the curriculum the command loads (which the parser cannot know yet).
struct SkillArgument: TypedArgument {
    let typed: String

    init?(argument: String) {
        guard !argument.isEmpty else { return nil }
        typed = argument
    }
    static var valueName: String { "skill" }
    static var allowed: String { "a skill id (`headway graph` lists them; Tab completes them)" }
}

/// A unit as typed: `skill` or `skill:level`, the level the work reaches (1-4).
struct UnitArgument: TypedArgument, CustomStringConvertible {
    let skill: SkillArgument
    /// `nil`: the command decides (the next level in the plan, else the person's level + 1).
    let level: Int?

    init?(argument: String) {
        let parts = argument.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let skill = SkillArgument(argument: parts[0]) else { return nil }
        self.skill = skill
        if parts.count == 2 {
            guard let l = Int(parts[1]), Level.unitRange.contains(l) else { return nil }
            level = l
        } else {
            level = nil
        }
    }
    var description: String { skill.typed + (level.map { ":\($0)" } ?? "") }
    static var valueName: String { "skill[:level]" }
    static var expected: String { "a unit" }
    static var allowed: String { "SKILL or SKILL:LEVEL with LEVEL 1..4, the level the work reaches (nccl:3)" }
}

/// A level set by hand, 0-4.
struct LevelArgument: TypedArgument {
    let value: Int

    init?(argument: String) {
        guard let l = Int(argument), Level.range.contains(l) else { return nil }
        value = l
    }
    static var valueName: String { "level" }
    static var allowed: String {
        "0-4 (" + Level.range.map { "\($0) \(Level.meaning($0).split(separator: ":")[0])" }.joined(separator: ", ") + ")"
    }
}

extension Curriculum {
    /// The skill a typed argument names, or the one error with the nearest id.
    func skill(_ argument: SkillArgument, context: String? = nil) throws -> Skill {
        try skill(typed: argument.typed, context: context)
    }
}
