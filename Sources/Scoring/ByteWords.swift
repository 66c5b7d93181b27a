/// Small byte-level helpers for the frames read in normalised UTF-8 text (reported speech,
/// challenges to a rule).
enum ByteWords {
  /// The length of the first word of `words` found at `at`, if one is there.
  static func match(_ words: [[UInt8]], _ bytes: UnsafeBufferPointer<UInt8>, at: Int) -> Int? {
    guard at >= 0 else { return nil }
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
