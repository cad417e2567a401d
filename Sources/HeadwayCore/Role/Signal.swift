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

    public init(id: String, title: String, seeds: [String], window: Window, effects: [SignalEffect],
                answeredBy: [String], note: String) {
        self.id = id; self.title = title; self.seeds = seeds; self.window = window
        self.effects = effects; self.answeredBy = answeredBy; self.note = note
    }

    /// How far this signal has moved things between `reference` and `day`:
    /// `ramp(day) - ramp(reference)`.
    public func drift(at day: Day, since reference: Day) -> Double {
        window.ramp(at: day) - window.ramp(at: reference)
    }
}

/// The whole curriculum: the skills graph, the roles and the signals.
public struct Curriculum: Sendable, Codable {
    public let graph: SkillGraph
    /// Roles in id order.
    public let roles: [Role]
    public let signals: [Signal]
    /// A content hash of the files it was read from, stamped on what is computed with it.
    public let version: String

    public init(graph: SkillGraph, roles: [Role], signals: [Signal], version: String) {
        self.graph = graph; self.roles = roles.sorted { $0.id < $1.id }; self.signals = signals; self.version = version
    }

    public func role(_ id: String) -> Role? { roles.first { $0.id == id } }
}
