import ArgumentParser
import Foundation
import HeadwayApp
import HeadwayCore
import HeadwayCurricula

struct BatchPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", _superCommandName: leafSuperCommand,
        abstract: "Plan every assessment in a folder on all cores; one JSON plan per person.",
        discussion: """
            Reads every .yaml, .yml and .json file of --assessments, plans each statelessly (nothing \
            is stored) and writes NAME.plan.json into --output (created if missing). An error in one \
            file is reported with its file name and the others still finish; the exit is non-zero \
            when any failed. A summary (summary.json) lists each file's start and projected score.
            """)

    @OptionGroup var model: ModelOptions
    @Option(help: ArgumentHelp("Folder of assessment files.", valueName: "dir")) var assessments: String
    @Option(help: ArgumentHelp("Folder for the plans (created if missing).", valueName: "dir")) var output: String
    @Option(help: ArgumentHelp("Parallel plans (default: the number of cores).", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard (1...256).contains(jobs) else { throw ValidationError("--jobs \(jobs) is out of range; allowed: 1..256") }
    }

    func run() throws {
        let curriculum = try model.curriculum()
        let day = model.day()
        let inputDir = URL(fileURLWithPath: assessments)
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: inputDir, includingPropertiesForKeys: nil)
                .filter { ["yaml", "yml", "json"].contains($0.pathExtension.lowercased()) }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            throw HeadwayError(.noInput, "cannot read --assessments \(assessments): no such folder or not readable")
        }
        guard !files.isEmpty else { throw HeadwayError(.noInput, "--assessments \(assessments) holds no .yaml, .yml or .json files") }
        do {
            // Plans of people: a new folder is private (0700), as each file in it is (0600).
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw HeadwayError(.cantCreate, "cannot create --output \(output): \((error as NSError).localizedDescription)")
        }
        let progress = ProgressLine(total: files.count, enabled: isatty(STDERR_FILENO) == 1)
        let results = BatchPlanner(curriculum: curriculum, day: day, jobs: jobs).run(files) { done in progress.show(done) }
        progress.finish()

        var failures = 0
        var summary: [BatchSummary.Entry] = []
        for (file, result) in zip(files, results) {
            switch result {
            case .success(let report):
                let name = file.deletingPathExtension().lastPathComponent + ".plan.json"
                try AtomicFile.write(try encodeJSON(report), to: (output as NSString).appendingPathComponent(name), durable: false, mode: 0o600)
                summary.append(
                    .init(
                        file: file.lastPathComponent, plan: name, startScore: report.startScore,
                        projectedScore: report.projectedScore, optimal: report.optimal, error: nil))
            case .failure(let error):
                failures += 1
                Console.error("error: \(error.description)")
                summary.append(
                    .init(
                        file: file.lastPathComponent, plan: nil, startScore: nil, projectedScore: nil, optimal: nil,
                        error: error.description))
            }
        }
        // One flush for every plan written above, then the summary, durably.
        sync()
        try AtomicFile.write(try encodeJSON(BatchSummary(entries: summary)), to: (output as NSString).appendingPathComponent("summary.json"), mode: 0o600)
        print("Planned \(files.count - failures) of \(files.count) assessments into \(output)\(failures > 0 ? "; \(failures) failed" : "").")
        if failures > 0 { throw ExitCode(1) }
    }
}
