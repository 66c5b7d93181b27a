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
  /// Bit p set: the check applies in phase p (scenario order); `anyPhase` when unrestricted.
  var phaseBits: UInt64 = 0
  var anyPhase = true
  var window = 0
  var moodLower = 0
  var moodUpper = 100
}

/// What a written phrase compiles to: an automaton pattern, a gapped pattern, or nothing.
private enum ResolvedPhrase {
  case nothing
  /// Automaton patterns, more than one for the alternatives of a one-part phrase (a gap mark
  /// at an end of a family's phrase).
  case plain([Int])
  case gapped(Int)
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
  /// What the visit needs packed, and the visit-bag list to name the items by.
  let packingNeeds: [PackingNeed]
  let visitBag: [VisitItem]
  /// What the visit plan must name, and whether the visit has a preparation step at all.
  let planGoals: [PlanGoal]
  let hasPreparation: Bool
  /// Normalised scene keywords, and those that belong only to facts hidden until `/look`: praise
  /// or advice that rests on them alone is a guess before the trainee has looked.
  let sceneWords: Set<String>
  let hiddenSceneWords: Set<String>
  /// Indices of checks with similar examples, ascending.
  let similarChecks: [Int]
  let automaton: PhraseAutomaton
  /// Some check has situated words.
  let hasSituated: Bool
  /// For each check whose situation the scene shows: the first scene fact that shows it, among
  /// the facts visible on arrival, and among all of them (after `/look`).
  private(set) var sceneSituation: [Int: String] = [:]
  private(set) var sceneSituationAfterLook: [Int: String] = [:]
  /// Gapped phrases, and for each automaton pattern the gapped parts it stands for
  /// (`gapPartList[gapPartStart[p]..<gapPartStart[p + 1]]`).
  let gapped: [GappedPattern]
  let gapPartStart: [Int32]
  let gapPartList: [GapPart]
  /// Uses of pattern p (plain, then gapped) are `useList[useStart[p]..<useStart[p + 1]]`.
  let useStart: [Int32]
  let useList: [PatternUse]
  /// Phase ids in scenario order, for phase bits.
  let phaseIndex: [String: Int]
  let indexByID: [String: Int]
  let settings: SimulationSettings
  let rubrics: [Rubric]
  let phaseIDs: Set<String>

