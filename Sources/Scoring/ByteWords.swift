/// Small byte-level helpers for the frames read in normalised UTF-8 text (reported speech,
/// challenges to a rule).
struct ByteWords: Sendable {
  let words: [[UInt8]]
  /// The three-byte lead characters the words start with, as 24-bit keys: most places in a
  /// text start none of them, and are passed over with one lookup.
  private let leads: Set<UInt32>

  init(_ words: [String]) {
    self.words = words.map { Array($0.utf8) }
    leads = Set(self.words.compactMap { $0.count >= 3 ? Self.key($0[0], $0[1], $0[2]) : nil })
  }

  @inline(__always) private static func key(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt32 {
    UInt32(a) << 16 | UInt32(b) << 8 | UInt32(c)
  }

  /// The length of the first of the words found at `at`, if one is there.
  func match(_ bytes: UnsafeBufferPointer<UInt8>, at: Int) -> Int? {
    guard at >= 0, at + 3 <= bytes.count, bytes[at] >= 0xE0,
      leads.contains(Self.key(bytes[at], bytes[at + 1], bytes[at + 2]))
    else { return nil }
    for word in words where at + word.count <= bytes.count {
      var k = 0
      while k < word.count && bytes[at + k] == word[k] { k += 1 }
      if k == word.count { return word.count }
    }
    return nil
  }

  /// One flag per byte, set inside `spans`; empty when there are none (the common case costs
  /// nothing).
  static func marks(_ spans: [Range<Int>], count: Int) -> [Bool] {
    guard !spans.isEmpty else { return [] }
    var marked = Array(repeating: false, count: count)
    for span in spans {
      for i in span { marked[i] = true }
    }
    return marked
  }
}
