/// Tunable numbers of the simulation, with the defaults the engine uses.
public struct SimulationSettings: Sendable, Hashable, Codable {
  /// Seconds each utterance costs before its characters are counted.
  public var secondsPerTurn: Int = 5
  /// Tenths of a second per character spoken (trainee and retailer).
  public var tenthsPerCharacter: Int = 3
  /// Seconds a `/wait` costs.
  public var waitSeconds: Int = 30
  /// Seconds a `/look` costs.
  public var lookSeconds: Int = 10
  /// The total needed to pass, 0-100.
  public var passMark: Int = 60
  /// How many phases ahead an utterance's words can move the visit (`enter_on`); the last
  /// phase can always be entered. Nil: any later phase.
  public var enterWithin: Int?
  /// Keyword stuffing: matched phrases cover at least this share of the utterance ...
  public var stuffingCoverage: Double = 0.8
  /// ... and it meets at least this many criteria at once ...
  public var stuffingCriteria: Int = 5
  /// ... in at least this many separate places (criteria reading overlapping words are one).
  public var stuffingPlaces: Int = 4
  /// ... and either reads formulas of at least this many rubric areas at once, or crams two or
  /// more places into each clause.
  public var stuffingAreas: Int = 3

  public init() {}
}

/// A validated, immutable scenario: everything the engine and the scorer need.
public struct Scenario: Sendable, Hashable, Identifiable, Codable {
  public var id: String
  public var title: String
  public var summary: String
  /// 1 (easy) to 3 (hard).
  public var difficulty: Int
  public var customer: Customer
  public var persona: Persona
  public var scene: [SceneFact]
  /// What the trainee sees on arrival.
  public var arrival: String
  public var phases: [Phase]
  /// Scenario lines and the lines of its traits.
  public var lines: [RetailerLine]
  public var traits: [Trait]
  public var rubrics: [Rubric]
  public var settings: SimulationSettings
  /// Flags the scenario's lines can set.
  public var flags: [String]
  /// A content hash of the scenario and everything it includes, stored with sessions.
  public var fingerprint: String
  /// The file the scenario came from, if any.
  public var sourcePath: String?
  /// The brand catalogue shared by the library.
  public var catalog: [Brand] = []
  /// The store's stock and price table, if the scenario has one.
  public var stock: [StockItem] = []
  /// The pre-visit brief, if the scenario has one.
  public var brief: Brief?
  /// Words a visit record must use to count as mentioning this retailer's complaint.
  public var recordKeywords: [String] = []
  /// What a customer manager can pack (the library's visit-bag list).
  public var visitBag: [VisitItem] = []
  /// What a customer manager can wear or do before arriving, fitting or not (the library's
  /// wardrobe list, action 4).
  public var wardrobe: [WardrobeItem] = []
  /// What this visit needs packed (`preparation.needs`); empty when preparation is not part of it.
  public var packingNeeds: [PackingNeed] = []
  /// What the visit plan must name (`preparation.goals`); empty when the plan is not scored.
  public var planGoals: [PlanGoal] = []
  /// What the earlier visit to this store left (a series), if this visit follows one.
  public var previous: PreviousVisit?
  /// Where this visit stands when it is played as part of a series.
  public var seriesPlace: SeriesPlace?
  /// What the retailer hears in an utterance, to answer it (`rubrics/said.yaml`): intents such
  /// as leave-taking or a question about sales, and slots such as a time or a quantity. Never
  /// scored; lines name them under `said:` and quote them as `{said.name}`.
  public var listening: Rubric?

  /// The scenario for scoring only (evaluation, rubric examples): without ``listening``, so a
  /// plan built from it does not compile what the retailer hears.
  public var scoringOnly: Scenario {
    var s = self
    s.listening = nil
    return s
  }

  /// The scenario as the retailer listens to it: its only rubric is ``listening`` (nil when the
  /// library has none). The engine compiles it into a plan of its own, so intents are matched
  /// exactly as criteria are (negation, gaps, clauses) without ever being scored.
  public var listeningScenario: Scenario? {
    guard let listening else { return nil }
    var s = self
    s.rubrics = [listening]
    s.listening = nil
    s.stock = []
    s.previous = nil
    return s
  }

  /// Whether the visit starts with a preparation step (a bag to pack or a plan to state).
  public var hasPreparation: Bool { !packingNeeds.isEmpty || !planGoals.isEmpty }

