/// "Did you mean": the one place that decides how far apart two spellings are and when a known
/// key, id or name is near enough to a written one to be suggested.
public enum EditDistance {
  /// Edit distance in characters, counting a swap of two neighbouring characters as one edit
  /// (`whne` is one typo from `when`, not two): the optimal string alignment distance.
  public static func between(_ a: String, _ b: String) -> Int {
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

  /// The candidate nearest to `word`, if it is close enough to be a typo of it: at most a third
  /// of the shorter spelling's length in edits (at least one). Failing that, the one candidate
  /// the word begins (`busy-morning` for `busy-morning-rush`), when it has three characters or
  /// more.
  public static func nearest(to word: String, in candidates: some Sequence<String>) -> String? {
    var best: (String, Int)?
    var extending: [String] = []
    for candidate in candidates {
      let d = between(word, candidate)
      if d <= max(1, min(word.count, candidate.count) / 3), best == nil || d < best!.1 {
        best = (candidate, d)
      }
      if word.count >= 3 && candidate.hasPrefix(word) && candidate != word {
        extending.append(candidate)
      }
    }
    return best?.0 ?? (extending.count == 1 ? extending[0] : nil)
  }
}
