import VisitCoachModel

/// The part of a phrase set a pattern occurrence counts for.
enum PhraseRole: Sendable, Hashable {
  case any
  case all(Int)
  case none
  case partialAny
  case partialAll(Int)
  case partialNone
  /// A word that meets the check only in its situation.
  case situated
  /// A word that shows the check's situation (in the utterance, the line heard, or the scene).
  case situation
}

/// One use of a pattern by one check.
struct PatternUse: Sendable, Hashable {
  var check: Int
  var role: PhraseRole
}

/// A criterion or penalty prepared for fast scoring. A class, so that handing one around costs
/// one reference count instead of copying every field of the criterion.
final class CompiledCheck: Sendable {
  let criterion: Criterion
  let rubric: Int
  let similarGood: [BigramProfile]
  let similarBad: [BigramProfile]
  /// Whether trait and visit requirements hold for this scenario.
  let staticallyApplicable: Bool
  /// Indices of `after` / `before` checks.
  let after: [Int]
  let before: [Int]
  let cancels: [Int]
  let cancelsAll: Bool
  /// Indices of the `yields_to` penalties.
  let yieldsTo: [Int]

  init(criterion: Criterion, rubric: Int, staticallyApplicable: Bool, indexByID: [String: Int]) {
    self.criterion = criterion
    self.rubric = rubric
    similarGood = criterion.similar?.good.map { BigramProfile(TextNormalizer.normalize($0)) } ?? []
    similarBad = criterion.similar?.bad.map { BigramProfile(TextNormalizer.normalize($0)) } ?? []
    self.staticallyApplicable = staticallyApplicable
    after = criterion.after.compactMap { indexByID[$0] }
    before = criterion.before.compactMap { indexByID[$0] }
    cancelsAll = criterion.cancels.contains("*")
    cancels = criterion.cancels.compactMap { indexByID[$0] }
    yieldsTo = criterion.yieldsTo.compactMap { indexByID[$0] }
  }

  var hasSimilar: Bool { !similarGood.isEmpty || !similarBad.isEmpty }
  var isWordMeasure: Bool { criterion.measure.judgesWords }
}

/// The plain facts about a check that the hot path reads, kept free of references so that
/// reading them costs no reference counting.
struct CheckFlags: Sendable {
  var isPenalty = false
  var negationGuard = false
  var staticallyApplicable = false
  var isWordMeasure = false
  var hasSimilar = false
  var metByWaiting = false
  /// Some of the check's phrases are scene keywords of facts only `/look` reveals.
  var usesHiddenScene = false
  var allGroups = 0
  var partialAllGroups = 0
  /// The check has situated words.
  var hasSituated = false
  /// The check counts only when the utterance takes up the line heard.
  var picksUp = false
  /// The check counts fully only when the utterance reports back on an earlier promise.
  var recallsPromise = false
  /// The check counts only when the utterance names a brand above the store's tier.
  var beyondTier = false
  /// Its words must occur in at least this many clauses.
  var clausesAtLeast = 1
  /// The check gives way to other penalties (`yields_to`).
  var yields = false
  /// Bit p set: the check applies in phase p (scenario order); `anyPhase` when unrestricted.
  var phaseBits: UInt64 = 0
  var anyPhase = true
  var window = 0
  var moodLower = 0
  var moodUpper = 100
}

/// Everything needed to score utterances of one scenario: the criteria of its rubrics compiled
/// into one phrase automaton. Build it once per scenario and share it.
public struct ScoringPlan: Sendable {
  let checks: [CompiledCheck]
  let flags: [CheckFlags]
  /// Checks judged against the catalogue and stock table, each utterance.
  let catalogueChecks: [Int]
  let stockJudge: StockJudge
  let productJudge: ProductJudge
  let recordKeywords: [String]
  /// The promises of the earlier visit (a series), for `recalls_promise` checks.
  let promiseRecall: PromiseRecall
  /// The brands allocated by tier, against the store's tier, for `beyond_tier` checks.
  let tierJudge: TierJudge
  /// What the visit needs packed, and the visit-bag list to name the items by.
  let packingNeeds: [PackingNeed]
  let visitBag: [VisitItem]
  /// What can be worn or done before arriving, fitting or not (action 4).
  let wardrobe: [WardrobeItem]
  /// What the visit plan must name, and whether the visit has a preparation step at all.
  let planGoals: [PlanGoal]
  let hasPreparation: Bool
  /// Normalised scene keywords, and those that belong only to facts hidden until `/look`: praise
  /// or advice that rests on them alone is a guess before the trainee has looked.
  let sceneWords: Set<String>
  let hiddenSceneWords: Set<String>
  /// Indices of checks that can fire without a phrase of theirs (similar examples, a learned
  /// model), ascending.
  let similarChecks: [Int]
  /// The checks' learned models (see ``LearnedModel``).
  let learned: LearnedIndex
  /// Some check has situated words.
  let hasSituated: Bool
  /// The checks' words compiled for matching, and what the retailer hears, perhaps still being
  /// compiled on another thread (one thread for both: on two cores a second one slowed the
  /// start screen).
  private let compiled: BackgroundValue<Compiled>

