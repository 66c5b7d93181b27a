import VisitCoachModel

/// Scores a visit utterance by utterance. The engine calls it on every turn; a stored
/// transcript is re-scored by feeding its turns to a fresh scorer. It never depends on the
/// engine: everything it needs is in the ``Utterance``.
public struct Scorer: Sendable {
  /// The progress of one check.
  struct Progress: Sendable {
    var status: CriterionStatus = .missed
    var points = 0
    var count = 0
    var evidence: [Evidence] = []
  }

  public let plan: ScoringPlan
  var progress: [Progress]
  private var phaseTurns: [String: Int] = [:]
  private var sayTurns = 0
  /// The score of every utterance so far, by turn index.
  public private(set) var turnScores: [Int: TurnScore] = [:]

  public init(plan: ScoringPlan) {
    self.plan = plan
    progress = Array(repeating: Progress(), count: plan.checks.count)
  }

  /// Whether the criterion with this id has been met (fully) so far.
  public func isMet(_ id: String) -> Bool {
    guard let i = plan.indexByID[id] else { return false }
    return progress[i].status == .met
  }

  /// Ids of every criterion met so far, in rubric order.
  public var metIDs: [String] {
    plan.checks.indices.filter { progress[$0].status == .met && !plan.checks[$0].criterion.isPenalty }
      .map { plan.checks[$0].criterion.id }
  }

  /// Scores one utterance and records what it earned. Commands (wait, look, next) earn nothing
  /// but are counted so that windows stay right.
  @discardableResult
  public mutating func score(_ utterance: Utterance) -> TurnScore {
    guard utterance.kind == .say else {
      let result = utterance.kind == .wait ? scoreWaiting(utterance) : TurnScore()
      turnScores[utterance.index] = result
      return result
    }
    sayTurns += 1
    phaseTurns[utterance.phase, default: 0] += 1
    let normalized = TextNormalizer.normalize(utterance.text)
    let hits = collectHits(normalized)
    var result = TurnScore()

    // Which checks fire on words, before order and cancellation.
    var fired: [Int: (full: Bool, words: String)] = [:]
    for i in plan.checks.indices {
      let check = plan.checks[i]
      guard check.staticallyApplicable, case .words = check.criterion.measure,
        applies(check, to: utterance)
      else { continue }
      let hit = hits.byCheck[i]
      var full = false
      var partial = false
      var words = hit?.words ?? []
      if let hit, !hit.none {
        let groups = check.criterion.phrases.all.count
        let allComplete = groups > 0 && hit.allGroups.count == groups
        full = hit.any || allComplete
        if !full {
          let partialGroups = check.criterion.partial.all.count
          let partialAll = partialGroups > 0 && hit.partialAllGroups.count == partialGroups
          partial = !hit.partialNone && (hit.partialAny || partialAll)
          // Most of a three-part (or longer) requirement earns partial credit.
          if !partial && groups >= 3 && hit.allGroups.count >= groups - 1 && !check.criterion.isPenalty {
            partial = true
          }
        }
      }
      if !check.similarGood.isEmpty || !check.similarBad.isEmpty,
        let threshold = check.criterion.similar?.threshold
      {
        let profile = hits.profile
        let good = check.similarGood.enumerated().map { ($0.offset, profile.similarity(to: $0.element)) }
          .max { $0.1 < $1.1 }
        let bad = check.similarBad.map { profile.similarity(to: $0) }.max() ?? 0
        if bad >= threshold && bad > (good?.1 ?? 0) {
          full = false
          partial = false
        } else if let good, good.1 >= threshold, !full, hit?.none != true {
          full = true
          let example = check.criterion.similar?.good[good.0] ?? ""
          words.append("≈「\(example)」(\(Int((good.1 * 100).rounded()))%)")
        }
      }
      if full || partial {
        fired[i] = (full, words.joined(separator: "、"))
      }
    }

    // Penalties cancel criteria in the same utterance.
    var cancelled = Set<Int>()
    for (i, _) in fired where plan.checks[i].criterion.isPenalty {
      let check = plan.checks[i]
      if check.cancelsAll {
        for (j, _) in fired where !plan.checks[j].criterion.isPenalty { cancelled.insert(j) }
      }
      for j in check.cancels where fired[j] != nil { cancelled.insert(j) }
    }
    // Keyword stuffing: the utterance is little but rubric phrases and meets many criteria at
    // once ("您好老板理解抱歉谢谢下周再来再见"); a real utterance that meets as many has words of
    // its own between them.
    let positives = fired.keys.filter { !plan.checks[$0].criterion.isPenalty && !cancelled.contains($0) }
    if positives.count >= plan.settings.stuffingCriteria && hits.textLength > 0
      && Double(hits.coveredLength) / Double(hits.textLength) >= plan.settings.stuffingCoverage
    {
      result.stuffing = true
      cancelled.formUnion(positives)
    }
    // Order: `before` looks at earlier turns only; `after` also accepts this turn.
    var counted = Set<Int>()
    for i in fired.keys.sorted() where !cancelled.contains(i) {
      let check = plan.checks[i]
      if check.before.contains(where: { progress[$0].status == .met }) { continue }
      counted.insert(i)
    }
    for i in counted.sorted() {
      let check = plan.checks[i]
      if !check.after.allSatisfy({ progress[$0].status == .met || counted.contains($0) }) {
        counted.remove(i)
      }
    }

    for i in counted.sorted() {
      let check = plan.checks[i]
      let c = check.criterion
      guard let (full, words) = fired[i] else { continue }
      let evidence = Evidence(turn: utterance.index, text: words, utterance: utterance.text)
      if c.isPenalty {
        result.violated.append(c.id)
        result.moodChange += c.mood
        result.patienceChange += c.patience
        if progress[i].count < c.maxCount {
          progress[i].count += 1
          progress[i].points -= c.points
          progress[i].evidence.append(evidence)
        }
        continue
      }
      if full { result.satisfied.append(c.id) }
      switch (progress[i].status, full) {
      case (.met, _):
        break
      case (_, true):
        let upgrade = progress[i].status == .partial
        progress[i].status = .met
        progress[i].points = c.points
        progress[i].evidence.append(evidence)
        result.newlyMet.append(c.id)
        result.moodChange += upgrade ? c.mood - c.mood / 2 : c.mood
        result.patienceChange += c.patience
      case (.partial, false):
        break
      case (_, false):
        progress[i].status = .partial
        progress[i].points = c.partialPoints
        progress[i].evidence.append(evidence)
        result.newlyPartial.append(c.id)
        result.moodChange += c.mood / 2
      }
    }
    result.cancelled = cancelled.sorted().map { plan.checks[$0].criterion.id }
    if result.stuffing { result.moodChange -= 5 }
    turnScores[utterance.index] = result
    return result
  }

