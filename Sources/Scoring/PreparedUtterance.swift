import VisitCoachModel

/// The phrase hits of one check in one utterance.
struct CheckHit: Sendable {
  var any = false
  var none = false
  var partialAny = false
  var partialNone = false
  /// Bit g set: a phrase of `all` group g occurred.
  var groups: UInt64 = 0
  var partialGroups: UInt64 = 0
  /// A situated word, and a word of the situation, occurred.
  var situated = false
  var situation = false

  var isEmpty: Bool {
    !any && !none && !partialAny && !partialNone && groups == 0 && partialGroups == 0
      && !situated && !situation
  }
}

/// An utterance normalised and run through the phrase automaton once, so that phase detection
/// and scoring share the work.
public struct PreparedUtterance: Sendable {
  /// The normalised text.
  public let normalized: String
  /// Hits of the checks that had any, sorted by check index.
  let hits: [(check: Int, hit: CheckHit)]
  /// Every phrase occurrence that counted towards a check: for evidence and stuffing. The
  /// occurrences of a check's `partial` phrases are dropped where the check has words of its
  /// full `match` too (您好 is no evidence of 称呼得体 beside 王老板, nor a place of its own).
  let matched: [(check: Int32, pattern: Int32, start: Int32, end: Int32)]
  /// Phrase occurrences the negation guard set aside (不会…回话), for `explain`.
  let negated: [(check: Int32, pattern: Int32, start: Int32, end: Int32)]
  /// Penalty phrase occurrences in someone else's reported words (人家问不伤身的), for
  /// `explain`.
  let reportedByOthers: [(check: Int32, pattern: Int32, start: Int32, end: Int32)]
  /// Phrase occurrences in a clause that challenges a rule (谁说非得按价签卖), for `explain`.
  let challengedByFrame: [(check: Int32, pattern: Int32, start: Int32, end: Int32)]
  /// Bytes of text, clause boundaries excluded.
  let textLength: Int
  /// Clauses with text in them (the stretches between clause boundaries).
  let clauseCount: Int
  /// The utterance's grams and each learned model's log-odds for them (empty when the plan has
  /// no learned model).
  let learnedGrams: [UInt64]
  let learnedLogOdds: [Double]
  /// The steps the analysis took (bytes read, phrase occurrences and their uses, negation
  /// checks): a measure of cost that tests can compare across input sizes without timing.
  public let work: Int

