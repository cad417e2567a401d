/// What an activity needs to be done (`MODEL.md` §4b): a compute class, or colleagues.
public enum Access: String, Sendable, Hashable, Codable, CaseIterable {
    /// Any computer, CPU only.
    case laptop
    /// One GPU (rented is fine).
    case gpu
    /// Two or more GPUs in one machine.
    case multiGPU = "multi-gpu"
    /// Several nodes, or a Kubernetes cluster with GPUs.
    case cluster
    /// Colleagues or an organisation: a review, an on-call rotation, a talk.
    case team

    /// The compute class it needs (`team` work needs a laptop).
    public var compute: Compute {
        switch self {
        case .laptop, .team: return .laptop
        case .gpu: return .gpu
        case .multiGPU: return .multiGPU
        case .cluster: return .cluster
        }
    }

    /// GPU hours an activity of `hours` burns when its file gives none: its hours on one GPU,
    /// four times them on several GPUs or a cluster, none otherwise.
    public func defaultGPUHours(_ hours: Double) -> Double {
        switch self {
        case .laptop, .team: return 0
        case .gpu: return hours
        case .multiGPU, .cluster: return 4 * hours
        }
    }
}

/// Compute classes, ordered `laptop < gpu < multi-gpu < cluster`.
public enum Compute: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case laptop
    case gpu
    case multiGPU = "multi-gpu"
    case cluster

    private var rank: Int { Compute.allCases.firstIndex(of: self)! }
    public static func < (a: Compute, b: Compute) -> Bool { a.rank < b.rank }

    /// The next class up, `nil` at `cluster`.
    public var next: Compute? { Compute.allCases.first { $0 > self } }
}

/// What a person can use to learn (`access:` of an assessment). Saying nothing is unrestricted.
public struct PersonAccess: Sendable, Hashable, Codable {
    public var compute: Compute
    public var team: Bool
    /// The GPU-hour budget `Γ` of the whole plan; `nil`: no budget.
    public var gpuHours: Double?

    enum CodingKeys: String, CodingKey {
        case compute, team
        case gpuHours = "gpu_hours"
    }

    public init(compute: Compute = .cluster, team: Bool = true, gpuHours: Double? = nil) {
        self.compute = compute; self.team = team; self.gpuHours = gpuHours
    }

    /// A cluster, a team and no GPU budget: what a plan assumes when the person said nothing.
    public static let unrestricted = PersonAccess()

    /// The allowed GPU-hour budgets.
    public static let gpuHoursRange = 0.0...100_000.0

    /// Whether a step needing `access` can be done.
    public func allows(_ access: Access) -> Bool {
        access == .team ? team : access.compute <= compute
    }

    /// "laptop, no team, 20 GPU hours": how the plan names it.
    public var summary: String {
        var parts = [compute.rawValue, team ? "a team" : "no team"]
        if let g = gpuHours { parts.append("\(format(g)) GPU hours") }
        return parts.joined(separator: ", ")
    }
}

/// One way of doing an activity: what to do, how long, what it needs, what it produces.
public struct ActivityStep: Sendable, Hashable, Codable {
    public let text: String
    /// Its share of the unit's hours.
    public let hours: Double
    public let access: Access
    /// GPU hours it burns (the file's, or ``Access/defaultGPUHours(_:)``).
    public let gpuHours: Double
    /// What the person produces that proves it.
    public let evidence: String
    /// Ids of ``Resource``s where one learns it.
    public let resources: [String]

    public init(text: String, hours: Double, access: Access = .laptop, gpuHours: Double? = nil, evidence: String = "", resources: [String] = []) {
        self.text = text; self.hours = hours; self.access = access
        self.gpuHours = gpuHours ?? access.defaultGPUHours(hours)
        self.evidence = evidence; self.resources = resources
    }
}

/// One activity of a unit, and the variant with less access when there is one.
public struct Activity: Sendable, Hashable, Codable {
    public let step: ActivityStep
    public let alternative: ActivityStep?

    public init(_ step: ActivityStep, alternative: ActivityStep? = nil) { self.step = step; self.alternative = alternative }

    public var text: String { step.text }

