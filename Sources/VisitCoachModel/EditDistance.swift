/// Levenshtein distance between two strings, counted in characters: how "did you mean"
/// suggestions pick the nearest key, id or command.
public enum EditDistance {
  public static func between(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var row = Array(0...b.count)
    for i in 1...a.count {
      var diagonal = row[0]
      row[0] = i
      for j in 1...b.count {
        let above = row[j]
        row[j] = min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1))
        diagonal = above
      }
    }
    return row[b.count]
  }

  /// The candidate nearest to `word`, if any.
  public static func nearest(to word: String, in candidates: some Sequence<String>) -> String? {
    candidates.min { between(word, $0) < between(word, $1) }
  }
}
