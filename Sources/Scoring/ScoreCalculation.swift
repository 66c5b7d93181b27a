import VisitCoachModel

extension Scorer {
  /// Scores a whole stored transcript from scratch (re-scoring without the engine).
  public static func score(_ transcript: Transcript, scenario: Scenario, plan: ScoringPlan? = nil)
    -> ScoreReport
  {
    // A series visit is scored with the memory it was played with.
    let played = scenario.asPlayed(by: transcript)
    let shared = played.previous == scenario.previous ? plan : nil
    var scorer = Scorer(plan: shared ?? ScoringPlan(scenario: played))
    for utterance in transcript.utterances { scorer.score(utterance) }
    return scorer.report(for: transcript, scenario: played)
  }

  /// The score report for the visit so far: area scores, penalties, blockers and the annotated
  /// turns. Criteria that never applied are `not_applicable` and do not count.
  public func report(for transcript: Transcript, scenario: Scenario) -> ScoreReport {
    var calculation = self
    calculation.startingMood = scenario.persona.mood
    return calculation.buildReport(transcript, scenario)
  }

  private func buildReport(_ transcript: Transcript, _ scenario: Scenario) -> ScoreReport {
    var areas: [AreaScore] = []
    var penaltyPoints = 0
    var blockers: [String] = []
    for (r, rubric) in scenario.rubrics.enumerated() {
      var criteria: [Finding] = []
      var penalties: [Finding] = []
      var earned = 0
      var available = 0
      let groupWinners = self.groupWinners(rubric: r, transcript: transcript)
      for (i, check) in plan.checks.enumerated() where check.rubric == r {
        var finding = self.finding(i, transcript: transcript)
        if let group = check.criterion.group, let winner = groupWinners[group], winner != i,
          finding.status != .notApplicable
        {
          // An alternative in a group: only the member that counts is scored.
          finding.status = .notApplicable
          finding.points = 0
        }
        if check.criterion.isPenalty {
          penalties.append(finding)
          penaltyPoints -= finding.points
          if finding.status == .triggered && finding.isBlocker { blockers.append(finding.title) }
        } else {
          criteria.append(finding)
          if finding.status != .notApplicable {
            earned += finding.points
            available += finding.max
          }
        }
      }
      let score = available > 0 ? Int((Double(earned) * 100 / Double(available)).rounded()) : nil
      areas.append(
        AreaScore(
          id: rubric.id, title: rubric.title, weight: rubric.weight, score: score,
          criteria: criteria, penalties: penalties))
    }
    let weighted = areas.compactMap { a in a.score.map { (Double($0) * Double(a.weight), a.weight) }
    }
    let weightSum = weighted.reduce(0) { $0 + $1.1 }
    let base = weightSum > 0 ? weighted.reduce(0.0) { $0 + $1.0 } / Double(weightSum) : 0
    let total = min(100, max(0, Int(base.rounded()) - penaltyPoints))
    let passMark = scenario.settings.passMark
    return ScoreReport(
      version: ScoreReport.currentVersion, scenario: scenario.id, scenarioTitle: scenario.title,
      retailer: scenario.persona.name,
      phases: PhaseTitle.all(of: scenario),
      fingerprint: scenario.fingerprint, seed: transcript.seed, total: total, passMark: passMark,
      passed: total >= passMark && blockers.isEmpty, blockers: blockers, areas: areas,
      turns: turnReports(transcript), endedBy: transcript.endedBy ?? .trainee,
      clock: transcript.turns.last?.clock ?? 0, budget: scenario.customer.timeBudgetSeconds,
      hintsUsed: transcript.hintsUsed)
  }

  /// For each group of alternatives, the member that counts: the best one met, or else the
  /// first applicable one (which is then reported as missed).
  private func groupWinners(rubric r: Int, transcript: Transcript) -> [String: Int] {
    var winners: [String: Int] = [:]
    for (i, check) in plan.checks.enumerated() where check.rubric == r {
      guard let group = check.criterion.group else { continue }
      let p = progress[i]
      if let current = winners[group] {
        if p.points > progress[current].points { winners[group] = i }
      } else if p.points > 0 || isApplicable(check, transcript) {
        winners[group] = i
      }
    }
    return winners
  }

