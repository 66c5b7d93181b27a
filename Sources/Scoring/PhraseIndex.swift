import VisitCoachModel

/// What a written phrase compiles to: an automaton pattern, a gapped pattern, or nothing.
private enum ResolvedPhrase {
  case nothing
  /// Automaton patterns, more than one for the alternatives of a one-part phrase (a gap mark
  /// at an end of a family's phrase).
  case plain([Int])
  case gapped(Int)
}

/// The words of every check of a scenario compiled for matching: one phrase automaton, the
/// gapped phrases built on its patterns, and for each pattern the checks that use it. This is
/// the expensive part of a ``ScoringPlan`` (thousands of phrases), so a plan can build it in the
/// background while the practice screen is already waiting for the trainee.
struct PhraseIndex: Sendable {
  let automaton: PhraseAutomaton
  /// Gapped phrases, and for each automaton pattern the gapped phrases whose anchor it stands
  /// for (`gapAnchorList[gapAnchorStart[p]..<gapAnchorStart[p + 1]]`). A phrase's anchor is its
  /// most specific part (the one whose shortest alternative is longest), so that a short word
  /// like 您 or 给, a part of thousands of gapped phrases, makes none of them a candidate: only
  /// phrases whose anchor occurred have their other parts looked at.
  let gapped: [GappedPattern]
  let gapAnchorStart: [Int32]
  let gapAnchorList: [GapPart]
  /// Uses of pattern p (plain, then gapped) are `useList[useStart[p]..<useStart[p + 1]]`.
  let useStart: [Int32]
  let useList: [PatternUse]
  /// For each check whose situation the scene shows: the first scene fact that shows it, among
  /// the facts visible on arrival, and among all of them (after `/look`).
  private(set) var sceneSituation: [Int: String] = [:]
  private(set) var sceneSituationAfterLook: [Int: String] = [:]

  /// Compiles the words of `checks`, and reads which situations `scene` shows.
  init(checks: [CompiledCheck], scene: [SceneFact]) {
    // Phrases are numbered by the automaton's trie (the same bytes reach the same state), not
    // hashed: a plan has thousands, most of them written into several criteria.
    var builder = PhraseAutomaton.Builder()
    var uses: [[PatternUse]] = []
    func pattern(_ bytes: [UInt8]) -> Int {
      let index = builder.index(of: bytes)
      if index == uses.count { uses.append([]) }
      return index
    }
    // Gapped phrases: their parts go into the automaton (with no uses of their own unless a
    // plain phrase is the same), the phrase itself into a table after the plain ones.
    var gappedIndex: [[[Int]]: Int] = [:]
    var gapped: [GappedPattern] = []
    var gappedUses: [[PatternUse]] = []
    func resolve(_ phrase: String) -> ResolvedPhrase {
      if !GappedPhrases.mayBeGapped(phrase) {
        let bytes = TextNormalizer.normalizedBytes(phrase)
        return bytes.isEmpty ? .nothing : .plain([pattern(bytes)])
      }
      // Each part with its alternatives, as automaton patterns (deduplicated, in order).
      var key: [[Int]] = []
      for part in GappedPhrases.parts(of: phrase) {
        var options: [Int] = []
        for option in GappedPhrases.alternatives(of: part) {
          let bytes = TextNormalizer.partBytes(option)
          if bytes.isEmpty { continue }
          let index = pattern(bytes)
          if !options.contains(index) { options.append(index) }
        }
        if !options.isEmpty { key.append(options) }
      }
      if key.isEmpty { return .nothing }
      if key.count == 1 { return .plain(key[0]) }
      if let existing = gappedIndex[key] { return .gapped(existing) }
      gappedIndex[key] = gapped.count
      gapped.append(GappedPattern(parts: key.map { $0.map(Int32.init) }))
      gappedUses.append([])
      return .gapped(gapped.count - 1)
    }
    func add(_ phrase: String, _ use: PatternUse) {
      switch resolve(phrase) {
      case .nothing:
        break
      case .plain(let indices):
        for index in indices where !uses[index].contains(use) { uses[index].append(use) }
      case .gapped(let g):
        if !gappedUses[g].contains(use) { gappedUses[g].append(use) }
      }
    }
    for (i, check) in checks.enumerated() {
      let c = check.criterion
      for p in c.phrases.any { add(p, PatternUse(check: i, role: .any)) }
      for (g, group) in c.phrases.all.enumerated() {
        for p in group { add(p, PatternUse(check: i, role: .all(g))) }
      }
      for p in c.phrases.none { add(p, PatternUse(check: i, role: .none)) }
      for p in c.partial.any { add(p, PatternUse(check: i, role: .partialAny)) }
      for (g, group) in c.partial.all.enumerated() {
        for p in group { add(p, PatternUse(check: i, role: .partialAll(g))) }
      }
      for p in c.partial.none { add(p, PatternUse(check: i, role: .partialNone)) }
      if !c.situated.isEmpty {
        for p in c.situated.any { add(p, PatternUse(check: i, role: .situated)) }
        for p in c.situated.when { add(p, PatternUse(check: i, role: .situation)) }
      }
    }
    // Plain patterns are numbered as in the automaton; gapped pattern g is `patterns.count + g`.
    var anchorsOf = Array(repeating: [GapPart](), count: builder.count)
    for (g, entry) in gapped.enumerated() {
      let specificity = entry.parts.map { options in
        options.map { builder.length(Int($0)) }.min() ?? 0
      }
      let anchor = specificity.indices.max { specificity[$0] <= specificity[$1] } ?? 0
      for part in entry.parts[anchor] {
        anchorsOf[Int(part)].append(GapPart(gapped: Int32(g), position: Int32(anchor)))
      }
    }
    self.gapped = gapped
    (gapAnchorStart, gapAnchorList) = Self.flatten(anchorsOf)
    var starts: [Int32] = []
    var list: [PatternUse] = []
    for u in uses + gappedUses {
      starts.append(Int32(list.count))
      list += u
    }
    starts.append(Int32(list.count))
    useStart = starts
    useList = list
    automaton = PhraseAutomaton(builder)
    // The shop shows its situation from the start (a child at the counter): checks whose
    // situation words are in a scene fact, visible on arrival or after `/look`.
    guard checks.contains(where: { !$0.criterion.situated.isEmpty }) else { return }
    for fact in scene {
      for check in situationChecks(in: fact.text) {
        if fact.visibleOnArrival && sceneSituation[check] == nil {
          sceneSituation[check] = fact.text
        }
        if sceneSituationAfterLook[check] == nil { sceneSituationAfterLook[check] = fact.text }
      }
    }
  }