  init(_ text: String, plan: ScoringPlan) {
    var work = 0
    var normalized = TextNormalizer.normalize(text)
    var hits: [(check: Int, hit: CheckHit)] = []
    var matched: [(check: Int32, pattern: Int32, start: Int32, end: Int32)] = []
    var partlyMatched: [(check: Int32, pattern: Int32, start: Int32, end: Int32)] = []
    var negatedMatches: [(check: Int32, pattern: Int32, start: Int32, end: Int32)] = []
    var reportedMatches: [(check: Int32, pattern: Int32, start: Int32, end: Int32)] = []
    var challengedMatches: [(check: Int32, pattern: Int32, start: Int32, end: Int32)] = []
    var boundaries = 0
    var clauses = 0
    var grams: [UInt64] = []
    normalized.withUTF8 { bytes in
      var inClause = false
      for byte in bytes {
        if byte == UInt8(ascii: "|") || byte == TextNormalizer.quote {
          boundaries += 1
          inClause = false
        } else if !inClause {
          clauses += 1
          inClause = true
        }
      }
      work += 2 * bytes.count  // this count and the automaton pass
      var found: [PhraseAutomaton.Match] = []
      let phrases = plan.phrases
      phrases.collect(bytes, into: &found)
      guard !found.isEmpty || !plan.learned.isEmpty else { return }
      // Quoted and reported words, found once for the phrases and the learned models.
      let quotedSpans = Self.quotedSpans(bytes)
      let reportedSpans = ReportedSpeech.spans(bytes)
      if !plan.learned.isEmpty {
        grams = LearnedFeatures.grams(normalized: bytes, skipping: quotedSpans + reportedSpans)
        work += bytes.count + grams.count
      }
      guard !found.isEmpty else { return }
      // What is inside quotation marks is reported speech, not the trainee's own act
      // (我绝不会说"跟我没关系"这种话): phrases there count for nothing. Marked per byte, so
      // an utterance full of quotation marks costs no more than one without.
      let quoted = ByteWords.marks(quotedSpans, count: bytes.count)
      // Someone else's words reported without quotation marks (人家问不伤身的): a fault there
      // is not the trainee's. Credit still counts (a customer's praise passed on is praise).
      let reported = ByteWords.marks(reportedSpans, count: bytes.count)
      // A clause that challenges a rule (谁说非得按价签卖): its words are no reminder and no
      // advice; a fault's own words there still count.
      let challenged = ByteWords.marks(RhetoricalQuestion.spans(bytes), count: bytes.count)
      for marks in [quoted, reported, challenged] where !marks.isEmpty { work += bytes.count }
      // Keyed by start byte: many phrases can start at one place, and a long utterance has
      // many places, so a list searched linearly made scoring quadratic in length.
      var negationCache: [Int: Bool] = [:]
      matched.reserveCapacity(found.count)
      for match in found {
        work += 1
        if !quoted.isEmpty && quoted[match.start] { continue }
        // 要不 in 要不要多订一条: half of a question is not the word.
        if NegationGuard.endsInsideAskingPair(bytes, end: match.end) { continue }
        // 给您换不了: the verb the phrase ends on is denied by what follows it.
        let deniedAfter = NegationGuard.isDeniedAfter(bytes, end: match.end)
        let first = Int(phrases.useStart[match.pattern])
        let last = Int(phrases.useStart[match.pattern + 1])
        for u in first..<last {
          work += 1
          let use = phrases.useList[u]
          if !reported.isEmpty && reported[match.start] && plan.flags[use.check].isPenalty {
            reportedMatches.append(
              (Int32(use.check), Int32(match.pattern), Int32(match.start), Int32(match.end)))
            continue
          }
          if !challenged.isEmpty && challenged[match.start] && use.role != .situation
            && (!plan.flags[use.check].isPenalty || use.role == .none || use.role == .partialNone)
          {
            challengedMatches.append(
              (Int32(use.check), Int32(match.pattern), Int32(match.start), Int32(match.end)))
            continue
          }
          if use.role != .situation && plan.flags[use.check].negationGuard {
            let negated: Bool
            if let known = negationCache[match.start] {
              negated = known
            } else {
              negated = NegationGuard.isNegated(bytes, before: match.start)
              negationCache[match.start] = negated
              work += NegationGuard.scope + 1
            }
            if negated || deniedAfter {
              negatedMatches.append(
                (Int32(use.check), Int32(match.pattern), Int32(match.start), Int32(match.end)))
              continue
            }
          }
          var slot = 0
          while slot < hits.count && hits[slot].check < use.check { slot += 1 }
          work += slot
          if slot == hits.count || hits[slot].check != use.check {
            hits.insert((use.check, CheckHit()), at: slot)
          }
          switch use.role {
          case .any: hits[slot].hit.any = true
          case .all(let g): hits[slot].hit.groups |= 1 << UInt64(g)
          case .none: hits[slot].hit.none = true
          case .partialAny: hits[slot].hit.partialAny = true
          case .partialAll(let g): hits[slot].hit.partialGroups |= 1 << UInt64(g)
          case .partialNone: hits[slot].hit.partialNone = true
          case .situated: hits[slot].hit.situated = true
          case .situation: hits[slot].hit.situation = true
          }
          switch use.role {
          case .none, .partialNone, .situation:
            break
          case .partialAny, .partialAll:
            partlyMatched.append(
              (Int32(use.check), Int32(match.pattern), Int32(match.start), Int32(match.end)))
          default:
            matched.append(
              (Int32(use.check), Int32(match.pattern), Int32(match.start), Int32(match.end)))
          }
        }
      }
    }
    if !partlyMatched.isEmpty {
      let full = Set(matched.map(\.check))
      // Appended after the others: a check's own occurrences stay in order of appearance.
      matched += partlyMatched.filter { !full.contains($0.check) }
    }
    self.normalized = normalized
    learnedGrams = grams
    learnedLogOdds = plan.learned.isEmpty ? [] : plan.learned.logOdds(grams)
    self.work = work
    self.hits = hits
    self.matched = matched
    negated = negatedMatches
    reportedByOthers = reportedMatches
    challengedByFrame = challengedMatches
    textLength = normalized.utf8.count - boundaries
    clauseCount = clauses
  }

  /// How many clauses hold an occurrence of check `check`'s words (clauses are separated by
  /// clause boundaries and quotation marks, as in ``clauseCount``).
  func clausesWithWords(of check: Int) -> Int {
    let starts = matched.filter { $0.check == Int32(check) }.map { Int($0.start) }.sorted()
    guard !starts.isEmpty else { return 0 }
    var clauses = Set<Int>()
    var clause = 0
    var next = 0
    normalized.utf8.enumerated().forEach { offset, byte in
      while next < starts.count && starts[next] == offset {
        clauses.insert(clause)
        next += 1
      }
      if byte == UInt8(ascii: "|") || byte == TextNormalizer.quote { clause += 1 }
    }
    return clauses.count
  }

