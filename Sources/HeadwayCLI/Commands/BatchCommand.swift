import ArgumentParser
import Foundation
import HeadwayCore
import HeadwayCurricula

/// `headway batch plan`: plans for a whole team at once, on every core.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Plan for many people at once.",
        subcommands: [BatchPlanCommand.self])
}

struct BatchPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
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
            throw CLIError("cannot read --assessments \(assessments): no such folder or not readable")
        }
        guard !files.isEmpty else { throw CLIError("--assessments \(assessments) holds no .yaml, .yml or .json files") }
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            throw CLIError("cannot create --output \(output): \((error as NSError).localizedDescription)")
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
                try AtomicFile.write(try encodeJSON(report), to: (output as NSString).appendingPathComponent(name), durable: false)
                summary.append(.init(file: file.lastPathComponent, plan: name, startScore: report.startScore,
                                     projectedScore: report.projectedScore, optimal: report.optimal, error: nil))
            case .failure(let error):
                failures += 1
                Console.error("error: \(error.description)")
                summary.append(.init(file: file.lastPathComponent, plan: nil, startScore: nil, projectedScore: nil, optimal: nil,
                                     error: error.description))
            }
        }
        // One flush for every plan written above, then the summary, durably.
        sync()
        try AtomicFile.write(try encodeJSON(BatchSummary(entries: summary)), to: (output as NSString).appendingPathComponent("summary.json"))
        print("Planned \(files.count - failures) of \(files.count) assessments into \(output)\(failures > 0 ? "; \(failures) failed" : "").")
        if failures > 0 { throw ExitCode(1) }
    }
}

/// The batch's index file.
struct BatchSummary: Encodable {
    struct Entry: Encodable {
        let file: String
        let plan: String?
        let startScore: Double?
        let projectedScore: Double?
        let optimal: Bool?
        let error: String?
    }
    let entries: [Entry]
}

/// Plans files concurrently with a task group bounded to `jobs` at a time.
struct BatchPlanner: Sendable {
    let curriculum: Curriculum
    let day: Day
    let jobs: Int

    /// One failure per file: the loader's or planner's one-line message.
    struct Failure: Error, Sendable { let description: String }

    func plan(_ file: URL) -> Result<PlanReport, Failure> {
        do {
            let a = try AssessmentLoader.load(file, displayName: file.lastPathComponent, curriculum: curriculum)
            let person = PersonalModel(curriculum: curriculum, assessment: a)!
            let request = PlanRequest(start: a.start ?? day, weeks: a.weeks, hoursPerWeek: a.hoursPerWeek, goals: a.goals)
            let plan = try person.plan(request)
            return .success(PlanReport(plan, graph: curriculum.graph, role: person.role))
        } catch let d as Diagnostic {
            return .failure(Failure(description: d.description))
        } catch {
            return .failure(Failure(description: "\(file.lastPathComponent): \(error)"))
        }
    }

    /// Results in the order of `files`; `tick` is called with the number finished so far.
    func run(_ files: [URL], tick: @escaping @Sendable (Int) -> Void) -> [Result<PlanReport, Failure>] {
        let box = ResultBox(count: files.count)
        let done = DispatchSemaphore(value: 0)
        let planner = self
        Task.detached {
            await withTaskGroup(of: (Int, Result<PlanReport, Failure>).self) { group in
                var next = 0, finished = 0
                for _ in 0..<min(planner.jobs, files.count) {
                    let i = next; next += 1
                    group.addTask { (i, planner.plan(files[i])) }
                }
                while let (i, result) = await group.next() {
                    box.set(i, result)
                    finished += 1
                    tick(finished)
                    if next < files.count {
                        let j = next; next += 1
                        group.addTask { (j, planner.plan(files[j])) }
                    }
                }
            }
            done.signal()
        }
        // The command runs synchronously; this thread is not one of the concurrency pool's.
        done.wait()
        return box.values
    }
}

/// Results written by the task group and read once it has finished.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<PlanReport, BatchPlanner.Failure>?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: Result<PlanReport, BatchPlanner.Failure>) { lock.lock(); slots[i] = r; lock.unlock() }
    var values: [Result<PlanReport, BatchPlanner.Failure>] { lock.lock(); defer { lock.unlock() }; return slots.map { $0! } }
}

/// A progress bar on standard error, redrawn in place; silent when stderr is not a terminal.
final class ProgressLine: @unchecked Sendable {
    private let total: Int
    private let enabled: Bool
    private let lock = NSLock()
    init(total: Int, enabled: Bool) { self.total = total; self.enabled = enabled }

    func show(_ done: Int) {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        let line = "\r[\(progressBar(Double(done) / Double(total), width: 30))] \(done)/\(total)"
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