  private func finding(_ i: Int, transcript: Transcript) -> Finding {
    let check = plan.checks[i]
    let c = check.criterion
    let p = progress[i]
    var status: CriterionStatus
    var points = p.points
    var evidence = p.evidence
    if c.isPenalty {
      status =
        p.count > 0 ? .triggered : (isApplicable(check, transcript) ? .clear : .notApplicable)
    } else if p.status == .met || p.status == .partial {
      status = p.status
      (status, points, evidence) = backed(c, status, points, evidence, p.count, transcript)
    } else if c.measure.isPerUtterance {
      status = isApplicable(check, transcript) ? .missed : .notApplicable
    } else {
      (status, evidence) = measured(check, transcript)
      points = status == .met ? c.points : (status == .partial ? c.partialPoints : 0)
    }
    // A learned model's verdict is a likelihood: a blocker penalty it alone triggered costs its
    // points but does not fail the visit; the trainee's words must match what a trainer wrote.
    let vetoes = c.isBlocker && !(status == .triggered && Self.onlyLearned(evidence))
    return Finding(
      id: c.id, title: c.title, isPenalty: c.isPenalty, status: status, points: points,
      max: c.points, isBlocker: vetoes, evidence: evidence, tip: c.tip, example: c.example)
  }

  /// Whether every piece of `evidence` is a learned model's verdict (and there is some).
  private static func onlyLearned(_ evidence: [Evidence]) -> Bool {
    !evidence.isEmpty
      && evidence.allSatisfy {
        if case .learned = $0.basis { return true }
        return false
      }
  }

  /// Words that count only with something behind them: said often enough (`met_times`), or
  /// with the item packed that the words promise (`with_item`).
  private func backed(
    _ c: Criterion, _ status: CriterionStatus, _ points: Int, _ evidence: [Evidence], _ count: Int,
    _ transcript: Transcript
  ) -> (CriterionStatus, Int, [Evidence]) {
    switch c.measure {
    case .metTimes(let needed) where status == .partial && count < needed:
      let note = Evidence(
        turn: evidence.first?.turn ?? 1, note: .timesDone(count: count, needed: needed),
        utterance: evidence.first?.utterance ?? "")
      return (c.partialPoints > 0 ? .partial : .missed, c.partialPoints, evidence + [note])
    case .withItem(let item) where !(transcript.packed ?? []).contains(item):
      let name = plan.visitBag.first { $0.id == item }?.name ?? item
      let note = Evidence(
        turn: evidence.first?.turn ?? 1, note: .saidWithoutItem(item: name),
        utterance: evidence.first?.utterance ?? "")
      return (.missed, 0, [note])
    default:
      return (status, points, evidence)
    }
  }

  /// Whether a criterion could have been met in this visit: its traits and visit kind hold, its
  /// phases exist in the scenario, and (if mood-gated) the mood was in range at some turn.
  private func isApplicable(_ check: CompiledCheck, _ transcript: Transcript) -> Bool {
    guard check.staticallyApplicable else { return false }
    let a = check.criterion.applies
    if !a.phases.isEmpty && a.phases.isDisjoint(with: plan.phaseIDs) { return false }
    if let mood = a.mood {
      let spoken = transcript.turns.filter {
        $0.kind == .say && (a.phases.isEmpty || a.phases.contains($0.phase))
      }
      // Never reached: judge by the mood the retailer was in when the visit stopped.
      guard !spoken.isEmpty else {
        return mood.contains(transcript.turns.last?.mood ?? startingMood)
      }
      return spoken.contains { mood.contains($0.moodBefore) }
    }
    return true
  }

  /// Criteria decided at report time: the preparation, the record, asking before the stock
  /// count, looking first, and time or length in the criterion's phases.
  private func measured(_ check: CompiledCheck, _ transcript: Transcript) -> (
    CriterionStatus, [Evidence]
  ) {
    guard check.staticallyApplicable else { return (.notApplicable, []) }
    let measure = check.criterion.measure
    switch measure {
    case .packedNeeded: return packing(transcript)
    case .planGoals: return planning(transcript)
    case .appearanceChecked: return appearance(transcript)
    case .lookedFirst: return lookedFirst(check, transcript)
    case .recordContent, .recordComplaint, .recordPromises, .recordNextGoal, .stockPermission:
      return recordStatus(measure, transcript)
    case .phaseDurationAtMost, .phaseDurationAtLeast, .utterancesAtMost:
      return timeOrLength(check, transcript)
    case .words, .substitution, .pricierSubstitute, .stockAdvice, .stockPush, .metTimes, .withItem,
      .productFacts, .wrongProductFact:
      // Judged utterance by utterance: never met if it did not happen then.
      return (.missed, [])
    }
  }

