import Scoring
import VisitCoachModel

/// What a line condition is checked against at one moment.
struct ConditionContext {
  var state: ConversationState
  var phase: String
  var traits: Set<String>
  var visit: VisitKind
  var scorer: Scorer
  var metNow: Set<String>
  var violatedNow: Set<String>
  var utteranceLength: Int
  /// The utterance being answered, as the engine reads it.
  var heard: HeardUtterance
  /// The visit-bag items packed before the visit.
  var packed: Set<String>
}

extension Condition {
  /// Whether every requirement of the condition holds.
  func holds(in context: ConditionContext) -> Bool {
    if !phases.isEmpty && !phases.contains(context.phase) { return false }
    if !traits.isSubset(of: context.traits) { return false }
    if !withoutTraits.isDisjoint(with: context.traits) { return false }
    if let mood, !mood.contains(context.state.mood) { return false }
    if let patience, !patience.contains(context.state.patience) { return false }
    if !flags.isSubset(of: context.state.flags) { return false }
    if !unset.isDisjoint(with: context.state.flags) { return false }
    if !met.allSatisfy({ context.scorer.isMet($0) }) { return false }
    if missed.contains(where: { context.scorer.isMet($0) }) { return false }
    if !metNow.isSubset(of: context.metNow) { return false }
    if !violatedNow.isSubset(of: context.violatedNow) { return false }
    if let longerThan, context.utteranceLength <= longerThan { return false }
    for group in heard where !group.contains(where: context.heard.says) {
      return false
    }
    if notHeard.contains(where: context.heard.says) { return false }
    if !said.allSatisfy(context.heard.heard) { return false }
    if notSaid.contains(where: context.heard.heard) { return false }
    if let visit, visit != context.visit { return false }
    if let turnInPhase, !turnInPhase.contains(context.state.turnsInPhase) { return false }
    if !packed.isSubset(of: context.packed) { return false }
    if !notPacked.isDisjoint(with: context.packed) { return false }
    return true
  }
}
