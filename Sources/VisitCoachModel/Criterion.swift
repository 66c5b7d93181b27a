/// A set of phrases to look for in a normalised utterance.
///
/// `any`: at least one phrase; `all`: at least one phrase from every group; `none`: no phrase
/// may occur (a veto). Empty parts are ignored; a set with no `any` and no `all` never matches
/// by phrases alone.
public struct PhraseSet: Sendable, Hashable, Codable {
  public var any: [String]
  public var all: [[String]]
  public var none: [String]

  public init(any: [String] = [], all: [[String]] = [], none: [String] = []) {
    self.any = any
    self.all = all
    self.none = none
  }

  /// Whether the set can match anything at all.
  public var isEmpty: Bool { any.isEmpty && all.isEmpty }

  /// Every phrase in the set.
  public var allPhrases: [String] { any + all.flatMap { $0 } + none }
}

/// Words whose meaning depends on the moment: 「卖吧」 sells to a minor only when a child is at
/// the counter, 「收下了」 takes a gift only when one is offered. They meet the criterion when the
/// utterance has one of `any` and the situation shows one of `when`: the retailer's line the
/// trainee answers, what can be seen in the shop, or the utterance itself.
public struct SituatedPhrases: Sendable, Hashable, Codable {
  public var when: [String]
  public var any: [String]

  public init(when: [String] = [], any: [String] = []) {
    self.when = when
    self.any = any
  }

  /// Whether there is anything to match.
  public var isEmpty: Bool { when.isEmpty || any.isEmpty }
}

/// Reference sentences matched by character n-gram similarity, for phrasings the phrase lists miss.
public struct SimilarExamples: Sendable, Hashable, Codable {
  public var good: [String]
  public var bad: [String]
  /// The similarity (0-1, character bigram Dice) a sentence needs to count as close.
  public var threshold: Double

  public init(good: [String], bad: [String], threshold: Double) {
    self.good = good
    self.bad = bad
    self.threshold = threshold
  }
}

/// A sample sentence kept next to a criterion as its unit test: it must (or must not) meet the
/// criterion, or trigger the penalty. `visitcoach check` runs them.
public struct CriterionExample: Sendable, Hashable, Codable {
  public var text: String
  public var shouldMatch: Bool
  /// Where the example is written (rubric file, 1-based line and column).
  public var file: String
  public var line: Int
  public var column: Int

  public init(text: String, shouldMatch: Bool, file: String, line: Int, column: Int) {
    self.text = text
    self.shouldMatch = shouldMatch
    self.file = file
    self.line = line
    self.column = column
  }
}

/// When a criterion applies. Unset parts always hold.
public struct Applicability: Sendable, Hashable, Codable {
  public var phases: Set<String> = []
  /// The persona has at least one of these traits.
  public var traits: Set<String> = []
  /// The persona has none of these traits.
  public var withoutTraits: Set<String> = []
  public var visit: VisitKind?
  /// The store is of one of these classes (empty: any); e.g. a next visit a month away is too
  /// rare for an A-class store, which is visited weekly.
  public var classes: Set<CustomerClass> = []
  /// The retailer's mood before the utterance lies in this range.
  public var mood: ValueRange?

  public init() {}
}

