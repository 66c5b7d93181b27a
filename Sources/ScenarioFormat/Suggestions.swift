import VisitCoachModel

/// "Did you mean" help for misspelt keys and ids: the suggestion is a value the wording shows.
enum Suggestions {
  /// The candidate closest to `word` by edit distance, if it is close enough to be a typo.
  static func nearest(_ word: String, in candidates: some Sequence<String>) -> String? {
    var best: (String, Int)?
    for candidate in candidates {
      let d = distance(word, candidate)
      if d <= max(1, min(word.count, candidate.count) / 3), best == nil || d < best!.1 {
        best = (candidate, d)
      }
    }
    return best?.0
  }

  /// Edit distance counting a swap of two neighbouring characters as one edit (`whne` is one
  /// typo from `when`, not two): the optimal string alignment distance.
  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var before = [Int](repeating: 0, count: b.count + 1)  // row i - 2
    var previous = Array(0...b.count)  // row i - 1
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], before[j - 2] + 1)
        }
      }
      (before, previous, current) = (previous, current, before)
    }
    return previous[b.count]
  }
}