  private struct Compiled: Sendable {
    var index: PhraseIndex
    var listening: Listening?
  }
  /// Phase ids in scenario order, for phase bits.
  let phaseIndex: [String: Int]
  let indexByID: [String: Int]
  let settings: SimulationSettings
  let rubrics: [Rubric]
  let phaseIDs: Set<String>

  /// Compiles the rubrics of `scenario`. With `compilingPhrasesInBackground`, the phrase
  /// automaton (most of the work) is built on another thread and the first utterance scored
  /// waits for it: the practice screen passes it to show its first prompt sooner.
  public init(scenario: Scenario, compilingPhrasesInBackground: Bool = false) {
    var indexByID: [String: Int] = [:]
    var all: [(criterion: Criterion, rubric: Int)] = []
    for (r, rubric) in scenario.rubrics.enumerated() {
      for criterion in rubric.checks {
        indexByID[criterion.id] = all.count
        all.append((criterion, r))
      }
    }
    let checks = all.map { entry -> CompiledCheck in
      CompiledCheck(
        criterion: entry.criterion, rubric: entry.rubric,
        staticallyApplicable: entry.criterion.canApply(in: scenario), indexByID: indexByID)
    }
    self.checks = checks
    self.indexByID = indexByID
    similarChecks = checks.indices.filter {
      checks[$0].hasSimilar || checks[$0].criterion.learned != nil
    }
    learned = LearnedIndex(checks: checks)
    catalogueChecks = checks.indices.filter {
      checks[$0].criterion.measure.readsStock || checks[$0].criterion.measure.readsProducts
    }
    stockJudge = StockJudge(scenario: scenario)
    // Only scenarios that score new-product facts pay for reading them.
    let judgesProducts = checks.contains { $0.criterion.measure.readsProducts }
    productJudge = ProductJudge(catalog: judgesProducts ? scenario.catalog : [])
    recordKeywords = scenario.recordKeywords
    promiseRecall = PromiseRecall(previous: scenario.previous)
    tierJudge = TierJudge(scenario: scenario)
    packingNeeds = scenario.packingNeeds
    visitBag = scenario.visitBag
    wardrobe = scenario.wardrobe
    planGoals = scenario.planGoals
    hasPreparation = scenario.hasPreparation
    func normalized(_ facts: [SceneFact]) -> Set<String> {
      Set(facts.flatMap(\.keywords).map(TextNormalizer.normalize).filter { !$0.isEmpty })
    }
    let sceneWords = normalized(scenario.scene)
    let hiddenSceneWords = normalized(scenario.scene.filter { !$0.visibleOnArrival })
      .subtracting(normalized(scenario.scene.filter(\.visibleOnArrival)))
    self.sceneWords = sceneWords
    self.hiddenSceneWords = hiddenSceneWords
    var phaseIndex: [String: Int] = [:]
    for (i, phase) in scenario.phases.prefix(64).enumerated() { phaseIndex[phase.id] = i }
    self.phaseIndex = phaseIndex
    flags = checks.map { check in
      let c = check.criterion
      var f = CheckFlags()
      f.isPenalty = c.isPenalty
      f.negationGuard = c.negationGuard
      f.staticallyApplicable = check.staticallyApplicable
      f.isWordMeasure = check.isWordMeasure
      f.hasSimilar = check.hasSimilar
      f.metByWaiting = c.metByWaiting
      f.usesHiddenScene = c.refersToScene && !hiddenSceneWords.isEmpty
      f.allGroups = c.phrases.all.count
      f.partialAllGroups = c.partial.all.count
      f.hasSituated = !c.situated.isEmpty
      f.picksUp = c.picksUp
      f.recallsPromise = c.recallsPromise
      f.beyondTier = c.beyondTier
      f.clausesAtLeast = c.clausesAtLeast
      f.yields = !check.yieldsTo.isEmpty
      f.anyPhase = c.applies.phases.isEmpty
      for phase in c.applies.phases {
        if let p = phaseIndex[phase] { f.phaseBits |= 1 << UInt64(p) }
      }
      f.window = c.window ?? 0
      f.moodLower = c.applies.mood?.lower ?? 0
      f.moodUpper = c.applies.mood?.upper ?? 100
      return f
    }
    hasSituated = flags.contains { $0.hasSituated }
    settings = scenario.settings
    rubrics = scenario.rubrics
    phaseIDs = Set(scenario.phases.map(\.id))
    let scene = scenario.scene
    let compile = { @Sendable in
      Compiled(
        index: PhraseIndex(checks: checks, scene: scene), listening: Listening(scenario: scenario))
    }
    compiled =
      compilingPhrasesInBackground
      ? BackgroundValue(computing: compile) : BackgroundValue(compile())
  }

  /// The checks' words compiled for matching (waits while they are still being compiled).
  var phrases: PhraseIndex { compiled.value.index }

  /// What the retailer hears in an utterance (intents and slots for the engine's lines), nil
  /// when the library has no listening rubric. Never scored. Waits while it is being compiled.
  public var listening: Listening? { compiled.value.listening }

  /// The number of distinct normalised phrases in the automaton.
  public var phraseCount: Int { phrases.automaton.patterns.count }
  /// The normalised phrases of the automaton (for benchmarks).
  public var patterns: [String] { phrases.automaton.patterns }
  /// The number of automaton states (for benchmarks).
  public var stateCount: Int { phrases.automaton.stateCount }
}
