import Foundation
import Testing

/// Curricula updates through the real binary: install, list, use, diff, and the snapshot a
/// profile writes when its curricula change. Every run has its own data folder and none sets
/// HEADWAY_CURRICULA, so the active installed version is what commands use.
@Suite("Curricula updates")
struct CurriculaUpdateTests {
    /// A scratch home: the database and the installed curricula live in `folder`.
    struct Home {
        let folder: URL
        var db: URL { folder.appendingPathComponent("headway.sqlite") }
        var shelf: URL { folder.appendingPathComponent("curricula") }

        init() throws { folder = try Binary.temporaryFolder() }

        @discardableResult
        func run(_ arguments: [String], today: String = "2026-11-23") throws -> Binary.Result {
            var env = Binary.environment(in: folder)
            env["HEADWAY_TODAY"] = today
            // The tests read whole lines (TerminalWidthTests checks the wrapping).
            env["COLUMNS"] = nil
            return try Binary.runInProcess(arguments, environment: env)
        }

        /// A copy of the bundled curricula as version `version`, with `edit` applied to its signals.yaml.
        func curricula(_ name: String, version: String, changes: String, signals: String = "") throws -> URL {
            let dir = folder.appendingPathComponent(name)
            try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("Curricula"), to: dir)
            try "version: \"\(version)\"\nchanges: \"\(changes)\"\n".write(
                to: dir.appendingPathComponent("curricula.yaml"),
                atomically: true, encoding: .utf8)
            let file = dir.appendingPathComponent("signals.yaml")
            try (try String(contentsOf: file, encoding: .utf8) + signals).write(to: file, atomically: true, encoding: .utf8)
            return dir
        }

