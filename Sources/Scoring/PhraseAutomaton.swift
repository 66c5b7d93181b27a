/// An Aho-Corasick automaton over UTF-8 bytes: finds every occurrence of every pattern in one
/// pass over the text, whatever the number of patterns.
///
/// Bytes that occur in some pattern get a class each; all others share class 0 (which always
/// leads back to the root). States are numbered breadth-first. The shallow states (the first
/// ``denseDepth`` bytes of every pattern, where almost every input byte lands) have complete rows
/// in a dense table over byte classes: one array load per byte. The deep states, most of the
/// trie once a lexicon is in, keep only their children and a failure link; a byte that is not
/// one of their children follows failure links down to a shallow state. That keeps the table a
/// few hundred kilobytes instead of states × classes (14 MB for a full lexicon, which took most
/// of start-up to fill and missed the cache on most bytes). Patterns must already be normalised
/// (see ``TextNormalizer``); matching bytes is safe for CJK because UTF-8 is self-synchronising,
/// so a pattern can only match at character boundaries.
public struct PhraseAutomaton: Sendable {
  /// An occurrence of a pattern: its index and the byte range it covers.
  public struct Match: Sendable, Hashable {
    public var pattern: Int
    public var start: Int
    public var end: Int
  }

  /// States up to this many bytes deep get a dense row (one CJK character).
  static let denseDepth = 3

  private let classOf: [UInt8]
  private let classCount: Int
  /// States below `denseCount` have rows in `transitions`.
  private let denseCount: Int
  private let transitions: [Int32]
  /// The children of state s are the states `childStart[s]..<childStart[s + 1]` (breadth-first
  /// numbering keeps them together); `stateClass[c]` is the byte class that leads to state c.
  private let childStart: [Int32]
  private let stateClass: [UInt8]
  private let fail: [Int32]
  private let outputStart: [Int32]
  private let outputs: [Int32]
  private let lengths: [Int]
  /// The patterns, in the order given.
  public let patterns: [String]

  /// Builds the automaton. Empty patterns are kept (so indices stay stable) but never match;
  /// a pattern given twice gets both indices.
  public init(patterns: [String]) {
    var builder = Builder()
    for pattern in patterns { builder.add(Array(pattern.utf8), text: pattern) }
    self.init(builder)
  }

  /// Collects patterns for an automaton, one trie state per distinct byte string, so that a
  /// caller can number its phrases by the trie instead of hashing them (a plan has thousands,
  /// most written into several criteria).
  public struct Builder: Sendable {
    // The trie in order of creation, children as sibling lists in flat arrays; labels are raw
    // bytes until `init(_:)` gives them classes.
    fileprivate var firstChild: [Int32] = [-1]
    fileprivate var nextSibling: [Int32] = [-1]
    fileprivate var label: [UInt8] = [0]
    /// Patterns ending at a state: a list from `patternHead` through `patternNext`, ascending.
    fileprivate var patternHead: [Int32] = [-1]
    fileprivate var patternTail: [Int32] = [-1]
    fileprivate var patternNext: [Int32] = []
    fileprivate var patterns: [String] = []
    fileprivate var lengths: [Int] = []
    // Shallow states have many children (a CJK lead byte has up to 64): they look children
    // up in rows by byte while the trie is built, instead of walking a long sibling list.
    private var shallowRow: [Int32] = [-1]
    private var shallowChildren: [Int32] = []

    public init() {}

    /// The number of patterns so far.
    public var count: Int { patterns.count }

    /// The text of pattern `index`.
    public func text(_ index: Int) -> String { patterns[index] }

    /// The length in bytes of pattern `index`.
    public func length(_ index: Int) -> Int { lengths[index] }

    /// The index of the pattern with these bytes: an earlier one with the same bytes, or a new
    /// one (whose text is the bytes decoded). Empty bytes get a new index that never matches.
    public mutating func index(of bytes: [UInt8]) -> Int {
      let state = walk(bytes)
      if !bytes.isEmpty && patternHead[state] >= 0 { return Int(patternHead[state]) }
      return append(at: state, text: String(decoding: bytes, as: UTF8.self), length: bytes.count)
    }

    /// Adds a pattern, even if one with the same bytes is there; returns its index.
    @discardableResult
    public mutating func add(_ bytes: [UInt8], text: String) -> Int {
      append(at: walk(bytes), text: text, length: bytes.count)
    }

    private mutating func append(at state: Int, text: String, length: Int) -> Int {
      let index = patterns.count
      patterns.append(text)
      lengths.append(length)
      patternNext.append(-1)
      guard length > 0 else { return index }
      if patternTail[state] >= 0 {
        patternNext[Int(patternTail[state])] = Int32(index)
      } else {
        patternHead[state] = Int32(index)
      }
      patternTail[state] = Int32(index)
      return index
    }

    /// The state the bytes lead to, creating states on the way.
    private mutating func walk(_ bytes: [UInt8]) -> Int {
      var state = 0
      for (depth, byte) in bytes.enumerated() {
        var child: Int
        var slot = -1
        if depth < PhraseAutomaton.denseDepth {
          if shallowRow[state] < 0 {
            shallowRow[state] = Int32(shallowChildren.count / 256)
            shallowChildren.append(contentsOf: repeatElement(-1, count: 256))
          }
          slot = Int(shallowRow[state]) * 256 + Int(byte)
          child = Int(shallowChildren[slot])
        } else {
          child = Int(firstChild[state])
          while child >= 0 && label[child] != byte { child = Int(nextSibling[child]) }
        }
        if child < 0 {
          child = label.count
          label.append(byte)
          firstChild.append(-1)
          nextSibling.append(firstChild[state])
          patternHead.append(-1)
          patternTail.append(-1)
          shallowRow.append(-1)
          firstChild[state] = Int32(child)
          if slot >= 0 { shallowChildren[slot] = Int32(child) }
        }
        state = child
      }
      return state
    }
  }

