import Foundation
import FuzzSupport
import HeadwayCore
import HeadwayCurricula

/// A curricula folder copied to scratch space; each run replaces one of its files and puts it back.
struct Base {
    let folder: URL
    let files: [String]
    let originals: [Data]

    init(_ source: URL, _ name: String, role: String) {
        folder = scratchFolder("curricula-\(name)").appendingPathComponent("Curricula")
        try! FileManager.default.copyItem(at: source, to: folder)
        files = ["skills.yaml", "roles/\(role).yaml", "signals.yaml"]
        originals = files.map { [folder] in try! Data(contentsOf: folder.appendingPathComponent($0)) }
    }
}

/// The bundled curricula (100 KB of YAML: some 15 runs a second) and the tiny one
/// of `Fixtures/curricula/tiny` (3 KB: fifteen times as many), which reaches the same reader and cross-checks.
let bundled = Base(bundledCurricula, "bundled", role: "ai-infrastructure-engineer")
let tiny = Base(repository.appendingPathComponent("Fixtures/curricula/tiny"), "tiny", role: "tiny-engineer")

/// Which folder and file the input replaces, from its first byte: `S`, `R`, `G` put the rest
/// in the bundled copy's skills.yaml, role file or signals.yaml; `s`, `r`, `g` in the tiny
/// one's (so the seed corpus stays readable); any other byte picks by its value, the tiny
/// folder seven times in eight, for speed.
func target(_ first: UInt8) -> (Base, Int) {
    switch first {
    case UInt8(ascii: "S"): return (bundled, 0)
    case UInt8(ascii: "R"): return (bundled, 1)
    case UInt8(ascii: "G"): return (bundled, 2)
    case UInt8(ascii: "s"): return (tiny, 0)
    case UInt8(ascii: "r"): return (tiny, 1)
    case UInt8(ascii: "g"): return (tiny, 2)
    default: return (first & 7 == 7 ? bundled : tiny, Int(first >> 3) % 3)
    }
}

/// `headway curricula check` on a copy of a curricula folder with one file replaced by the input.
///
/// Properties: every problem is one line naming a file of the folder; a folder that loads has
/// no problem, and each of its roles scores within 0...100 on its reference day.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCurricula(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = bytes(start, count)
    guard let first = data.first else { return 0 }
    let (base, which) = target(first)
    let url = base.folder.appendingPathComponent(base.files[which])
    try! data.dropFirst().write(to: url)
    defer { try! base.originals[which].write(to: url) }

    let (curriculum, problems) = CurriculumLoader.check(base.folder)
    for p in problems {
        requireOneLine(p.description, "curricula problem")
        require(p.file.hasPrefix(base.folder.path), "problem names no file of the folder: \(p)")
    }
    guard let curriculum else {
        require(!problems.isEmpty, "check returned neither a curriculum nor a problem")
        return 0
    }
    require(problems.isEmpty, "a curriculum came back with problems")
    for role in curriculum.roles {
        guard let model = PersonalModel(curriculum: curriculum, assessment: Assessment(role: role.id)) else { continue }
        let score = model.score(at: role.referenceDate).result.value
        require((0...100).contains(score), "role \(role.id) scores \(score)")
    }
    return 0
}