  /// Time spent in the criterion's phases, or the longest utterance there; not applicable if
  /// the trainee said nothing in them.
  private func timeOrLength(_ check: CompiledCheck, _ transcript: Transcript) -> (
    CriterionStatus, [Evidence]
  ) {
    let a = check.criterion.applies
    let turns = transcript.turns.filter { a.phases.isEmpty || a.phases.contains($0.phase) }
    let spoken = turns.filter { $0.kind == .say }
    guard !spoken.isEmpty else { return (.notApplicable, []) }
    let seconds = turns.reduce(0) { $0 + ($1.clock - $1.clockStart) }
    func timed(_ met: Bool, _ limit: Int, atMost: Bool) -> (CriterionStatus, [Evidence]) {
      let note = EvidenceNote.phaseTime(seconds: seconds, limit: limit, atMost: atMost)
      return (
        met ? .met : .missed,
        [Evidence(turn: turns[0].index, note: note, utterance: spoken[0].trainee)]
      )
    }
    switch check.criterion.measure {
    case .phaseDurationAtMost(let limit): return timed(seconds <= limit, limit, atMost: true)
    case .phaseDurationAtLeast(let floor): return timed(seconds >= floor, floor, atMost: false)
    case .utterancesAtMost(let limit):
      let longest = spoken.max { $0.trainee.count < $1.trainee.count }!
      let evidence = Evidence(
        turn: longest.index,
        note: .longestUtterance(characters: longest.trainee.count, limit: limit),
        utterance: longest.trainee)
      return (longest.trainee.count <= limit ? .met : .missed, [evidence])
    default:
      return (.notApplicable, [])
    }
  }

  /// The appearance check before leaving (action 4), when the visit has a preparation step:
  /// what was chosen (`/ready`) against the wardrobe. All the fitting items and nothing that
  /// does not fit: met; at least half of them and at most one misfit: partial. A visit stored
  /// before the choices existed (or a library without a wardrobe) counts the plain check.
  private func appearance(_ transcript: Transcript) -> (CriterionStatus, [Evidence]) {
    guard plan.hasPreparation else { return (.notApplicable, []) }
    guard let chosen = transcript.appearance, !plan.wardrobe.isEmpty else {
      let checked = transcript.appearanceChecked == true
      return (
        checked ? .met : .missed,
        [
          Evidence(
            turn: Evidence.preparation, note: .appearance(checked: checked),
            utterance: checked ? "/ready" : "")
        ]
      )
    }
    let fitting = plan.wardrobe.filter(\.fits)
    let missing = fitting.filter { !chosen.contains($0.id) }
    let wrong = plan.wardrobe.filter { !$0.fits && chosen.contains($0.id) }
    let done = fitting.count - missing.count
    let status: CriterionStatus =
      missing.isEmpty && wrong.isEmpty
      ? .met : (done * 2 >= fitting.count && wrong.count <= 1 ? .partial : .missed)
    let names = plan.wardrobe.filter { chosen.contains($0.id) }.map(\.name)
    var evidence = [
      Evidence(
        turn: Evidence.preparation,
        note: .appearanceChoices(fitting: fitting.count, chosen: done, wrong: wrong.count),
        utterance: "/ready " + names.joined(separator: " "))
    ]
    for item in wrong {
      evidence.append(
        Evidence(
          turn: Evidence.preparation, note: .appearanceWrong(item: item.name, reason: item.why),
          utterance: item.why))
    }
    for item in missing {
      evidence.append(
        Evidence(
          turn: Evidence.preparation, note: .appearanceMissing(item: item.name, reason: item.why),
          utterance: item.why))
    }
    return (status, evidence)
  }