  /// Byte ranges of reported speech: between paired quotation marks (an unpaired last mark
  /// quotes nothing), unless the trainee tells the retailer to say or write the quoted words
  /// (您就跟他说"…", 牌子上写"…") or takes them up ("…"，您就这么讲; 人家说得对，"…"): those
  /// are the trainee's own act, and count.
  public static func quotedSpans(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    var spans: [Range<Int>] = []
    var open: Int?
    for (i, byte) in bytes.enumerated() where byte == TextNormalizer.quote {
      if let from = open {
        if !QuotedInstruction.introduces(bytes, quoteAt: from)
          && !QuotedInstruction.endorses(bytes, open: from, close: i)
        {
          spans.append(from..<i)
        }
        open = nil
      } else {
        open = i
      }
    }
    return spans
  }

  /// The hit of check `index`, if it had one.
  func hit(_ index: Int) -> CheckHit? {
    for entry in hits where entry.check == index { return entry.hit }
    return nil
  }

  /// The distinct phrases that counted towards check `index`, in order of appearance; for a
  /// gapped phrase, the words said from its first part to its last (下午给您订两条).
  func words(for index: Int, plan: ScoringPlan) -> [String] {
    words(of: matched, for: index, plan: plan, longestOnly: false)
  }

  /// The same, as evidence shows them: a phrase inside a longer one found at the same place
  /// adds nothing (不可能 in 这不可能, 周三 in 周三前).
  func evidenceWords(for index: Int, plan: ScoringPlan) -> [String] {
    words(of: matched, for: index, plan: plan, longestOnly: true)
  }

  /// The distinct penalty phrases of check `index` found in someone else's reported words.
  func reportedWords(for index: Int, plan: ScoringPlan) -> [String] {
    words(of: reportedByOthers, for: index, plan: plan, longestOnly: true)
  }

  /// The distinct phrases of check `index` set aside in a clause that challenges a rule.
  func challengedWords(for index: Int, plan: ScoringPlan) -> [String] {
    words(of: challengedByFrame, for: index, plan: plan, longestOnly: true)
  }

  /// The distinct phrases of check `index` that the negation guard set aside.
  func negatedWords(for index: Int, plan: ScoringPlan) -> [String] {
    words(of: negated, for: index, plan: plan, longestOnly: true)
  }

  private func words(
    of occurrences: [(check: Int32, pattern: Int32, start: Int32, end: Int32)], for index: Int,
    plan: ScoringPlan, longestOnly: Bool
  ) -> [String] {
    var words: [String] = []
    let phrases = plan.phrases
    var mine = occurrences.filter { Int($0.check) == index }
    if longestOnly {
      // One sweep in order of start (longest first at a start): an occurrence that ends no
      // later than one before it lies inside it. Linear after the sort, for long utterances.
      mine.sort { ($0.start, -$0.end) < ($1.start, -$1.end) }
      var reach: Int32 = -1
      mine = mine.filter { m in
        defer { reach = max(reach, m.end) }
        return m.end > reach
      }
    }
    for m in mine {
      let pattern = Int(m.pattern)
      let phrase =
        phrases.isGapped(pattern)
        ? String(
          decoding: normalized.utf8.dropFirst(Int(m.start)).prefix(Int(m.end - m.start)),
          as: UTF8.self)
        : phrases.automaton.patterns[pattern]
      if !words.contains(phrase) { words.append(phrase) }
    }
    return words
  }

  /// In how many separate places of the text the given checks found their words: checks whose
  /// phrases overlap (directly or through another check) are one place. A string of formulas
  /// puts each formula in its own place; one vivid clause that several checks read (a praise
  /// that is also a suggestion and names the counter) is one place, however many checks it meets.
  func separatePlaces(of checks: [Int]) -> Int {
    var spans: [(start: Int32, end: Int32, check: Int)] = []
    for m in matched where checks.contains(Int(m.check)) {
      spans.append((m.start, m.end, Int(m.check)))
    }
    spans.sort { $0.start < $1.start }
    // Union-find over checks: spans that overlap join their checks.
    var parent: [Int: Int] = [:]
    func root(_ x: Int) -> Int {
      var x = x
      while let p = parent[x], p != x { x = p }
      return x
    }
    for span in spans where parent[span.check] == nil { parent[span.check] = span.check }
    var reach: Int32 = -1
    var group = -1
    for span in spans {
      if span.start < reach, group >= 0 {
        let (a, b) = (root(group), root(span.check))
        if a != b { parent[b] = a }
      } else {
        group = span.check
      }
      reach = max(reach, span.end)
    }
    return Set(parent.keys.map(root)).count
  }

  /// Bytes covered by the phrases of the given checks (overlaps counted once), for the
  /// stuffing check.
  func coveredLength(by checks: [Int]) -> Int {
    var spans: [(start: Int32, end: Int32)] = []
    for m in matched where checks.contains(Int(m.check)) { spans.append((m.start, m.end)) }
    spans.sort { $0.start < $1.start }
    var covered = 0
    var reach: Int32 = -1
    for span in spans where span.end > reach {
      covered += Int(span.end - max(span.start, reach))
      reach = span.end
    }
    return covered
  }
}
