extension Array where Element: Comparable {
  /// Sorts the array and keeps one of each value (n-gram keys, grams).
  mutating func sortUnique() {
    sort()
    var write = 0
    for read in indices where write == 0 || self[read] != self[write - 1] {
      self[write] = self[read]
      write += 1
    }
    removeLast(count - write)
  }
}
