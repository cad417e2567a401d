/// The likely range of a score when some levels may be one off.
///
/// Each uncertain level (answered `unsure`, or not answered at all) is independently one
/// lower, the same or one higher with equal chance, clamped to 0…4; the band runs from the
/// 10th to the 90th percentile of the score over that distribution. Levels answered for sure
/// are fixed, so with every level fixed the band is the score itself.
///
/// The band always contains the score it belongs to: when most uncertain levels sit at an end
/// of 0…4 they can only move one way, and the percentiles alone could then fall to one side.
public struct ScoreBand: Sendable, Hashable, Codable {
    /// The lower end, unrounded, at most the score.
    public let low: Double
    /// The upper end, unrounded, at least the score.
    public let high: Double

    static let lowerPercentile = 0.1
    static let upperPercentile = 0.9

    public init(low: Double, high: Double) { self.low = low; self.high = high }

    /// A band of zero width at `score`.
    public init(point score: Double) { self.init(low: score, high: score) }

    public var width: Double { high - low }

    /// Both ends to one decimal, as shown.
    public var shown: (low: Double, high: Double) { ((low * 10).rounded() / 10, (high * 10).rounded() / 10) }
}

extension ScoreInputs {
    /// The band of the score of `levels` when every skill in `uncertain` may be one level off.
    ///
    /// Only skills that some task weighs can move the score, so the others are ignored. When
    /// no task's automation can reach its 1…5 limits over the uncertain levels, the score is a
    /// sum of independent steps and the band is computed exactly on a grid fine enough to be
    /// within 0.05 points; otherwise it comes from 20 000 seeded samples (within 0.1 points).
    ///
    /// Complexity: O(n² / 0.1 × s) for n uncertain skills moving the score by s points per
    /// level in total (about 8 on the bundled roles); well under a millisecond for 30 skills.
    public func band(levels: [String: Int], uncertain: Set<String>) -> ScoreBand {
        let score = self.score(levels: levels).result.value
        let model = BandModel(inputs: self, levels: levels, uncertain: uncertain)
        guard !model.skills.isEmpty else { return ScoreBand(point: score) }
        let (p10, p90) =
            model.isLinear && model.gridSize <= BandModel.largestGrid
            ? model.exactPercentiles() : model.sampledPercentiles()
        return ScoreBand(low: min(score, clamp(p10, 0...100)), high: max(score, clamp(p90, 0...100)))
    }
}

/// The uncertain skills of one score as flat arrays: the shape the band's arithmetic needs.
struct BandModel {
    struct UncertainSkill {
        let id: String
        let level: Int
        /// Steps to the lower and upper alternatives: -1 or 0, and 0 or 1.
        let down: Int
        let up: Int
        /// Points one level moves the unclamped score while no automation limit is reached.
        let pointsPerLevel: Double
    }

    let inputs: ScoreInputs
    let levels: [String: Int]
    let skills: [UncertainSkill]
    /// The unclamped score of `levels` (what the steps are added to).
    let unclamped: Double
    /// Whether every task's automation stays inside 1…5 over every combination.
    let isLinear: Bool

    init(inputs: ScoreInputs, levels: [String: Int], uncertain: Set<String>) {
        self.inputs = inputs
        self.levels = levels
        let scale = 100 * inputs.market.multiplier / AIJRI.scale
        var skills: [UncertainSkill] = []
        for id in uncertain.sorted() {
            guard let reference = inputs.referenceLevels[id] else { continue }
            let level = levels[id] ?? reference
            let perLevel = inputs.tasks.reduce(0) { $0 + $1.share * $1.kappa * ($1.skills[id] ?? 0) } * scale
            let down = level > Level.range.lowerBound ? -1 : 0, up = level < Level.range.upperBound ? 1 : 0
            guard perLevel > 0, down != up else { continue }
            skills.append(UncertainSkill(id: id, level: level, down: down, up: up, pointsPerLevel: perLevel))
        }
        self.skills = skills
        let tasks = inputs.taskScores(levels: levels)
        let resistance = 6 - tasks.reduce(0) { $0 + $1.share * $1.automation }
        unclamped = 100 * (resistance * inputs.market.multiplier - AIJRI.offset) / AIJRI.scale
        let limits = RoleTask.scoreRange
        isLinear = zip(inputs.tasks, tasks).allSatisfy { task, now in
            let lowest = skills.reduce(now.depth) { $0 + (task.skills[$1.id] ?? 0) * Double($1.down) }
            let highest = skills.reduce(now.depth) { $0 + (task.skills[$1.id] ?? 0) * Double($1.up) }
            let unbounded = [task.base - task.kappa * lowest, task.base - task.kappa * highest]
            return unbounded.allSatisfy { $0 >= limits.lowerBound - 1e-9 && $0 <= limits.upperBound + 1e-9 }
        }
    }

