import Foundation

/// Unfinished assessments, kept beside the database (`headway.sqlite` → `headway.sqlite.drafts.json`)
/// by profile name (`""` for a profile not created yet), until the wizard's last answer.
///
/// A draft is scratch, not history: it lives outside the database so an abandoned wizard never
/// touches the profile's record.
struct DraftFile {
    let url: URL

    init(databasePath: String) {
        url = URL(fileURLWithPath: databasePath + ".drafts.json")
    }

    private func all() -> [String: AssessmentDraft] {
        guard let data = try? Data(contentsOf: url) else { return [:] }
        // Not ``JSONCoding``: the top-level keys are profile names, which a key strategy
        // would rewrite (`my_profile` → `myProfile`). The file is scratch, never shown.
        return (try? JSONDecoder().decode([String: AssessmentDraft].self, from: data)) ?? [:]
    }

    func load(_ key: String) -> AssessmentDraft? { all()[key] }

    func save(_ draft: AssessmentDraft, as key: String) throws {
        var drafts = all()
        drafts[key] = draft
        try write(drafts)
    }

    func remove(_ key: String) {
        var drafts = all()
        guard drafts.removeValue(forKey: key) != nil else { return }
        try? write(drafts)
    }

    private func write(_ drafts: [String: AssessmentDraft]) throws {
        if drafts.isEmpty { try? FileManager.default.removeItem(at: url); return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Private from the first byte: a draft holds the person's answers.
        try AtomicFile.write(try encoder.encode(drafts), to: url.path, mode: 0o600)
    }
}
