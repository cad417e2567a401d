import Foundation
import HeadwayCore
import Testing

/// A page that frames the report at desktop and at phone width and writes, into its own DOM,
/// what each frame laid out: every chart's box, its drawn marks, the smallest text on screen.
let reportProbe = """
    <!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">
    <iframe id="wide" src="report.html" style="width:1000px;height:1200px;border:0"></iframe>
    <iframe id="phone" src="report.html" style="width:375px;height:1200px;border:0"></iframe>
    <script>
    function measure(frame) {
      const d = frame.contentDocument;
      const charts = [...d.querySelectorAll('svg.chart-svg')].map(svg => {
        const r = svg.getBoundingClientRect();
        const scale = r.width / svg.viewBox.baseVal.width;
        const boxes = [...svg.querySelectorAll('.mark, .series')].map(m => m.getBoundingClientRect())
          .filter(b => b.width > 0 && b.height > 0);
        const inside = boxes.every(b => b.left >= r.left - 1 && b.right <= r.right + 1 && b.top >= r.top - 1 && b.bottom <= r.bottom + 1);
        const fonts = [...svg.querySelectorAll('text')].map(t => parseFloat(t.getAttribute('font-size')) * scale);
        const top = r.top + d.documentElement.scrollTop;
        return {name: svg.getAttribute('class'), x: r.left, y: top, width: r.width, height: r.height,
                marks: boxes.length, inside: inside, smallestText: Math.min(...fonts)};
      });
      return {viewport: d.documentElement.clientWidth, scrollWidth: d.documentElement.scrollWidth, charts: charts};
    }
    window.addEventListener('load', () => {
      const pre = document.createElement('pre');
      pre.id = 'probe';
      pre.textContent = JSON.stringify({wide: measure(document.getElementById('wide')), phone: measure(document.getElementById('phone'))});
      document.body.appendChild(pre);
    });
    </script></body></html>
    """

/// Counts, in a PNG screenshot (8-bit RGB or RGBA, decoded with the standard library only),
/// the pixels inside each box that differ from white: a drawn chart has many.
let pngInk = """
    import json, struct, sys, zlib
    data = open(sys.argv[1], 'rb').read()
    assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n', 'not a PNG'
    pos, idat, width, height = 8, b'', 0, 0
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8]); body = data[pos + 8:pos + 8 + n]; pos += 12 + n
        if kind == b'IHDR':
            width, height, depth, colour = struct.unpack('>IIBB', body[:10])
            assert depth == 8 and colour in (2, 6), f'unsupported PNG: depth {depth}, colour type {colour}'
            bpp = 3 if colour == 2 else 4
        elif kind == b'IDAT': idat += body
    raw = zlib.decompress(idat); stride = width * bpp; rows = []; prev = bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]; line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0; b = prev[i]; c = prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line); prev = line
    out = []
    for x, y, w, h in json.loads(sys.argv[2]):
        ink = 0
        for yy in range(max(0, int(y)), min(height, int(y + h))):
            line = rows[yy]
            for xx in range(max(0, int(x)), min(width, int(x + w))):
                r, g, b = line[xx * bpp:xx * bpp + 3]
                if r < 235 or g < 235 or b < 235: ink += 1
        out.append(ink)
    print(json.dumps({'width': width, 'height': height, 'ink': out}))
    """

struct Probe: Decodable {
    struct Chart: Decodable {
        let name: String
        let x, y, width, height: Double
        let marks: Int
        let inside: Bool
        let smallestText: Double
    }
    struct Layout: Decodable {
        let viewport, scrollWidth: Double
        let charts: [Chart]
    }
    let wide: Layout
    let phone: Layout
}

@Suite("The HTML report, opened in headless Chromium")
struct ReportTests {
    /// A profile with a few months of snapshots and a saved plan, exported as a report.
    static func exportReport(to folder: URL) throws -> URL {
        let db = folder.appendingPathComponent("db/headway.sqlite")
        #expect(try headway(["profile", "new", "ana", "--from", reference, "--as-of", "2026-11-23"], db: db).status == 0)
        #expect(try headway(["plan", "--as-of", "2026-11-23"], db: db).status == 0)
        for (skill, level, day) in [("triton", 2, "2026-12-04"), ("nccl", 3, "2026-12-24"), ("nsight", 2, "2027-01-06")] {
            #expect(try headway(["assess", "set", skill, "\(level)", "--as-of", day], db: db).status == 0)
        }
        let report = folder.appendingPathComponent("report.html")
        let out = try headway(["export", "report", "--output", report.path, "--as-of", "2027-01-08"], db: db)
        #expect(out.status == 0, "\(out.stderr)")
        return report
    }

