import Foundation
import HeadwayCore
import Yams

/// Reads a curricula folder (`skills.yaml`, `signals.yaml`, `roles/*.yaml`) and validates it.
///
/// Every problem is reported at once, each with file, line and id; a curriculum is returned
/// only when there is none. Every command loads curricula through ``load(from:)``.
public enum CurriculumLoader {
    /// Loads and validates; throws ``Diagnostics`` listing every problem.
    public static func load(from directory: URL) throws(Diagnostics) -> Curriculum {
        let (curriculum, problems) = check(directory)
        guard let curriculum, problems.isEmpty else { throw Diagnostics(problems) }
        return curriculum
    }

    /// Reads and validates, returning whatever could be built and every problem found.
    public static func check(_ directory: URL) -> (Curriculum?, [Diagnostic]) {
        let log = DiagnosticLog()
        let base = directory.standardizedFileURL
        func display(_ url: URL) -> String {
            let name = url.path.hasPrefix(base.path + "/") ? String(url.path.dropFirst(base.path.count + 1)) : url.path
            return (directory.path as NSString).appendingPathComponent(name)
        }
        var isDir: ObjCBool = false
        let parts = ["skills.yaml", "signals.yaml", "roles"].map { base.appendingPathComponent($0).path }
        guard FileManager.default.fileExists(atPath: base.path, isDirectory: &isDir), isDir.boolValue,
            parts.contains(where: { FileManager.default.fileExists(atPath: $0) })
        else {
            // A folder with none of the three (a typo, `/etc`) is one problem, not one per file.
            return (nil, [Diagnostic(file: directory.path, line: 0, message: "is not a curricula folder (expected skills.yaml, signals.yaml and roles/)")])
        }
        func read(_ url: URL) -> (NodeReader, Node)? {
            let name = display(url)
            do {
                return (NodeReader(file: name, log: log), try composeFile(url, displayName: name))
            } catch {
                log.add(error)
                return nil
            }
        }
        var groups: [SkillGroup] = [], skills: [(Skill, Int, NodeReader)] = []
        // Ids that files declare, valid or not: a reference to one is not "unknown" (its own
        // problem is reported where it is declared). `nil` when skills.yaml could not be read
        // at all, so that one broken file gives one line, not one per reference.
        var declared = Declared()
        if let (r, node) = read(base.appendingPathComponent("skills.yaml")) {
            (groups, skills) = readSkills(node, r, declaring: &declared)
        }
        let roleDir = base.appendingPathComponent("roles")
        let roleFiles = Self.roleFiles(base)
        if roleFiles.isEmpty {
            log.add(Diagnostic(file: display(roleDir), line: 0, message: "holds no role files (roles/<id>.yaml)"))
        }
        var roles: [(Role, Int, NodeReader, [String: Int])] = []
        for url in roleFiles {
            declared.roles.insert(url.deletingPathExtension().lastPathComponent)
            if let (r, node) = read(url), let role = readRole(node, r, declaring: &declared) { roles.append(role) }
        }
        var signals: [(Signal, Int, NodeReader, [Int])] = []
        if let (r, node) = read(base.appendingPathComponent("signals.yaml")) { signals = readSignals(node, r) }
        // Optional: a folder without one is "unversioned" (and cannot be installed).
        var release: CurriculaRelease? = nil
        var price: (GPUHourPrice, Int, NodeReader)? = nil
        let releaseFile = base.appendingPathComponent(releaseFileName)
        if FileManager.default.fileExists(atPath: releaseFile.path), let (r, node) = read(releaseFile) {
            (release, price) = readRelease(node, r)
        }
        // Optional for format 1 folders (their activities cite nothing).
        var resources: [(Resource, Int, NodeReader)] = []
        let resourceFile = base.appendingPathComponent(resourcesFileName)
        if FileManager.default.fileExists(atPath: resourceFile.path), let (r, node) = read(resourceFile) {
            resources = readResources(node, r)
        }

        let graph = SkillGraph(groups: groups, skills: skills.map(\.0))
        crossCheck(graph: graph, skills: skills, roles: roles, signals: signals, declared: declared, log: log)
        crossCheckResources(
            graph: graph, skills: skills, roles: roles, signals: signals, resources: resources, price: price,
            declared: declared, log: log)
        let curriculum = Curriculum(
            graph: graph, roles: roles.map(\.0), signals: signals.map(\.0),
            version: contentVersion(base), release: release, resources: resources.map(\.0), gpuHourPrice: price?.0)
        return (log.items.isEmpty ? curriculum : nil, log.items)
    }

