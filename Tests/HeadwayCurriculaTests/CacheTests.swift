import Foundation
import HeadwayCore
import Testing

@testable import HeadwayCurricula

@Suite("The curricula cache")
struct CacheTests {
    @Test("a cached curriculum is the validated one, byte for byte, and scores the same")
    func roundTrip() throws {
        let encoded = CacheCodec.encode(bundled)
        let decoded = try CacheCodec.decode(encoded)
        #expect(CacheCodec.encode(decoded) == encoded)
        let a = Assessment(role: "ai-infrastructure-engineer")
        let day = Day("2027-06-01")!
        #expect(PersonalModel(curriculum: decoded, assessment: a)!.score(at: day) == PersonalModel(curriculum: bundled, assessment: a)!.score(at: day))
    }

    @Test("read without activities, the cache gives the same curriculum with every skill's activities empty")
    func withoutActivities() throws {
        let encoded = CacheCodec.encode(bundled)
        let partial = try CacheCodec.decode(encoded, activities: false)
        #expect(bundled.graph.skills.contains { !$0.activities.isEmpty })
        #expect(partial.graph.skills.allSatisfy { $0.activities.isEmpty })
        let stripped = bundled.graph.skills.map {
            Skill(
                id: $0.id, name: $0.name, kind: $0.kind, group: $0.group, description: $0.description, referenceLevel: $0.referenceLevel,
                hours: $0.hours, requires: $0.requires, seeds: $0.seeds, activities: [:], retired: $0.retired)
        }
        let expected = Curriculum(
            graph: SkillGraph(groups: bundled.graph.groups, skills: stripped), roles: bundled.roles, signals: bundled.signals,
            version: bundled.contentHash, release: bundled.release, resources: bundled.resources, gpuHourPrice: bundled.gpuHourPrice)
        #expect(CacheCodec.encode(partial) == CacheCodec.encode(expected))
        #expect(throws: (any Error).self) { try CacheCodec.decode(encoded.prefix(encoded.count / 2), activities: false) }
    }

    @Test("a truncated or garbage cache is refused, and loading falls back to the files")
    func corruptCache() throws {
        let encoded = CacheCodec.encode(bundled)
        #expect(throws: (any Error).self) { try CacheCodec.decode(encoded.prefix(encoded.count / 2)) }
        #expect(throws: (any Error).self) { try CacheCodec.decode(Data(repeating: 0xFF, count: 64)) }
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("hw-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let first = try CurriculumLoader.load(from: bundledCurricula, cache: cache)
        let files = try FileManager.default.contentsOfDirectory(at: cache, includingPropertiesForKeys: nil)
        #expect(files.count == 1)
        try Data("not a cache".utf8).write(to: files[0])
        let second = try CurriculumLoader.load(from: bundledCurricula, cache: cache)
        #expect(CacheCodec.encode(second) == CacheCodec.encode(first))
    }

    @Test("a changed file changes the version, so a stale cache is never used")
    func staleCache() throws {
        let dir = try scratchCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = dir.appendingPathComponent(".cache")
        let before = try CurriculumLoader.load(from: dir, cache: cache)
        try edit(dir, "roles/ai-infrastructure-engineer.yaml", replacing: "published_score: 49.1", with: "published_score: 49.2")
        let after = try CurriculumLoader.load(from: dir, cache: cache)
        #expect(before.version != after.version)
        #expect(after.role("ai-infrastructure-engineer")?.publishedScore == 49.2)
    }

    @Test("the remembered content version is the hash until a file changes, even to the same size and modification time")
    func rememberedVersion() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("hw-memo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let folder = scratch.appendingPathComponent("Curricula"), cache = scratch.appendingPathComponent("cache")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: bundledCurricula, to: folder)
        let hash = CurriculumLoader.contentVersion(folder)
        #expect(CurriculumLoader.contentVersion(folder, cache: cache) == hash)
        let memo = try #require(try FileManager.default.contentsOfDirectory(atPath: cache.path).first { $0.hasPrefix("version-") })
        #expect(CurriculumLoader.contentVersion(folder, cache: cache) == hash, "read from the memo")

        // One byte changed, size and modification time put back: the status-change time differs.
        let signals = folder.appendingPathComponent("signals.yaml")
        let before = try FileManager.default.attributesOfItem(atPath: signals.path)[.modificationDate] as! Date
        var bytes = try Data(contentsOf: signals)
        bytes[bytes.count - 2] = bytes[bytes.count - 2] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
        try bytes.write(to: signals)
        try FileManager.default.setAttributes([.modificationDate: before], ofItemAtPath: signals.path)
        let edited = CurriculumLoader.contentVersion(folder)
        #expect(edited != hash)
        #expect(CurriculumLoader.contentVersion(folder, cache: cache) == edited)

        // A new role file, and a memo that is not one, are noticed too.
        try FileManager.default.copyItem(
            at: folder.appendingPathComponent("roles").appendingPathComponent(
                try #require(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("roles").path).sorted().first)),
            to: folder.appendingPathComponent("roles/zz-copy.yaml"))
        #expect(CurriculumLoader.contentVersion(folder, cache: cache) == CurriculumLoader.contentVersion(folder))
        try Data("0123456789abcdef\nnot the files".utf8).write(to: cache.appendingPathComponent(memo))
        #expect(CurriculumLoader.contentVersion(folder, cache: cache) == CurriculumLoader.contentVersion(folder))
        #expect(CurriculumLoader.contentVersion(folder, cache: nil) == CurriculumLoader.contentVersion(folder))
    }
}
