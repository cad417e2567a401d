import Foundation
import FuzzSupport
import HeadwayCore
import HeadwayCurricula

let curriculum: Curriculum = {
    do { return try CurriculumLoader.load(from: bundledCurricula) } catch { fatalError("bundled curricula do not load: \(error)") }
}()
let day = Day("2026-11-23")!

/// An assessment file's bytes, loaded against the bundled curricula as `--assessment FILE`
/// does, then scored on a fixed day and on its own start day.
///
/// Properties: a refusal is one line; an accepted assessment scores within 0...100.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAssessment(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let assessment: Assessment
    do {
        assessment = try AssessmentLoader.load(data: bytes(start, count), name: "fuzz.yaml", curriculum: curriculum)
    } catch {
        requireOneLine(error.description, "assessment error")
        return 0
    }
    guard let model = PersonalModel(curriculum: curriculum, assessment: assessment) else { return 0 }
    for d in [day, assessment.start ?? day] {
        let score = model.score(at: d).result.value
        require((0...100).contains(score), "score \(score) out of 0...100 for \(assessment)")
    }
    return 0
}
