/// Character-bigram similarity (Dice coefficient) between normalised sentences, used to
/// recognise phrasings close to a rubric's example sentences.
public struct BigramProfile: Sendable, Hashable {
  /// Sorted, unique bigram keys.
  let keys: [UInt64]

  /// The profile of a normalised sentence. A one-character sentence counts as one unigram.
  public init(_ normalized: String) {
    let scalars = normalized.unicodeScalars.map(\.value).filter { $0 != TextNormalizer.boundary.value }
    if scalars.count == 1 {
      keys = [UInt64(scalars[0])]
      return
    }
    var keys: [UInt64] = []
    keys.reserveCapacity(max(0, scalars.count - 1))
    if scalars.count >= 2 {
      for i in 0..<(scalars.count - 1) {
        keys.append(UInt64(scalars[i]) << 32 | UInt64(scalars[i + 1]))
      }
    }
    keys.sort()
    var unique: [UInt64] = []
    unique.reserveCapacity(keys.count)
    for key in keys where unique.last != key { unique.append(key) }
    self.keys = unique
  }

  /// Dice similarity, 0 (nothing shared) to 1 (same bigrams).
  public func similarity(to other: BigramProfile) -> Double {
    if keys.isEmpty || other.keys.isEmpty { return 0 }
    var i = 0
    var j = 0
    var shared = 0
    while i < keys.count && j < other.keys.count {
      if keys[i] == other.keys[j] {
        shared += 1
        i += 1
        j += 1
      } else if keys[i] < other.keys[j] {
        i += 1
      } else {
        j += 1
      }
    }
    return 2 * Double(shared) / Double(keys.count + other.keys.count)
  }
}
