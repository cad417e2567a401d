import HeadwayCore
import Testing

@Suite("Days and signal windows")
struct DayTests {
    @Test("parses and prints YYYY-MM-DD exactly", arguments: ["2026-11-22", "2024-02-29", "1970-01-01", "2031-12-31"])
    func roundTrip(text: String) {
        #expect(Day(text)?.description == text)
    }

    @Test(
        "refuses dates that do not exist or are not YYYY-MM-DD",
        arguments: ["2026-02-30", "2025-02-29", "2026-13-01", "26-11-22", "2026-1-2", "yesterday", "", "2026-11-22T00:00"])
    func refuses(text: String) {
        #expect(Day(text) == nil)
    }

    @Test("day arithmetic crosses months and leap years")
    func arithmetic() {
        #expect(Day("2024-02-28")!.adding(days: 1).description == "2024-02-29")
        #expect(Day("2026-11-23")!.adding(days: 83).description == "2027-02-14")
        #expect(Day("1970-01-01")!.ordinal == 0)
    }

    @Test("a window's ramp is 0 before, linear across and 1 after")
    func ramp() {
        let w = Window(from: Day("2026-01-01")!, to: Day("2026-01-11")!)
        #expect(w.ramp(at: Day("2025-12-31")!) == 0)
        #expect(w.ramp(at: Day("2026-01-06")!) == 0.5)
        #expect(w.ramp(at: Day("2026-01-11")!) == 1)
        #expect(w.ramp(at: Day("2027-01-01")!) == 1)
    }
}
