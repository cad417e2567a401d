import ArgumentParser
import Foundation
import HeadwayApp
import HeadwayCore
import HeadwayCurricula
import HeadwayStore

extension AssessCommand {
    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", _superCommandName: leafSuperCommand,
            abstract: "Change one answer and show the score before and after (a re-assessment).",
            discussion: """
                `assess set SKILL LEVEL` sets a level (`vllm 3`, or `vllm 3?` when unsure); `hours 5` the \
                hours per week; `split TASK=30,TASK=20,…` your time split (percent, adding to 100; \
                `split role` goes back to the role's); `off 2026-12-21[,…]` weeks with no time \
                (`DATE=H` for a week of H hours, `off none` clears them); `unsure SKILL[,…]` and \
                `sure SKILL[,…]` whether an answered level may be one off; `access gpu,solo,20` what you \
                can learn on (laptop, gpu, multi-gpu, cluster; team or solo; a GPU-hour budget, or none). \
                Each is journaled: `undo` reverts it.
                """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var model: ModelOptions
        @Argument(help: ArgumentHelp("A skill id (Tab completes it), or hours, split, off, unsure, sure, access.", valueName: "skill"))
        var skill: String
        @Argument(
            help: ArgumentHelp(
                "The new value: a level 0-4 (2? if unsure; ? alone: the level now, not sure), hours, a split, dates, skills.", valueName: "level"))
        var level: String

        func run() throws {
            let curriculum = try model.curriculum()
            switch skill {
            case "hours", "split", "off", "unsure", "sure", "access": try answer(curriculum)
            default: try setLevel(curriculum)
            }
        }

        private func setLevel(_ curriculum: Curriculum) throws {
            let unsure = level.hasSuffix("?")
            // `?` alone: the level the record holds now, not sure of it (as the wizard takes it).
            let onlyUnsure = level == "?"
            let (node, given) = try checkedSkillLevel(skill, onlyUnsure ? "0" : unsure ? String(level.dropLast()) : level, in: curriculum)
            // The same change as `level`: journaled (so `undo` reverts it), holding every level
            // reached so far, applying from --as-of, with its snapshot, in one transaction.
            let skill = self.skill
            let (result, _, _, _) = try withProfileProgress(model, store, curriculum: curriculum) {
                p, writes -> (level: Int, change: (old: String, was: PersonalScore, now: PersonalScore, recorded: Double?)?) in
                let a = p.person.assessment
                let newLevel = onlyUnsure ? p.person.level(of: skill) : given
                let old = a.skills[skill] == nil ? "\(p.person.level(of: skill)) (assumed)" : "\(a.skills[skill] ?? 0)\(a.unsure.contains(skill) ? "?" : "")"
                // An assumed level given as an answer, or a change of sureness, is a change too: it narrows or widens the band.
                let r =
                    unsure || a.unsure.contains(skill) || a.skills[skill] == nil
                    ? p.record.reassessment(
                        editing: { a in
                            a.skills[skill] = newLevel
                            if unsure { a.unsure.insert(skill) } else { a.unsure.remove(skill) }
                        }, on: p.day, reason: .reassessedSkill(skill: skill, level: newLevel, unsure: unsure))
                    : p.record.reassessment(setting: skill, to: newLevel, on: p.day)
                guard let r else { return (newLevel, nil) }
                writes.reassess(r)
                guard let now = r.change.after.score(at: p.day) else { throw HeadwayError.noModel(on: p.day, of: p) }
                return (newLevel, (old, p.person.score(at: p.day), now, p.recordedScore(onOrBefore: p.day, pending: writes.snapshots)))
            }
            let newLevel = result.level
            guard let (oldLevel, was, now, recorded) = result.change else {
                Console.out("\(skill) is already at \(newLevel)\(unsure ? "?" : "") (\(Level.meaning(newLevel))); nothing changed.")
                return
            }
            Console.out("\(node.name) (\(skill)): \(oldLevel) → \(newLevel)\(unsure ? "?" : "")  \(Level.meaning(newLevel))")
            Console.out(Self.scoreLine(was, now, recorded: recorded))
        }

        /// "AIJRI 49.1 → 49.6 (+0.5), likely 47.9-51.3  Green (Transforming)", from the score the
        /// record last holds (split into work and field when both moved, as `history` tells it).
        static func scoreLine(_ was: PersonalScore, _ now: PersonalScore, recorded: Double?) -> String {
            let style = Style.current()
            return scoreMoveText(
                recorded: recorded, before: was.result.value, after: now.result.value,
                shown: style.zone(fixed(now.result.rounded, 1), now.result.zone))
                + "\(likely(now.band))  \(now.result.label)"
        }