/// What a criterion looks at besides words.
public enum Measure: Sendable, Hashable, Codable {
  /// The words of the utterance (phrases and similar examples).
  case words
  /// The time spent in the criterion's phases: met when at most this many seconds.
  case phaseDurationAtMost(Int)
  /// The time spent in the criterion's phases: met when at least this many seconds (not
  /// rushing, e.g. teaching an elderly retailer).
  case phaseDurationAtLeast(Int)
  /// The words, in at least this many utterances (fewer: partial).
  case metTimes(Int)
  /// The words, and the visit-bag item with this id was packed (said but not packed: missed).
  case withItem(String)
  /// A new product introduced with at least this many facts (price, price class, flavour,
  /// origin, selling point, buyer) from the catalogue, gathered over the visit.
  case productFacts(Int)
  /// A penalty: a new product's price or price class stated wrongly.
  case wrongProductFact
  /// The trainee used `/look` before the first utterance in the criterion's phases.
  case lookedFirst
  /// The visit plan stated before arriving names every goal of `preparation.goals` (all: met;
  /// some: partial). Not applicable when the scenario sets no goals.
  case planGoals
  /// The trainee checked their appearance (`/ready`) before arriving. Not applicable when the
  /// visit has no preparation step.
  case appearanceChecked
  /// Every utterance in the criterion's phases is at most this many characters.
  case utterancesAtMost(Int)
  /// A substitute for an out-of-stock brand, judged against the catalogue in the source
  /// document's order (price band, flavour type, brand family, origin): met for the best
  /// substitute in stock, partial for one of the same price band.
  case substitution
  /// A penalty: the suggested substitute is of a higher price class than the brand it replaces.
  case pricierSubstitute
  /// Stock advice against the stock table: topping up a fast seller and holding a slow mover
  /// (both: met; one: partial).
  case stockAdvice
  /// A penalty: advising to order more of a slow mover.
  case stockPush
  /// The visit record (action 26) says what was done: at least this many characters.
  case recordContent(Int)
  /// The visit record mentions the retailer's complaint (the scenario's record keywords), when
  /// there was one.
  case recordComplaint
  /// Every promise made in the visit (utterances meeting a `promise` criterion) is in the
  /// record's promises, with a date.
  case recordPromises
  /// The record states the next visit's goal: at least this many characters.
  case recordNextGoal(Int)
  /// Before the first `/stock`, the trainee asked the retailer's permission (one of the
  /// criterion's `match.any` phrases in the three utterances before it). Not applicable when
  /// the stock was never counted.
  case stockPermission
  /// Before the visit, the trainee packed every item the scenario's `preparation.needs` lists
  /// (all: met; some: partial). Not applicable when the scenario needs nothing packed.
  case packedNeeded

  /// Whether the criterion's phrases decide it, utterance by utterance (plain words, words
  /// counted over utterances, words backed by a packed item).
  public var judgesWords: Bool {
    switch self {
    case .words, .metTimes, .withItem: return true
    default: return false
    }
  }

  /// Whether the measure reads the store's stock table (substitution and stock advice).
  public var readsStock: Bool {
    switch self {
    case .substitution, .pricierSubstitute, .stockAdvice, .stockPush: return true
    default: return false
    }
  }

  /// Whether the measure judges a new product's facts against the catalogue.
  public var readsProducts: Bool {
    switch self {
    case .productFacts, .wrongProductFact: return true
    default: return false
    }
  }

  /// Whether the measure judges each utterance (words) rather than the whole visit.
  public var isPerUtterance: Bool {
    switch self {
    case .phaseDurationAtMost, .phaseDurationAtLeast, .utterancesAtMost, .recordContent,
      .recordComplaint, .recordPromises, .recordNextGoal, .stockPermission, .packedNeeded,
      .lookedFirst, .planGoals, .appearanceChecked:
      return false
    default: return true
    }
  }
}

