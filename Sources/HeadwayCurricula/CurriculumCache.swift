import Foundation
import HeadwayCore

extension CurriculumLoader {
    /// Bumped whenever the cached layout below changes.
    static let cacheFormat = 5

    /// ``load(from:)`` with a cache of the validated result, keyed by the files' content hash:
    /// parsing and validating the YAML was most of a one-shot command's time, and the files
    /// rarely change. A missing, unreadable, truncated or stale cache falls back to a full load;
    /// a cache that cannot be written is skipped silently (it is only ever an optimisation).
    /// `version` is the folder's ``contentVersion(_:)`` when the caller has just computed it
    /// (hashing every file twice was a few percent of a one-shot command).
    ///
    /// `activities` false may leave every skill's activities out (when the cache is read: they
    /// are most of it), for a caller that reads none of them, such as a score of an assessment
    /// file; the planner, the record's replay and the briefing all read them.
    public static func load(from directory: URL, cache: URL?, version: String? = nil, activities: Bool = true) throws(Diagnostics) -> Curriculum {
        guard let cache else { return try load(from: directory) }
        let version = version ?? contentVersion(directory)
        let file = cache.appendingPathComponent("curricula-\(version)-f\(cacheFormat).bin")
        if let cached = try? CacheCodec.decode(mappedFile: file.path, activities: activities), cached.contentHash == version {
            return cached
        }
        let curriculum = try load(from: directory)
        // Another process may have changed a file between the hash and the parse.
        guard curriculum.contentHash == version else { return curriculum }
        writeCacheFile(CacheCodec.encode(curriculum), to: file)
        return curriculum
    }
}

extension CurriculumLoader {
    /// ``contentVersion(_:)``, remembered in `cache` with each file's identity (size, inode,
    /// modification and status-change times, to the nanosecond): a one-shot command then stats
    /// the files instead of reading and hashing them all, which was ~5% of its CPU. Any
    /// difference in any file (or in the list of role files), a missing, unreadable or foreign
    /// memo, reads and hashes them again. The status-change time cannot be set back by `touch`
    /// or `cp -p`, so an edited file is never taken for the one remembered. No `cache`: the hash.
    public static func contentVersion(_ directory: URL, cache: URL?) -> String {
        guard let cache else { return contentVersion(directory) }
        let base = directory.standardizedFileURL
        var pathHash = ContentHash()
        pathHash.add(base.path)
        let memo = cache.appendingPathComponent("version-\(pathHash.hex).txt")
        // Taken before hashing: a file that changes meanwhile has a new identity next time.
        let identity = hashedFiles(base).map(fileIdentity).joined(separator: "\n")
        if let text = try? String(contentsOf: memo, encoding: .utf8), let newline = text.firstIndex(of: "\n") {
            let version = String(text[..<newline])
            if version.count == 16, version.allSatisfy(\.isHexDigit), text[text.index(after: newline)...] == identity { return version }
        }
        let version = contentVersion(base)
        writeCacheFile(Data((version + "\n" + identity).utf8), to: memo)
        return version
    }

    /// Writes `data` to `file` in the cache folder through a temporary file and a rename, so a
    /// reader never sees half of it; a cache that cannot be written is skipped silently.
    private static func writeCacheFile(_ data: Data, to file: URL) {
        let folder = file.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        // Unique per writer, not only per process: the prefetching thread and the main one may
        // both write a cache file of the same content.
        let temp = folder.appendingPathComponent(".\(file.lastPathComponent).\(getpid()).\(UInt32.random(in: .min ... .max)).tmp")
        if (try? data.write(to: temp)) != nil, rename(temp.path, file.path) != 0 {
            try? FileManager.default.removeItem(at: temp)
        }
    }

    /// `name size inode mtime ctime` (nanoseconds), or `name -` for a file that cannot be stat'ed.
    private static func fileIdentity(_ url: URL) -> String {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return url.lastPathComponent + " -" }
        func ns(_ t: timespec) -> String { "\(t.tv_sec).\(t.tv_nsec)" }
        return "\(url.lastPathComponent) \(info.st_size) \(info.st_ino) \(ns(info.st_mtim)) \(ns(info.st_ctim))"
    }
}

/// A compact, versioned binary form of a validated ``Curriculum``. Hand-written rather than
/// Codable: JSONDecoder's dynamic casts cost more than the YAML they replaced.
enum CacheCodec {
    struct Truncated: Error {}