    /// The variant a person with `access` does: the activity itself when they can, else its
    /// alternative when they can do that, else `nil` (the activity, and its unit, are not doable).
    public func variant(for access: PersonAccess) -> ActivityStep? {
        if access.allows(step.access) { return step }
        if let alternative, access.allows(alternative.access) { return alternative }
        return nil
    }

    /// Whether `text` names this activity or its alternative.
    public func isNamed(_ text: String) -> Bool { step.text == text || alternative?.text == text }
}

/// A tool archived or unmaintained upstream: never planned; roles weight its successor.
public struct Retirement: Sendable, Hashable, Codable {
    public let date: Day
    public let reason: String
    /// The skill that takes its place.
    public let successor: String
    public init(date: Day, reason: String, successor: String) { self.date = date; self.reason = reason; self.successor = successor }
}

/// Where to learn a thing or what proves it (`resources.yaml`).
public struct Resource: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case doc, paper, course, book, certification, repo, talk, announcement
        case releaseNotes = "release-notes"
        case regulation, report
    }
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable { case active, archived, deprecated }

    public let id: String
    public let kind: Kind
    public let title: String
    public let by: String
    public let year: Int
    /// A URL, a DOI or an arXiv id.
    public let locator: String
    public let free: Bool
    /// The day the locator was checked.
    public let verified: Day
    public let status: Status
    /// For certifications: the skills and roles they evidence.
    public let skills: [String]
    public let roles: [String]

    public init(
        id: String, kind: Kind, title: String, by: String, year: Int, locator: String, free: Bool, verified: Day,
        status: Status = .active, skills: [String] = [], roles: [String] = []
    ) {
        self.id = id; self.kind = kind; self.title = title; self.by = by; self.year = year; self.locator = locator
        self.free = free; self.verified = verified; self.status = status; self.skills = skills; self.roles = roles
    }
}

/// A dated price of one rented GPU hour (`curricula.yaml` `gpu_hour_usd`).
public struct GPUHourPrice: Sendable, Hashable, Codable {
    public let value: Double
    public let date: Day
    public let source: String
    public let note: String
    public init(value: Double, date: Day, source: String, note: String) {
        self.value = value; self.date = date; self.source = source; self.note = note
    }
}

extension SkillGraph {
    /// The step an activity of `unit` named `text` is, and the step it stands in for when it is
    /// that activity's alternative; `nil` when the curricula no longer list it.
    public func step(_ unit: UnitID, named text: String) -> (step: ActivityStep, replaces: ActivityStep?)? {
        guard let a = self[unit.skill]?.activity(unit.level, named: text) else { return nil }
        if a.step.text == text { return (a.step, nil) }
        guard let alternative = a.alternative else { return nil }
        return (alternative, a.step)
    }
}

extension PersonAccess {
    /// Reads an answer such as `gpu team 20`, `laptop solo` or `cluster`: a compute class,
    /// `team` or `solo` (no team), and a number of GPU hours for the whole plan (`none` for no
    /// budget). Words not given keep `base`'s. Returns the problem as one line when a word is
    /// none of these.
    public static func parse(_ answer: String, base: PersonAccess = .unrestricted) -> Result<PersonAccess, AccessAnswerError> {
        var access = base
        for word in answer.lowercased().split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init) {
            if let c = Compute(rawValue: word) {
                access.compute = c
            } else if word == "team" {
                access.team = true
            } else if word == "solo" || word == "no-team" {
                access.team = false
            } else if word == "none" {
                access.gpuHours = nil
            } else if let g = plainDecimal(word) {
                guard gpuHoursRange.contains(g) else { return .failure(.gpuHoursOutOfRange(g)) }
                access.gpuHours = g
            } else {
                return .failure(.unknownWord(word))
            }
        }
        return .success(access)
    }
}

/// Why an access answer was not understood.
public enum AccessAnswerError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownWord(String)
    case gpuHoursOutOfRange(Double)

    public var description: String {
        switch self {
        case .unknownWord(let w):
            return "'\(oneLine(w, limit: 30))' is not an access word; allowed: laptop, gpu, multi-gpu, cluster, team, solo, a number of GPU hours, none"
        case .gpuHoursOutOfRange(let g):
            return "\(format(g)) GPU hours is out of range; allowed: 0..100000"
        }
    }
}

extension AccessAnswerError: ClassifiedError {
    public var exitClass: ExitClass { .usage }
}
