import VisitCoachModel

/// The part of a phrase set a pattern occurrence counts for.
enum PhraseRole: Sendable, Hashable {
  case any
  case all(Int)
  case none
  case partialAny
  case partialAll(Int)
  case partialNone
}

/// One use of a pattern by one check.
struct PatternUse: Sendable, Hashable {
  var check: Int
  var role: PhraseRole
}

/// A criterion or penalty prepared for fast scoring.
struct CompiledCheck: Sendable {
  var criterion: Criterion
  var rubric: Int
  var similarGood: [BigramProfile]
  var similarBad: [BigramProfile]
  /// Whether trait and visit requirements hold for this scenario.
  var staticallyApplicable: Bool
  /// Indices of `after` / `before` checks.
  var after: [Int]
  var before: [Int]
  var cancels: [Int]
  var cancelsAll: Bool
}

/// Everything needed to score utterances of one scenario: the criteria of its rubrics compiled
/// into one phrase automaton. Build it once per scenario and share it.
public struct ScoringPlan: Sendable {
  let checks: [CompiledCheck]
  let automaton: PhraseAutomaton
  let uses: [[PatternUse]]
  let indexByID: [String: Int]
  let settings: SimulationSettings
  let rubrics: [Rubric]
  let phaseIDs: Set<String>

  /// Compiles the rubrics of `scenario`.
  public init(scenario: Scenario) {
    var checks: [CompiledCheck] = []
    var indexByID: [String: Int] = [:]
    for (r, rubric) in scenario.rubrics.enumerated() {
      for criterion in rubric.checks {
        indexByID[criterion.id] = checks.count
        let applies = criterion.applies
        let traits = Set(scenario.persona.traits)
        var ok = applies.traits.isEmpty || !applies.traits.isDisjoint(with: traits)
        ok = ok && applies.withoutTraits.isDisjoint(with: traits)
        ok = ok && (applies.visit == nil || applies.visit == scenario.customer.visit)
        checks.append(
          CompiledCheck(
            criterion: criterion, rubric: r,
            similarGood: criterion.similar?.good.map { BigramProfile(TextNormalizer.normalize($0)) } ?? [],
            similarBad: criterion.similar?.bad.map { BigramProfile(TextNormalizer.normalize($0)) } ?? [],
            staticallyApplicable: ok, after: [], before: [], cancels: [], cancelsAll: false))
      }
    }
    for i in checks.indices {
      let c = checks[i].criterion
      checks[i].after = c.after.compactMap { indexByID[$0] }
      checks[i].before = c.before.compactMap { indexByID[$0] }
      checks[i].cancelsAll = c.cancels.contains("*")
      checks[i].cancels = c.cancels.compactMap { indexByID[$0] }
    }
    var patternIndex: [String: Int] = [:]
    var patterns: [String] = []
    var uses: [[PatternUse]] = []
    func add(_ phrase: String, _ use: PatternUse) {
      let normalized = TextNormalizer.normalize(phrase)
      guard !normalized.isEmpty else { return }
      let index: Int
      if let existing = patternIndex[normalized] {
        index = existing
      } else {
        index = patterns.count
        patternIndex[normalized] = index
        patterns.append(normalized)
        uses.append([])
      }
      if !uses[index].contains(use) { uses[index].append(use) }
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
    }
    self.checks = checks
    self.indexByID = indexByID
    self.uses = uses
    automaton = PhraseAutomaton(patterns: patterns)
    settings = scenario.settings
    rubrics = scenario.rubrics
    phaseIDs = Set(scenario.phases.map(\.id))
  }

  /// The number of distinct normalised phrases in the automaton.
  public var phraseCount: Int { automaton.patterns.count }
}
