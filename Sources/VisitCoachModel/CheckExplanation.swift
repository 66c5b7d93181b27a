/// Why the scorer declined a check whose words an utterance had.
public enum Declined: Sendable, Hashable {
  /// Praise or advice resting only on what `/look` would show, before looking: a guess.
  case hiddenScene
  /// A follow-up (`picks_up`) that takes up nothing of the line it answers.
  case notTakenUp
  /// Situated words said when nothing shows their situation.
  case noSituation
  /// Closer to one of the check's bad example sentences than to a good one.
  case likeBadExample
  /// Counts only before this check was met, and it already was (`before`).
  case afterItsTime(String)
  /// Counts only once this check is met, and it is not yet (`after`).
  case needsFirst(String)
  /// Its words occur in fewer clauses than it needs (`clauses_at_least`).
  case fewClauses(found: Int, needed: Int)
  /// A penalty that gives way to a more specific one that fired in the same utterance
  /// (`yields_to`).
  case yieldedTo(String)
}

/// Why one criterion or penalty got its status in one turn: for `visitcoach explain`.
public struct CheckExplanation: Sendable, Hashable {
  public init(id: String, title: String, isPenalty: Bool, verdict: Verdict) {
    self.id = id
    self.title = title
    self.isPenalty = isPenalty
    self.verdict = verdict
  }

  public enum Verdict: Sendable, Hashable {
    /// Met (or partly met) by this utterance, with the words (empty when a similar example or
    /// the catalogue and stock table met it: `source` says which).
    case counted(partial: Bool, words: String, source: Source)
    /// A penalty triggered by this utterance.
    case triggered(words: String)
    /// Met (or, for a penalty, triggered) because its learned model judged the utterance to be
    /// the act, with this probability, most of all for these words (see ``LearnedModel``).
    case learned(words: String, percent: Int)
    /// Met in an earlier turn: saying it again earns nothing.
    case alreadyMet
    /// Its words were there but did not count (a penalty in the same breath, keyword stuffing).
    case cancelled(words: String)
    /// Its words were there but a veto phrase was too (`none`).
    case vetoed
    /// Its words were there but the order rule did not hold (`after` / `before`).
    case outOfOrder(OrderRule)
    /// Its words were there but the scorer declined them, for this reason (from the turn's
    /// trace, never worked out again).
    case declined(Declined, words: String)
    /// It does not apply to this utterance.
    case notApplicable(Inapplicable)
    /// Its words were there but a negation before them denies them (不会…回话).
    case negated(words: String)
    /// A penalty's words, but in what someone else said or asked, reported (人家问不伤身的).
    case reported(words: String)
    /// Its words were there, but in a clause that challenges the rule (谁说非得按价签卖); for a
    /// penalty, its veto words were (so they vetoed nothing).
    case challenged(words: String)
    /// Nothing matched; the nearest phrase of the criterion, if any shares words with the text.
    case notMatched(nearest: String?)
  }

  /// What met a criterion that has no words of its own in the utterance.
  public enum Source: Sendable, Hashable {
    case words, similarExample, catalogue
  }

  /// An order rule that did not hold, with the titles of the criteria it names.
  public enum OrderRule: Sendable, Hashable {
    /// Counts only before `done`, which was already met (`before`).
    case afterItsTime(done: String)
    /// Counts only once `missing` is met (`after`).
    case needsFirst(missing: String)
  }

  /// Why a check does not apply to an utterance.
  public enum Inapplicable: Sendable, Hashable {
    /// Only for retailers with these traits.
    case traitsOnly([String])
    /// Only on a first visit or a repeat visit.
    case visitOnly(VisitKind)
    /// Only for stores of these classes.
    case classesOnly([CustomerClass])
    /// Not for this retailer (its persona or visit).
    case notThisRetailer
    /// Measured over the whole visit, decided in the report.
    case wholeVisit
    /// Scored only in these phases; the utterance was in `now`.
    case phasesOnly([String], now: String)
    /// Asks for a mood in this range; the retailer's was `now`.
    case moodRange(lower: Int, upper: Int, now: Int)
    /// Looks only at the first `window` utterances; this was number `at`.
    case window(Int, at: Int)
  }

  public var id: String
  public var title: String
  public var isPenalty: Bool
  public var verdict: Verdict
}
