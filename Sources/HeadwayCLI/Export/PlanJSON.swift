import HeadwayApp
import HeadwayCore

/// `export plan --format json`: the document of `plan --json` (``PlanReport``, `MODEL.md` §7).
struct PlanJSONExporter: Exporter {
    let name = "json"
    let extensions = ["json"]
    let summary = "the document of `plan --json` (MODEL.md §7), for programs"

    func render(_ input: PlanExport) throws -> String {
        try jsonText(PlanReport(input.plan, curriculum: input.curriculum, role: input.role, programme: input.programme))
    }
}
