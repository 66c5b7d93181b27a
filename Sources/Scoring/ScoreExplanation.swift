import VisitCoachModel

extension Scorer {
  /// Explains every check for `utterance`, given this scorer's state before the turn and the
  /// score the turn got. Reasons are data; Reporting words them.
  public func explain(_ utterance: Utterance, result: TurnScore) -> [CheckExplanation] {
    guard utterance.kind == .say else { return [] }
    let prepared = prepare(utterance.text)
    let position = phaseTurns[utterance.phase, default: 0] + 1
    let overall = sayTurns + 1
    var out: [CheckExplanation] = []
    for (i, check) in plan.checks.enumerated() {
      let c = check.criterion
      let words = prepared.evidenceWords(for: i, plan: plan).joined(separator: "、")
      let verdict: CheckExplanation.Verdict
      if case .learned(let found, let percent) = result.learned[c.id] {
        verdict = .learned(words: found.joined(separator: "、"), percent: percent)
      } else if result.violated.contains(c.id) {
        verdict = .triggered(words: words)
      } else if result.newlyMet.contains(c.id) || result.newlyPartial.contains(c.id) {
        // Without phrase hits it was a similar example, or the catalogue and stock table.
        let source: CheckExplanation.Source =
          !words.isEmpty ? .words : c.measure.judgesWords ? .similarExample : .catalogue
        verdict = .counted(
          partial: result.newlyPartial.contains(c.id), words: words, source: source)
      } else if result.cancelled.contains(c.id) {
        verdict = .cancelled(words: words)
      } else if result.satisfied.contains(c.id) || (progress[i].status == .met && !words.isEmpty) {
        verdict = .alreadyMet
      } else if let reason = result.declined[c.id] {
        switch reason {
        case .afterItsTime(let done):
          verdict = .outOfOrder(.afterItsTime(done: title(of: done)))
        case .needsFirst(let missing):
          verdict = .outOfOrder(.needsFirst(missing: title(of: missing)))
        case .yieldedTo(let specific):
          verdict = .declined(.yieldedTo(title(of: specific)), words: words)
        default:
          verdict = .declined(reason, words: words)
        }
      } else if let reason = notApplicable(check, utterance, position: position, overall: overall) {
        verdict = .notApplicable(reason)
      } else if case let theirs = prepared.reportedWords(for: i, plan: plan), !theirs.isEmpty,
        prepared.hit(i)?.any != true
      {
        // Its words were only in someone else's reported words.
        verdict = .reported(words: theirs.joined(separator: "、"))
      } else if case let challenged = prepared.challengedWords(for: i, plan: plan),
        !challenged.isEmpty, !c.isPenalty, prepared.hit(i)?.any != true
      {
        verdict = .challenged(words: challenged.joined(separator: "、"))
      } else if let hit = prepared.hit(i), hit.none {
        verdict = .vetoed
      } else if progress[i].status == .met {
        verdict = .alreadyMet
      } else if case let denied = prepared.negatedWords(for: i, plan: plan), !denied.isEmpty {
        verdict = .negated(words: denied.joined(separator: "、"))
      } else {
        verdict = .notMatched(nearest: nearest(c, prepared.normalized))
      }
      out.append(
        CheckExplanation(id: c.id, title: c.title, isPenalty: c.isPenalty, verdict: verdict))
    }
    return out
  }

  private func title(of id: String) -> String {
    plan.indexByID[id].map { plan.checks[$0].criterion.title } ?? id
  }

  private func notApplicable(_ check: CompiledCheck, _ u: Utterance, position: Int, overall: Int)
    -> CheckExplanation.Inapplicable?
  {
    let c = check.criterion
    let a = c.applies
    if !check.staticallyApplicable {
      if !a.traits.isEmpty { return .traitsOnly(a.traits.sorted()) }
      if let visit = a.visit { return .visitOnly(visit) }
      if !a.classes.isEmpty { return .classesOnly(a.classes.sorted { $0.rawValue < $1.rawValue }) }
      return .notThisRetailer
    }
    if !c.measure.isPerUtterance { return .wholeVisit }
    if !a.phases.isEmpty && !a.phases.contains(u.phase) {
      return .phasesOnly(a.phases.sorted(), now: u.phase)
    }
    if let mood = a.mood, !mood.contains(u.moodBefore) {
      return .moodRange(lower: mood.lower, upper: mood.upper, now: u.moodBefore)
    }
    if let window = c.window {
      let at = a.phases.isEmpty ? overall : position
      if at > window { return .window(window, at: at) }
    }
    return nil
  }

  /// The criterion's phrase sharing the longest run of characters with the text.
  private func nearest(_ c: Criterion, _ normalized: String) -> String? {
    let text = Array(normalized)
    var best: (phrase: String, shared: Int)?
    for written in c.phrases.any + c.phrases.all.flatMap({ $0 }) {
      let phrase = GappedPhrases.display(written)
      let p = Array(TextNormalizer.normalize(phrase))
      var longest = 0
      for i in 0..<p.count {
        for j in 0..<text.count {
          var k = 0
          while i + k < p.count && j + k < text.count && p[i + k] == text[j + k] { k += 1 }
          longest = max(longest, k)
        }
      }
      let enough = longest >= min(2, p.count)
      if enough, longest > 0, best == nil || longest > best!.shared { best = (phrase, longest) }
    }
    return best?.phrase
  }
}
