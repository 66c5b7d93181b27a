/// An Aho-Corasick automaton over UTF-8 bytes: finds every occurrence of every pattern in one
/// pass over the text, whatever the number of patterns.
///
/// The transition table is dense (256 entries per state), which trades a few MB for a single
/// array load per input byte. Patterns must already be normalised (see ``TextNormalizer``);
/// matching bytes is safe for CJK because UTF-8 is self-synchronising, so a pattern can only
/// match at character boundaries.
public struct PhraseAutomaton: Sendable {
  /// An occurrence of a pattern: its index and the byte range it covers.
  public struct Match: Sendable, Hashable {
    public var pattern: Int
    public var start: Int
    public var end: Int
  }

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
    var goto: [[Int32]] = [[Int32](repeating: -1, count: 256)]
    var terminal: [[Int32]] = [[]]
    for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
      var state = 0
      for byte in pattern.utf8 {
        let next = goto[state][Int(byte)]
        if next >= 0 {
          state = Int(next)
        } else {
          goto.append([Int32](repeating: -1, count: 256))
          terminal.append([])
          goto[state][Int(byte)] = Int32(goto.count - 1)
          state = goto.count - 1
        }
      }
      terminal[state].append(Int32(index))
    }
    // Breadth-first: fill failure links and complete the transition function.
    let count = goto.count
    var fail = [Int](repeating: 0, count: count)
    var table = [Int32](repeating: 0, count: count * 256)
    var order: [Int] = []
    order.reserveCapacity(count)
    for byte in 0..<256 {
      let next = goto[0][byte]
      if next > 0 {
        fail[Int(next)] = 0
        order.append(Int(next))
        table[byte] = next
      }
    }
    var head = 0
    while head < order.count {
      let state = order[head]
      head += 1
      terminal[state] += terminal[fail[state]]
      for byte in 0..<256 {
        let next = goto[state][byte]
        if next > 0 {
          fail[Int(next)] = Int(table[fail[state] * 256 + byte])
          order.append(Int(next))
          table[state * 256 + byte] = next
        } else {
          table[state * 256 + byte] = table[fail[state] * 256 + byte]
        }
      }
    }
    var starts = [Int32](repeating: 0, count: count + 1)
    var flat: [Int32] = []
    for state in 0..<count {
      starts[state] = Int32(flat.count)
      flat += terminal[state]
    }
    starts[count] = Int32(flat.count)
    transitions = table
    outputStart = starts
    outputs = flat
  }

  /// The number of automaton states (for diagnostics and benchmarks).
  public var stateCount: Int { outputStart.count - 1 }

  /// Calls `body` for every occurrence, in order of end position.
  public func forEachMatch(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Match) -> Void) {
    var state = 0
    transitions.withUnsafeBufferPointer { table in
      outputStart.withUnsafeBufferPointer { starts in
        outputs.withUnsafeBufferPointer { outs in
          for position in 0..<bytes.count {
            state = Int(table[state &* 256 &+ Int(bytes[position])])
            let from = Int(starts[state])
            let to = Int(starts[state + 1])
            if from == to { continue }
            for k in from..<to {
              let pattern = Int(outs[k])
              body(Match(pattern: pattern, start: position + 1 - lengths[pattern], end: position + 1))
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
    text.withUTF8 { bytes in forEachMatch(in: bytes) { found.append($0) } }
    return found
  }
}
