import Reporting
import Testing

/// Wrapping Chinese text to the terminal: two cells per CJK character, no line starting with
/// punctuation or a space, ASCII words kept whole.
@Suite("Wrapping to the terminal")
struct WrappingTests {
  @Test func noLineStartsWithPunctuationOrASpace() {
    let text = "从问候、观察、询问、点库存、理柜台，到告别和录入。/plan 说出目的，/ready 检查仪容仪表。"
    for width in 8...40 {
      let lines = DisplayWidth.wrap(text, width: width)
      for line in lines.dropFirst() {
        let first = line.first.map(String.init) ?? ""
        #expect(!["、", "，", "。", " "].contains(first), "width \(width): \(lines)")
      }
      for line in lines { #expect(DisplayWidth.of(line) <= width + 2, "width \(width): \(line)") }
      // Nothing is lost but the spaces a break replaced.
      #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
    }
  }

  @Test func colourSequencesAreNeverSplitAndTakeNoCells() {
    let green = "\u{1B}[32m"
    let reset = "\u{1B}[0m"
    #expect(DisplayWidth.of(green + "✓ 致谢" + reset) == 6)
    let coach = (1...6).map { green + "✓ 礼貌用语贯穿始终\($0)" + reset }.joined(separator: " ")
    for width in 10...60 {
      for line in DisplayWidth.wrap(coach, width: width) {
        // Every line holds whole sequences: each ESC is followed by [ and ends in m.
        let parts = line.split(separator: "\u{1B}", omittingEmptySubsequences: false).dropFirst()
        for part in parts {
          #expect(
            part.hasPrefix("[") && part.contains("m"), "width \(width): \(line.debugDescription)")
        }
        #expect(!line.hasPrefix("0m") && !line.hasPrefix("[0m"), "width \(width)")
        #expect(DisplayWidth.of(line) <= width, "width \(width): \(line.debugDescription)")
      }
    }
  }

  @Test func asciiWordsStayWhole() {
    let lines = DisplayWidth.wrap("出发前输入 /ready 检查仪表", width: 14)
    #expect(lines.contains { $0.contains("/ready") }, "\(lines)")
  }
}