        /// `hours`, `split`, `off`, `unsure`, `sure`: one answer of the assessment in force.
        private func answer(_ curriculum: Curriculum) throws {
            let what = skill, value = level
            let (result, _, _, _) = try withProfileProgress(model, store, curriculum: curriculum) {
                p, writes -> (String, PersonalScore, PersonalScore, Double?)? in
                // The answers in force, not the levels reached: completions stay completions (25.5).
                let current = p.record.assessment(at: p.day)?.assessment ?? p.person.assessment
                var edited = current
                let note = try Self.edit(&edited, what, value, curriculum: curriculum, role: p.person.role)
                if let problem = edited.problems(in: curriculum).first { throw HeadwayError(.usage, "\(problem.key): \(problem.message)") }
                guard let r = p.record.reassessment(editing: { $0 = edited }, on: p.day, reason: .reassessedAnswer(key: what, value: clip(value, 60))) else {
                    return nil
                }
                writes.reassess(r)
                guard let now = r.change.after.score(at: p.day) else { throw HeadwayError.noModel(on: p.day, of: p) }
                return (note, p.person.score(at: p.day), now, p.recordedScore(onOrBefore: p.day, pending: writes.snapshots))
            }
            guard let (note, was, now, recorded) = result else {
                Console.out("\(what) is already \(value); nothing changed.")
                return
            }
            Console.out(note)
            Console.out(Self.scoreLine(was, now, recorded: recorded))
        }

        /// Applies `assess set WHAT VALUE` to `a`; returns the line that says what changed.
        static func edit(_ a: inout Assessment, _ what: String, _ value: String, curriculum: Curriculum, role: Role) throws -> String {
            switch what {
            case "hours":
                guard let h = plainDecimal(value) else {
                    throw HeadwayError(.usage, "hours '\(clip(value, 20))' is not a number; allowed: 1-40, in decimal digits")
                }
                guard Assessment.hoursRange.contains(h) else { throw HeadwayError(.usage, "hours \(format(h)) is out of range; allowed: 1-40") }
                let old = a.hoursPerWeek
                a.hoursPerWeek = h
                return "Hours per week: \(format(old)) → \(format(h)) (`replan` plans the weeks left with them)."
            case "access":
                switch PersonAccess.parse(value, base: a.access ?? .unrestricted) {
                case .success(let access):
                    a.access = access
                    return "Access: \(access.summary) (`replan` plans what you can do with it)."
                case .failure(let e): throw HeadwayError(.usage, "access: \(e.description)")
                }
            case "split":
                if value == "role" {
                    a.timeSplit = [:]
                    return "Time split: the role's own."
                }
                var split: [String: Double] = [:]
                for pair in value.split(separator: ",") {
                    let parts = pair.split(separator: "=", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                    guard parts.count == 2, !parts[0].isEmpty, let share = plainDecimal(parts[1].hasSuffix("%") ? String(parts[1].dropLast()) : parts[1]) else {
                        throw HeadwayError(
                            .usage, "split '\(clip(String(pair), 40))' is not TASK=PERCENT; allowed tasks: \(role.tasks.map(\.id).joined(separator: ", "))")
                    }
                    split[parts[0]] = share
                }
                a.timeSplit = split
                return "Time split: " + role.tasks.map { "\($0.id) \(format(split[$0.id] ?? 0))%" }.joined(separator: ", ") + "."
            case "off":
                if value == "none" {
                    a.availability = [:]
                    return "Weeks off: none."
                }
                for item in value.split(separator: ",") {
                    let parts = item.split(separator: "=", omittingEmptySubsequences: false).map(String.init)
                    guard let day = Day(parts[0]) else {
                        throw HeadwayError(
                            .usage, "off '\(clip(String(item), 30))' is not a date; allowed: YYYY-MM-DD (any day of the week off), DATE=HOURS, or none")
                    }
                    guard parts.count == 1 || parts.count == 2, let hours = parts.count == 1 ? 0 : Double(parts[1]),
                        Assessment.weekHoursRange.contains(hours)
                    else {
                        throw HeadwayError(.usage, "off '\(clip(String(item), 30))': that week's hours must be 0-40")
                    }
                    a.availability[day] = hours
                }
                return "Weeks off: "
                    + a.availability.sorted { $0.key < $1.key }
                    .map { "\($0.key)\($0.value == 0 ? "" : " (\(format($0.value)) h)")" }.joined(separator: ", ")
                    + " (`replan` plans around them)."
            default:
                let skills = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                for s in skills {
                    if let problem = a.unsureProblem(s, in: curriculum) { throw HeadwayError(.usage, "\(what) \(clip(s, 40)): \(problem)") }
                    if what == "unsure" { a.unsure.insert(s) } else { a.unsure.remove(s) }
                }
                let names = skills.map { "\(curriculum.graph[$0]?.name ?? $0) (\(a.skills[$0] ?? 0))" }.joined(separator: ", ")
                return what == "unsure" ? "Unsure, may be one level off: \(names)." : "Sure: \(names)."
            }
        }
    }
}
