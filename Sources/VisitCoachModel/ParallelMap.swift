import Foundation

/// Pure, independent work spread over the machine's cores, with results in order: scoring
/// stored visits, reading a library's files.
public enum ParallelMap {
  /// `body(i)` for every i in 0..<count; `result[i]` is `body(i)`.
  public static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let results = Results<T>(count: count)
    let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, count))
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      var mine: [(Int, T)] = []
      for i in stride(from: worker, to: count, by: workers) { mine.append((i, body(i))) }
      results.store(mine)
    }
    return results.values.map { $0! }
  }

  /// Results written by the workers, each once, under a lock.
  private final class Results<T>: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [T?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func store(_ items: [(Int, T)]) {
      lock.lock()
      defer { lock.unlock() }
      for (i, value) in items { values[i] = value }
    }
  }
}
