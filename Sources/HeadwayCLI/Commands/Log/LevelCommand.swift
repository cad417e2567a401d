import ArgumentParser
import Foundation
import HeadwayApp
import HeadwayCore
import HeadwayStore

/// `headway level SKILL L`: set a level yourself, recorded as a re-assessment.
struct LevelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "level", _superCommandName: leafSuperCommand,
        abstract: "Set a skill's level yourself (0-4), recorded as a re-assessment with a snapshot.",
        discussion: """
            The re-assessment keeps every level you have reached (assessed or completed) and \
            changes this one, from --as-of (default today) on. `undo` reverts it.
            """)

    @OptionGroup var model: ModelOptions
    @OptionGroup var store: StoreOptions
    @Argument(help: SkillArgument.help("The skill id (Tab completes it).")) var skill: SkillArgument
    @Argument(help: LevelArgument.help("The level, 0-4.")) var level: LevelArgument

    func run() throws {
        let curriculum = try model.curriculum()
        let node = try curriculum.skill(skill), newLevel = level.value
        let skill = node.id
        let (result, written, _, _) = try withProfileProgress(model, store, curriculum: curriculum) {
            p, writes -> (old: Int, before: Double, recorded: Double?)? in
            let old = p.person.level(of: skill)
            guard let r = p.record.reassessment(setting: skill, to: newLevel, on: p.day) else { return nil }
            writes.reassess(r)
            return (old, r.change.before, p.recordedScore(onOrBefore: r.change.snapshot?.asOf ?? p.day, pending: writes.snapshots))
        }
        for line in signalNotes(written) { Console.out(line) }
        guard let result, let s = written.changeSnapshot?.snapshot else {
            Console.out("\(node.name) (\(skill)) is already at \(newLevel) (\(Level.meaning(newLevel))); nothing changed.")
            return
        }
        let style = Style.current()
        Console.out("\(node.name) (\(skill)): \(result.old) → \(newLevel)  \(Level.meaning(newLevel)) (re-assessment from \(s.asOf))")
        Console.out(
            scoreMoveText(recorded: result.recorded, before: result.before, after: s.score, shown: style.zone(fixed(s.score, 1), s.zone))
                + "  \(s.label)")
    }
}
