/// "Did you mean" help for misspelt keys and ids.
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

  /// " (did you mean 'x'?)" or "", for appending to a message.
  static func hint(_ word: String, in candidates: some Sequence<String>) -> String {
    nearest(word, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
  }

  /// `'a', 'b', 'c'` for listing valid choices.
  static func list(_ items: some Sequence<String>) -> String {
    let sorted = items.sorted()
    return sorted.isEmpty ? "(none)" : sorted.map { "'\($0)'" }.joined(separator: ", ")
  }

  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        current[j] = min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
