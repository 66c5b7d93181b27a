/// How a criterion ended up.
public enum CriterionStatus: String, Sendable, Codable, CaseIterable {
  /// A criterion fully met.
  case met
  /// A criterion met in part.
  case partial
  /// A criterion that applied and was not met.
  case missed
  /// A criterion or penalty that could not apply in this visit (trait, visit kind, phase, mood).
  case notApplicable = "not_applicable"
  /// A penalty that was triggered.
  case triggered
  /// A penalty that applied and was not triggered.
  case clear
}

/// What, besides the words found, made an utterance count: as data, worded by the report.
public enum EvidenceBasis: Sendable, Hashable, Codable {
  /// The words meant the act in the moment this retailer line or scene fact set (←「…」).
  case situation(line: String)
  /// The utterance was close to this good example of the criterion, by `percent`.
  case similarExample(example: String, percent: Int)
  /// A follow-up that took up these words of the retailer's answer.
  case tookUp(word: String)
  /// A report on this promise of the earlier visit (the words it shares with it).
  case recalledPromise(promise: String, words: [String])
  /// A brand named that the store's tier does not reach: its lowest tier, and the store's.
  case beyondTier(brand: String, needs: Int, tier: Int)
  /// The learned model of the criterion judged the utterance to be the act with this
  /// probability (`percent`), most of all for these words.
  case learned(words: [String], percent: Int)
}

/// The words in one turn that earned (or cost) points.
public struct Evidence: Sendable, Hashable, Codable {
  /// The `turn` of evidence taken from the visit record written after the visit, not a turn.
  public static let visitRecord = 0
  /// The `turn` of evidence taken from the preparation before the visit (the packed bag).
  public static let preparation = -1

  /// The turn's 1-based index, ``visitRecord`` or ``preparation``.
  public var turn: Int
  /// The matched words, joined by 、; empty when a ``note`` says what a measure found, or when
  /// the utterance counted for being close to a good example (``basis``). Reports stored in
  /// version 1 carry the basis in this text (`≈「example」(64%)`, `接「word」`).
  public var text: String
  /// The trainee's whole utterance in that turn.
  public var utterance: String
  /// What a measure found, as data (then `text` is empty and the report words the note).
  public var note: EvidenceNote?
  /// What else made the words count, beyond the words themselves.
  public var basis: EvidenceBasis?

  public init(turn: Int, text: String, utterance: String) {
    self.turn = turn
    self.text = text
    self.utterance = utterance
  }

  /// Evidence of a measure: the note says what it found.
  public init(turn: Int, note: EvidenceNote, utterance: String) {
    self.turn = turn
    self.text = ""
    self.utterance = utterance
    self.note = note
  }
}

/// The outcome of one criterion or penalty.
public struct Finding: Sendable, Hashable, Codable {
  public var id: String
  public var title: String
  public var isPenalty: Bool
  public var status: CriterionStatus
  /// Points earned; for a penalty, points deducted (a negative number).
  public var points: Int
  /// Points available; for a penalty, the deduction per occurrence.
  public var max: Int
  public var isBlocker: Bool
  public var evidence: [Evidence]
  public var tip: String
  public var example: String

  public init(
    id: String, title: String, isPenalty: Bool, status: CriterionStatus, points: Int, max: Int,
    isBlocker: Bool, evidence: [Evidence], tip: String, example: String
  ) {
    self.id = id
    self.title = title
    self.isPenalty = isPenalty
    self.status = status
    self.points = points
    self.max = max
    self.isBlocker = isBlocker
    self.evidence = evidence
    self.tip = tip
    self.example = example
  }

  enum CodingKeys: String, CodingKey {
    case id, title, status, points, max, evidence, tip, example
    case isPenalty = "penalty"
    case isBlocker = "blocker"
  }
}

/// One area of the report (one rubric).
public struct AreaScore: Sendable, Hashable, Codable {
  public var id: String
  public var title: String
  public var weight: Int
  /// 0-100, or nil when nothing in the area applied.
  public var score: Int?
  public var criteria: [Finding]
  public var penalties: [Finding]

  enum CodingKeys: String, CodingKey {
    case id, title, weight, score, criteria, penalties
  }

  /// Encodes `score` as `null` when nothing in the area applied, rather than leaving it out.
  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encode(title, forKey: .title)
    try c.encode(weight, forKey: .weight)
    try c.encode(score, forKey: .score)
    try c.encode(criteria, forKey: .criteria)
    try c.encode(penalties, forKey: .penalties)
  }

  public init(
    id: String, title: String, weight: Int, score: Int?, criteria: [Finding], penalties: [Finding]
  ) {
    self.id = id
    self.title = title
    self.weight = weight
    self.score = score
    self.criteria = criteria
    self.penalties = penalties
  }
}

/// A turn as the report shows it: what happened and what it earned or cost.
public struct TurnReport: Sendable, Hashable, Codable {
  public var index: Int
  public var kind: TurnKind
  public var phase: String
  public var trainee: String
  public var retailer: String?
  public var mood: Int
  public var moodChange: Int
  public var clock: Int
  /// Criteria met in this turn.
  public var met: [String]
  /// Criteria partly met in this turn.
  public var partial: [String] = []
  /// Penalties triggered in this turn.
  public var violated: [String]

  public init(
    index: Int, kind: TurnKind, phase: String, trainee: String, retailer: String?, mood: Int,
    moodChange: Int, clock: Int, met: [String], violated: [String]
  ) {
    self.index = index
    self.kind = kind
    self.phase = phase
    self.trainee = trainee
    self.retailer = retailer
    self.mood = mood
    self.moodChange = moodChange
    self.clock = clock
    self.met = met
    self.violated = violated
  }