        /// Every file under the folder (database and data folder) with its bytes; links with their targets.
        func bytes() throws -> [String: Data] {
            var out: [String: Data] = [:]
            let e = FileManager.default.enumerator(atPath: folder.path)!
            while let name = e.nextObject() as? String {
                let path = folder.appendingPathComponent(name).path
                if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
                    out[name] = Data(("-> " + target).utf8)
                } else if let data = FileManager.default.contents(atPath: path) {
                    out[name] = data
                }
            }
            return out
        }

        func snapshots(today: String) throws -> [[String: Any]] {
            let out = try run(["history", "--json"], today: today)
            return try #require(try json(out.output)["snapshots"] as? [[String: Any]], "\(out.output)")
        }
    }

    static let autopilot = """

          - id: gpu-cluster-autopilot
            title: Cluster schedulers run GPU fleets on autopilot
            seeds: ["002"]
            window: {from: 2026-12-01, to: 2027-05-31}
            effects:
              - {role: ai-infrastructure-engineer, task: gpu-cluster-management, delta: 1}
            answered_by: [gpu-cluster-management, kubernetes-gpu]
            note: "Routine cluster scheduling is automated; fabric design and failure debugging are not."

        """

    /// The stateless score of the reference assessment under a curricula folder.
    func score(_ home: Home, curricula: URL, on day: String) throws -> Double {
        let out = try home.run(["score", "--assessment", reference, "--curricula", curricula.path, "--as-of", day, "--json"])
        return try #require(try json(out.output)["score"] as? Double, "\(out.output)")
    }

    @Test("installing a curricula with a new signal writes one snapshot naming it with its effect; using the old version writes one back")
    func installThenUseBack() throws {
        let home = try Home()
        #expect(try home.run(["profile", "new", "ana", "--from", reference]).status == 0)
        let new = try home.curricula("new", version: "2027.01", changes: "Adds a signal on GPU cluster autopilots.", signals: Self.autopilot)
        let install = try home.run(["curricula", "install", new.path])
        #expect(install.status == 0, "\(install.output)")

        let day = "2027-06-01"
        let before = try score(home, curricula: repoRoot.appendingPathComponent("Curricula"), on: day)
        let after = try score(home, curricula: new, on: day)
        #expect(after < before)
        let effect = (after * 10).rounded() / 10 - (before * 10).rounded() / 10

        let snapshots = try home.snapshots(today: day)
        let noticed = snapshots.filter { ($0["reason"] as? String)?.hasPrefix("curricula ") == true }
        try #require(noticed.count == 1, "\(snapshots)")
        #expect(noticed[0]["reason"] as? String == "curricula 2027.01: signal \"gpu-cluster-autopilot\" added, \(String(format: "%.1f", effect))")
        #expect(noticed[0]["score"] as? Double == (after * 10).rounded() / 10)
        #expect(noticed[0]["as_of"] as? String == day)
        #expect(noticed[0]["curricula"] as? String == "2027.01")
        #expect(snapshots.first?["curricula"] as? String == "2026.12")

        // Once recorded, later commands write nothing more.
        #expect(try home.snapshots(today: day).count == snapshots.count)

        #expect(try home.run(["curricula", "use", "2026.12"]).status == 0)
        let back = try home.snapshots(today: "2027-06-02").filter { ($0["reason"] as? String)?.hasPrefix("curricula ") == true }
        try #require(back.count == 2)
        #expect((back[1]["reason"] as? String)?.hasPrefix("curricula 2026.12: signal \"gpu-cluster-autopilot\" removed, +") == true)
        #expect(back[1]["curricula"] as? String == "2026.12")

        // The export carries each snapshot's curricula version; doctor counts them.
        let export = try home.run(["profile", "export", "-"])
        let stamps = try #require(try json(export.output)["snapshots"] as? [[String: Any]]).compactMap { $0["curricula_version"] as? String }
        #expect(stamps.contains { $0.hasPrefix("2027.01+") } && stamps.contains { $0.hasPrefix("2026.12+") })
        #expect(try home.run(["doctor"]).output.contains("snapshots made under 2026.12"))
        let file = home.folder.appendingPathComponent("ana.json")
        try Data(export.output.utf8).write(to: file)
        let other = try Home()
        #expect(try other.run(["profile", "import", file.path]).status == 0)
        #expect(try other.run(["profile", "export", "-"]).output == export.output, "import and export keep every curricula version")
    }

    /// Issue 25.10: a person ahead on hours was told "Behind" because a new signal lowered the
    /// projection. On track is judged on the plan's work; the field's part is said apart.
    @Test("ahead on hours when a new signal lowers the projection: on track, with the field's move named, in progress and brief")
    func driftIsNotBehind() throws {
        let home = try Home()
        #expect(try home.run(["profile", "new", "ana", "--from", reference]).status == 0)
        let plan = try json(try home.run(["plan", "--json"]).output)
        // Week 1 done in full, and more.
        let week1 = ((plan["weeks"] as? [[String: Any]])?.first?["items"] as? [[String: Any]]) ?? []
        for item in week1 {
            let unit = "\(item["skill"]!):\(item["level"]!)"
            #expect(try home.run(["log", unit, "6", "partial", "--as-of", "2026-11-26"], today: "2026-11-26").status == 0)
        }
        let new = try home.curricula("new", version: "2027.01", changes: "Adds a signal on GPU cluster autopilots.", signals: Self.autopilot)
        #expect(try home.run(["curricula", "install", new.path], today: "2026-11-29").status == 0)
        let progress = try json(try home.run(["progress", "--json"], today: "2026-11-29").output)
        let moved = try #require(progress["field_moved"] as? Double)
        #expect(moved < -0.05, "the new signal lowers the plan's projection: \(moved)")
        #expect(progress["on_track"] as? Bool == true, "\(progress)")
        let text = try home.run(["progress"], today: "2026-11-29").output
        #expect(text.contains("On track:") && text.contains("when planned; the field has moved it"), "\(text)")
        let brief = try home.run(["brief"], today: "2026-11-29").output
        #expect(brief.contains("On track: at your pace") && brief.contains("the field has moved it"), "\(brief)")
    }

    @Test("the next briefing reports the update under field changes, with the skills that answer the new signal, once")
    func briefingNamesTheUpdate() throws {
        let home = try Home()
        #expect(try home.run(["profile", "new", "ana", "--from", reference]).status == 0)
        #expect(try home.run(["plan"]).status == 0)
        #expect(try home.run(["brief"], today: "2026-11-24").status == 0)
        let signal = Self.autopilot.replacingOccurrences(of: "{from: 2026-12-01, to: 2027-05-31}", with: "{from: 2026-11-01, to: 2027-01-31}")
        let new = try home.curricula("new", version: "2027.01", changes: "Adds a signal on GPU cluster autopilots.", signals: signal)
        #expect(try home.run(["curricula", "install", new.path]).status == 0)

        let brief = try home.run(["brief"], today: "2026-12-01")
        #expect(brief.status == 0, "\(brief.output)")
        let field = try #require(brief.output.components(separatedBy: "\nField changes\n").last)
        let lines = field.split(separator: "\n").map(String.init)
        let recorded = try #require(try home.snapshots(today: "2026-12-01").last?["reason"] as? String)
        #expect(recorded.hasPrefix("curricula 2027.01: signal \"gpu-cluster-autopilot\" added, -"))
        #expect(
            lines.first == "The curricula were updated to 2027.01 (recorded 2026-12-01): Adds a signal on GPU cluster autopilots. "
                + "Effect on your score: " + recorded.dropFirst("curricula 2027.01: ".count) + ".")
        #expect(
            lines.count > 2 && lines[1].hasPrefix("New in 2027.01: Cluster schedulers run GPU fleets on autopilot (2026-11-01 to 2027-01-31) takes ")
                && lines[1].hasSuffix(
                    "Answered by GPU cluster management & scheduling strategy (you: 2), Kubernetes for GPU workloads (GPU Operator, DRA) (you: 2).")
        )
        #expect(lines.count > 2 && lines[2].hasPrefix("Under 2027.01, `replan` would give "))
        // The week is live: read again the next day it still reports the update; the
        // following week's briefing does not report it again.
        #expect(try home.run(["brief"], today: "2026-12-02").output.contains("The curricula were updated to 2027.01 (recorded 2026-12-01)"))
        let next = try home.run(["brief"], today: "2026-12-08")
        #expect(next.status == 0 && !next.output.contains("The curricula were updated"), "\(next.output)")
    }

    @Test("a broken or older curricula is refused with the database and the data folder unchanged")
    func refusals() throws {
        let home = try Home()
        #expect(try home.run(["profile", "new", "ana", "--from", reference]).status == 0)
        let new = try home.curricula("new", version: "2027.01", changes: "Adds a signal.", signals: Self.autopilot)
        #expect(try home.run(["curricula", "install", new.path]).status == 0)
        _ = try home.snapshots(today: "2026-11-24")

        let broken = try home.curricula("broken", version: "2027.02", changes: "Breaks a task score.")
        let role = broken.appendingPathComponent("roles/ai-infrastructure-engineer.yaml")
        try (try String(contentsOf: role, encoding: .utf8)).replacingOccurrences(of: "    score: 2\n", with: "    score: 9\n")
            .write(to: role, atomically: true, encoding: .utf8)
        let older = try home.curricula("older", version: "2026.10", changes: "An older release.")
        let same = try home.curricula("same", version: "2027.01", changes: "The same version with other content.")
        let missing = try home.curricula("unversioned", version: "2027.03", changes: "")
        try FileManager.default.removeItem(at: missing.appendingPathComponent("curricula.yaml"))
        let state = try home.bytes()

        let twice = try home.run(["curricula", "install", same.path])
        #expect(
            twice.status != 0 && twice.output.contains("version 2027.01 is already installed in ")
                && twice.output.contains("with other content; give this curricula a new version in its curricula.yaml"), "\(twice.output)")
        let unversioned = try home.run(["curricula", "install", missing.path])
        #expect(unversioned.status != 0 && unversioned.output.contains("curricula.yaml: missing; an installed curricula needs a content version"))

        let refused = try home.run(["curricula", "install", broken.path])
        let check = try home.run(["curricula", "check", broken.path])
        #expect(refused.status != 0 && check.status != 0)
        #expect(refused.output == check.output, "install must give the same diagnostics as check")
        #expect(refused.output.contains("roles/ai-infrastructure-engineer.yaml:") && refused.output.contains("allowed: 1..5"))

        let old = try home.run(["curricula", "install", older.path])
        #expect(old.status != 0)
        #expect(
            old.output == "error: \(older.path) is version 2026.10, older than the active 2027.01; pass --force to install it anyway, "
                + "or `headway curricula use 2026.10` if it is installed\n")
        #expect(try home.bytes() == state, "a refused install changed the database or the data folder")

        #expect(try home.run(["curricula", "install", older.path, "--force"]).status == 0)
        let list = try home.run(["curricula", "list"]).output
        // Bundled first, then installed versions oldest first; the forced one is active.
        #expect(
            list.split(separator: "\n").map { String($0.prefix(20)) }
                == ["  2026.12  bundled  ", "* 2026.10  installed", "  2027.01  installed"])
        #expect(list.contains("* 2026.10  installed"))
    }

    @Test("a SIGKILL during install leaves the old or the new version active, never half of one")
    func killDuringInstall() throws {
        var rng = SystemRandomNumberGenerator()
        var killed = 0
        for round in 0..<16 {
            let home = try Home()
            let new = try home.curricula("new", version: "2027.01", changes: "Adds a signal.", signals: Self.autopilot)
            let p = Process()
            p.executableURL = Binary.url
            p.arguments = ["curricula", "install", new.path]
            p.environment = Binary.environment(in: home.folder)
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            // A whole install takes a few hundred milliseconds (validation, then the copy).
            let deadline = Date().addingTimeInterval(Double.random(in: 0.0...0.6, using: &rng))
            while p.isRunning && Date() < deadline { usleep(200) }
            if p.isRunning { kill(p.processIdentifier, SIGKILL); killed += 1 }
            p.waitUntilExit()

            let list = try home.run(["curricula", "list"]).output
            let active = list.split(separator: "\n").filter { $0.hasPrefix("*") }
            #expect(
                active.count == 1 && (active[0].hasPrefix("* 2026.12  bundled") || active[0].hasPrefix("* 2027.01  installed")),
                "round \(round): \(list)")
            let check = try home.run(["curricula", "check"])
            #expect(check.status == 0, "round \(round): the active curricula do not load: \(check.output)")
            if active.first?.hasPrefix("* 2027.01") == true {
                #expect(check.output.contains("version 2027.01+"))
            }
            // A second install after the kill finishes the job.
            #expect(try home.run(["curricula", "install", new.path]).status == 0)
            #expect(try home.run(["curricula", "list"]).output.contains("* 2027.01  installed"))
            try? FileManager.default.removeItem(at: home.folder)
        }
        #expect(killed > 0, "no round was killed before it finished; the test proved nothing")
    }

    @Test("a plan toward a role the new curricula drop: every view says the role is gone, replan asks for --toward and writes nothing, --toward aims it again")
    func targetRoleDropped() throws {
        let home = try Home()
        #expect(try home.run(["profile", "new", "ana", "--from", reference]).status == 0)
        #expect(try home.run(["plan", "--toward", "ml-platform-engineer"]).status == 0)
        let new = try home.curricula("new", version: "2027.01", changes: "Drops ML Platform Engineer.")
        try FileManager.default.removeItem(at: new.appendingPathComponent("roles/ml-platform-engineer.yaml"))
        try Self.forget(role: "ml-platform-engineer", in: new)
        #expect(try home.run(["curricula", "install", new.path]).status == 0)
        let day = "2026-12-01"
        let gone = "The plan was made toward role 'ml-platform-engineer', which curricula 2027.01 no longer have"

        let progress = try home.run(["progress", "--json"], today: day)
        let report = try json(progress.output)
        #expect(report["toward"] as? String == "ml-platform-engineer", "the plan still says where it was aimed")
        #expect(report["at_pace"] == nil, "no outlook compares another role's scores with the plan's")
        let text = try home.run(["progress"], today: day).output
        #expect(text.contains(gone), "\(text)")
        #expect(!text.contains("The plan has ended"))
        #expect(try home.run(["plan", "show"], today: day).output.hasPrefix(gone))
        let brief = try home.run(["brief"], today: day).output
        #expect(brief.contains("On track?\n" + gone), "\(brief)")
        #expect(brief.contains("Under 2027.01 the role your plan aims at, 'ml-platform-engineer', is gone: `replan --toward ROLE` plans again"))

        let state = try home.bytes()
        let refused = try home.run(["replan"], today: day)
        #expect(refused.status == 65)
        #expect(
            refused.output
                == "error: the plan aims at role 'ml-platform-engineer', which curricula 2027.01 no longer have; give --toward ROLE (see `headway roles`)\n")
        #expect(try home.bytes() == state, "a refused replan changed the database")

        #expect(try home.run(["replan", "--toward", "ai-infrastructure-engineer"], today: day).status == 0)
        let home2 = try json(home.run(["progress", "--json"], today: day).output)
        #expect(home2["toward"] == nil)
        #expect(home2["at_pace"] != nil)
    }

    @Test("curricula diff on hand-made pairs matches its golden file", arguments: ["new-signal", "rerated", "skills", "roles"])
    func diffGolden(_ name: String) throws {
        let home = try Home()
        let base = "Fixtures/curricula-diff/\(name)"
        let out = try home.run(["curricula", "diff", "\(base)/old", "\(base)/new"])
        #expect(out.status == 0, "\(out.output)")
        let golden = repoRoot.appendingPathComponent("\(base)/expected.txt")
        if ProcessInfo.processInfo.environment["HEADWAY_UPDATE_GOLDEN"] == "1" {
            try out.output.write(to: golden, atomically: true, encoding: .utf8)
        }
        #expect(
            out.output == (try String(contentsOf: golden, encoding: .utf8)),
            "differs from \(base)/expected.txt (HEADWAY_UPDATE_GOLDEN=1 rewrites it)")
    }

    /// Takes a dropped role out of the signals and resources that name it, as a curator would:
    /// its effects go, a signal left with none acts on growth of another role, and certifications
    /// no longer list it.
    static func forget(role: String, in dir: URL) throws {
        let signals = dir.appendingPathComponent("signals.yaml")
        var out: [String] = []
        for line in try String(contentsOf: signals, encoding: .utf8).components(separatedBy: "\n") where !line.contains("{role: \(role),") {
            if out.last == "    effects:" && !line.hasPrefix("      - ") { out.append("      - {role: mlops-engineer, growth: 0.25}") }
            out.append(line)
        }
        try out.joined(separator: "\n").write(to: signals, atomically: true, encoding: .utf8)
        let resources = dir.appendingPathComponent("resources.yaml")
        let text = try String(contentsOf: resources, encoding: .utf8)
            .replacingOccurrences(of: ", \(role)]", with: "]").replacingOccurrences(of: "\(role), ", with: "")
        try text.write(to: resources, atomically: true, encoding: .utf8)
    }

    @Test("a profile made on the bundled 2026.11 sees one snapshot naming what 2026.12 changed, and its briefing the retired unit")
    func from2026_11() throws {
        let home = try Home()
        let old = repoRoot.appendingPathComponent("Curricula/archive/2026.11").path
        try #require(try home.run(["assess", "--sample", "--curricula", old]).status == 0)
        let plan = try home.run(["plan", "--curricula", old])
        try #require(plan.status == 0)
        #expect(plan.output.contains("Text Generation Inference (TGI) → 2"), "2026.11 planned TGI")
        let progress = try home.run(["progress"], today: "2026-12-03")
        #expect(progress.output.contains("curricula 2026.12: tgi retired (successor sglang);"), "\(progress.output)")
        _ = try home.run(["progress"], today: "2026-12-04")
        let history = try home.run(["history"], today: "2026-12-04")
        #expect(history.output.components(separatedBy: "curricula 2026.12:").count == 2, "one snapshot: \(history.output)")
        let brief = try home.run(["brief"], today: "2026-12-04")
        #expect(brief.output.contains("Retired in 2026.12 and still in your plan: Text Generation Inference (TGI) → 2 (successor: SGLang)"))
        let replan = try home.run(["replan"], today: "2026-12-04")
        #expect(replan.status == 0 && !replan.output.contains("(TGI) →"), "replan leaves the retired unit out")
    }
}
