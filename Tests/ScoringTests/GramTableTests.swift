import Testing

@testable import Scoring

@Suite("Gram table")
struct GramTableTests {
  /// The flat table finds exactly what a dictionary of the same grams finds, for grams that
  /// crowd (characters packed 21 bits apart, neighbours in code points) and ones that are absent.
  @Test func findsWhatADictionaryFinds() {
    var ranges: [UInt64: Range<Int>] = [:]
    var next = 0
    let characters: [UInt64] = (0x4E00..<0x4E00 + 90).map(UInt64.init) + [0, 1, 0x1F_FFFF]
    for (i, a) in characters.enumerated() {
      ranges[a] = next..<(next + 1 + i % 3)
      next += 1 + i % 3
      let pair = a << 21 | characters[(i * 7) % characters.count]
      ranges[pair] = next..<(next + 2)
      next += 2
    }
    let table = GramTable(ranges)
    for (gram, range) in ranges { #expect(table[gram] == range) }
    var absent = 0
    for a in characters {
      for b in [0x4E01, 0x6211, 0x3000] as [UInt64] {
        let gram = a << 42 | b << 21 | a
        if ranges[gram] == nil {
          #expect(table[gram] == nil)
          absent += 1
        }
      }
    }
    #expect(absent > 200)
    #expect(GramTable([:])[0x4E00] == nil, "an empty table finds nothing")
  }
}