  /// Builds the automaton of the builder's patterns.
  public init(_ builder: Builder) {
    patterns = builder.patterns
    lengths = builder.lengths
    let firstChild = builder.firstChild
    let nextSibling = builder.nextSibling
    let patternHead = builder.patternHead
    let patternNext = builder.patternNext
    // Byte classes: bytes that occur in some pattern (every trie label) get one each.
    var classOf = [UInt8](repeating: 0, count: 256)
    var classCount = 1
    for byte in builder.label.dropFirst() where classOf[Int(byte)] == 0 {
      classOf[Int(byte)] = UInt8(truncatingIfNeeded: classCount)
      classCount += 1
    }
    let label = builder.label.map { classOf[Int($0)] }
    // Breadth-first numbering: shallow before deep, and each state's children side by side.
    let count = label.count
    var order = [Int32](repeating: 0, count: count)
    var depth = [Int](repeating: 0, count: count)
    var childStart = [Int32](repeating: 0, count: count + 1)
    var tail = 1
    for head in 0..<count {
      childStart[head] = Int32(tail)
      var child = Int(firstChild[Int(order[head])])
      while child >= 0 {
        order[tail] = Int32(child)
        depth[tail] = depth[head] + 1
        tail += 1
        child = Int(nextSibling[child])
      }
    }
    childStart[count] = Int32(count)
    let stateClass = order.map { label[Int($0)] }
    let denseCount = depth.firstIndex { $0 > Self.denseDepth } ?? count
    // Failure links, outputs and the dense rows, in breadth-first order: a state's failure
    // state is shallower, so it is complete by the time the state is reached.
    var fail = [Int32](repeating: 0, count: count)
    var table = [Int32](repeating: 0, count: denseCount * classCount)
    var outputStart = [Int32](repeating: 0, count: count + 1)
    var outputs: [Int32] = []
    func step(_ state: Int, _ cls: UInt8) -> Int32 {
      var state = state
      while state >= denseCount {
        for child in Int(childStart[state])..<Int(childStart[state + 1])
        where stateClass[child] == cls {
          return Int32(child)
        }
        state = Int(fail[state])
      }
      return table[state * classCount + Int(cls)]
    }
    for state in 0..<count {
      outputStart[state] = Int32(outputs.count)
      var pattern = Int(patternHead[Int(order[state])])
      while pattern >= 0 {
        outputs.append(Int32(pattern))
        pattern = Int(patternNext[pattern])
      }
      let failState = Int(fail[state])
      if state != 0 {
        for k in Int(outputStart[failState])..<Int(outputStart[failState + 1]) {
          outputs.append(outputs[k])
        }
      }
      let children = Int(childStart[state])..<Int(childStart[state + 1])
      for child in children {
        fail[child] = state == 0 ? 0 : step(failState, stateClass[child])
      }
      if state < denseCount {
        let row = state * classCount
        if state != 0 {
          let failRow = failState * classCount
          for c in 0..<classCount { table[row + c] = table[failRow + c] }
        }
        for child in children { table[row + Int(stateClass[child])] = Int32(child) }
      }
    }
    outputStart[count] = Int32(outputs.count)
    self.classOf = classOf
    self.classCount = classCount
    self.denseCount = denseCount
    transitions = table
    self.childStart = childStart
    self.stateClass = stateClass
    self.fail = fail
    self.outputStart = outputStart
    self.outputs = outputs
  }

  /// The number of automaton states (for diagnostics and benchmarks).
  public var stateCount: Int { outputStart.count - 1 }

  /// Appends every occurrence in `bytes` to `found` (in order of end position).
  public func collect(_ bytes: UnsafeBufferPointer<UInt8>, into found: inout [Match]) {
    var state = 0
    let width = classCount
    let dense = denseCount
    classOf.withUnsafeBufferPointer { classes in
      transitions.withUnsafeBufferPointer { table in
        childStart.withUnsafeBufferPointer { childStart in
          stateClass.withUnsafeBufferPointer { stateClass in
            fail.withUnsafeBufferPointer { fail in
              outputStart.withUnsafeBufferPointer { starts in
                outputs.withUnsafeBufferPointer { outs in
                  for position in 0..<bytes.count {
                    let cls = classes[Int(bytes[position])]
                    // Deep states: a child, or down the failure links to a dense row.
                    var next = -1
                    search: while state >= dense {
                      var k = Int(childStart[state])
                      let end = Int(childStart[state &+ 1])
                      while k < end {
                        if stateClass[k] == cls {
                          next = k
                          break search
                        }
                        k &+= 1
                      }
                      state = Int(fail[state])
                    }
                    state = next >= 0 ? next : Int(table[state &* width &+ Int(cls)])
                    let from = Int(starts[state])
                    let to = Int(starts[state &+ 1])
                    if from == to { continue }
                    for k in from..<to {
                      let pattern = Int(outs[k])
                      found.append(
                        Match(
                          pattern: pattern, start: position + 1 - lengths[pattern],
                          end: position + 1))
                    }
                  }
                }
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
