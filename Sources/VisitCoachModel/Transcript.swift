/// What the trainee did in a turn.
public enum TurnKind: String, Sendable, Codable, CaseIterable {
  /// Said something to the retailer.
  case say
  /// Waited silently (`/wait`).
  case wait
  /// Looked around the store (`/look`).
  case look
  /// Moved on to the next phase (`/next`).
  case next
}

/// Why a visit ended.
public enum EndReason: String, Sendable, Codable, CaseIterable {
  /// The trainee ended it (farewell, `/quit`, end of input).
  case trainee
  /// The retailer ran out of patience and sent the trainee away.
  case retailerLeft = "retailer_left"
  /// The simulated clock passed the visit's time budget.
  case timeUp = "time_up"
}

/// One turn of a visit: what the trainee did and how the retailer answered.
///
/// A turn carries the state scoring needs (phase, mood before, clock), so a stored transcript can
/// be re-scored without the engine.
public struct Turn: Sendable, Hashable, Codable {
  /// 1-based position in the visit.
  public var index: Int
  public var kind: TurnKind
  /// The phase the trainee spoke in.
  public var phase: String
  /// What the trainee said (empty for commands).
  public var trainee: String
  /// The retailer's answer, if any.
  public var retailer: String?
  public var retailerLineID: String?
  /// Rapport before the utterance and after the retailer's answer.
  public var moodBefore: Int
  public var mood: Int
  public var patience: Int
  /// Simulated seconds at the start and at the end of the turn.
  public var clockStart: Int
  public var clock: Int

  public init(
    index: Int, kind: TurnKind, phase: String, trainee: String, retailer: String?,
    retailerLineID: String?, moodBefore: Int, mood: Int, patience: Int, clockStart: Int, clock: Int
  ) {
    self.index = index
    self.kind = kind
    self.phase = phase
    self.trainee = trainee
    self.retailer = retailer
    self.retailerLineID = retailerLineID
    self.moodBefore = moodBefore
    self.mood = mood
    self.patience = patience
    self.clockStart = clockStart
    self.clock = clock
  }

  enum CodingKeys: String, CodingKey {
    case index, kind, phase, trainee, retailer, mood, patience, clock
    case retailerLineID = "retailer_line"
    case moodBefore = "mood_before"
    case clockStart = "clock_start"
  }
}

/// A whole visit as it happened.
public struct Transcript: Sendable, Hashable, Codable {
  public var scenarioID: String
  public var seed: UInt64
  /// What the retailer said on arrival, if anything.
  public var openingLine: String?
  public var turns: [Turn]
  public var endedBy: EndReason?
  /// Phases whose hint the trainee asked for.
  public var hintsUsed: [String]

  public init(
    scenarioID: String, seed: UInt64, openingLine: String? = nil, turns: [Turn] = [],
    endedBy: EndReason? = nil, hintsUsed: [String] = []
  ) {
    self.scenarioID = scenarioID
    self.seed = seed
    self.openingLine = openingLine
    self.turns = turns
    self.endedBy = endedBy
    self.hintsUsed = hintsUsed
  }

  enum CodingKeys: String, CodingKey {
    case seed, turns
    case scenarioID = "scenario"
    case openingLine = "opening_line"
    case endedBy = "ended_by"
    case hintsUsed = "hints_used"
  }
}
