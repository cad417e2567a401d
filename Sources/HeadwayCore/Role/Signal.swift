/// What a signal moves.
public enum SignalTarget: Sendable, Hashable, Codable {
    case task(String)
    case evidence(EvidenceDimension)
    case growth
}

/// One effect of a signal on one role.
public struct SignalEffect: Sendable, Hashable, Codable {
    public let role: String
    public let target: SignalTarget
    /// The full change once the window has passed.
    public let delta: Double
    public init(role: String, target: SignalTarget, delta: Double) {
        self.role = role; self.target = target; self.delta = delta
    }
}

/// A dated change in the field, e.g. "managed platforms absorb standard deployments, 2025–2027".
public struct Signal: Sendable, Hashable, Codable {
    public let id: String
    public let title: String
    public let seeds: [String]
    public let window: Window
    public let effects: [SignalEffect]
    /// Skills in the graph that answer the change.
    public let answeredBy: [String]
    public let note: String
    /// Ids of the ``Resource``s that document the event (announcements, release notes, regulations).
    public let sources: [String]

    public init(
        id: String, title: String, seeds: [String], window: Window, effects: [SignalEffect],
        answeredBy: [String], note: String, sources: [String] = []
    ) {
        self.id = id; self.title = title; self.seeds = seeds; self.window = window
        self.effects = effects; self.answeredBy = answeredBy; self.note = note; self.sources = sources
    }

    /// How far this signal has moved things between `reference` and `day`:
    /// `ramp(day) - ramp(reference)`.
    public func drift(at day: Day, since reference: Day) -> Double {
        window.ramp(at: day) - window.ramp(at: reference)
    }
}

/// A curricula's content version and what it changed, from its `curricula.yaml`.
public struct CurriculaRelease: Sendable, Hashable, Codable {
    /// Date-stamped, `YYYY.MM` with an optional `.N` (`2026.12`, `2026.12.1`).
    public let version: String
    /// One short changelog entry.
    public let changes: String
    public init(version: String, changes: String) { self.version = version; self.changes = changes }

    /// Whether `text` is a content version: `YYYY.MM` or `YYYY.MM.N`, month 01..12.
    public static func isValid(_ text: String) -> Bool { key(text) != nil }

    /// Orders versions by their numbers (`2026.9` is not a version; `2026.09` is).
    public static func key(_ text: String) -> [Int]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts[0].count == 4, parts[1].count == 2,
            parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let month = Int(parts[1]), (1...12).contains(month)
        else { return nil }
        return parts.map { Int($0)! } + (parts.count == 2 ? [0] : [])
    }

    /// `a` is older than `b`.
    public static func isOlder(_ a: String, than b: String) -> Bool {
        guard let x = key(a), let y = key(b) else { return false }
        return x.lexicographicallyPrecedes(y)
    }
}

/// The whole curriculum: the skills graph, the roles and the signals.
public struct Curriculum: Sendable, Codable {
    public let graph: SkillGraph
    /// Roles in id order.
    public let roles: [Role]
    public let signals: [Signal]
    /// Its content version and changelog (`curricula.yaml`), when it has one.
    public let release: CurriculaRelease?
    /// A hash of the files it was read from.
    public let contentHash: String
    /// What is stamped on everything computed with it: `2026.12+<content hash>`, or the bare
    /// hash for a folder without a content version.
    public let version: String
    /// Where to learn things and what documents the signals, by id order.
    public let resources: [Resource]
    /// A dated price of one rented GPU hour, for a plan's cloud cost.
    public let gpuHourPrice: GPUHourPrice?

    public init(
        graph: SkillGraph, roles: [Role], signals: [Signal], version: String, release: CurriculaRelease? = nil,
        resources: [Resource] = [], gpuHourPrice: GPUHourPrice? = nil
    ) {
        self.graph = graph; self.roles = roles.sorted { $0.id < $1.id }; self.signals = signals
        self.release = release; self.contentHash = version
        self.version = release.map { "\($0.version)+\(version)" } ?? version
        self.resources = resources.sorted { $0.id < $1.id }; self.gpuHourPrice = gpuHourPrice
    }

    /// The live resources a week's activities cite, each once, in first-cited order (an
    /// archived one is never pointed to).
    public func resources(citedBy week: PlanWeek) -> [Resource] {
        var seen = Set<String>()
        var out: [Resource] = []
        for item in week.items {
            let unit = UnitID(skill: item.skill, level: item.level)
            for a in item.activities {
                for id in graph.step(unit, named: a.text)?.step.resources ?? [] where seen.insert(id).inserted {
                    if let r = resource(id), r.status == .active { out.append(r) }
                }
            }
        }
        return out
    }

    /// The resource with `id`.
    public func resource(_ id: String) -> Resource? {
        var lo = 0, hi = resources.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if resources[mid].id == id { return resources[mid] }
            if resources[mid].id < id { lo = mid + 1 } else { hi = mid - 1 }
        }
        return nil
    }

    public func role(_ id: String) -> Role? { roles.first { $0.id == id } }

    /// The content version, or "unversioned".
    public var label: String { release?.version ?? "unversioned" }
}

/// A stamp as written on a snapshot or plan (`2026.12+<hash>`, or a bare hash), split.
public struct CurriculaStamp: Sendable, Hashable {
    public let release: String?
    public let hash: String
    public init(_ text: String) {
        if let plus = text.firstIndex(of: "+") {
            release = String(text[..<plus]); hash = String(text[text.index(after: plus)...])
        } else {
            release = nil; hash = text
        }
    }
    /// The content version, else the first 12 characters of the hash.
    public var label: String { release ?? String(hash.prefix(12)) }
}