  enum CodingKeys: String, CodingKey {
    case index, kind, phase, trainee, retailer, mood, clock, met, partial, violated
    case moodChange = "mood_change"
  }
}

/// The id a turn's `violated` list carries when the utterance was judged keyword stuffing: not a
/// criterion of any rubric, so reports word it themselves.
public let keywordStuffingID = "keyword_stuffing"

/// A phase as a report names it.
public struct PhaseTitle: Sendable, Hashable, Codable {
  public var id: String
  public var title: String

  public init(id: String, title: String) {
    self.id = id
    self.title = title
  }

  /// The phases of `scenario`, in order, as a report names them.
  public static func all(of scenario: Scenario) -> [PhaseTitle] {
    scenario.phases.map { PhaseTitle(id: $0.id, title: $0.title) }
  }
}

/// The score report of one visit. Its JSON form is versioned (see docs/Scoring.md). From
/// version 2 it is self-contained: it carries every name its renderings show (the retailer, the
/// phases, the areas and criteria), so a stored report renders the same with its scenario gone.
public struct ScoreReport: Sendable, Hashable, Codable {
  /// The version of the report format.
  public var version: Int
  public var scenario: String
  public var scenarioTitle: String
  /// The retailer's name as the scenario gives it; empty in a version 1 report.
  public var retailer: String
  /// The scenario's phases in order; empty in a version 1 report.
  public var phases: [PhaseTitle]
  public var fingerprint: String
  public var seed: UInt64
  /// 0-100 after penalties.
  public var total: Int
  public var passMark: Int
  public var passed: Bool
  /// Titles of the blocking penalties triggered.
  public var blockers: [String]
  public var areas: [AreaScore]
  public var turns: [TurnReport]
  public var endedBy: EndReason
  /// Simulated seconds used, and the budget.
  public var clock: Int
  public var budget: Int
  public var hintsUsed: [String]

  public init(
    version: Int, scenario: String, scenarioTitle: String, retailer: String = "",
    phases: [PhaseTitle] = [], fingerprint: String, seed: UInt64,
    total: Int, passMark: Int, passed: Bool, blockers: [String], areas: [AreaScore],
    turns: [TurnReport], endedBy: EndReason, clock: Int, budget: Int, hintsUsed: [String]
  ) {
    self.version = version
    self.scenario = scenario
    self.scenarioTitle = scenarioTitle
    self.retailer = retailer
    self.phases = phases
    self.fingerprint = fingerprint
    self.seed = seed
    self.total = total
    self.passMark = passMark
    self.passed = passed
    self.blockers = blockers
    self.areas = areas
    self.turns = turns
    self.endedBy = endedBy
    self.clock = clock
    self.budget = budget
    self.hintsUsed = hintsUsed
  }

  /// The current version of the JSON report format.
  public static let currentVersion = 2

  enum CodingKeys: String, CodingKey {
    case version, scenario, retailer, phases, fingerprint, seed, total, passed, blockers, areas
    case turns, clock, budget
    case scenarioTitle = "scenario_title"
    case passMark = "pass_mark"
    case endedBy = "ended_by"
    case hintsUsed = "hints_used"
  }

  /// Reads versions 1 and 2: a version 1 report has no retailer name or phase titles.
  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    version = try c.decode(Int.self, forKey: .version)
    guard version <= Self.currentVersion else {
      throw DecodingError.dataCorruptedError(
        forKey: .version, in: c,
        debugDescription:
          "report format version \(version) is newer than this program reads (\(Self.currentVersion))"
      )
    }
    scenario = try c.decode(String.self, forKey: .scenario)
    scenarioTitle = try c.decode(String.self, forKey: .scenarioTitle)
    retailer = try c.decodeIfPresent(String.self, forKey: .retailer) ?? ""
    phases = try c.decodeIfPresent([PhaseTitle].self, forKey: .phases) ?? []
    fingerprint = try c.decode(String.self, forKey: .fingerprint)
    seed = try c.decode(UInt64.self, forKey: .seed)
    total = try c.decode(Int.self, forKey: .total)
    passMark = try c.decode(Int.self, forKey: .passMark)
    passed = try c.decode(Bool.self, forKey: .passed)
    blockers = try c.decode([String].self, forKey: .blockers)
    areas = try c.decode([AreaScore].self, forKey: .areas)
    turns = try c.decode([TurnReport].self, forKey: .turns)
    endedBy = try c.decode(EndReason.self, forKey: .endedBy)
    clock = try c.decode(Int.self, forKey: .clock)
    budget = try c.decode(Int.self, forKey: .budget)
    hintsUsed = try c.decode([String].self, forKey: .hintsUsed)
  }

  /// The title of phase `id`, or the id when the report does not name it.
  public func phaseTitle(_ id: String) -> String {
    phases.first { $0.id == id }?.title ?? id
  }

  /// The titles of every criterion and penalty in the report, by id (keyword stuffing, which is
  /// no criterion, is worded by the renderers).
  public var findingTitles: [String: String] {
    Dictionary(
      areas.flatMap { $0.criteria + $0.penalties }.map { ($0.id, $0.title) },
      uniquingKeysWith: { a, _ in a })
  }

  /// The report with the names a version 1 report lacks filled in from its scenario (what the
  /// scenario says today; nothing else changes).
  public func completed(from scenario: Scenario) -> ScoreReport {
    var copy = self
    guard copy.retailer.isEmpty || copy.phases.isEmpty else { return copy }
    // Now it carries its names: a version 2 report.
    copy.version = Self.currentVersion
    if copy.retailer.isEmpty { copy.retailer = scenario.persona.name }
    if copy.phases.isEmpty {
      copy.phases = PhaseTitle.all(of: scenario)
    }
    return copy
  }
}