  public init(
    id: String, title: String, summary: String, difficulty: Int, customer: Customer,
    persona: Persona, scene: [SceneFact], arrival: String, phases: [Phase], lines: [RetailerLine],
    traits: [Trait], rubrics: [Rubric], settings: SimulationSettings, flags: [String],
    fingerprint: String, sourcePath: String?
  ) {
    self.id = id
    self.title = title
    self.summary = summary
    self.difficulty = difficulty
    self.customer = customer
    self.persona = persona
    self.scene = scene
    self.arrival = arrival
    self.phases = phases
    self.lines = lines
    self.traits = traits
    self.rubrics = rubrics
    self.settings = settings
    self.flags = flags
    self.fingerprint = fingerprint
    self.sourcePath = sourcePath
  }

  /// Every criterion and penalty of every rubric.
  public var checks: [Criterion] { rubrics.flatMap(\.checks) }

  /// The phase with this id.
  public func phase(_ id: String) -> Phase? { phases.first { $0.id == id } }

  /// The visit-bag items named in `text` (by name or alias, separated by spaces or 、，,), and
  /// the words that name no item.
  public func bagItems(in text: String) -> (items: [VisitItem], unknown: [String]) {
    Self.named(in: text, from: visitBag, id: \.id, names: \.names)
  }

  /// The wardrobe items named in `text` (by name, alias or number in the list), and the words
  /// that name none.
  public func wardrobeItems(in text: String) -> (items: [WardrobeItem], unknown: [String]) {
    Self.named(in: text, from: wardrobe, id: \.id, names: \.names)
  }

  /// The entries of `list` that `text` names (by id, a name, or their number in the list from
  /// 1), each once, and the words that name none.
  private static func named<Item>(
    in text: String, from list: [Item], id: KeyPath<Item, String>, names: KeyPath<Item, [String]>
  ) -> (items: [Item], unknown: [String]) {
    var items: [Item] = []
    var taken = Set<String>()
    var unknown: [String] = []
    let words = text.split { " 、，,；;\u{3000}".contains($0) }.map(String.init)
    for word in words {
      let byNumber = Int(word).flatMap { list.indices.contains($0 - 1) ? list[$0 - 1] : nil }
      if let item = byNumber
        ?? list.first(where: { $0[keyPath: id] == word || $0[keyPath: names].contains(word) })
      {
        if taken.insert(item[keyPath: id]).inserted { items.append(item) }
      } else {
        unknown.append(word)
      }
    }
    return (items, unknown)
  }

  /// This scenario as played after an earlier visit that left `previous` (a series): its brief,
  /// lines and follow-up criteria then use what the trainee really did. Nil keeps the
  /// scenario's own default.
  public func following(_ previous: PreviousVisit?, in place: SeriesPlace? = nil) -> Scenario {
    var followed = self
    if let previous { followed.previous = previous }
    if let place { followed.seriesPlace = place }
    return followed
  }

  /// This scenario as the stored visit was played: with the memory and place in a series the
  /// transcript carries, if any.
  public func asPlayed(by transcript: Transcript) -> Scenario {
    following(transcript.previous, in: transcript.series)
  }

  /// The catalogue brand with this id.
  public func brand(_ id: String) -> Brand? { catalog.first { $0.id == id } }
}

extension Criterion {
  /// Whether the criterion can apply at all in this scenario: its trait and visit-kind
  /// requirements hold, and (if it names phases) one of them exists. Phase, mood and window are
  /// decided per utterance.
  public func canApply(in scenario: Scenario) -> Bool {
    let traits = Set(scenario.persona.traits)
    if !applies.traits.isEmpty && applies.traits.isDisjoint(with: traits) { return false }
    if !applies.withoutTraits.isDisjoint(with: traits) { return false }
    if let visit = applies.visit, visit != scenario.customer.visit { return false }
    // Following up an earlier promise needs one.
    if recallsPromise && (scenario.previous?.promisesToKeep ?? []).isEmpty { return false }
    // Checking a brand against the tier needs a tier and brands allocated by tier.
    if beyondTier
      && (scenario.customer.tier == nil || !scenario.catalog.contains { $0.minTier != nil })
    {
      return false
    }
    if !applies.classes.isEmpty && !applies.classes.contains(scenario.customer.customerClass) {
      return false
    }
    if !applies.phases.isEmpty && applies.phases.isDisjoint(with: scenario.phases.map(\.id)) {
      return false
    }
    return true
  }
}
