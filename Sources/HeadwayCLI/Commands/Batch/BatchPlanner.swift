import ArgumentParser
import Foundation
import HeadwayApp
import HeadwayCore
import HeadwayCurricula

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
            // The same document as `plan --json`: with what more access would add.
            var report = PlanReport(plan, curriculum: curriculum, role: person.role)
            report.add(person.accessOutlook(request, plan: plan))
            return .success(report)
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
