import VisitCoachModel

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

  static func distance(_ a: String, _ b: String) -> Int { EditDistance.between(a, b) }
}