    /// Past this many grid points (hundreds of uncertain skills) sampling is the faster way.
    static let largestGrid = 100_000

    private var grid: Double { 0.1 / Double(skills.count) }
    private var steps: [Int] { skills.map { Int(($0.pointsPerLevel / grid).rounded()) } }
    var gridSize: Int { 2 * steps.reduce(0, +) + 1 }

    /// The 10th and 90th percentiles of the unclamped score, from the exact distribution of
    /// the sum of the skills' steps, each step rounded to a grid of `0.1 / n` points (so the
    /// whole sum is off by at most 0.05).
    func exactPercentiles() -> (Double, Double) {
        let grid = self.grid, steps = self.steps
        let reach = steps.reduce(0, +)
        // probability[i] is the chance the sum is (i - reach) grid steps.
        var probability = [Double](repeating: 0, count: 2 * reach + 1)
        var next = probability
        probability[reach] = 1
        var lowest = reach, highest = reach
        for (skill, step) in zip(skills, steps) {
            let newLowest = lowest + skill.down * step, newHighest = highest + skill.up * step
            for i in newLowest...newHighest { next[i] = 0 }
            for shift in [skill.down * step, 0, skill.up * step] {
                for i in lowest...highest where probability[i] > 0 { next[i + shift] += probability[i] / 3 }
            }
            swap(&probability, &next)
            lowest = newLowest; highest = newHighest
        }
        func percentile(_ p: Double) -> Double {
            var total = 0.0
            for i in lowest...highest {
                total += probability[i]
                if total >= p - 1e-9 { return unclamped + Double(i - reach) * grid }
            }
            return unclamped + Double(highest - reach) * grid
        }
        return (percentile(ScoreBand.lowerPercentile), percentile(ScoreBand.upperPercentile))
    }

    static let samples = 20_000

    /// The same percentiles from seeded samples, for when an automation limit bends the score.
    /// Each skill draws from its own stream (seeded by its id), so fixing one skill leaves
    /// every other skill's draws as they were.
    func sampledPercentiles() -> (Double, Double) {
        let index = Dictionary(uniqueKeysWithValues: skills.enumerated().map { ($1.id, $0) })
        let tasks = inputs.tasks.map { t in
            (
                t, t.depth(levels: levels, reference: inputs.referenceLevels),
                t.skills.keys.sorted().compactMap { s in index[s].map { ($0, t.skills[s]!) } }
            )
        }
        var streams = skills.map { SeededStream(seed: stableHash($0.id)) }
        var shifts = [Int](repeating: 0, count: skills.count)
        var values = [Double](repeating: 0, count: Self.samples)
        for n in 0..<Self.samples {
            for k in skills.indices {
                let draw = Int(streams[k].next() % 3)
                shifts[k] = draw == 0 ? skills[k].down : draw == 1 ? 0 : skills[k].up
            }
            var weighted = 0.0
            for (task, depth, weights) in tasks {
                let d = weights.reduce(depth) { $0 + $1.1 * Double(shifts[$1.0]) }
                weighted += task.share * task.automation(depth: d)
            }
            values[n] = 100 * ((6 - weighted) * inputs.market.multiplier - AIJRI.offset) / AIJRI.scale
        }
        values.sort()
        func percentile(_ p: Double) -> Double { values[max(0, Int((p * Double(Self.samples)).rounded(.up)) - 1)] }
        return (percentile(ScoreBand.lowerPercentile), percentile(ScoreBand.upperPercentile))
    }
}

extension PersonalModel {
    /// Skills whose level may be one off: the levels answered `unsure` and the ones not
    /// answered (the seniority default). Skills no task weighs are left out: they cannot move
    /// the score.
    public var uncertainSkills: Set<String> {
        let weighed = Set(role.tasks.flatMap { $0.skills.keys })
        let answered = assessment.skills
        return weighed.filter { answered[$0] == nil || assessment.unsure.contains($0) }
    }

    /// The band of the score on `day`; `levels` (default the current ones) with `fixed`
    /// skills taken as sure (a plan's end levels are reached by doing the units).
    public func band(at day: Day, levels: [String: Int]? = nil, fixed: Set<String> = []) -> ScoreBand {
        inputs(at: day).band(levels: levels ?? self.levels, uncertain: uncertainSkills.subtracting(fixed))
    }
}

/// FNV-1a over the UTF-8 bytes: the same on every run and platform, unlike `hashValue`.
func stableHash(_ text: String) -> UInt64 {
    text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
}

/// A small seeded generator (Steele, Lea and Flood's SplitMix64).
struct SeededStream {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
