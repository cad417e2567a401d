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
}
