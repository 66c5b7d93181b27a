import VisitCoachModel

/// A gapped phrase compiled into the parts the automaton finds.
struct GappedPattern: Sendable {
  /// The automaton patterns each part may be (its alternatives), part by part in order.
  let parts: [[Int32]]
}

/// One part of a gapped pattern that an automaton pattern stands for.
struct GapPart: Sendable {
  var gapped: Int32
  var position: Int32
}

extension GappedPattern {
  /// Appends to `found` one occurrence of the gapped phrase numbered `pattern` for each
  /// occurrence of its first part that the other parts follow in order, within the clause and
  /// within ``GappedPhrases/maxGap`` characters of each other. `hits` holds the occurrences of
  /// this phrase's parts, sorted by position then start. Linear in the number of occurrences:
  /// each later part keeps a cursor that only moves forward, because a later first part can
  /// only need later continuations.
  static func resolve(
    _ hits: ArraySlice<(gapped: Int32, position: Int32, start: Int32, end: Int32)>,
    partCount: Int,
    pattern: Int, bytes: UnsafeBufferPointer<UInt8>, into found: inout [PhraseAutomaton.Match]
  ) {
    // Where each part's occurrences begin in `hits`, and each later part's cursor: on the stack
    // (this runs for every gapped phrase whose parts occur, in every utterance).
    withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * partCount + 1) { scratch in
      let bounds = UnsafeMutableBufferPointer(rebasing: scratch[0...partCount])
      let cursor = UnsafeMutableBufferPointer(rebasing: scratch[(partCount + 1)...])
      for k in 0...partCount { bounds[k] = hits.endIndex }
      for i in hits.indices.reversed() { bounds[Int(hits[i].position)] = i }
      for k in stride(from: partCount - 1, through: 0, by: -1) where bounds[k] > bounds[k + 1] {
        bounds[k] = bounds[k + 1]
      }
      for k in 0..<partCount { cursor[k] = bounds[k] }
      for first in bounds[0]..<bounds[1] {
        var reach = Int(hits[first].end)
        var complete = true
        for k in 1..<partCount {
          while cursor[k] < bounds[k + 1] && Int(hits[cursor[k]].start) < reach { cursor[k] += 1 }
          // A negator in the gap denies the part after it: 我们没送错 is not 我们…送错. A
          // clause boundary (a part written as a comma) is never denied: the condition before
          // it (不订…，) is part of the frame; nor is a sentence-final particle, which belongs to
          // the whole sentence (您不会觉得我们服务不好吧 is still 不会觉得我们…吧).
          guard cursor[k] < bounds[k + 1],
            withinGap(bytes, from: reach, to: Int(hits[cursor[k]].start)),
            isBoundary(hits[cursor[k]], bytes) || isFinalParticle(hits[cursor[k]], bytes)
              || !NegationGuard.isNegated(
                bytes, before: Int(hits[cursor[k]].start), notBefore: reach)
          else {
            complete = false
            break
          }
          reach = Int(hits[cursor[k]].end)
        }
        if complete {
          found.append(
            PhraseAutomaton.Match(pattern: pattern, start: Int(hits[first].start), end: reach))
        }
      }
    }
  }

  /// The sentence-final particles (吧 吗 呢 嘛 啊 呀) as UTF-8.
  private static let finalParticles: [[UInt8]] = ["吧", "吗", "呢", "嘛", "啊", "呀"].map {
    Array($0.utf8)
  }

  /// Whether the occurrence is one sentence-final particle.
  private static func isFinalParticle(
    _ hit: (gapped: Int32, position: Int32, start: Int32, end: Int32),
    _ bytes: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    let start = Int(hit.start)
    guard hit.end - hit.start == 3 else { return false }
    return finalParticles.contains {
      $0[0] == bytes[start] && $0[1] == bytes[start + 1] && $0[2] == bytes[start + 2]
    }
  }

  /// Whether the occurrence is a clause boundary (a part written as punctuation).
  private static func isBoundary(
    _ hit: (gapped: Int32, position: Int32, start: Int32, end: Int32),
    _ bytes: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    hit.end - hit.start == 1 && bytes[Int(hit.start)] == UInt8(ascii: "|")
  }

  /// Whether `bytes[from..<to]` is at most ``GappedPhrases/maxGap`` characters with no clause
  /// boundary or quotation mark.
  private static func withinGap(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
    guard to - from <= 4 * GappedPhrases.maxGap else { return false }
    var characters = 0
    for i in from..<to {
      let byte = bytes[i]
      if byte == UInt8(ascii: "|") || byte == TextNormalizer.quote { return false }
      if byte & 0xC0 != 0x80 { characters += 1 }
    }
    return characters <= GappedPhrases.maxGap
  }
}