  /// Whether the trainee looked round (`/look`) before first speaking in the criterion's
  /// phases; not applicable when those phases were never reached.
  private func lookedFirst(_ check: CompiledCheck, _ transcript: Transcript) -> (
    CriterionStatus, [Evidence]
  ) {
    let phases = check.criterion.applies.phases
    guard
      let first = transcript.turns.first(where: {
        $0.kind == .say && (phases.isEmpty || phases.contains($0.phase))
      })
    else { return (.notApplicable, []) }
    if let look = transcript.turns.first(where: { $0.kind == .look && $0.index < first.index }) {
      return (.met, [Evidence(turn: look.index, note: .looked(first: true), utterance: "/look")])
    }
    return (
      .missed,
      [Evidence(turn: first.index, note: .looked(first: false), utterance: first.trainee)]
    )
  }

  /// The visit plan (actions 1-2) against the goals this visit must have: one piece of evidence
  /// for the plan, one per goal it left out, with the reason it mattered.
  private func planning(_ transcript: Transcript) -> (CriterionStatus, [Evidence]) {
    guard !plan.planGoals.isEmpty else { return (.notApplicable, []) }
    let text = transcript.plan ?? ""
    let normalized = TextNormalizer.normalize(text)
    let missing = plan.planGoals.filter { goal in
      !goal.words.contains { normalized.contains(TextNormalizer.normalize($0)) }
    }
    let status: CriterionStatus =
      missing.isEmpty ? .met : (missing.count == plan.planGoals.count ? .missed : .partial)
    var evidence = [
      Evidence(
        turn: Evidence.preparation,
        note: .planCoverage(
          goals: plan.planGoals.count, covered: plan.planGoals.count - missing.count,
          stated: !text.isEmpty),
        utterance: text)
    ]
    for goal in missing {
      evidence.append(
        Evidence(
          turn: Evidence.preparation, note: .planMissing(reason: goal.reason),
          utterance: goal.reason))
    }
    return (status, evidence)
  }

  /// The visit bag (action 3) against what this visit needs: one piece of evidence for what was
  /// packed, one per needed item left behind, with the reason it was needed.
  private func packing(_ transcript: Transcript) -> (CriterionStatus, [Evidence]) {
    guard !plan.packingNeeds.isEmpty else { return (.notApplicable, []) }
    let packed = transcript.packed ?? []
    func name(_ id: String) -> String { plan.visitBag.first { $0.id == id }?.name ?? id }
    let missing = plan.packingNeeds.filter { !packed.contains($0.item) }
    let status: CriterionStatus =
      missing.isEmpty ? .met : (missing.count == plan.packingNeeds.count ? .missed : .partial)
    let packedText = packed.map(name).joined(separator: "、")
    var evidence = [
      Evidence(
        turn: Evidence.preparation,
        note: .bagCoverage(
          needed: plan.packingNeeds.count, packed: plan.packingNeeds.count - missing.count,
          packedAnything: !packed.isEmpty),
        utterance: packedText)
    ]
    for need in missing {
      evidence.append(
        Evidence(
          turn: Evidence.preparation, note: .bagMissing(item: name(need.item), reason: need.reason),
          utterance: need.reason))
    }
    return (status, evidence)
  }