    /// `roles/*.yaml` (and `.yml`) in name order.
    static func roleFiles(_ base: URL) -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: base.appendingPathComponent("roles"), includingPropertiesForKeys: nil)) ?? [])
            .filter { ["yaml", "yml"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// The curricula version: a hash of every file's name and bytes, in load order.
    public static func contentVersion(_ directory: URL) -> String {
        var hasher = ContentHash()
        for url in hashedFiles(directory.standardizedFileURL) {
            if let data = try? Data(contentsOf: url) { hasher.add(url.lastPathComponent); hasher.add(data) }
        }
        return hasher.hex
    }

    /// The files ``contentVersion(_:)`` reads, in its order (a missing one is left out of the hash).
    static func hashedFiles(_ base: URL) -> [URL] {
        [base.appendingPathComponent("skills.yaml")] + roleFiles(base)
            + [
                base.appendingPathComponent("signals.yaml"), base.appendingPathComponent(releaseFileName),
                base.appendingPathComponent(resourcesFileName)
            ]
    }

    /// The file holding a curricula's content version and changelog.
    public static let releaseFileName = "curricula.yaml"
    /// The file listing where to learn things (format 2).
    public static let resourcesFileName = "resources.yaml"

    /// The files a curricula folder is made of, as paths relative to it, in load order.
    public static func files(_ directory: URL) -> [String] {
        let base = directory.standardizedFileURL
        var out = ["skills.yaml"] + roleFiles(base).map { "roles/" + $0.lastPathComponent } + ["signals.yaml"]
        if FileManager.default.fileExists(atPath: base.appendingPathComponent(releaseFileName).path) { out.append(releaseFileName) }
        if FileManager.default.fileExists(atPath: base.appendingPathComponent(resourcesFileName).path) { out.append(resourcesFileName) }
        return out
    }

    // MARK: - curricula.yaml

    static func readRelease(_ root: Node, _ r: NodeReader) -> (CurriculaRelease?, (GPUHourPrice, Int, NodeReader)?) {
        guard let top = r.mapping(root, nil) else { return (nil, nil) }
        r.checkKeys(top, allowed: ["version", "changes", "gpu_hour_usd"], nil)
        var price: (GPUHourPrice, Int, NodeReader)? = nil
        if let pn = r.value(top, "gpu_hour_usd", in: root, nil, required: false), let pm = r.mapping(pn, "gpu_hour_usd") {
            r.checkKeys(pm, allowed: ["value", "date", "source", "note"], "gpu_hour_usd")
            if let v = r.number(r.value(pm, "value", in: pn, "gpu_hour_usd"), "gpu_hour_usd", "value", in: 0.01...1000),
                let d = dayValue(r.value(pm, "date", in: pn, "gpu_hour_usd"), r, "gpu_hour_usd", "date"),
                let src = r.string(r.value(pm, "source", in: pn, "gpu_hour_usd"), "gpu_hour_usd", "source"),
                let note = r.string(r.value(pm, "note", in: pn, "gpu_hour_usd"), "gpu_hour_usd", "note")
            {
                price = (GPUHourPrice(value: v, date: d, source: src, note: note), r.line(pn), r)
            }
        }
        return (readVersion(top, root, r), price)
    }

    static func readVersion(_ top: [(key: String, keyNode: Node, value: Node)], _ root: Node, _ r: NodeReader) -> CurriculaRelease? {
        let versionNode = r.value(top, "version", in: root, nil)
        let version = versionNode.flatMap { r.string($0, "version", "version") }
        if let version, !CurriculaRelease.isValid(version) {
            r.problem(versionNode, "version", "'\(oneLine(version, limit: 40))' is not a content version; allowed: YYYY.MM or YYYY.MM.N (e.g. 2026.12)")
            return nil
        }
        let changes = r.value(top, "changes", in: root, nil).flatMap { r.string($0, "changes", "changes") }
        if let changes, changes.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            r.problem(r.value(top, "changes", in: root, nil), "changes", "'changes' is empty; write one sentence on what this version changed")
            return nil
        }
        guard let version, let changes else { return nil }
        return CurriculaRelease(version: version, changes: changes.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Ids declared by the files, whether or not what they declare is valid.
    struct Declared {
        /// Skill ids, or `nil` when skills.yaml holds no readable list of skills.
        var skills: Set<String>? = nil
        /// Role ids and role file names (roles/<id>.yaml).
        var roles: Set<String> = []
        /// Task ids of each role id.
        var tasks: [String: Set<String>] = [:]
    }

    /// The curricula format this binary reads (the `version:` of skills.yaml and signals.yaml).
    /// It says how the files are laid out, not what they hold: the content's own date-stamped
    /// version is another key in another file.
    /// Format 2 made activities records (hours, access, evidence, resources); format 1 files
    /// (plain activity sentences) are still read, so installed older versions keep working.
    static let formatVersions = 1...2

    /// A file of another format version would be misread: refuse it by its `version` line.
    /// Returns the file's format (1 when it names none).
    @discardableResult
    static func checkFormatVersion(_ top: [(key: String, keyNode: Node, value: Node)], _ root: Node, _ r: NodeReader) -> Int {
        guard let node = r.value(top, "version", in: root, nil, required: false) else { return 1 }
        guard case .scalar(let s) = node, s.style == .plain, let v = node.int, formatVersions.contains(v) else {
            r.problem(node, "version", "\(r.kind(node)) is not a curricula format this headway reads; allowed: 1, 2")
            return 0
        }
        return v
    }

    // MARK: - skills.yaml

    static let skillKeys = [
        "id", "name", "kind", "group", "description", "reference_level", "hours", "requires", "seeds", "activities", "retired"
    ]

    static func readSkills(_ root: Node, _ r: NodeReader, declaring declared: inout Declared) -> ([SkillGroup], [(Skill, Int, NodeReader)]) {
        guard let top = r.mapping(root, nil) else { return ([], []) }
        r.checkKeys(top, allowed: ["version", "groups", "skills"], nil)
        // An unreadable version is reported once; the rest is read as the current format.
        let read = checkFormatVersion(top, root, r)
        let fileFormat = read == 0 ? formatVersions.upperBound : read
        var groups: [SkillGroup] = []
        var groupIDs = Set<String>()
        for g in r.sequence(r.value(top, "groups", in: root, nil), "groups") ?? [] {
            guard let m = r.mapping(g, "groups") else { continue }
            r.checkKeys(m, allowed: ["id", "name"], "groups")
            guard let id = idValue(m, g, r, "group"), let name = r.string(r.value(m, "name", in: g, id), id, "name") else { continue }
            if !groupIDs.insert(id).inserted { r.problem(g, id, "duplicate group id"); continue }
            groups.append(SkillGroup(id: id, name: name))
        }
        var skills: [(Skill, Int, NodeReader)] = []
        var seen = Set<String>()
        guard let list = r.sequence(r.value(top, "skills", in: root, nil), "skills") else { return (groups, []) }
        declared.skills = []
        for node in list {
            guard let m = r.mapping(node, "skills") else { continue }
            if let text = m.first(where: { $0.key == "id" })?.value.scalar?.string { declared.skills?.insert(text) }
            guard let id = idValue(m, node, r, "skill") else { continue }
            r.checkKeys(m, allowed: skillKeys, id)
            if !seen.insert(id).inserted { r.problem(node, id, "duplicate skill id"); continue }
            let name = r.string(r.value(m, "name", in: node, id), id, "name")
            let kindText = r.string(r.value(m, "kind", in: node, id), id, "kind")
            let kind = kindText.flatMap(SkillKind.init(rawValue:))
            if let kindText, kind == nil {
                r.problem(r.value(m, "kind", in: node, id), id, "kind '\(kindText)' is not one of tool, technical, human")
            }
            let group = r.string(r.value(m, "group", in: node, id), id, "group")
            if let group, !groupIDs.contains(group) {
                r.problem(r.value(m, "group", in: node, id), id, "unknown group '\(group)'; allowed: \(groups.map(\.id).joined(separator: ", "))")
            }
            let description = r.string(r.value(m, "description", in: node, id), id, "description")
            let refNode = r.value(m, "reference_level", in: node, id, required: false)
            let reference = refNode == nil ? 2 : r.integer(refNode, id, "reference_level", in: Level.range)
            var hours: [Double]? = nil
            if let list = r.sequence(r.value(m, "hours", in: node, id), id) {
                if list.count != 4 { r.problem(r.value(m, "hours", in: node, id), id, "'hours' must list 4 numbers (levels 1..4), found \(list.count)") }
                let values = list.compactMap { r.number($0, id, "hours", in: 1...200) }
                if values.count == 4 && list.count == 4 { hours = values }
            }
            var requires: [Prerequisite] = []
            if let reqNode = r.value(m, "requires", in: node, id, required: false) {
                for p in r.sequence(reqNode, id) ?? [] {
                    guard let pm = r.mapping(p, id) else { continue }
                    r.checkKeys(pm, allowed: ["skill", "level"], id)
                    if let s = r.string(r.value(pm, "skill", in: p, id), id, "requires.skill"),
                        let l = r.integer(r.value(pm, "level", in: p, id), id, "requires.level", in: Level.unitRange)
                    {
                        requires.append(Prerequisite(skill: s, level: l))
                    }
                }
            }
            let seeds = (r.sequence(r.value(m, "seeds", in: node, id), id) ?? []).compactMap { r.string($0, id, "seeds") }
            // Format 2: a skill the seeds do not name (a curator addition) cites its resources instead.
            if seeds.isEmpty && fileFormat < 2 { r.problem(node, id, "'seeds' must name at least one seed file") }
            var activities: [Int: [Activity]] = [:]
            if let actNode = r.value(m, "activities", in: node, id), let am = r.mapping(actNode, id) {
                for pair in am {
                    guard let level = Int(pair.key), Level.unitRange.contains(level) else {
                        r.problem(pair.keyNode, id, "activity level '\(pair.key)' is not one of 1, 2, 3, 4"); continue
                    }
                    let items = r.sequence(pair.value, id) ?? []
                    if fileFormat >= 2 {
                        activities[level] = items.compactMap { readActivity($0, r, id, level) }
                    } else {
                        // Format 1: sentences sharing the unit's hours, needing a laptop.
                        let texts = items.compactMap { r.string($0, id, "activities") }.filter { !$0.isEmpty }
                        let each = (hours?[level - 1] ?? 0) / Double(max(1, texts.count))
                        activities[level] = texts.map { Activity(ActivityStep(text: $0, hours: each)) }
                    }
                }
                for level in Level.unitRange {
                    let list = activities[level] ?? []
                    let unitHours = hours?[level - 1] ?? 0
                    let need = fileFormat >= 2 ? (unitHours > 20 ? 3 : 2) : (level == 4 ? 1 : 2)
                    if list.count < need {
                        r.problem(actNode, id, "level \(level) has \(list.count) activities; at least \(need) needed")
                    }
                    let total = list.reduce(0) { $0 + $1.step.hours }
                    if fileFormat >= 2, let hours, !list.isEmpty, abs(total - hours[level - 1]) > 0.5 {
                        r.problem(
                            actNode, id,
                            "level \(level) activities add up to \(format(total)) h; the unit has \(format(hours[level - 1])) h (allowed: within 0.5 h)")
                    }
                }
            }
            var retired: Retirement? = nil
            if let rn = r.value(m, "retired", in: node, id, required: false), let rm = r.mapping(rn, id) {
                r.checkKeys(rm, allowed: ["date", "reason", "successor"], id)
                if let d = dayValue(r.value(rm, "date", in: rn, id), r, id, "retired.date"),
                    let reason = r.string(r.value(rm, "reason", in: rn, id), id, "retired.reason"),
                    let successor = r.string(r.value(rm, "successor", in: rn, id), id, "retired.successor")
                {
                    retired = Retirement(date: d, reason: reason, successor: successor)
                }
            }
            if let name, let kind, let group, let description, let reference, let hours {
                skills.append(
                    (
                        Skill(
                            id: id, name: name, kind: kind, group: group, description: description,
                            referenceLevel: reference, hours: hours, requires: requires, seeds: seeds,
                            activities: activities, retired: retired), r.line(node), r
                    ))
            }
        }
        return (groups, skills)
    }

    // MARK: - roles/<id>.yaml

    static let roleKeys = [
        "id", "name", "seniority", "seeds", "reference_date", "published_score", "estimate",
        "tasks", "evidence", "barriers", "protective", "growth", "ladder", "reference_levels"
    ]
    static let taskKeys = ["id", "name", "share", "score", "impact", "kappa", "estimate", "rationale", "skills"]

    static func readRole(_ root: Node, _ r: NodeReader, declaring declared: inout Declared) -> (Role, Int, NodeReader, [String: Int])? {
        guard let m = r.mapping(root, nil) else { return nil }
        if let text = m.first(where: { $0.key == "id" })?.value.scalar?.string { declared.roles.insert(text) }
        guard let id = idValue(m, root, r, "role") else { return nil }
        r.checkKeys(m, allowed: roleKeys, id)
        let name = r.string(r.value(m, "name", in: root, id), id, "name")
        let seniorityText = r.string(r.value(m, "seniority", in: root, id), id, "seniority")
        let seniority = seniorityText.flatMap(Seniority.init(rawValue:))
        if let seniorityText, seniority == nil {
            r.problem(r.value(m, "seniority", in: root, id), id, "seniority '\(seniorityText)' is not one of junior, mid, senior, staff")
        }
        let seeds = (r.sequence(r.value(m, "seeds", in: root, id), id) ?? []).compactMap { r.string($0, id, "seeds") }
        let date = dayValue(r.value(m, "reference_date", in: root, id), r, id, "reference_date")
        let published = r.number(r.value(m, "published_score", in: root, id, required: false), id, "published_score", in: 0...100)
        let estimate = r.value(m, "estimate", in: root, id, required: false).flatMap { r.string($0, id, "estimate") }
        var tasks: [RoleTask] = []
        var taskLines: [String: Int] = [:]
        let taskNodes = r.sequence(r.value(m, "tasks", in: root, id), id) ?? []
        for t in taskNodes {
            guard let tm = r.mapping(t, id) else { continue }
            if let text = tm.first(where: { $0.key == "id" })?.value.scalar?.string { declared.tasks[id, default: []].insert(text) }
            guard let tid = idValue(tm, t, r, "task") else { continue }
            let subject = "\(id)/\(tid)"
            r.checkKeys(tm, allowed: taskKeys, subject)
            if taskLines[tid] != nil { r.problem(t, subject, "duplicate task id"); continue }
            taskLines[tid] = r.line(t)
            let tname = r.string(r.value(tm, "name", in: t, subject), subject, "name")
            let share = r.number(r.value(tm, "share", in: t, subject), subject, "share", in: 0...100)
            let score = r.number(r.value(tm, "score", in: t, subject), subject, "score", in: RoleTask.scoreRange)
            let impactText = r.string(r.value(tm, "impact", in: t, subject), subject, "impact")
            let impact = impactText.flatMap(TaskImpact.init(rawValue:))
            if let impactText, impact == nil {
                r.problem(r.value(tm, "impact", in: t, subject), subject, "impact '\(impactText)' is not one of augmentation, displacement, not-involved")
            }
            let kappaNode = r.value(tm, "kappa", in: t, subject, required: false)
            let kappa = kappaNode == nil ? RoleTask.defaultKappa : r.number(kappaNode, subject, "kappa", in: 0...2)
            let testimate = r.value(tm, "estimate", in: t, subject, required: false).flatMap { r.string($0, subject, "estimate") }
            let rationale = r.string(r.value(tm, "rationale", in: t, subject), subject, "rationale")
            var weights: [String: Double] = [:]
            if let sn = r.value(tm, "skills", in: t, subject, required: false), let sm = r.mapping(sn, subject) {
                for pair in sm { if let w = r.number(pair.value, subject, "skills.\(pair.key)", in: 0.001...1) { weights[pair.key] = w } }
            }
            if weights.isEmpty { r.problem(t, subject, "task has no key skills (skills: {skill-id: weight})") }
            if let tname, let share, let score, let impact, let kappa, let rationale {
                tasks.append(
                    RoleTask(
                        id: tid, name: tname, share: share, score: score, impact: impact, kappa: kappa,
                        estimate: testimate, rationale: rationale, skills: weights))
            }
        }
        let total = tasks.reduce(0) { $0 + $1.share }
        // Only when every task was read: a task refused above would make a second, false problem.
        if !tasks.isEmpty, tasks.count == taskNodes.count, abs(total - 100) > 1e-9 {
            r.problem(r.value(m, "tasks", in: root, id), id, "task shares add to \(format(total)); they must add to 100")
        }
        let evidence: [EvidenceDimension: Rated] = ratedDimensions(m, "evidence", root, r, id, EvidenceDimension.range)
        let barriers: [BarrierDimension: Rated] = ratedDimensions(m, "barriers", root, r, id, BarrierDimension.range)
        let protective: [ProtectiveDimension: Rated] = ratedDimensions(m, "protective", root, r, id, ProtectiveDimension.range)
        let growth = rated(r.value(m, "growth", in: root, id), r, id, "growth", Growth.range)
        var ladder: [LadderRung] = []
        for rung in r.sequence(r.value(m, "ladder", in: root, id), id) ?? [] {
            guard let lm = r.mapping(rung, id) else { continue }
            r.checkKeys(lm, allowed: ["name", "score", "seed"], id)
            if let n = r.string(r.value(lm, "name", in: rung, id), id, "ladder.name"),
                let s = r.number(r.value(lm, "score", in: rung, id), id, "ladder.score", in: 0...100),
                let seed = r.string(r.value(lm, "seed", in: rung, id), id, "ladder.seed")
            {
                ladder.append(LadderRung(name: n, score: s, seed: seed))
            }
        }
        var references: [String: Int] = [:]
        if let rn = r.value(m, "reference_levels", in: root, id, required: false), let rm = r.mapping(rn, id) {
            for pair in rm {
                if let v = r.integer(pair.value, id, "reference_levels.\(pair.key)", in: Level.range) { references[pair.key] = v }
            }
        }
        guard let name, let seniority, let date, let growth,
            evidence.count == 5, barriers.count == 5, protective.count == 3
        else { return nil }
        let role = Role(
            id: id, name: name, seniority: seniority, seeds: seeds, referenceDate: date,
            publishedScore: published, estimate: estimate, tasks: tasks, evidence: evidence,
            barriers: barriers, protective: protective, growth: growth, ladder: ladder,
            referenceLevels: references)
        return (role, r.line(root), r, taskLines)
    }

    static func ratedDimensions<D: RawRepresentable & CaseIterable & Hashable>(
        _ m: [(key: String, keyNode: Node, value: Node)], _ key: String, _ owner: Node, _ r: NodeReader,
        _ id: String, _ range: ClosedRange<Double>
    ) -> [D: Rated] where D.RawValue == String {
        guard let node = r.value(m, key, in: owner, id), let dm = r.mapping(node, id) else { return [:] }
        var out: [D: Rated] = [:]
        for pair in dm {
            guard let dim = D(rawValue: pair.key) else {
                r.problem(pair.keyNode, id, "unknown \(key) dimension '\(pair.key)'; allowed: \(D.allCases.map(\.rawValue).joined(separator: ", "))")
                continue
            }
            if let value = rated(pair.value, r, id, "\(key).\(pair.key)", range) { out[dim] = value }
        }
        for dim in D.allCases where dm.first(where: { $0.key == dim.rawValue }) == nil {
            r.problem(node, id, "\(key) is missing dimension '\(dim.rawValue)'")
        }
        return out
    }

    static func rated(_ node: Node?, _ r: NodeReader, _ id: String, _ key: String, _ range: ClosedRange<Double>) -> Rated? {
        guard let node, let m = r.mapping(node, id) else { return nil }
        r.checkKeys(m, allowed: ["score", "rationale"], id)
        guard let score = r.number(r.value(m, "score", in: node, id), id, "\(key).score", in: range),
            let rationale = r.string(r.value(m, "rationale", in: node, id), id, "\(key).rationale")
        else { return nil }
        return Rated(score: score, rationale: rationale)
    }

    // MARK: - signals.yaml

    static func readSignals(_ root: Node, _ r: NodeReader) -> [(Signal, Int, NodeReader, [Int])] {
        guard let top = r.mapping(root, nil) else { return [] }
        r.checkKeys(top, allowed: ["version", "signals"], nil)
        checkFormatVersion(top, root, r)
        var out: [(Signal, Int, NodeReader, [Int])] = []
        var seen = Set<String>()
        for node in r.sequence(r.value(top, "signals", in: root, nil), "signals") ?? [] {
            guard let m = r.mapping(node, "signals"), let id = idValue(m, node, r, "signal") else { continue }
            r.checkKeys(m, allowed: ["id", "title", "seeds", "window", "effects", "answered_by", "note", "sources"], id)
            if !seen.insert(id).inserted { r.problem(node, id, "duplicate signal id"); continue }
            let title = r.string(r.value(m, "title", in: node, id), id, "title")
            let seeds = (r.value(m, "seeds", in: node, id, required: false).flatMap { r.sequence($0, id) } ?? [])
                .compactMap { r.string($0, id, "seeds") }
            let sources = (r.value(m, "sources", in: node, id, required: false).flatMap { r.sequence($0, id) } ?? [])
                .compactMap { r.string($0, id, "sources") }
            if seeds.isEmpty && sources.isEmpty {
                r.problem(node, id, "signal has no source: give 'seeds' (seed numbers) or 'sources' (resources.yaml ids)")
            }
            var window: Window? = nil
            if let wn = r.value(m, "window", in: node, id), let wm = r.mapping(wn, id) {
                r.checkKeys(wm, allowed: ["from", "to"], id)
                if let from = dayValue(r.value(wm, "from", in: wn, id), r, id, "window.from"),
                    let to = dayValue(r.value(wm, "to", in: wn, id), r, id, "window.to")
                {
                    if to <= from { r.problem(wn, id, "window ends (\(to)) before it starts (\(from))") } else { window = Window(from: from, to: to) }
                }
            }
            var effects: [SignalEffect] = []
            var effectLines: [Int] = []
            for e in r.sequence(r.value(m, "effects", in: node, id), id) ?? [] {
                guard let em = r.mapping(e, id) else { continue }
                r.checkKeys(em, allowed: ["role", "task", "evidence", "growth", "delta"], id)
                guard let role = r.string(r.value(em, "role", in: e, id), id, "effects.role") else { continue }
                let targets = em.filter { ["task", "evidence", "growth"].contains($0.key) }
                guard targets.count == 1 else {
                    r.problem(e, id, "an effect names exactly one of task, evidence, growth; found \(targets.count)"); continue
                }
                let t = targets[0]
                var target: SignalTarget?
                var delta: Double?
                switch t.key {
                case "task":
                    target = r.string(t.value, id, "effects.task").map { .task($0) }
                    delta = r.number(r.value(em, "delta", in: e, id), id, "effects.delta", in: -2...2)
                case "evidence":
                    let text = r.string(t.value, id, "effects.evidence") ?? ""
                    if let dim = EvidenceDimension(rawValue: text) {
                        target = .evidence(dim)
                    } else {
                        r.problem(
                            t.value, id, "unknown evidence dimension '\(text)'; allowed: \(EvidenceDimension.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    delta = r.number(r.value(em, "delta", in: e, id), id, "effects.delta", in: -2...2)
                default:
                    target = .growth
                    delta = r.number(t.value, id, "effects.growth", in: -2...2)
                }
                if let target, let delta {
                    effects.append(SignalEffect(role: role, target: target, delta: delta))
                    effectLines.append(r.line(e))
                }
            }
            if effects.isEmpty { r.problem(node, id, "signal has no effects") }
            let answered =
                r.value(m, "answered_by", in: node, id, required: false)
                .flatMap { r.sequence($0, id) }?.compactMap { r.string($0, id, "answered_by") } ?? []
            let note = r.string(r.value(m, "note", in: node, id), id, "note")
            if let title, let window, let note {
                out.append(
                    (
                        Signal(
                            id: id, title: title, seeds: seeds, window: window, effects: effects,
                            answeredBy: answered, note: note, sources: sources), r.line(node), r, effectLines
                    ))
            }
        }
        return out
    }

    // MARK: - across files

    static func crossCheck(
        graph: SkillGraph, skills: [(Skill, Int, NodeReader)],
        roles: [(Role, Int, NodeReader, [String: Int])],
        signals: [(Signal, Int, NodeReader, [Int])], declared: Declared, log: DiagnosticLog
    ) {
        // A reference is unknown only when no file declares it, and only when skills.yaml
        // could be read at all.
        func unknownSkill(_ id: String) -> Bool {
            guard let skills = declared.skills else { return false }
            return !graph.contains(id) && !skills.contains(id)
        }
        for (skill, line, r) in skills {
            for p in skill.requires where unknownSkill(p.skill) {
                log.add(Diagnostic(file: r.file, line: line, subject: skill.id, message: "requires unknown skill '\(p.skill)'"))
            }
            for p in skill.requires where p.skill == skill.id {
                log.add(Diagnostic(file: r.file, line: line, subject: skill.id, message: "requires itself"))
            }
        }
        if let cycle = graph.findCycle(), cycle.count > 2 {
            let line = skills.first { $0.0.id == cycle[0] }
            log.add(
                Diagnostic(
                    file: line?.2.file ?? "skills.yaml", line: line?.1 ?? 0, subject: cycle[0],
                    message: "prerequisite cycle: \(cycle.joined(separator: " -> "))"))
        }
        var roleIDs = Set<String>()
        for (role, line, r, taskLines) in roles {
            if !roleIDs.insert(role.id).inserted {
                log.add(Diagnostic(file: r.file, line: line, subject: role.id, message: "duplicate role id"))
            }
            for task in role.tasks {
                for s in task.skills.keys.sorted() where unknownSkill(s) {
                    log.add(
                        Diagnostic(
                            file: r.file, line: taskLines[task.id] ?? line, subject: "\(role.id)/\(task.id)",
                            message: "key skill '\(s)' is not in skills.yaml"))
                }
            }
            for s in role.referenceLevels.keys.sorted() where unknownSkill(s) {
                log.add(Diagnostic(file: r.file, line: line, subject: role.id, message: "reference_levels names skill '\(s)', which is not in skills.yaml"))
            }
        }
        let roleByID = Dictionary(roles.map { ($0.0.id, $0.0) }, uniquingKeysWith: { a, _ in a })
        for (signal, line, r, effectLines) in signals {
            for (effect, eline) in zip(signal.effects, effectLines) {
                guard let role = roleByID[effect.role] else {
                    if declared.roles.contains(effect.role) { continue }
                    log.add(Diagnostic(file: r.file, line: eline, subject: signal.id, message: "effect names unknown role '\(effect.role)'"))
                    continue
                }
                if case .task(let t) = effect.target, role.task(t) == nil, declared.tasks[role.id]?.contains(t) != true {
                    log.add(
                        Diagnostic(
                            file: r.file, line: eline, subject: signal.id,
                            message: "effect names unknown task '\(t)' of \(role.id); allowed: \(role.tasks.map(\.id).joined(separator: ", "))"))
                }
            }
            for s in signal.answeredBy where unknownSkill(s) {
                log.add(Diagnostic(file: r.file, line: line, subject: signal.id, message: "answered_by names unknown skill '\(s)'"))
            }
        }
    }

    // MARK: - small readers

    static func idValue(_ m: [(key: String, keyNode: Node, value: Node)], _ node: Node, _ r: NodeReader, _ what: String) -> String? {
        guard let id = r.string(r.value(m, "id", in: node, what), what, "id") else { return nil }
        guard isValidID(id) else {
            r.problem(r.value(m, "id", in: node, what), id, "\(what) id must be lowercase kebab-case (a-z, 0-9, -)")
            return nil
        }
        return id
    }

    static func dayValue(_ node: Node?, _ r: NodeReader, _ id: String, _ key: String) -> Day? {
        guard let node else { return nil }
        guard let text = node.scalar?.string, let day = Day(text) else {
            r.problem(node, id, "'\(key)' must be a date YYYY-MM-DD, found \(r.kind(node))")
            return nil
        }
        return day
    }
}

/// Lowercase kebab-case: `a-z`, `0-9` and single inner dashes.
func isValidID(_ id: String) -> Bool {
    !id.isEmpty && id.count <= 64 && id.first != "-" && id.last != "-"
        && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
}

/// FNV-1a (64-bit) over file names and bytes: a stable curricula version without a crypto dependency.
struct ContentHash {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325
    mutating func add(_ text: String) { add(Data(text.utf8)); add(Data([0])) }
    mutating func add(_ data: Data) {
        var h = state
        data.withUnsafeBytes { raw in for byte in raw { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 } }
        state = h
    }
    var hex: String {
        let s = String(state, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
