/// An Aho-Corasick automaton over UTF-8 bytes: finds every occurrence of every pattern in one
/// pass over the text, whatever the number of patterns.
///
/// The transition table is dense over byte classes: bytes that occur in some pattern get a class
/// each, all others share class 0 (which always leads back to the root). That keeps one array
/// load per input byte while the table stays a fraction of 256 entries per state. Patterns must
/// already be normalised (see ``TextNormalizer``); matching bytes is safe for CJK because UTF-8
/// is self-synchronising, so a pattern can only match at character boundaries.
public struct PhraseAutomaton: Sendable {
  /// An occurrence of a pattern: its index and the byte range it covers.
  public struct Match: Sendable, Hashable {
    public var pattern: Int
    public var start: Int
    public var end: Int
  }

  private let classOf: [UInt8]
  private let classCount: Int
  private let transitions: [Int32]
  private let outputStart: [Int32]
  private let outputs: [Int32]
  private let lengths: [Int]
  /// The patterns, in the order given.
  public let patterns: [String]

  /// Builds the automaton. Empty patterns are kept (so indices stay stable) but never match.
  public init(patterns: [String]) {
    self.patterns = patterns
    lengths = patterns.map { $0.utf8.count }
    // Byte classes.
    var classOf = [UInt8](repeating: 0, count: 256)
    var classCount = 1
    for pattern in patterns {
      for byte in pattern.utf8 where classOf[Int(byte)] == 0 {
        classOf[Int(byte)] = UInt8(classCount)
        classCount += 1
      }
    }
    // The trie, with a short list of children per state.
    var children: [[(cls: Int, next: Int32)]] = [[]]
    var terminal: [[Int32]] = [[]]
    for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
      var state = 0
      for byte in pattern.utf8 {
        let cls = Int(classOf[Int(byte)])
        if let next = children[state].first(where: { $0.cls == cls })?.next {
          state = Int(next)
        } else {
          children.append([])
          terminal.append([])
          let next = terminal.count - 1
          children[state].append((cls, Int32(next)))
          state = next
        }
      }
      terminal[state].append(Int32(index))
    }
    // Breadth-first: failure links, outputs and the complete transition table. A state's row
    // starts as a copy of its failure state's row; its own children then override it.
    let count = terminal.count
    var fail = [Int](repeating: 0, count: count)
    var table = [Int32](repeating: 0, count: count * classCount)
    var order: [Int] = []
    order.reserveCapacity(count)
    for (cls, next) in children[0] {
      table[cls] = next
      order.append(Int(next))
    }
    var head = 0
    table.withUnsafeMutableBufferPointer { table in
      while head < order.count {
        let state = order[head]
        head += 1
        terminal[state] += terminal[fail[state]]
        let row = state * classCount
        let failRow = fail[state] * classCount
        for (cls, next) in children[state] {
          fail[Int(next)] = Int(table[failRow + cls])
          order.append(Int(next))
        }
        for c in 0..<classCount { table[row + c] = table[failRow + c] }
        for (cls, next) in children[state] { table[row + cls] = next }
      }
    }
    var starts = [Int32](repeating: 0, count: count + 1)
    var flat: [Int32] = []
    for state in 0..<count {
      starts[state] = Int32(flat.count)
      flat += terminal[state]
    }
    starts[count] = Int32(flat.count)
    self.classOf = classOf
    self.classCount = classCount
    transitions = table
    outputStart = starts
    outputs = flat
  }

  /// The number of automaton states (for diagnostics and benchmarks).
  public var stateCount: Int { outputStart.count - 1 }

  /// Appends every occurrence in `bytes` to `found` (in order of end position).
  public func collect(_ bytes: UnsafeBufferPointer<UInt8>, into found: inout [Match]) {
    var state = 0
    let width = classCount
    classOf.withUnsafeBufferPointer { classes in
      transitions.withUnsafeBufferPointer { table in
        outputStart.withUnsafeBufferPointer { starts in
          outputs.withUnsafeBufferPointer { outs in
            for position in 0..<bytes.count {
              state = Int(table[state &* width &+ Int(classes[Int(bytes[position])])])
              let from = Int(starts[state])
              let to = Int(starts[state + 1])
              if from == to { continue }
              for k in from..<to {
                let pattern = Int(outs[k])
                found.append(
                  Match(pattern: pattern, start: position + 1 - lengths[pattern], end: position + 1)
                )
              }
            }
          }
        }
      }
    }
  }

  /// Every occurrence of every pattern in `text` (which should be normalised).
  public func matches(in text: String) -> [Match] {
    var text = text
    var found: [Match] = []
    text.withUTF8 { bytes in collect(bytes, into: &found) }
    return found
  }
}
