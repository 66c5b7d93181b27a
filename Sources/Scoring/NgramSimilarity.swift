/// Character-bigram similarity (Dice coefficient) between normalised sentences, used to
/// recognise phrasings close to a rubric's example sentences.
public struct BigramProfile: Sendable, Hashable {
  /// Sorted, unique bigram keys.
  let keys: [UInt64]

  /// The profile of a normalised sentence. A one-character sentence counts as one unigram.
  public init(_ normalized: String) {
    var keys: [UInt64] = []
    keys.reserveCapacity(normalized.utf8.count / 3 + 1)
    var previous: UInt32?
    var only: UInt32 = 0
    var count = 0
    for scalar in normalized.unicodeScalars where scalar != TextNormalizer.boundary {
      if let p = previous { keys.append(UInt64(p) << 32 | UInt64(scalar.value)) }
      previous = scalar.value
      only = scalar.value
      count += 1
    }
    if count == 1 {
      self.keys = [UInt64(only)]
      return
    }
    keys.sortUnique()
    self.keys = keys
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