    static func chromiumArguments(_ folder: URL) -> [String] {
        // Each run gets its own profile folder, so runs in parallel do not share a lock.
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-extensions",
            "--user-data-dir=" + folder.appendingPathComponent("chromium-\(UUID().uuidString)").path
        ]
    }

    @Test(
        "the report loads without a console message, and its four charts are drawn at desktop and phone width",
        .enabled(if: Tools.shouldRun(Tools.chromium), "chromium is missing: apt-get install chromium"),
        .timeLimit(.minutes(3)))
    func opensInChromium() throws {
        let chromium = try Tools.require(Tools.chromium, "chromium (apt-get install chromium; .ci/run does)")
        let folder = try scratchFolder(); defer { try? FileManager.default.removeItem(at: folder) }
        let report = try Self.exportReport(to: folder)

        // 1. The page itself: a screenshot, and every console message (CSP violations included).
        let shot = folder.appendingPathComponent("report.png")
        let load = try Tools.run(
            chromium,
            Self.chromiumArguments(folder) + [
                "--enable-logging=stderr", "--v=0",
                "--window-size=1000,2600", "--screenshot=" + shot.path, report.absoluteString
            ])
        #expect(load.status == 0, "\(load.stderr.suffix(2000))")
        let console = load.stderr.components(separatedBy: "\n").filter { $0.contains(":CONSOLE") }
        #expect(console.isEmpty, "console messages: \(console)")

        // 2. The layout, measured inside the page at 1000 and 375 pixels wide.
        let probe = folder.appendingPathComponent("probe.html")
        try Data(reportProbe.utf8).write(to: probe)
        let dom = try Tools.run(
            chromium,
            Self.chromiumArguments(folder) + [
                "--allow-file-access-from-files", "--virtual-time-budget=5000",
                "--window-size=1400,1300", "--dump-dom", probe.absoluteString
            ])
        let text = dom.stdout
        let start = try #require(text.range(of: "<pre id=\"probe\">"), "no probe in \(text.suffix(500)) \(dom.stderr.suffix(1000))")
        let end = try #require(text.range(of: "</pre>", range: start.upperBound..<text.endIndex))
        let jsonText = String(text[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        let layout = try JSONDecoder().decode(Probe.self, from: Data(jsonText.utf8))
        let names = ["score-chart", "timeline-chart", "levels-chart", "parts-chart"]
        for (which, l) in [("desktop", layout.wide), ("phone", layout.phone)] {
            #expect(l.charts.count == 4, "\(which): \(l.charts.map(\.name))")
            for (chart, name) in zip(l.charts, names) {
                #expect(chart.name.contains(name))
                #expect(chart.width > 300 && chart.height > 100, "\(which) \(name): \(chart.width)×\(chart.height)")
                #expect(chart.marks >= 3 && chart.inside, "\(which) \(name): \(chart.marks) marks, inside \(chart.inside)")
                #expect(chart.smallestText >= 8, "\(which) \(name): text as small as \(chart.smallestText) px")
            }
            // The page itself never scrolls sideways; a chart too wide scrolls inside its box.
            #expect(l.scrollWidth <= l.viewport, "\(which): page is \(l.scrollWidth) px wide in \(l.viewport)")
        }
        #expect(layout.phone.viewport == 375 && layout.wide.charts[0].width > 700)

        // 3. The screenshot shows ink where the charts are.
        let python = try Tools.require(Tools.plainPython, "python3")
        let boxes = layout.wide.charts.filter { $0.y + $0.height < 2600 }.map { [$0.x, $0.y, $0.width, $0.height] }
        #expect(boxes.count >= 3)
        let boxesJSON = String(decoding: try JSONEncoder().encode(boxes), as: UTF8.self)
        let ink = try Tools.python(python, script: pngInk, [shot.path, boxesJSON])
        #expect(ink.status == 0, "\(ink.stderr)")
        struct Ink: Decodable { let width, height: Int; let ink: [Int] }
        let counted = try JSONDecoder().decode(Ink.self, from: ink.stdoutData)
        #expect(counted.width == 1000 && counted.height == 2600)
        for (box, n) in zip(boxes, counted.ink) {
            #expect(Double(n) > box[2] * box[3] * 0.03, "only \(n) non-white pixels in a chart of \(box[2])×\(box[3])")
        }

        // 4. Printed: Chromium makes a PDF of it.
        let pdf = folder.appendingPathComponent("report.pdf")
        let print = try Tools.run(
            chromium,
            Self.chromiumArguments(folder) + [
                "--no-pdf-header-footer", "--print-to-pdf=" + pdf.path,
                report.absoluteString
            ])
        #expect(print.status == 0)
        let pdfData = try Data(contentsOf: pdf)
        #expect(pdfData.prefix(5) == Data("%PDF-".utf8) && pdfData.count > 20_000)
    }

    @Test("the report is one self-contained file: no script, no URL, nothing to fetch, and a policy that forbids it")
    func selfContained() throws {
        let out = try headway(["export", "report", "--assessment", reference, "--output", "-"])
        #expect(out.status == 0, "\(out.stderr)")
        let page = out.stdout
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.hasSuffix("</html>\n"))
        for banned in ["<script", "http://", "https://", "src=", "href=", "@import", "url(", "@font-face"] {
            #expect(!page.contains(banned), "the report contains \(banned)")
        }
        #expect(page.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""))
        #expect(page.components(separatedBy: "<svg class=\"chart-svg").count - 1 == 4)
        #expect(page.contains("@media print") && page.contains("@media (max-width:600px)"))
        // The four parts of seed 004's worked example are the explanation's numbers.
        #expect(page.contains("base 36.7 + evidence 8.7 + barriers 1.0 + growth 2.7"))
    }
}

