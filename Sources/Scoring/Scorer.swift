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
  var phaseTurns: [String: Int] = [:]
  /// The retailer's mood on arrival, for criteria whose phase was never reached.
  var startingMood = 50
  var sayTurns = 0
  /// Facts stated so far about each new product (by brand id), and the product the last
  /// utterance was about.
  var productFacts: [String: Set<ProductFact>] = [:]
  var lastProduct: String?
  /// Whether the trainee has looked round (`/look`), which reveals the hidden scene facts: the
  /// one record of it (the engine asks the scorer).
  public private(set) var looked = false
  /// The score of every turn so far, in order (index 0 is turn 1).
  public private(set) var turnScores: [TurnScore] = []

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
    plan.checks.indices.filter {
      progress[$0].status == .met && !plan.checks[$0].criterion.isPenalty
    }
    .map { plan.checks[$0].criterion.id }
  }

  /// Normalises `text` and finds its phrases once; pass the result to ``wordsMeet(anyOf:in:)``
  /// and ``score(_:prepared:)``.
  public func prepare(_ text: String) -> PreparedUtterance {
    PreparedUtterance(text, plan: plan)
  }

  /// Every check whose words the utterance meets (ignoring phase, mood, window and order), with
  /// the phrases that counted: what `visitcoach lexicon try` shows.
  /// `heard` is the retailer's line the utterance answers, for situated words.
  public func wordsMet(in prepared: PreparedUtterance, heard: String = "") -> [(
    id: String, words: [String]
  )] {
    plan.checks.indices.compactMap { i in
      let id = plan.checks[i].criterion.id
      guard wordsMeet(anyOf: [id], in: prepared, heard: heard) else { return nil }
      return (id, prepared.words(for: i, plan: plan))
    }
  }

  /// Whether the words of an utterance meet any of these criteria, ignoring phase, mood,
  /// window and order. The engine uses it to tell which phase an utterance belongs to.
  /// `heard` is the retailer's line the utterance answers, for situated words.
  public func wordsMeet(anyOf ids: [String], in prepared: PreparedUtterance, heard: String = "")
    -> Bool
  {
    var heardSituation: Set<Int>?
    for id in ids {
      guard let i = plan.indexByID[id] else { continue }
      let hit = prepared.hit(i) ?? CheckHit()
      guard !hit.none else { continue }
      var met = hit.any || fullGroups(hit.groups, plan.flags[i].allGroups)
      if !met && hit.situated {
        met = situation(i, hit, heard: heard, &heardSituation) != nil
      }
      if !met {
        met = learnedVerdict(i, hit, prepared, heard, &heardSituation) != nil
      }
      if met && plan.flags[i].picksUp {
        met = HeardEcho.takeUp(in: prepared.normalized, of: heard) != nil
      }
      if met && plan.flags[i].beyondTier {
        met = plan.tierJudge.beyond(in: prepared.normalized) != nil
      }
      if met { return true }
    }
    return false
  }

  /// What check `i`'s learned model makes of the utterance, if it judges it to be the act. A
  /// check whose words mean the act only in a situation (a child at the counter) needs the
  /// situation for its model too.
  private func learnedVerdict(
    _ i: Int, _ hit: CheckHit, _ prepared: PreparedUtterance, _ heard: String,
    _ known: inout Set<Int>?
  ) -> (percent: Int, words: [String])? {
    guard !plan.learned.isEmpty,
      let verdict = plan.learned.verdict(
        check: i, logOdds: prepared.learnedLogOdds, grams: prepared.learnedGrams)
    else { return nil }
    if plan.flags[i].hasSituated && situation(i, hit, heard: heard, &known) == nil { return nil }
    return verdict
  }

  /// Where check `i`'s situation shows, if it does: "" when the utterance itself names it, the
  /// retailer's line when that does, otherwise the scene fact the trainee can see. `known`
  /// caches the checks of the line heard.
  private func situation(
    _ i: Int, _ hit: CheckHit, heard: String, _ known: inout Set<Int>?
  ) -> String? {
    if hit.situation { return "" }
    if known == nil { known = heard.isEmpty ? [] : plan.phrases.situationChecks(in: heard) }
    if known!.contains(i) { return heard }
    return looked ? plan.phrases.sceneSituationAfterLook[i] : plan.phrases.sceneSituation[i]
  }

  /// Scores one utterance and records what it earned. Commands (wait, look, next) earn nothing
  /// (except waiting, where a criterion says it counts) but keep turn numbers right.
  @discardableResult
  public mutating func score(_ utterance: Utterance, prepared: PreparedUtterance? = nil)
    -> TurnScore
  {
    let result: TurnScore
    if utterance.kind == .say {
      result = scoreWords(utterance, prepared ?? prepare(utterance.text))
    } else if utterance.kind == .wait {
      result = scoreWaiting(utterance)
    } else {
      if utterance.kind == .look { looked = true }
      result = TurnScore()
    }
    while turnScores.count < utterance.index - 1 { turnScores.append(TurnScore()) }
    if turnScores.count >= utterance.index {
      turnScores[utterance.index - 1] = result
    } else {
      turnScores.append(result)
    }
    return result
  }

  /// The score of turn `index` (1-based), if it was scored.
  public func turnScore(_ index: Int) -> TurnScore? {
    index >= 1 && index <= turnScores.count ? turnScores[index - 1] : nil
  }

  private func fullGroups(_ bits: UInt64, _ count: Int) -> Bool {
    count > 0 && bits.nonzeroBitCount == count
  }

  private mutating func scoreWords(_ utterance: Utterance, _ prepared: PreparedUtterance)
    -> TurnScore
  {
    sayTurns += 1
    phaseTurns[utterance.phase, default: 0] += 1
    var result = TurnScore()
    var profile: BigramProfile?
    let count = plan.checks.count

    // Which checks fire on words, before order and cancellation.
    // One byte of state per check: which way it fired, and whether it was cancelled or counted.
    var state = [UInt8](repeating: 0, count: count)
    let partialBit: UInt8 = 1
    let fullBit: UInt8 = 2
    let cancelledBit: UInt8 = 4
    let countedBit: UInt8 = 8
    var bases: [(check: Int, basis: EvidenceBasis)] = []
    // What the catalogue and stock measures found, as data for the report to word.
    var catalogueNotes: [(check: Int, note: EvidenceNote)] = []
    var firedList: [Int] = []
    let phaseBit: UInt64 = plan.phaseIndex[utterance.phase].map { 1 << UInt64($0) } ?? 0
    let phaseTurn = phaseTurns[utterance.phase, default: 0]
    var heardSituation: Set<Int>?
    var declined: [Int: Declined] = [:]
    // Only checks with phrase hits, or with similar examples, can fire: walk both sorted lists.
    var h = 0
    var sIndex = 0
    let similar = plan.similarChecks
    while h < prepared.hits.count || sIndex < similar.count {
      let i: Int
      let hit: CheckHit
      let fromHits = h < prepared.hits.count ? prepared.hits[h].check : Int.max
      let fromSimilar = sIndex < similar.count ? similar[sIndex] : Int.max
      if fromHits <= fromSimilar {
        i = fromHits
        hit = prepared.hits[h].hit
        h += 1
        if fromSimilar == fromHits { sIndex += 1 }
      } else {
        i = fromSimilar
        hit = CheckHit()
        sIndex += 1
      }
      let f = plan.flags[i]
      guard f.staticallyApplicable, f.isWordMeasure,
        applies(f, phaseBit: phaseBit, phaseTurn: phaseTurn, mood: utterance.moodBefore)
      else { continue }
      var full = false
      var partial = false
      if !hit.none {
        let groups = f.allGroups
        full = hit.any || fullGroups(hit.groups, groups)
        if !full && hit.situated {
          if let source = situation(i, hit, heard: utterance.heard, &heardSituation) {
            full = true
            // The evidence names the moment that gave the words their meaning.
            if !source.isEmpty { bases.append((i, .situation(line: source))) }
          } else {
            declined[i] = .noSituation
          }
        }
        if !full {
          partial =
            !hit.partialNone
            && (hit.partialAny || fullGroups(hit.partialGroups, f.partialAllGroups))
          // Most of a three-part (or longer) requirement earns partial credit.
          if !partial && groups >= 3 && hit.groups.nonzeroBitCount >= groups - 1 && !f.isPenalty {
            partial = true
          }
        }
      }
      if f.hasSimilar, progress[i].status != .met || f.isPenalty {
        let check = plan.checks[i]
        let c = check.criterion
        let threshold = c.similar?.threshold ?? 1
        if profile == nil { profile = BigramProfile(prepared.normalized) }
        let p = profile!
        var best = (index: -1, value: 0.0)
        for (k, example) in check.similarGood.enumerated() {
          let v = p.similarity(to: example)
          if v > best.value { best = (k, v) }
        }
        let bad = check.similarBad.reduce(0.0) { max($0, p.similarity(to: $1)) }
        if bad >= threshold && bad > best.value {
          if full || partial { declined[i] = .likeBadExample }
          full = false
          partial = false
        } else if best.index >= 0, best.value >= threshold, !full, !hit.none {
          full = true
          let example = c.similar?.good[best.index] ?? ""
          bases.append(
            (i, .similarExample(example: example, percent: Int((best.value * 100).rounded()))))
        }
      }
      if !full && !partial && !hit.none,
        let verdict = learnedVerdict(i, hit, prepared, utterance.heard, &heardSituation)
      {
        full = true
        bases.append((i, .learned(words: verdict.words, percent: verdict.percent)))
      }
      if (full || partial) && f.picksUp {
        // A follow-up takes up the answer it follows; the same question out of the blue does not.
        if let word = HeardEcho.takeUp(in: prepared.normalized, of: utterance.heard) {
          bases.append((i, .tookUp(word: word)))
        } else {
          declined[i] = .notTakenUp
          full = false
          partial = false
        }
      }
      if (full || partial) && f.recallsPromise {
        // Reporting back counts in full on what was promised last time; a report on something
        // else is half the act.
        if let recalled = plan.promiseRecall.recalled(in: prepared.normalized) {
          bases.append((i, .recalledPromise(promise: recalled.promise, words: recalled.words)))
        } else if full {
          full = false
          partial = true
        }
      }
      if (full || partial) && f.clausesAtLeast > 1 {
        // A list (价签换了，空格补了) is its words in several clauses, not one.
        let clauses = prepared.clausesWithWords(of: i)
        if clauses < f.clausesAtLeast {
          declined[i] = .fewClauses(found: clauses, needed: f.clausesAtLeast)
          full = false
          partial = false
        }
      }
      if (full || partial) && f.beyondTier {
        // Suggesting a brand counts as this fault only when the store's tier does not reach it.
        if let beyond = plan.tierJudge.beyond(in: prepared.normalized) {
          bases.append(
            (i, .beyondTier(brand: beyond.brand, needs: beyond.needs, tier: beyond.tier)))
        } else {
          full = false
          partial = false
        }
      }
      if (full || partial) && !looked && f.usesHiddenScene && restsOnHiddenScene(i, prepared) {
        // Praise or advice about something only `/look` shows, before looking: a guess.
        declined[i] = .hiddenScene
        full = false
        partial = false
      }
      if full || partial {
        state[i] = full ? fullBit : partialBit
        firedList.append(i)
        declined[i] = nil
      }
    }

    // What a new product was said to be, gathered over the visit.
    var statement = ProductStatement()
    if !plan.productJudge.isEmpty {
      statement = plan.productJudge.statement(in: prepared.normalized, previous: lastProduct)
      lastProduct = statement.product?.id
      if let product = statement.product {
        productFacts[product.id, default: []].formUnion(statement.facts)
      }
    }
    // Substitution, stock advice and new-product facts, judged against the catalogue and the
    // stock table.
    // Read once for every stock check of this utterance, and only when one applies.
    var reading: StockReading?
    for i in plan.catalogueChecks {
      let f = plan.flags[i]
      guard f.staticallyApplicable,
        applies(f, phaseBit: phaseBit, phaseTurn: phaseTurn, mood: utterance.moodBefore)
      else { continue }
      let measure = plan.checks[i].criterion.measure
      if reading == nil, measure.readsStock { reading = plan.stockJudge.read(prepared.normalized) }
      guard
        let (full, note) = reading.flatMap({ judgeStock(measure, $0) })
          ?? judgeProduct(measure, statement)
      else { continue }
      state[i] = full ? fullBit : partialBit
      catalogueNotes.append((i, note))
      firedList.append(i)
    }
    firedList.sort()

    // An umbrella penalty gives way to the specific penalties it names (`yields_to`): one
    // deduction for the same words. Decided on what fired before any gives way.
    let yielded = firedList.compactMap { i in
      plan.flags[i].yields
        ? plan.checks[i].yieldsTo.first { state[$0] != 0 }.map { (umbrella: i, specific: $0) }
        : nil
    }
    if !yielded.isEmpty {
      for (i, specific) in yielded {
        state[i] = 0
        declined[i] = .yieldedTo(plan.checks[specific].criterion.id)
      }
      // Only the umbrellas that gave way have no state here; a basis is read only for what
      // counts, so theirs can stay.
      firedList.removeAll { state[$0] == 0 }
    }

    // Penalties cancel criteria in the same utterance: those they name, and any courtesy
    // (politeness wrapped around a fault is not politeness).
    for i in firedList where plan.flags[i].isPenalty {
      let check = plan.checks[i]
      for j in firedList where !plan.flags[j].isPenalty {
        if check.cancelsAll || check.cancels.contains(j) || plan.checks[j].criterion.isCourtesy {
          state[j] |= cancelledBit
        }
      }
    }
    // Keyword stuffing: the utterance is little but rubric phrases and meets many criteria at
    // once, each formula in its own place ("您好老板理解抱歉谢谢下周再来再见"); a real utterance
    // that meets as many has words of its own between them, or meets several with one clause.
    // A dated promise (a `promise: true` criterion met: what, and by when) is content a
    // retailer can hold the trainee to, so an utterance that makes one is not empty, however
    // many formulas surround it.
    let positives = firedList.filter { !plan.flags[$0].isPenalty && state[$0] & cancelledBit == 0 }
    let promises = positives.contains {
      plan.checks[$0].criterion.isPromise && state[$0] & fullBit != 0
    }
    if !promises && positives.count >= plan.settings.stuffingCriteria && prepared.textLength > 0
      && Double(prepared.coveredLength(by: positives)) / Double(prepared.textLength)
        >= plan.settings.stuffingCoverage
      && isRunOfFormulas(positives, prepared)
    {
      result.stuffing = true
      for i in positives { state[i] |= cancelledBit }
    }
    // Order: `before` looks at earlier turns only; `after` also accepts this turn.
    for i in firedList where state[i] & cancelledBit == 0 {
      if let done = plan.checks[i].before.first(where: { progress[$0].status == .met }) {
        declined[i] = .afterItsTime(plan.checks[done].criterion.id)
        continue
      }
      state[i] |= countedBit
    }
    for i in firedList where state[i] & countedBit != 0 {
      if let missing = plan.checks[i].after.first(where: {
        progress[$0].status != .met && state[$0] & countedBit == 0
      }) {
        state[i] &= ~countedBit
        declined[i] = .needsFirst(plan.checks[missing].criterion.id)
      }
    }
    for (i, reason) in declined { result.declined[plan.checks[i].criterion.id] = reason }

    for i in firedList where state[i] & countedBit != 0 {
      let c = plan.checks[i].criterion
      let full = state[i] & fullBit != 0
      let basis = bases.first { $0.check == i }?.basis
      let note = catalogueNotes.first { $0.check == i }?.note
      if case .learned = basis { result.learned[c.id] = basis }
      if c.isPenalty {
        result.violated.append(c.id)
        result.moodChange += c.mood
        result.patienceChange += c.patience
        if progress[i].count < c.maxCount {
          progress[i].count += 1
          progress[i].points -= c.points
          progress[i].evidence.append(evidence(i, utterance, prepared, basis, note))
        }
        continue
      }
      if full { result.satisfied.append(c.id) }
      if full, case .metTimes(let needed) = c.measure {
        // Counted over utterances: partial until the words have come often enough.
        guard progress[i].status != .met else { continue }
        progress[i].count += 1
        progress[i].evidence.append(evidence(i, utterance, prepared, basis, note))
        if progress[i].count >= needed {
          result.moodChange += progress[i].status == .partial ? c.mood - c.mood / 2 : c.mood
          progress[i].status = .met
          progress[i].points = c.points
          result.newlyMet.append(c.id)
          result.patienceChange += c.patience
        } else if progress[i].status != .partial {
          progress[i].status = .partial
          progress[i].points = c.partialPoints
          result.newlyPartial.append(c.id)
          result.moodChange += c.mood / 2
        }
        continue
      }
      switch (progress[i].status, full) {
      case (.met, _), (.partial, false):
        break
      case (_, true):
        let upgrade = progress[i].status == .partial
        progress[i].status = .met
        progress[i].points = c.points
        progress[i].evidence.append(evidence(i, utterance, prepared, basis, note))
        result.newlyMet.append(c.id)
        result.moodChange += upgrade ? c.mood - c.mood / 2 : c.mood
        result.patienceChange += c.patience
      case (_, false):
        progress[i].status = .partial
        progress[i].points = c.partialPoints
        progress[i].evidence.append(evidence(i, utterance, prepared, basis, note))
        result.newlyPartial.append(c.id)
        result.moodChange += c.mood / 2
      }
    }
    for i in firedList where state[i] & cancelledBit != 0 {
      result.cancelled.append(plan.checks[i].criterion.id)
    }
    if result.stuffing { result.moodChange -= Self.stuffingMoodCost }
    return result
  }

  /// A stock-related measure on one utterance: (fully met, what it found), or nil.
  private func judgeStock(_ measure: Measure, _ advice: StockReading) -> (Bool, EvidenceNote)? {
    switch measure {
    case .substitution:
      guard let (short, substitute, fit, isBest) = advice.substitution, fit.samePriceBand else {
        return nil
      }
      return (
        isBest,
        .substitute(brand: substitute.name, replacing: short.name, fit: fit, best: isBest)
      )
    case .pricierSubstitute:
      guard let (short, substitute, fit, _) = advice.substitution, fit.pricier else { return nil }
      return (
        true,
        .substitute(brand: substitute.name, replacing: short.name, fit: fit, best: false)
      )
    case .stockAdvice:
      guard !advice.topUp.isEmpty || !advice.hold.isEmpty else { return nil }
      return (
        !advice.topUp.isEmpty && !advice.hold.isEmpty,
        .stockAdvice(topUp: advice.topUp, hold: advice.hold)
      )
    case .stockPush:
      let pushed = advice.pushed
      return pushed.isEmpty ? nil : (true, .pushedSlowSellers(pushed))
    default:
      return nil
    }
  }

  /// Whether the scene words that met check `i` all belong to facts hidden until `/look`.
  private func restsOnHiddenScene(_ i: Int, _ prepared: PreparedUtterance) -> Bool {
    let scene = Set(prepared.words(for: i, plan: plan)).intersection(plan.sceneWords)
    return !scene.isEmpty && scene.isSubset(of: plan.hiddenSceneWords)
  }

  /// A new-product measure on one utterance: (fully met, what it found), or nil.
  private func judgeProduct(_ measure: Measure, _ statement: ProductStatement) -> (
    Bool, EvidenceNote
  )? {
    guard let product = statement.product else { return nil }
    switch measure {
    case .productFacts(let needed):
      guard !statement.facts.isEmpty else { return nil }
      let facts = productFacts[product.id, default: []].sorted()
      return (facts.count >= needed, .productFacts(product: product.name, facts: facts))
    case .wrongProductFact:
      guard !statement.wrong.isEmpty else { return nil }
      return (true, .wrongProductFacts(product: product.name, wrong: statement.wrong))
    default:
      return nil
    }
  }

  private func evidence(
    _ i: Int, _ u: Utterance, _ p: PreparedUtterance, _ basis: EvidenceBasis?,
    _ note: EvidenceNote? = nil
  ) -> Evidence {
    if let note { return Evidence(turn: u.index, note: note, utterance: u.text) }
    let words = p.evidenceWords(for: i, plan: plan)
    var evidence = Evidence(turn: u.index, text: words.joined(separator: "、"), utterance: u.text)
    evidence.basis = basis
    return evidence
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
  private func applies(_ f: CheckFlags, phaseBit: UInt64, phaseTurn: Int, mood: Int) -> Bool {
    if !f.anyPhase && f.phaseBits & phaseBit == 0 { return false }
    if mood < f.moodLower || mood > f.moodUpper { return false }
    if f.window > 0 && (f.anyPhase ? sayTurns : phaseTurn) > f.window { return false }
    return true
  }
}

extension Scorer {
  /// Whether criteria met in this many separate places read as a run of formulas rather than
  /// speech: formulas of at least `stuffingAreas` rubric areas at once (您好…理解…抱歉…下周再来), or
  /// crammed two or more to a clause ("您好王老板我是烟草公司客户经理今天来看看谢谢"). A greeting
  /// said clause by clause ("刘姐您好，我是烟草的小李，今天来看看货。您先忙，我等您。") meets
  /// five greeting criteria in five places, one act per clause: that is a good greeting.
  fileprivate func isRunOfFormulas(_ positives: [Int], _ prepared: PreparedUtterance) -> Bool {
    let places = prepared.separatePlaces(of: positives)
    guard places >= plan.settings.stuffingPlaces else { return false }
    if places >= 2 * max(prepared.clauseCount, 1) { return true }
    return Set(positives.map { plan.checks[$0].rubric }).count >= plan.settings.stuffingAreas
  }
}