    static func encode(_ c: Curriculum) -> Data {
        var w = Writer()
        w.string(c.contentHash)
        w.optionalString(c.release?.version); w.optionalString(c.release?.changes)
        w.list(c.graph.groups) { w, g in
            w.string(g.id); w.string(g.name)
        }
        w.list(c.graph.skills) { w, s in
            w.string(s.id); w.string(s.name); w.string(s.kind.rawValue); w.string(s.group); w.string(s.description)
            w.int(s.referenceLevel)
            w.list(s.hours) { $0.double($1) }
            w.list(s.requires) { w, p in
                w.string(p.skill); w.int(p.level)
            }
            w.list(s.seeds) { $0.string($1) }
            w.list(s.activities.keys.sorted()) { w, level in
                w.int(level)
                w.list(s.activities[level] ?? []) { w, a in
                    w.step(a.step)
                    w.int(a.alternative == nil ? 0 : 1)
                    if let alt = a.alternative { w.step(alt) }
                }
            }
            w.int(s.retired == nil ? 0 : 1)
            if let r = s.retired { w.int(r.date.ordinal); w.string(r.reason); w.string(r.successor) }
        }
        w.list(c.roles) { w, r in
            w.string(r.id); w.string(r.name); w.string(r.seniority.rawValue); w.list(r.seeds) { $0.string($1) }
            w.int(r.referenceDate.ordinal); w.optionalDouble(r.publishedScore); w.optionalString(r.estimate)
            w.list(r.tasks) { w, t in
                w.string(t.id); w.string(t.name); w.double(t.share); w.double(t.score); w.string(t.impact.rawValue)
                w.double(t.kappa); w.optionalString(t.estimate); w.string(t.rationale)
                w.list(t.skills.keys.sorted()) { w, k in
                    w.string(k); w.double(t.skills[k]!)
                }
            }
            w.rated(r.evidence); w.rated(r.barriers); w.rated(r.protective)
            w.double(r.growth.score); w.string(r.growth.rationale)
            w.list(r.ladder) { w, l in
                w.string(l.name); w.double(l.score); w.string(l.seed)
            }
            w.list(r.referenceLevels.keys.sorted()) { w, k in
                w.string(k); w.int(r.referenceLevels[k]!)
            }
        }
        w.list(c.signals) { w, s in
            w.string(s.id); w.string(s.title); w.list(s.seeds) { $0.string($1) }
            w.int(s.window.from.ordinal); w.int(s.window.to.ordinal)
            w.list(s.effects) { w, e in
                w.string(e.role); w.double(e.delta)
                switch e.target {
                case .task(let t): w.int(0); w.string(t)
                case .evidence(let d): w.int(1); w.string(d.rawValue)
                case .growth: w.int(2)
                }
            }
            w.list(s.answeredBy) { $0.string($1) }; w.string(s.note); w.list(s.sources) { $0.string($1) }
        }
        w.list(c.resources) { w, r in
            w.string(r.id); w.string(r.kind.rawValue); w.string(r.title); w.string(r.by); w.int(r.year); w.string(r.locator)
            w.int(r.free ? 1 : 0); w.int(r.verified.ordinal); w.string(r.status.rawValue)
            w.list(r.skills) { $0.string($1) }; w.list(r.roles) { $0.string($1) }
        }
        w.int(c.gpuHourPrice == nil ? 0 : 1)
        if let g = c.gpuHourPrice { w.double(g.value); w.int(g.date.ordinal); w.string(g.source); w.string(g.note) }
        return w.data
    }

