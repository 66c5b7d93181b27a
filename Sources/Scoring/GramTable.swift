/// A fixed table from packed gram (``LearnedFeatures``) to a range of entries, with open
/// addressing over flat arrays: an utterance's grams are each looked up once per turn against
/// about 30,000 grams, where a `Dictionary` spent most of its time hashing and probing buckets
/// of generic storage.
struct GramTable: Sendable {
  /// Each slot's gram plus one (0: an empty slot), and the range of its entries.
  private let keys: [UInt64]
  private let starts: [Int32]
  private let ends: [Int32]
  private let mask: Int

  /// The table holding `ranges`.
  init(_ ranges: [UInt64: Range<Int>]) {
    var capacity = 16
    while capacity < ranges.count * 2 { capacity *= 2 }
    var keys = [UInt64](repeating: 0, count: capacity)
    var starts = [Int32](repeating: 0, count: capacity)
    var ends = [Int32](repeating: 0, count: capacity)
    let mask = capacity - 1
    for (gram, range) in ranges {
      var slot = Self.slot(of: gram, mask: mask)
      while keys[slot] != 0 { slot = (slot + 1) & mask }
      keys[slot] = gram &+ 1
      starts[slot] = Int32(range.lowerBound)
      ends[slot] = Int32(range.upperBound)
    }
    self.keys = keys
    self.starts = starts
    self.ends = ends
    self.mask = mask
  }

  /// The entries of `gram`, or nil when no model weighs it.
  subscript(gram: UInt64) -> Range<Int>? {
    let key = gram &+ 1
    var slot = Self.slot(of: gram, mask: mask)
    return keys.withUnsafeBufferPointer { keys in
      while true {
        let stored = keys[slot]
        if stored == key { return Int(starts[slot])..<Int(ends[slot]) }
        if stored == 0 { return nil }
        slot = (slot &+ 1) & mask
      }
    }
  }

  /// A gram's first slot: the high bits of a multiplicative hash (grams are characters packed
  /// 21 bits apart, so their low bits alone would crowd).
  private static func slot(of gram: UInt64, mask: Int) -> Int {
    Int(truncatingIfNeeded: (gram &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
  }
}