  /// Checks whose situation words occur in `text` (a line the retailer said, a scene fact).
  /// Negation does not matter here: 「他不是小孩」 is still about a child.
  func situationChecks(in text: String) -> Set<Int> {
    var checks = Set<Int>()
    var normalized = TextNormalizer.normalize(text)
    var found: [PhraseAutomaton.Match] = []
    normalized.withUTF8 { collect($0, into: &found) }
    for match in found {
      for u in Int(useStart[match.pattern])..<Int(useStart[match.pattern + 1])
      where useList[u].role == .situation {
        checks.insert(useList[u].check)
      }
    }
    return checks
  }

  /// Appends every phrase occurrence in `bytes` (normalised text) to `found`: the automaton's
  /// matches, then those of gapped phrases (numbered after the automaton's patterns).
  func collect(_ bytes: UnsafeBufferPointer<UInt8>, into found: inout [PhraseAutomaton.Match]) {
    automaton.collect(bytes, into: &found)
    guard !gapped.isEmpty, !found.isEmpty else { return }
    // The occurrences of anchors, then of the other parts of those phrases only.
    var parts: [(gapped: Int32, position: Int32, start: Int32, end: Int32)] = []
    for match in found {
      for u in Int(gapAnchorStart[match.pattern])..<Int(gapAnchorStart[match.pattern + 1]) {
        let part = gapAnchorList[u]
        parts.append((part.gapped, part.position, Int32(match.start), Int32(match.end)))
      }
    }
    guard !parts.isEmpty else { return }
    // The other parts of those phrases, looked up from the phrases' side: a short word such as
    // 您 is a part of thousands of gapped phrases, so walking its uses would cost more than
    // the phrases that can still match. The occurrences by pattern, for binary search.
    var candidates = parts.map { (gapped: $0.gapped, anchor: $0.position) }
    candidates.sort { ($0.gapped, $0.anchor) < ($1.gapped, $1.anchor) }
    var byPattern = found.indices.map { (pattern: Int32(found[$0].pattern), index: Int32($0)) }
    byPattern.sort { ($0.pattern, $0.index) < ($1.pattern, $1.index) }
    var previous: Int32 = -1
    for candidate in candidates where candidate.gapped != previous {
      previous = candidate.gapped
      for (k, options) in gapped[Int(candidate.gapped)].parts.enumerated()
      where k != Int(candidate.anchor) {
        for option in options {
          var i = Self.firstIndex(of: option, in: byPattern)
          while i < byPattern.count && byPattern[i].pattern == option {
            let match = found[Int(byPattern[i].index)]
            parts.append((candidate.gapped, Int32(k), Int32(match.start), Int32(match.end)))
            i += 1
          }
        }
      }
    }
    parts.sort {
      ($0.gapped, $0.position, $0.start, $0.end) < ($1.gapped, $1.position, $1.start, $1.end)
    }
    var from = 0
    while from < parts.count {
      let g = parts[from].gapped
      let partCount = gapped[Int(g)].parts.count
      var to = from
      var present = 0
      var lastPosition: Int32 = -1
      while to < parts.count && parts[to].gapped == g {
        if parts[to].position != lastPosition {
          present += 1
          lastPosition = parts[to].position
        }
        to += 1
      }
      // Only phrases with every part present can match.
      if present == partCount {
        GappedPattern.resolve(
          parts[from..<to], partCount: partCount,
          pattern: automaton.patterns.count + Int(g), bytes: bytes, into: &found)
      }
      from = to
    }
  }

  /// Where the occurrences of `pattern` begin in `byPattern`, sorted by pattern (binary search).
  private static func firstIndex(
    of pattern: Int32, in byPattern: [(pattern: Int32, index: Int32)]
  ) -> Int {
    var low = 0
    var high = byPattern.count
    while low < high {
      let mid = (low + high) / 2
      if byPattern[mid].pattern < pattern { low = mid + 1 } else { high = mid }
    }
    return low
  }

  /// Lists of lists as one flat list with start offsets (`list[start[i]..<start[i + 1]]`).
  private static func flatten<T>(_ lists: [[T]]) -> ([Int32], [T]) {
    var starts: [Int32] = []
    starts.reserveCapacity(lists.count + 1)
    var flat: [T] = []
    flat.reserveCapacity(lists.reduce(0) { $0 + $1.count })
    for list in lists {
      starts.append(Int32(flat.count))
      flat += list
    }
    starts.append(Int32(flat.count))
    return (starts, flat)
  }

  /// Whether pattern `index` is a gapped phrase (numbered after the automaton's patterns).
  func isGapped(_ index: Int) -> Bool { index >= automaton.patterns.count }
}
