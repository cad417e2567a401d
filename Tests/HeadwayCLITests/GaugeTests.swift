import Testing

@testable import HeadwayCLI

@Suite("Progress bars and sparklines")
struct GaugeTests {
    @Test(
        "a bar is always as wide as asked, filled in eighths",
        arguments: [
            (0.0, 10, "          "), (1.0, 10, "██████████"), (0.5, 10, "█████     "),
            (0.05, 10, "▌         "), (0.03, 10, "▎         "), (2.0, 4, "████"), (-1.0, 4, "    "), (Double.nan, 3, "   "), (0.999, 3, "███")
        ] as [(Double, Int, String)])
    func bar(fraction: Double, width: Int, expected: String) {
        #expect(progressBar(fraction, width: width) == expected)
        #expect(progressBar(fraction, width: width).count == width)
    }

    @Test("a bar never shrinks as the fraction grows")
    func monotone() {
        var last = 0
        for i in 0...200 {
            let filled = progressBar(Double(i) / 200, width: 17).filter { $0 != " " }.count
            #expect(filled >= last)
            last = filled
        }
    }

    @Test("a sparkline spans lowest to highest, keeps order, and can share a range")
    func spark() {
        #expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8]) == "▁▂▃▄▅▆▇█")
        #expect(sparkline([49.1, 49.1, 49.1]) == "▄▄▄")
        #expect(sparkline([]) == "")
        #expect(sparkline([0, 100], range: 0...100) == "▁█")
        #expect(sparkline([50], range: 0...100) == "▅")
        #expect(sparkline([1, 2, 3, 4], width: 2) == "▁█")
        #expect(sparkline([1, .nan, 3]) == "▁ █")
    }
}