/// Issue 25.13: the report of a plan made `--toward` a role mixed its scores with the own
/// role's, never named the target, and was titled by the plan's length, not the programme.
@Suite("The HTML report of a move and of a replanned programme")
struct ReportTowardTests {
    @Test("a plan toward a role: the header and a card name the target, the own-role chart draws no projection of it")
    func namesTheTarget() throws {
        let out = try headway(["export", "report", "--assessment", ExportedPlanIsThePlanTests.file, "--output", "-"])
        #expect(out.status == 0, "\(out.stderr)")
        let page = out.stdout
        #expect(page.contains("Platform Engineer (mid) · a plan toward AI Platform Engineer"))
        let plan = try json(try headway(["plan", "--assessment", ExportedPlanIsThePlanTests.file, "--json"]).stdout)
        let projected = try #require(plan["projected_score"] as? Double)
        #expect(
            page.contains("In AI Platform Engineer, the plan&#39;s aim</div><div class=\"value\" style=\"color:#b38600\">\(String(format: "%.1f", projected))"))
        #expect(page.contains("its projection there is in the cards above, not on this chart"))
        #expect(!page.contains("stroke-dasharray"), "no dashed projection line on the own role's chart")
        #expect(page.contains("Projected in AI Platform Engineer"))
    }

    @Test("a replanned programme is titled by its weeks in the programme")
    func programmeWeeks() throws {
        let db = scratchDatabase()
        #expect(try headway(["profile", "new", "ana", "--from", reference, "--as-of", "2026-11-23"], db: db).status == 0)
        #expect(try headway(["plan", "--as-of", "2026-11-23"], db: db).status == 0)
        #expect(try headway(["replan", "--as-of", "2026-12-08"], db: db).status == 0)
        let out = try headway(["export", "report", "--output", "-", "--as-of", "2026-12-08"], db: db)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains(">Weeks 3–12 of 12</div>"), "the plan card names the programme's weeks")
        #expect(out.stdout.contains("<h2>Weeks 3–12 of 12-week programme</h2>"))
    }

    @Test("the report lists each started week's planned and logged hours as progress does, and each activity as plain text")
    func hoursByWeekAgreeWithProgress() throws {
        let db = scratchDatabase()
        let holiday = repoRoot.appendingPathComponent("Fixtures/assessments/holiday-week-5.yaml").path
        _ = try headway(["profile", "new", "ana", "--from", holiday, "--as-of", "2026-11-23"], db: db)
        _ = try headway(["plan", "--as-of", "2026-11-23"], db: db)
        #expect(try headway(["log", "fp8-transformer-engine:1", "4", "done", "--as-of", "2026-11-26"], db: db).status == 0)
        #expect(try headway(["log", "infiniband-roce:2", "3", "--as-of", "2026-12-03"], db: db).status == 0)
        let day = "2026-12-23"
        let html = try headway(["export", "report", "-o", "-", "--as-of", day], db: db).stdout
        let progress = try json(try headway(["progress", "--json", "--as-of", day], db: db).stdout)
        let weeks = progress["weeks"] as? [[String: Any]] ?? []
        #expect(weeks.count == 5)
        let section = try #require(html.range(of: "<h2>Hours by week</h2>").map { String(html[$0.upperBound...]) })
        for w in weeks {
            let row =
                "<tr><td class=\"wk\">\(w["week"] as! Int)<br><span class=\"h\">\(w["start"] as! String)</span></td>"
                + "<td class=\"num\">\(format(w["planned"] as! Double))</td><td class=\"num\">\(format(w["logged"] as! Double))</td>"
            #expect(section.contains(row), "\(row)")
        }
        #expect(section.contains("7 h logged of 24 h planned"))
        // GRDB's `[SQL].joined()` once won the type inference of these lists.
        #expect(!html.contains("SQL("))
        let plan = try json(try headway(["plan", "show", "--json", "--as-of", day], db: db).stdout)
        let texts = (plan["weeks"] as? [[String: Any]] ?? []).flatMap { ($0["items"] as? [[String: Any]]) ?? [] }
            .flatMap { ($0["activities"] as? [String]) ?? [] }
        #expect(!texts.isEmpty)
        for t in texts.prefix(6) {
            let escaped = t.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "'", with: "&#39;")
            #expect(html.contains("<li>\(escaped) <span"), "\(t)")
        }
    }

}