  /// Whether the words of `text` meet any of these criteria, ignoring phase, mood, window and
  /// order. The engine uses it to tell which phase an utterance belongs to before scoring it.
  public func wordsMeet(anyOf ids: [String], in text: String) -> Bool {
    let indices = ids.compactMap { plan.indexByID[$0] }
    guard !indices.isEmpty else { return false }
    let hits = collectHits(TextNormalizer.normalize(text))
    for i in indices {
      guard let hit = hits.byCheck[i], !hit.none else { continue }
      let groups = plan.checks[i].criterion.phrases.all.count
      if hit.any || (groups > 0 && hit.allGroups.count == groups) { return true }
    }
    return false
  }

  /// A silent `/wait` meets the criteria that say waiting counts.
  private mutating func scoreWaiting(_ utterance: Utterance) -> TurnScore {
    var result = TurnScore()
    for i in plan.checks.indices {
      let check = plan.checks[i]
      let c = check.criterion
      guard c.metByWaiting, !c.isPenalty, check.staticallyApplicable else { continue }
      let a = c.applies
      if !a.phases.isEmpty && !a.phases.contains(utterance.phase) { continue }
      if let mood = a.mood, !mood.contains(utterance.moodBefore) { continue }
      result.satisfied.append(c.id)
      guard progress[i].status != .met else { continue }
      progress[i].status = .met
      progress[i].points = c.points
      progress[i].evidence.append(Evidence(turn: utterance.index, text: "/wait", utterance: ""))
      result.newlyMet.append(c.id)
      result.moodChange += c.mood
      result.patienceChange += c.patience
    }
    return result
  }

  /// Whether a check applies to this utterance: phase, mood and window.
  private func applies(_ check: CompiledCheck, to utterance: Utterance) -> Bool {
    let a = check.criterion.applies
    if !a.phases.isEmpty && !a.phases.contains(utterance.phase) { return false }
    if let mood = a.mood, !mood.contains(utterance.moodBefore) { return false }
    if let window = check.criterion.window {
      let position = a.phases.isEmpty ? sayTurns : phaseTurns[utterance.phase, default: 0]
      if position > window { return false }
    }
    return true
  }

  /// Phrase hits of one utterance, grouped by check.
  struct Hit {
    var any = false
    var allGroups = Set<Int>()
    var none = false
    var partialAny = false
    var partialAllGroups = Set<Int>()
    var partialNone = false
    var words: [String] = []
  }

  struct Hits {
    var byCheck: [Int: Hit] = [:]
    var profile: BigramProfile
    var textLength: Int
    var coveredLength: Int
  }

  private func collectHits(_ normalized: String) -> Hits {
    var text = normalized
    var byCheck: [Int: Hit] = [:]
    var covered: [Bool] = []
    let textLength = text.utf8.count
    text.withUTF8 { bytes in
      covered = [Bool](repeating: false, count: bytes.count)
      var negated: [Int: Bool] = [:]
      plan.automaton.forEachMatch(in: bytes) { match in
        for use in plan.uses[match.pattern] {
          let check = plan.checks[use.check]
          if check.criterion.negationGuard {
            let isNegated: Bool
            if let known = negated[match.start] {
              isNegated = known
            } else {
              isNegated = NegationGuard.isNegated(bytes, before: match.start)
              negated[match.start] = isNegated
            }
            if isNegated { continue }
          }
          var hit = byCheck[use.check] ?? Hit()
          let phrase = plan.automaton.patterns[match.pattern]
          switch use.role {
          case .any: hit.any = true
          case .all(let g): hit.allGroups.insert(g)
          case .none: hit.none = true
          case .partialAny: hit.partialAny = true
          case .partialAll(let g): hit.partialAllGroups.insert(g)
          case .partialNone: hit.partialNone = true
          }
          switch use.role {
          case .none, .partialNone: break
          default:
            if !hit.words.contains(phrase) { hit.words.append(phrase) }
            if !check.criterion.isPenalty {
              for k in match.start..<match.end { covered[k] = true }
            }
          }
          byCheck[use.check] = hit
        }
      }
    }
    let boundaryCount = normalized.unicodeScalars.filter { $0 == TextNormalizer.boundary }.count
    return Hits(
      byCheck: byCheck, profile: BigramProfile(normalized),
      textLength: textLength - boundaryCount,
      coveredLength: covered.filter { $0 }.count)
  }
}
