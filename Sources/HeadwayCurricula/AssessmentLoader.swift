import Foundation
import HeadwayCore
import Yams

/// Reads an assessment file (YAML or JSON, `MODEL.md` §7) and checks it against a curriculum.
///
/// The first problem (in file order) is thrown as one ``Diagnostic`` naming the file, the line,
/// the key and what is allowed.
public enum AssessmentLoader {
    static let keys = [
        "role", "seniority", "hours_per_week", "weeks", "start", "time_split", "skills", "market", "goals", "availability",
        "unsure", "access"
    ]

    /// Loads `url`; errors name the file as `displayName` (default: its path).
    public static func load(_ url: URL, displayName: String? = nil, curriculum: Curriculum) throws(Diagnostic) -> Assessment {
        let name = displayName ?? url.path
        let node = try composeFile(url, displayName: name)
        return try read(node, file: name, curriculum: curriculum)
    }

    public static func load(data: Data, name: String, curriculum: Curriculum) throws(Diagnostic) -> Assessment {
        try read(try composeText(data, displayName: name), file: name, curriculum: curriculum)
    }

    static func read(_ root: Node, file: String, curriculum: Curriculum) throws(Diagnostic) -> Assessment {
        let log = DiagnosticLog()
        let r = NodeReader(file: file, log: log)
        func first() throws(Diagnostic) { if let d = log.items.first { throw d } }
        guard let m = r.mapping(root, nil) else {
            // A scalar root is the file's own text: never shown (the path may be a link to
            // anything, a secret included).
            let found = if case .scalar = root { "plain text" } else { r.kind(root) }
            throw Diagnostic(file: file, line: r.line(root), message: "expected a mapping of assessment keys, found \(found)")
        }
        // A file with not one assessment key is some other file: say so without quoting it.
        if !m.isEmpty, !m.contains(where: { keys.contains($0.key) }) {
            throw Diagnostic(
                file: file, line: r.line(root),
                message:
                    "is not a Headway assessment: none of its \(m.count) top-level keys is one of \(keys.joined(separator: ", ")) (its contents are not shown)")
        }
        r.checkKeys(m, allowed: keys, nil)
        try first()
        func keyLine(_ key: String) -> Node? { m.first { $0.key == key }?.value }

        guard let roleID = r.string(r.value(m, "role", in: root, "role"), "role", "role") else {
            try first()
            throw Diagnostic(
                file: file, line: r.line(root), subject: "role", message: "missing; allowed: \(curriculum.roles.map(\.id).joined(separator: ", "))")
        }
        var a = Assessment(role: roleID)
        if let node = r.value(m, "seniority", in: root, "seniority", required: false),
            let text = r.string(node, "seniority", "seniority")
        {
            guard let s = Seniority(rawValue: text) else {
                throw Diagnostic(file: file, line: r.line(node), subject: "seniority", message: "'\(text)' is not allowed; allowed: junior, mid, senior, staff")
            }
            a.seniority = s
        }
        if let node = r.value(m, "hours_per_week", in: root, "hours_per_week", required: false),
            let h = r.number(node, "hours_per_week", "hours_per_week", in: Assessment.hoursRange)
        {
            a.hoursPerWeek = h
        }
        if let node = r.value(m, "weeks", in: root, "weeks", required: false),
            let w = r.integer(node, "weeks", "weeks", in: Assessment.weeksRange)
        {
            a.weeks = w
        }
        if let node = r.value(m, "start", in: root, "start", required: false) {
            guard let text = node.scalar?.string, let day = Day(text) else {
                throw Diagnostic(file: file, line: r.line(node), subject: "start", message: "\(r.kind(node)) is not a date; allowed: YYYY-MM-DD")
            }
            a.start = day
        }
        try first()
        if let node = r.value(m, "time_split", in: root, "time_split", required: false), let sm = r.mapping(node, "time_split") {
            for pair in sm {
                if let v = r.number(pair.value, "time_split.\(pair.key)", "time_split.\(pair.key)", in: 0...100) { a.timeSplit[pair.key] = v }
            }
        }
        if let node = r.value(m, "skills", in: root, "skills", required: false), let sm = r.mapping(node, "skills") {
            for pair in sm {
                if let v = r.integer(pair.value, "skills.\(pair.key)", "skills.\(pair.key)", in: Level.range) { a.skills[pair.key] = v }
            }
        }
        if let node = r.value(m, "market", in: root, "market", required: false), let mm = r.mapping(node, "market") {
            r.checkKeys(mm, allowed: ["evidence", "barriers", "growth"], "market")
            if let en = r.value(mm, "evidence", in: node, "market", required: false), let em = r.mapping(en, "market.evidence") {
                for pair in em {
                    guard let dim = EvidenceDimension(rawValue: pair.key) else {
                        r.problem(
                            pair.keyNode, "market.evidence.\(pair.key)",
                            "unknown evidence dimension; allowed: \(EvidenceDimension.allCases.map(\.rawValue).joined(separator: ", "))");
                        continue
                    }
                    if let v = r.number(pair.value, "market.evidence.\(pair.key)", "market.evidence.\(pair.key)", in: EvidenceDimension.range) {
                        a.market.evidence[dim] = v
                    }
                }
            }
            if let bn = r.value(mm, "barriers", in: node, "market", required: false), let bm = r.mapping(bn, "market.barriers") {
                for pair in bm {
                    guard let dim = BarrierDimension(rawValue: pair.key) else {
                        r.problem(
                            pair.keyNode, "market.barriers.\(pair.key)",
                            "unknown barrier dimension; allowed: \(BarrierDimension.allCases.map(\.rawValue).joined(separator: ", "))");
                        continue
                    }
                    if let v = r.number(pair.value, "market.barriers.\(pair.key)", "market.barriers.\(pair.key)", in: BarrierDimension.range) {
                        a.market.barriers[dim] = v
                    }
                }
            }
            if let gn = r.value(mm, "growth", in: node, "market", required: false) {
                a.market.growth = r.number(gn, "market.growth", "market.growth", in: Growth.range)
            }
        }
        if let node = r.value(m, "goals", in: root, "goals", required: false), let gm = r.mapping(node, "goals") {
            r.checkKeys(gm, allowed: ["include", "exclude", "toward"], "goals")
            if let t = r.value(gm, "toward", in: node, "goals", required: false) { a.goals.toward = r.string(t, "goals.toward", "goals.toward") }
            if let inc = r.value(gm, "include", in: node, "goals", required: false), let im = r.mapping(inc, "goals.include") {
                for pair in im {
                    if let v = r.integer(pair.value, "goals.include.\(pair.key)", "goals.include.\(pair.key)", in: Level.unitRange) {
                        a.goals.include[pair.key] = v
                    }
                }
            }
            if let exc = r.value(gm, "exclude", in: node, "goals", required: false) {
                a.goals.exclude = (r.sequence(exc, "goals.exclude") ?? []).compactMap { r.string($0, "goals.exclude", "goals.exclude") }
            }
        }
        if let node = r.value(m, "unsure", in: root, "unsure", required: false) {
            for item in r.sequence(node, "unsure") ?? [] {
                guard let skill = r.string(item, "unsure", "unsure") else { continue }
                guard a.unsure.insert(skill).inserted else { r.problem(item, "unsure", "'\(skill)' is listed twice"); continue }
                // Reported here, at the item's own line, rather than at the `unsure` key.
                if let message = a.unsureProblem(skill, in: curriculum) { r.problem(item, "unsure", message) }
            }
        }
        if let node = r.value(m, "availability", in: root, "availability", required: false),
            let am = r.mapping(node, "availability")
        {
            for pair in am {
                guard let day = Day(pair.key) else {
                    r.problem(
                        pair.keyNode, "availability", "'\(oneLine(pair.key, limit: 40))' is not a date; allowed: YYYY-MM-DD (a week's first day) -> hours 0..40"
                    )
                    continue
                }
                if let v = r.number(pair.value, "availability.\(pair.key)", "availability.\(pair.key)", in: Assessment.weekHoursRange) {
                    a.availability[day] = v
                }
            }
        }
        if let node = r.value(m, "access", in: root, "access", required: false), let am = r.mapping(node, "access") {
            r.checkKeys(am, allowed: ["compute", "team", "gpu_hours"], "access")
            var access = PersonAccess.unrestricted
            if let cn = r.value(am, "compute", in: node, "access.compute", required: false),
                let text = r.string(cn, "access.compute", "access.compute")
            {
                if let c = Compute(rawValue: text) {
                    access.compute = c
                } else {
                    r.problem(
                        cn, "access.compute",
                        "'\(oneLine(text, limit: 40))' is not allowed; allowed: \(Compute.allCases.map(\.rawValue).joined(separator: ", "))")
                }
            }
            if let tn = r.value(am, "team", in: node, "access.team", required: false) {
                if let b = tn.bool { access.team = b } else { r.problem(tn, "access.team", "must be true or false, found \(r.kind(tn))") }
            }
            if let gn = r.value(am, "gpu_hours", in: node, "access.gpu_hours", required: false) {
                access.gpuHours = r.number(gn, "access.gpu_hours", "access.gpu_hours", in: PersonAccess.gpuHoursRange)
            }
            a.access = access
        }
        try first()
        // Content checks against the curriculum, reported at the key's line.
        if let p = a.problems(in: curriculum).first {
            let top = String(p.key.split(separator: ".").first ?? "")
            var line = r.line(keyLine(top))
            if p.key.contains("."), let sub = keyLine(top)?.mapping {
                let rest = p.key.split(separator: ".").dropFirst().joined(separator: ".")
                if let hit = sub.first(where: { $0.key.string == rest }) { line = r.line(hit.key) }
            }
            throw Diagnostic(file: file, line: line == 0 ? r.line(root) : line, subject: p.key, message: p.message)
        }
        return a
    }
}
