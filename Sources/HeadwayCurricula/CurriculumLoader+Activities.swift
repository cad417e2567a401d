import Foundation
import HeadwayCore
import Yams

/// Format 2 of the curricula: activities as records, `resources.yaml`, and the checks across
/// them (Curricula/FORMAT.md, "Activities (format 2)").
extension CurriculumLoader {
    static let activityKeys = ["text", "hours", "access", "gpu_hours", "evidence", "resources", "alternative", "one_piece"]
    /// The longest activity sentence and evidence line.
    static let activityTextLimit = 300
    static let evidenceLimit = 200

    /// One activity record, with its alternative; `nil` (and a problem) when it is malformed.
    static func readActivity(_ node: Node, _ r: NodeReader, _ id: String, _ level: Int) -> Activity? {
        let subject = "\(id) level \(level)"
        guard let step = readStep(node, r, subject, nested: false) else { return nil }
        guard let m = r.mapping(node, subject), let altNode = r.value(m, "alternative", in: node, subject, required: false) else {
            return Activity(step)
        }
        guard let alt = readStep(altNode, r, subject + " alternative", nested: true) else { return nil }
        // A team step's alternative is done alone on a laptop; a compute step's needs less compute.
        let lower = step.access == .team ? alt.access == .laptop : (alt.access != .team && alt.access.compute < step.access.compute)
        if !lower {
            r.problem(
                altNode, subject,
                "the alternative needs '\(alt.access.rawValue)', not less than '\(step.access.rawValue)'; an alternative needs less access")
            return nil
        }
        return Activity(step, alternative: alt)
    }