/// One yes/no check of a rubric, with its points, or a penalty.
public struct Criterion: Sendable, Hashable, Identifiable, Codable {
  /// The qualified id, `rubric.criterion`.
  public var id: String
  /// The id within its rubric.
  public var localID: String
  public var title: String
  public var isPenalty: Bool
  /// Points earned when met (for a penalty: deducted from the total each time it is triggered).
  public var points: Int
  public var measure: Measure
  public var phrases: PhraseSet
  /// A weaker match that earns `partialPoints`.
  public var partial: PhraseSet
  public var partialPoints: Int
  public var similar: SimilarExamples?
  /// Whether 不/没/别/不用/不是 just before a phrase cancels it.
  public var negationGuard: Bool
  /// Whether a silent `/wait` meets the criterion (e.g. waiting while a busy retailer serves).
  public var metByWaiting: Bool
  public var applies: Applicability
  /// Counts only within the first N trainee turns of its phases.
  public var window: Int?
  /// Counts only once these criteria have been met (in an earlier or the same turn).
  public var after: [String]
  /// Counts only while these criteria have not been met.
  public var before: [String]
  /// A penalty that ends in failure whatever the total.
  public var isBlocker: Bool
  /// Criteria a penalty cancels in the same utterance (`*` for all).
  public var cancels: [String]
  /// For penalties: how many times it can be deducted.
  public var maxCount: Int
  /// Mood and patience change when met (or triggered).
  public var mood: Int
  public var patience: Int
  public var tip: String
  public var example: String
  /// Criteria of one group are alternatives (e.g. the three opening styles): the group counts
  /// once, through the member that was met.
  public var group: String?
  /// Sample sentences that must (or must not) meet it.
  public var examples: [CriterionExample] = []
  /// Words that meet it only in a situation (see ``SituatedPhrases``).
  public var situated = SituatedPhrases()
  /// Meeting it makes a promise (an action with a date) that the visit record must carry.
  public var isPromise = false
  /// Its words count only when the utterance takes up what the retailer just said (a word of
  /// that line, or a take-up such as 那…): a follow-up question, not a stock one.
  public var picksUp = false
  /// Its words count only when the utterance reports back on a promise of the earlier visit
  /// (shares words with it); reporting something else earns partial credit. Not applicable
  /// when the visit follows no promise.
  public var recallsPromise = false
  /// Its words count only when the utterance names a catalogue brand whose `min_tier` is above
  /// the store's tier: suggesting a brand its allocation does not include. Not applicable when
  /// the scenario states no tier or no brand has one.
  public var beyondTier = false
  /// Its words count only when they occur in at least this many clauses of the utterance (a
  /// summary lists several things: 价签换了，空格补了); 1 (the default) is any.
  public var clausesAtLeast = 1
  /// Penalties that stand in for this one: when one of them fires in the same utterance, this
  /// one does not (`yields_to`). An umbrella penalty (a learned model trained on a label that
  /// covers several faults) catches what the specific ones miss without a second deduction
  /// for the same words.
  public var yieldsTo: [String] = []
  /// Credit for a courteous or caring act (a polite greeting, empathy, an apology, thanks):
  /// any penalty in the same utterance cancels it, since a sneer or a threat wrapped in polite
  /// words is not politeness (the frame of the whole utterance).
  public var isCourtesy = false
  /// Its phrases name what is in the store (a `{scene…}` placeholder): before `/look`, words
  /// about facts only a look reveals do not count.
  public var refersToScene = false
  /// A model learned from labelled examples that also meets it (a penalty: triggers it) when
  /// its phrases do not, unless one of its `none` phrases is said (see ``LearnedModel``).
  public var learned: LearnedModel?

  public init(
    id: String, localID: String, title: String, isPenalty: Bool, points: Int, measure: Measure,
    phrases: PhraseSet, partial: PhraseSet, partialPoints: Int, similar: SimilarExamples?,
    negationGuard: Bool, metByWaiting: Bool, applies: Applicability, window: Int?, after: [String],
    before: [String],
    isBlocker: Bool, cancels: [String], maxCount: Int, mood: Int, patience: Int, tip: String,
    example: String, group: String? = nil
  ) {
    self.id = id
    self.localID = localID
    self.title = title
    self.isPenalty = isPenalty
    self.points = points
    self.measure = measure
    self.phrases = phrases
    self.partial = partial
    self.partialPoints = partialPoints
    self.similar = similar
    self.negationGuard = negationGuard
    self.metByWaiting = metByWaiting
    self.applies = applies
    self.window = window
    self.after = after
    self.before = before
    self.isBlocker = isBlocker
    self.cancels = cancels
    self.maxCount = maxCount
    self.mood = mood
    self.patience = patience
    self.tip = tip
    self.example = example
    self.group = group
  }
}

/// A rubric: one area of the report, with a weight, its criteria and its penalties.
public struct Rubric: Sendable, Hashable, Identifiable, Codable {
  public var id: String
  public var title: String
  public var weight: Int
  public var criteria: [Criterion]
  public var penalties: [Criterion]
  /// A short tip for each phase, shown by `/hint`.
  public var hints: [String: String]

  public init(
    id: String, title: String, weight: Int, criteria: [Criterion], penalties: [Criterion],
    hints: [String: String]
  ) {
    self.id = id
    self.title = title
    self.weight = weight
    self.criteria = criteria
    self.penalties = penalties
    self.hints = hints
  }

  /// Criteria and penalties together.
  public var checks: [Criterion] { criteria + penalties }

  /// The id of the rubric of what the retailer hears (`rubrics/said.yaml`): never scored, its
  /// criteria are the intents lines answer (`said:`) and quote (`{said.time}`).
  public static let listeningID = "said"

  /// The id of the rubric that scores the visit record (action 26): a visit whose scenario uses
  /// it asks for a record at the end.
  public static let recordID = "record"
}
