import VisitCoachModel

/// What the retailer hears in an utterance, so the engine can answer it: the criteria of the
/// scenario's listening rubric, compiled into a plan of their own and matched exactly as scored
/// criteria are (negation, gapped phrases, `none`, clauses, the line heard), but never scored.
public final class Listening: Sendable {
  let plan: ScoringPlan

  /// The listening plan of `scenario`, or nil when its library has no listening rubric.
  public init?(scenario: Scenario) {
    guard let heard = scenario.listeningScenario else { return nil }
    plan = ScoringPlan(scenario: heard)
  }

  /// The intents `text` shows, in the rubric's order. `line` is the retailer's line it answers
  /// (for situated words).
  public func hear(_ text: String, after line: String = "") -> [HeardIntent] {
    let scorer = Scorer(plan: plan)
    let prepared = scorer.prepare(text)
    var heard: [HeardIntent] = []
    for i in plan.checks.indices {
      let criterion = plan.checks[i].criterion
      guard scorer.wordsMeet(anyOf: [criterion.id], in: prepared, heard: line) else { continue }
      heard.append(
        HeardIntent(
          name: criterion.localID,
          words: prepared.evidenceWords(for: i, plan: plan)))
    }
    return heard
  }
}