    static func readStep(_ node: Node, _ r: NodeReader, _ subject: String, nested: Bool) -> ActivityStep? {
        guard let m = r.mapping(node, subject) else { return nil }
        r.checkKeys(m, allowed: nested ? activityKeys.filter { $0 != "alternative" } : activityKeys, subject)
        let text = r.string(r.value(m, "text", in: node, subject), subject, "text")
        if let text {
            if text.unicodeScalars.count > activityTextLimit {
                r.problem(node, subject, "activity text is over \(activityTextLimit) characters")
            }
            if let word = calendarWord(in: text) {
                r.problem(node, subject, "activity text names '\(word)'; activities must not name a month or a year")
            }
        }
        let onePieceNode = r.value(m, "one_piece", in: node, subject, required: false)
        let onePiece = onePieceNode?.bool ?? false
        if let onePieceNode, onePieceNode.bool == nil { r.problem(onePieceNode, subject, "'one_piece' must be true or false") }
        let hoursNode = r.value(m, "hours", in: node, subject)
        let hours = r.number(hoursNode, subject, "hours", in: 0.5...(onePiece ? 40 : 8))
        let accessText = r.string(r.value(m, "access", in: node, subject), subject, "access")
        let access = accessText.flatMap(Access.init(rawValue:))
        if let accessText, access == nil {
            r.problem(
                r.value(m, "access", in: node, subject), subject,
                "access '\(oneLine(accessText, limit: 40))' is not one of \(Access.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let gpu = r.value(m, "gpu_hours", in: node, subject, required: false).flatMap { r.number($0, subject, "gpu_hours", in: 0...10_000) }
        let evidence = r.string(r.value(m, "evidence", in: node, subject), subject, "evidence")
        if let evidence, evidence.unicodeScalars.count > evidenceLimit || evidence.contains("\n") || evidence.isEmpty {
            r.problem(node, subject, "evidence must be one line of 1..\(evidenceLimit) characters")
        }
        let resources = (r.value(m, "resources", in: node, subject).flatMap { r.sequence($0, subject) } ?? [])
            .compactMap { r.string($0, subject, "resources") }
        // A team step may use the team's GPUs; a laptop step never burns GPU hours.
        if let gpu, gpu > 0, access == .laptop {
            r.problem(node, subject, "'gpu_hours' is \(format(gpu)) on a 'laptop' step; a laptop step burns no GPU hours")
        }
        guard let text, let hours, let access, let evidence else { return nil }
        return ActivityStep(text: text, hours: hours, access: access, gpuHours: gpu, evidence: evidence, resources: resources)
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"
    ]

    /// A month name (capitalised, as a date writes it) or a year 1900–2099 in `text`, if any:
    /// an activity that names one is out of date a year later.
    static func calendarWord(in text: String) -> String? {
        let words = text.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        for (i, w) in words.enumerated() {
            if w.count == 4, let n = Int(w), (1900...2099).contains(n) { return w }
            // "May" opening a sentence is the verb; elsewhere capitalised it is the month.
            if monthNames.contains(w) && !(w == "May" && i == 0) { return w }
        }
        return nil
    }

    // MARK: - resources.yaml

    static let resourceKeys = ["id", "kind", "title", "by", "year", "locator", "free", "verified", "status", "skills", "roles"]

    static func readResources(_ root: Node, _ r: NodeReader) -> [(Resource, Int, NodeReader)] {
        guard let top = r.mapping(root, nil) else { return [] }
        r.checkKeys(top, allowed: ["version", "resources"], nil)
        checkFormatVersion(top, root, r)
        var out: [(Resource, Int, NodeReader)] = []
        var seen = Set<String>()
        for node in r.sequence(r.value(top, "resources", in: root, nil), "resources") ?? [] {
            guard let m = r.mapping(node, "resources"), let id = idValue(m, node, r, "resource") else { continue }
            r.checkKeys(m, allowed: resourceKeys, id)
            if !seen.insert(id).inserted { r.problem(node, id, "duplicate resource id"); continue }
            let kindText = r.string(r.value(m, "kind", in: node, id), id, "kind")
            let kind = kindText.flatMap(Resource.Kind.init(rawValue:))
            if let kindText, kind == nil {
                r.problem(
                    r.value(m, "kind", in: node, id), id,
                    "kind '\(oneLine(kindText, limit: 40))' is not one of \(Resource.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let title = r.string(r.value(m, "title", in: node, id), id, "title")
            let by = r.string(r.value(m, "by", in: node, id), id, "by")
            let year = r.integer(r.value(m, "year", in: node, id), id, "year", in: 1900...2100)
            let locatorNode = r.value(m, "locator", in: node, id)
            let locator = r.string(locatorNode, id, "locator")
            if let locator, !isLocator(locator) {
                r.problem(locatorNode, id, "locator '\(oneLine(locator, limit: 60))' is not an https URL, a DOI (10.…) or an arXiv id (arXiv:…)")
            }
            let freeNode = r.value(m, "free", in: node, id)
            let free = freeNode?.bool
            if freeNode != nil, free == nil { r.problem(freeNode, id, "'free' must be true or false") }
            let verified = dayValue(r.value(m, "verified", in: node, id), r, id, "verified")
            var status = Resource.Status.active
            if let sn = r.value(m, "status", in: node, id, required: false), let text = r.string(sn, id, "status") {
                if let s = Resource.Status(rawValue: text) {
                    status = s
                } else {
                    r.problem(sn, id, "status '\(oneLine(text, limit: 40))' is not one of active, archived, deprecated")
                }
            }
            let skills = (r.value(m, "skills", in: node, id, required: false).flatMap { r.sequence($0, id) } ?? []).compactMap {
                r.string($0, id, "skills")
            }
            let roles = (r.value(m, "roles", in: node, id, required: false).flatMap { r.sequence($0, id) } ?? []).compactMap {
                r.string($0, id, "roles")
            }
            if let kind, let title, let by, let year, let locator, let free, let verified {
                out.append(
                    (
                        Resource(
                            id: id, kind: kind, title: title, by: by, year: year, locator: locator, free: free,
                            verified: verified, status: status, skills: skills, roles: roles), r.line(node), r
                    ))
            }
        }
        return out
    }

    /// An https URL, a DOI or an arXiv id.
    static func isLocator(_ text: String) -> Bool {
        guard !text.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 32 || $0 == 127 } == true }) else { return false }
        return text.hasPrefix("https://") || text.hasPrefix("10.") || text.hasPrefix("arXiv:")
    }

    /// The checks that need every file: activity resources exist and are live, activity texts
    /// are unique, retired skills are not weighted and have a successor, sources exist.
    static func crossCheckResources(
        graph: SkillGraph, skills: [(Skill, Int, NodeReader)], roles: [(Role, Int, NodeReader, [String: Int])],
        signals: [(Signal, Int, NodeReader, [Int])], resources: [(Resource, Int, NodeReader)],
        price: (GPUHourPrice, Int, NodeReader)?, declared: Declared, log: DiagnosticLog
    ) {
        let byID = Dictionary(resources.map { ($0.0.id, $0.0) }, uniquingKeysWith: { a, _ in a })
        var texts: [String: String] = [:]
        for (skill, line, r) in skills {
            for level in Level.unitRange {
                for a in skill.activities[level] ?? [] {
                    for step in [a.step] + (a.alternative.map { [$0] } ?? []) {
                        let key = step.text.lowercased().trimmingCharacters(in: .whitespaces)
                        let here = "\(skill.id) level \(level)"
                        if let other = texts[key] {
                            log.add(
                                Diagnostic(
                                    file: r.file, line: line, subject: here,
                                    message: "activity '\(oneLine(step.text, limit: 50))' is also listed under \(other); activities must not repeat"))
                        } else {
                            texts[key] = here
                        }
                        for id in step.resources {
                            guard let res = byID[id] else {
                                log.add(
                                    Diagnostic(
                                        file: r.file, line: line, subject: here,
                                        message: "resource '\(oneLine(id, limit: 40))' is not in resources.yaml"))
                                continue
                            }
                            if res.status != .active {
                                log.add(
                                    Diagnostic(
                                        file: r.file, line: line, subject: here,
                                        message: "resource '\(id)' is \(res.status.rawValue); an activity never recommends it"))
                            }
                        }
                    }
                }
            }
            for p in skill.requires where skill.retired == nil {
                if let gone = graph[p.skill]?.retired {
                    log.add(
                        Diagnostic(
                            file: r.file, line: line, subject: skill.id,
                            message: "requires retired skill '\(p.skill)'; require its successor \(gone.successor)"))
                }
            }
            if let retired = skill.retired {
                if graph[retired.successor] == nil || graph[retired.successor]?.retired != nil {
                    log.add(
                        Diagnostic(
                            file: r.file, line: line, subject: skill.id,
                            message: "retired.successor '\(oneLine(retired.successor, limit: 40))' is not a live skill of skills.yaml"))
                }
                for (role, roleLine, roleReader, taskLines) in roles {
                    for task in role.tasks where task.skills[skill.id] != nil {
                        log.add(
                            Diagnostic(
                                file: roleReader.file, line: taskLines[task.id] ?? roleLine, subject: "\(role.id)/\(task.id)",
                                message: "weights retired skill '\(skill.id)'; move its weight to \(retired.successor)"))
                    }
                }
            }
        }
        for (res, line, r) in resources {
            // Only when skills.yaml could be read: one broken file gives one line, not one per reference.
            for s in res.skills where declared.skills != nil && graph[s] == nil && declared.skills?.contains(s) != true {
                log.add(Diagnostic(file: r.file, line: line, subject: res.id, message: "skills names unknown skill '\(oneLine(s, limit: 40))'"))
            }
            for role in res.roles where !declared.roles.contains(role) {
                log.add(Diagnostic(file: r.file, line: line, subject: res.id, message: "roles names unknown role '\(oneLine(role, limit: 40))'"))
            }
        }
        for (signal, line, r, _) in signals {
            for id in signal.sources where byID[id] == nil {
                log.add(
                    Diagnostic(file: r.file, line: line, subject: signal.id, message: "source '\(oneLine(id, limit: 40))' is not in resources.yaml"))
            }
        }
        if let (p, line, r) = price, byID[p.source] == nil {
            log.add(
                Diagnostic(
                    file: r.file, line: line, subject: "gpu_hour_usd",
                    message: "source '\(oneLine(p.source, limit: 40))' is not in resources.yaml"))
        }
    }
}