  /// Compiles the rubrics of `scenario`.
  public init(scenario: Scenario) {
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
    // Phrases are numbered by the automaton's trie (the same bytes reach the same state), not
    // hashed: a plan has thousands, most of them written into several criteria.
    var builder = PhraseAutomaton.Builder()
    var uses: [[PatternUse]] = []
    func pattern(_ bytes: [UInt8]) -> Int {
      let index = builder.index(of: bytes)
      if index == uses.count { uses.append([]) }
      return index
    }
    // Gapped phrases: their parts go into the automaton (with no uses of their own unless a
    // plain phrase is the same), the phrase itself into a table after the plain ones.
    var gappedIndex: [[[Int]]: Int] = [:]
    var gapped: [GappedPattern] = []
    var gappedUses: [[PatternUse]] = []
    func resolve(_ phrase: String) -> ResolvedPhrase {
      if !GappedPhrases.mayBeGapped(phrase) {
        let bytes = TextNormalizer.normalizedBytes(phrase)
        return bytes.isEmpty ? .nothing : .plain([pattern(bytes)])
      }
      // Each part with its alternatives, as automaton patterns (deduplicated, in order).
      var key: [[Int]] = []
      for part in GappedPhrases.parts(of: phrase) {
        var options: [Int] = []
        for option in GappedPhrases.alternatives(of: part) {
          let bytes = TextNormalizer.normalizedBytes(option)
          if bytes.isEmpty { continue }
          let index = pattern(bytes)
          if !options.contains(index) { options.append(index) }
        }
        if !options.isEmpty { key.append(options) }
      }
      if key.isEmpty { return .nothing }
      if key.count == 1 { return .plain(key[0]) }
      if let existing = gappedIndex[key] { return .gapped(existing) }
      gappedIndex[key] = gapped.count
      gapped.append(GappedPattern(parts: key.map { $0.map(Int32.init) }))
      gappedUses.append([])
      return .gapped(gapped.count - 1)
    }
    func add(_ phrase: String, _ use: PatternUse) {
      switch resolve(phrase) {
      case .nothing:
        break
      case .plain(let indices):
        for index in indices where !uses[index].contains(use) { uses[index].append(use) }
      case .gapped(let g):
        if !gappedUses[g].contains(use) { gappedUses[g].append(use) }
      }
    }
    for (i, check) in checks.enumerated() {
      let c = check.criterion
      for p in c.phrases.any { add(p, PatternUse(check: i, role: .any)) }
      for (g, group) in c.phrases.all.enumerated() {
        for p in group { add(p, PatternUse(check: i, role: .all(g))) }
      }
      for p in c.phrases.none { add(p, PatternUse(check: i, role: .none)) }
      for p in c.partial.any { add(p, PatternUse(check: i, role: .partialAny)) }
      for (g, group) in c.partial.all.enumerated() {
        for p in group { add(p, PatternUse(check: i, role: .partialAll(g))) }
      }
      for p in c.partial.none { add(p, PatternUse(check: i, role: .partialNone)) }
      if !c.situated.isEmpty {
        for p in c.situated.any { add(p, PatternUse(check: i, role: .situated)) }
        for p in c.situated.when { add(p, PatternUse(check: i, role: .situation)) }
      }
    }
    self.checks = checks
    self.indexByID = indexByID
    similarChecks = checks.indices.filter { checks[$0].hasSimilar }
    catalogueChecks = checks.indices.filter {
      checks[$0].criterion.measure.readsStock || checks[$0].criterion.measure.readsProducts
    }
    stockJudge = StockJudge(scenario: scenario)
    // Only scenarios that score new-product facts pay for reading them.
    let judgesProducts = checks.contains { $0.criterion.measure.readsProducts }
    productJudge = ProductJudge(catalog: judgesProducts ? scenario.catalog : [])
    recordKeywords = scenario.recordKeywords
    packingNeeds = scenario.packingNeeds
    visitBag = scenario.visitBag
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
    // Plain patterns are numbered as in the automaton; gapped pattern g is `patterns.count + g`.
    var partStarts: [Int32] = []
    var partList: [GapPart] = []
    var partsOf = Array(repeating: [GapPart](), count: builder.count)
    for (g, entry) in gapped.enumerated() {
      for (k, options) in entry.parts.enumerated() {
        for part in options {
          partsOf[Int(part)].append(GapPart(gapped: Int32(g), position: Int32(k)))
        }
      }
    }
    for parts in partsOf {
      partStarts.append(Int32(partList.count))
      partList += parts
    }
    partStarts.append(Int32(partList.count))
    self.gapped = gapped
    gapPartStart = partStarts
    gapPartList = partList
    var starts: [Int32] = []
    var list: [PatternUse] = []
    for u in uses + gappedUses {
      starts.append(Int32(list.count))
      list += u
    }
    starts.append(Int32(list.count))
    useStart = starts
    useList = list
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
      f.anyPhase = c.applies.phases.isEmpty
      for phase in c.applies.phases {
        if let p = phaseIndex[phase] { f.phaseBits |= 1 << UInt64(p) }
      }
      f.window = c.window ?? 0
      f.moodLower = c.applies.mood?.lower ?? 0
      f.moodUpper = c.applies.mood?.upper ?? 100
      return f
    }
    let automaton = PhraseAutomaton(builder)
    self.automaton = automaton
    hasSituated = flags.contains { $0.hasSituated }
    settings = scenario.settings
    rubrics = scenario.rubrics
    phaseIDs = Set(scenario.phases.map(\.id))
    // The shop shows its situation from the start (a child at the counter): checks whose
    // situation words are in a scene fact, visible on arrival or after `/look`.
    if hasSituated {
      for fact in scenario.scene {
        for check in situationChecks(in: fact.text) {
          if fact.visibleOnArrival && sceneSituation[check] == nil {
            sceneSituation[check] = fact.text
          }
          if sceneSituationAfterLook[check] == nil { sceneSituationAfterLook[check] = fact.text }
        }
      }
    }
  }

  /// Checks whose situation words occur in `text` (a line the retailer said, a scene fact).
  /// Negation does not matter here: 「他不是小孩」 is still about a child.
  func situationChecks(in text: String) -> Set<Int> {
    var checks = Set<Int>()
    var normalized = TextNormalizer.normalize(text)
    var found: [PhraseAutomaton.Match] = []
    normalized.withUTF8 { collect($0, into: &found) }
    for match in found {
      for u in Int(useStart[match.pattern])..<Int(useStart[match.pattern + 1])
      where useList[u].role == .situation {
        checks.insert(useList[u].check)
      }
    }
    return checks
  }

  /// Appends every phrase occurrence in `bytes` (normalised text) to `found`: the automaton's
  /// matches, then those of gapped phrases (numbered after the automaton's patterns).
  func collect(_ bytes: UnsafeBufferPointer<UInt8>, into found: inout [PhraseAutomaton.Match]) {
    automaton.collect(bytes, into: &found)
    guard !gapped.isEmpty, !found.isEmpty else { return }
    var parts: [(gapped: Int32, position: Int32, start: Int32, end: Int32)] = []
    for match in found {
      for u in Int(gapPartStart[match.pattern])..<Int(gapPartStart[match.pattern + 1]) {
        let part = gapPartList[u]
        parts.append((part.gapped, part.position, Int32(match.start), Int32(match.end)))
      }
    }
    guard !parts.isEmpty else { return }
    parts.sort { ($0.gapped, $0.position, $0.start) < ($1.gapped, $1.position, $1.start) }
    var from = 0
    while from < parts.count {
      let g = parts[from].gapped
      var to = from
      while to < parts.count && parts[to].gapped == g { to += 1 }
      GappedPattern.resolve(
        parts[from..<to], partCount: gapped[Int(g)].parts.count,
        pattern: automaton.patterns.count + Int(g), bytes: bytes, into: &found)
      from = to
    }
  }

  /// Whether pattern `index` is a gapped phrase (numbered after the automaton's patterns).
  func isGapped(_ index: Int) -> Bool { index >= automaton.patterns.count }

  /// The number of distinct normalised phrases in the automaton.
  public var phraseCount: Int { automaton.patterns.count }
  /// The normalised phrases of the automaton (for benchmarks).
  public var patterns: [String] { automaton.patterns }
  /// The number of automaton states (for benchmarks).
  public var stateCount: Int { automaton.stateCount }
}