  /// The visit record (action 26) against what happened in the visit, and asking before the
  /// stock count.
  private func recordStatus(_ measure: Measure, _ transcript: Transcript) -> (
    CriterionStatus, [Evidence]
  ) {
    let record = transcript.record
    func evidence(_ note: EvidenceNote, _ field: String) -> [Evidence] {
      [Evidence(turn: Evidence.visitRecord, note: note, utterance: field)]
    }
    switch measure {
    case .recordContent(let minimum):
      let text = record?.content ?? ""
      return (
        text.count >= minimum ? .met : .missed,
        record == nil ? [] : evidence(.recordLength(field: .content, characters: text.count), text)
      )
    case .recordNextGoal(let minimum):
      let text = record?.nextGoal ?? ""
      return (
        text.count >= minimum ? .met : .missed,
        record == nil ? [] : evidence(.recordLength(field: .nextGoal, characters: text.count), text)
      )
    case .recordComplaint:
      guard transcript.turns.contains(where: { $0.phase == Phase.complaintID }),
        !plan.recordKeywords.isEmpty
      else {
        return (.notApplicable, [])
      }
      let requests = TextNormalizer.normalize(record?.requests ?? "")
      let found = plan.recordKeywords.filter { requests.contains(TextNormalizer.normalize($0)) }
      return (
        found.isEmpty ? .missed : .met,
        found.isEmpty ? [] : evidence(.recordedRequests(found), record?.requests ?? "")
      )
    case .stockPermission:
      guard let count = transcript.turns.first(where: { $0.kind == .stock }) else {
        return (.notApplicable, [])
      }
      return permission(before: count, transcript)
    case .recordPromises:
      // Every utterance that met a promise criterion is a promise the record must carry.
      var promises: [Evidence] = []
      for (i, check) in plan.checks.enumerated()
      where check.criterion.isPromise && progress[i].status != .missed {
        for e in progress[i].evidence where !promises.contains(where: { $0.turn == e.turn }) {
          promises.append(e)
        }
      }
      guard !promises.isEmpty else { return (.notApplicable, []) }
      let written = TextNormalizer.normalize(record?.promises ?? "")
      let profile = BigramProfile(written)
      let dated = StockJudge.dateWords.contains { written.contains($0) }
      let kept = promises.filter {
        profile.similarity(to: BigramProfile(TextNormalizer.normalize($0.utterance))) >= 0.15
      }
      let status: CriterionStatus =
        kept.count == promises.count && dated ? .met : (kept.isEmpty ? .missed : .partial)
      let note = EvidenceNote.promisesRecorded(
        promised: promises.count, recorded: kept.count, dated: dated || kept.isEmpty)
      // The record's line first, then each promise where it was made, kept or left out.
      let each = promises.map { promise in
        Evidence(
          turn: promise.turn, note: .promise(recorded: kept.contains(promise)),
          utterance: promise.utterance)
      }
      return (status, evidence(note, record?.promises ?? "") + each)
    default:
      return (.notApplicable, [])
    }
  }

  /// Whether one of the three utterances before `count` asked permission (the permission
  /// criterion's phrases).
  private func permission(before count: Turn, _ transcript: Transcript) -> (
    CriterionStatus, [Evidence]
  ) {
    let set =
      plan.checks.first { $0.criterion.measure == .stockPermission }?.criterion.phrases
      ?? PhraseSet()
    func normalized(_ phrases: [String]) -> [String] {
      phrases.map(TextNormalizer.normalize).filter { !$0.isEmpty }
    }
    let any = normalized(set.any)
    let groups = set.all.map(normalized).filter { !$0.isEmpty }
    let none = normalized(set.none)
    /// What in `text` asks permission: an `any` phrase, or one phrase from every `all` group.
    func asks(_ text: String) -> String? {
      guard !none.contains(where: { text.contains($0) }) else { return nil }
      if let phrase = any.first(where: { text.contains($0) }) { return phrase }
      guard !groups.isEmpty else { return nil }
      let found = groups.compactMap { group in group.first { text.contains($0) } }
      return found.count == groups.count ? found.joined(separator: "、") : nil
    }
    let before = transcript.turns.filter { $0.kind == .say && $0.index < count.index }.suffix(3)
    for turn in before.reversed() {
      if let words = asks(TextNormalizer.normalize(turn.trainee)) {
        return (.met, [Evidence(turn: turn.index, text: words, utterance: turn.trainee)])
      }
    }
    return (
      .missed, [Evidence(turn: count.index, note: .countedWithoutAsking, utterance: "/stock")]
    )
  }

  private func turnReports(_ transcript: Transcript) -> [TurnReport] {
    transcript.turns.map { turn in
      let score = turnScore(turn.index) ?? TurnScore()
      var violated = score.violated
      if score.stuffing { violated.append(keywordStuffingID) }
      var report = TurnReport(
        index: turn.index, kind: turn.kind, phase: turn.phase, trainee: turn.trainee,
        retailer: turn.retailer, mood: turn.mood, moodChange: turn.mood - turn.moodBefore,
        clock: turn.clock, met: score.newlyMet, violated: violated)
      report.partial = score.newlyPartial
      return report
    }
  }

  /// What keyword stuffing costs the retailer's mood.
  public static let stuffingMoodCost = 5
}