    /// Decodes the cache file at `path` from a read-only mapping of it: reading the file into
    /// memory and copying it took two fresh buffers of its size, a page fault per 4 KB of each
    /// (a fifth of a one-shot command's page faults); a mapping of the page cache takes a few.
    static func decode(mappedFile path: String, activities: Bool = true) throws -> Curriculum {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Truncated() }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0 else { throw Truncated() }
        let size = Int(info.st_size)
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else { throw Truncated() }
        defer { munmap(base, size) }
        return try decode(UnsafeRawBufferPointer(start: base, count: size), activities: activities)
    }

    static func decode(_ data: Data, activities: Bool = true) throws -> Curriculum {
        try data.withUnsafeBytes { try decode($0, activities: activities) }
    }

    /// `activities` false steps over every skill's activities without making them.
    static func decode(_ bytes: UnsafeRawBufferPointer, activities withActivities: Bool = true) throws -> Curriculum {
        var r = Reader(bytes: bytes)
        let version = try r.string()
        let releaseVersion = try r.optionalString(), releaseChanges = try r.optionalString()
        let release = releaseVersion.flatMap { v in releaseChanges.map { CurriculaRelease(version: v, changes: $0) } }
        let groups = try r.list { r in SkillGroup(id: try r.string(), name: try r.string()) }
        let skills = try r.list { r in
            let id = try r.string(), name = try r.string(), kind = try r.enumValue(SkillKind.self), group = try r.string()
            let description = try r.string(), reference = try r.int(), hours = try r.list { try $0.double() }
            let requires = try r.list { r in Prerequisite(skill: try r.string(), level: try r.int()) }
            let seeds = try r.list { try $0.string() }
            var activities: [Int: [Activity]] = [:]
            if withActivities {
                let levels = try r.list { r in
                    (
                        try r.int(),
                        try r.list { r in
                            let step = try r.step()
                            return Activity(step, alternative: try r.int() == 0 ? nil : try r.step())
                        }
                    )
                }
                for (level, list) in levels { activities[level] = list }
            } else {
                for _ in 0..<(try r.count()) {
                    _ = try r.int()
                    for _ in 0..<(try r.count()) {
                        try r.skipStep()
                        if try r.int() != 0 { try r.skipStep() }
                    }
                }
            }
            let retired = try r.int() == 0 ? nil : Retirement(date: Day(ordinal: try r.int()), reason: try r.string(), successor: try r.string())
            return Skill(
                id: id, name: name, kind: kind, group: group, description: description, referenceLevel: reference,
                hours: hours, requires: requires, seeds: seeds, activities: activities, retired: retired)
        }
        let roles = try r.list { r in
            let id = try r.string(), name = try r.string(), seniority = try r.enumValue(Seniority.self)
            let seeds = try r.list { try $0.string() }
            let date = Day(ordinal: try r.int()), published = try r.optionalDouble(), estimate = try r.optionalString()
            let tasks = try r.list { r in
                let tid = try r.string(), tname = try r.string(), share = try r.double(), score = try r.double()
                let impact = try r.enumValue(TaskImpact.self), kappa = try r.double(), testimate = try r.optionalString()
                let rationale = try r.string()
                var weights: [String: Double] = [:]
                for (k, v) in try r.list({ r in (try r.string(), try r.double()) }) { weights[k] = v }
                return RoleTask(
                    id: tid, name: tname, share: share, score: score, impact: impact, kappa: kappa,
                    estimate: testimate, rationale: rationale, skills: weights)
            }
            let evidence: [EvidenceDimension: Rated] = try r.rated()
            let barriers: [BarrierDimension: Rated] = try r.rated()
            let protective: [ProtectiveDimension: Rated] = try r.rated()
            let growth = Rated(score: try r.double(), rationale: try r.string())
            let ladder = try r.list { r in LadderRung(name: try r.string(), score: try r.double(), seed: try r.string()) }
            var references: [String: Int] = [:]
            for (k, v) in try r.list({ r in (try r.string(), try r.int()) }) { references[k] = v }
            return Role(
                id: id, name: name, seniority: seniority, seeds: seeds, referenceDate: date, publishedScore: published,
                estimate: estimate, tasks: tasks, evidence: evidence, barriers: barriers, protective: protective,
                growth: growth, ladder: ladder, referenceLevels: references)
        }
        let signals = try r.list { r in
            let id = try r.string(), title = try r.string(), seeds = try r.list { try $0.string() }
            let window = Window(from: Day(ordinal: try r.int()), to: Day(ordinal: try r.int()))
            let effects = try r.list { r in
                let role = try r.string(), delta = try r.double()
                let target: SignalTarget
                switch try r.int() {
                case 0: target = .task(try r.string())
                case 1: target = .evidence(try r.enumValue(EvidenceDimension.self))
                case 2: target = .growth
                default: throw Truncated()
                }
                return SignalEffect(role: role, target: target, delta: delta)
            }
            return Signal(
                id: id, title: title, seeds: seeds, window: window, effects: effects,
                answeredBy: try r.list { try $0.string() }, note: try r.string(), sources: try r.list { try $0.string() })
        }
        let resources = try r.list { r in
            Resource(
                id: try r.string(), kind: try r.enumValue(Resource.Kind.self), title: try r.string(), by: try r.string(),
                year: try r.int(), locator: try r.string(), free: try r.int() != 0, verified: Day(ordinal: try r.int()),
                status: try r.enumValue(Resource.Status.self), skills: try r.list { try $0.string() },
                roles: try r.list { try $0.string() })
        }
        let price =
            try r.int() == 0
            ? nil : GPUHourPrice(value: try r.double(), date: Day(ordinal: try r.int()), source: try r.string(), note: try r.string())
        guard r.atEnd else { throw Truncated() }
        return Curriculum(
            graph: SkillGraph(groups: groups, skills: skills), roles: roles, signals: signals, version: version, release: release,
            resources: resources, gpuHourPrice: price)
    }

    struct Writer {
        var data = Data()
        mutating func int(_ x: Int) { withUnsafeBytes(of: Int64(x).littleEndian) { data.append(contentsOf: $0) } }
        mutating func double(_ x: Double) { withUnsafeBytes(of: x.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        mutating func string(_ s: String) { let u = Array(s.utf8); int(u.count); data.append(contentsOf: u) }
        mutating func optionalString(_ s: String?) { int(s == nil ? 0 : 1); if let s { string(s) } }
        mutating func optionalDouble(_ x: Double?) { int(x == nil ? 0 : 1); if let x { double(x) } }
        mutating func list<T>(_ items: [T], _ each: (inout Writer, T) -> Void) { int(items.count); for i in items { each(&self, i) } }
        mutating func step(_ s: ActivityStep) {
            string(s.text); double(s.hours); string(s.access.rawValue); double(s.gpuHours); string(s.evidence)
            list(s.resources) { $0.string($1) }
        }
        mutating func rated<D: RawRepresentable & Comparable>(_ dims: [D: Rated]) where D.RawValue == String {
            list(dims.keys.sorted()) { w, d in
                w.string(d.rawValue); w.double(dims[d]!.score); w.string(dims[d]!.rationale)
            }
        }
    }

    /// Reads the bytes in place; valid only while they are (inside ``decode(_:)``).
    struct Reader {
        let bytes: UnsafeRawBufferPointer
        var at = 0
        var atEnd: Bool { at == bytes.count }

        mutating func raw64() throws -> UInt64 {
            guard at + 8 <= bytes.count else { throw Truncated() }
            defer { at += 8 }
            return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
        }
        mutating func int() throws -> Int { Int(Int64(bitPattern: try raw64())) }
        mutating func double() throws -> Double { Double(bitPattern: try raw64()) }
        mutating func count() throws -> Int {
            let n = try int()
            guard n >= 0, n <= bytes.count - at else { throw Truncated() }
            return n
        }
        mutating func string() throws -> String {
            let n = try count()
            defer { at += n }
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[at..<(at + n)]), as: UTF8.self)
        }
        mutating func optionalString() throws -> String? { try int() == 0 ? nil : try string() }
        mutating func skipString() throws { at += try count() }
        /// Steps over what ``step()`` reads.
        mutating func skipStep() throws {
            try skipString(); _ = try double(); try skipString(); _ = try double(); try skipString()
            for _ in 0..<(try count()) { try skipString() }
        }
        mutating func step() throws -> ActivityStep {
            ActivityStep(
                text: try string(), hours: try double(), access: try enumValue(Access.self), gpuHours: try double(),
                evidence: try string(), resources: try list { try $0.string() })
        }
        mutating func optionalDouble() throws -> Double? { try int() == 0 ? nil : try double() }
        mutating func list<T>(_ each: (inout Reader) throws -> T) throws -> [T] {
            let n = try count()
            var out: [T] = []
            out.reserveCapacity(n)
            for _ in 0..<n { out.append(try each(&self)) }
            return out
        }
        mutating func enumValue<E: RawRepresentable>(_: E.Type) throws -> E where E.RawValue == String {
            guard let e = E(rawValue: try string()) else { throw Truncated() }
            return e
        }
        mutating func rated<D: RawRepresentable & Hashable>() throws -> [D: Rated] where D.RawValue == String {
            var out: [D: Rated] = [:]
            for (d, r) in try list({ r in (try r.enumValue(D.self), Rated(score: try r.double(), rationale: try r.string())) }) { out[d] = r }
            return out
        }
    }
}
