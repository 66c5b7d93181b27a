import VisitCoachModel

/// Why one criterion or penalty got its status in one turn: for `visitcoach explain`.
public struct CheckExplanation: Sendable, Hashable {
  public enum Verdict: Sendable, Hashable {
    /// Met (or partly met) by this utterance, with the words.
    case counted(partial: Bool, words: String)
    /// A penalty triggered by this utterance.
    case triggered(words: String)
    /// Met in an earlier turn: saying it again earns nothing.
    case alreadyMet
    /// Its words were there but did not count (a penalty in the same breath, keyword stuffing).
    case cancelled(words: String)
    /// Its words were there but a veto phrase was too (`none`).
    case vetoed
    /// Its words were there but the order rule did not hold (`after` / `before`).
    case outOfOrder(String)
    /// Its words were there but the scorer declined them, for this reason (from the turn's
    /// trace, never worked out again).
    case declined(Declined, words: String)
    /// It does not apply to this utterance.
    case notApplicable(String)
    /// Its words were there but a negation before them denies them (不会…回话).
    case negated(words: String)
    /// Nothing matched; the nearest phrase of the criterion, if any shares words with the text.
    case notMatched(nearest: String?)
  }

  public var id: String
  public var title: String
  public var isPenalty: Bool
  public var verdict: Verdict
}

extension Scorer {
  /// Explains every check for `utterance`, given this scorer's state before the turn and the
  /// score the turn got. Reasons are in Chinese, for trainers.
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
      if result.violated.contains(c.id) {
        verdict = .triggered(words: words)
      } else if result.newlyMet.contains(c.id) || result.newlyPartial.contains(c.id) {
        // Without phrase hits it was a similar example, or the catalogue and stock table.
        let source = c.measure.judgesWords ? "(相似示例)" : "(对照卷烟目录和库存表)"
        verdict = .counted(
          partial: result.newlyPartial.contains(c.id), words: words.isEmpty ? source : words)
      } else if result.cancelled.contains(c.id) {
        verdict = .cancelled(words: words)
      } else if result.satisfied.contains(c.id) || (progress[i].status == .met && !words.isEmpty) {
        verdict = .alreadyMet
      } else if let reason = result.declined[c.id] {
        switch reason {
        case .afterItsTime(let done):
          verdict = .outOfOrder("「\(title(of: done))」已经做过，这一条只算在它之前")
        case .needsFirst(let missing):
          verdict = .outOfOrder("要先做到「\(title(of: missing))」")
        default:
          verdict = .declined(reason, words: words)
        }
      } else if let reason = notApplicable(check, utterance, position: position, overall: overall) {
        verdict = .notApplicable(reason)
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
    -> String?
  {
    let c = check.criterion
    let a = c.applies
    if !check.staticallyApplicable {
      if !a.traits.isEmpty { return "只适用于特质 \(a.traits.sorted().joined(separator: "/")) 的零售户" }
      if let visit = a.visit { return "只适用于\(visit == .first ? "首次拜访" : "回访")" }
      return "不适用于这个零售户"
    }
    if !c.measure.isPerUtterance { return "按整个拜访测量，报告时判定" }
    if !a.phases.isEmpty && !a.phases.contains(u.phase) {
      return "只在环节 \(a.phases.sorted().joined(separator: "/")) 计分，这句在 \(u.phase)"
    }
    if let mood = a.mood, !mood.contains(u.moodBefore) {
      return "要求好感 \(mood.lower)-\(mood.upper)，当时是 \(u.moodBefore)"
    }
    if let window = c.window {
      let at = a.phases.isEmpty ? overall : position
      if at > window { return "只看前 \(window) 句，这是第 \(at) 句" }
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
