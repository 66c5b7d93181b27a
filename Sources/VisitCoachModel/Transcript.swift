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
  /// Counted the stock with the retailer (`/stock`).
  case stock
}

/// Why a visit ended.
public enum EndReason: String, Sendable, Codable, CaseIterable {
  /// The trainee took leave: the visit reached its last phase (the farewell) and ended there.
  case trainee
  /// The trainee stopped before the visit was over (`/quit`, Ctrl-D, a closed terminal, end of
  /// input) while it had not reached its last phase.
  case stopped
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
  /// The visit record the trainee wrote after the visit (action 26), if any.
  public var record: VisitRecord?
  /// The visit-bag item ids the trainee packed before the visit (action 3); nil when nothing
  /// was packed.
  public var packed: [String]?
  /// The visit's purpose and plan as the trainee stated it before arriving (actions 1-2).
  public var plan: String?
  /// Whether the trainee checked their appearance before arriving (action 4).
  public var appearanceChecked: Bool?
  /// What the trainee chose to wear and do before arriving (wardrobe item ids, `/ready`); nil for
  /// a visit stored before the choices existed, whose check was a plain declaration.
  public var appearance: [String]?
  /// What the earlier visit of a series left (the memory this visit was played with); nil for a
  /// visit played on its own, which uses its scenario's `previous:` stand-in.
  public var previous: PreviousVisit?
  /// Where the visit stands in a series, when it was played as part of one.
  public var series: SeriesPlace?

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
    case record, packed, plan
    case appearanceChecked = "appearance_checked"
    case previous, series, appearance
  }

  /// The retailer's most recent line before the turn at `position` (0-based; `turns.count` for
  /// the next one): what an utterance there answers. The opening line before any reply.
  public func lineHeard(before position: Int) -> String {
    for turn in turns.prefix(position).reversed() {
      if let line = turn.retailer, !line.isEmpty { return line }
    }
    return openingLine ?? ""
  }
}

/// The visit record a customer manager enters the same day (action 26): what was done, what
/// the retailer asked for or complained about, the promises made with their dates, and the
/// next visit's goal.
public struct VisitRecord: Sendable, Hashable, Codable {
  public var content: String
  public var requests: String
  public var promises: String
  public var nextGoal: String

  public init(content: String, requests: String, promises: String, nextGoal: String) {
    self.content = content
    self.requests = requests
    self.promises = promises
    self.nextGoal = nextGoal
  }

  /// Parses `内容 | 诉求 | 承诺 | 下次目标` (the `/record` line of a script); labels such as
  /// `承诺：` before a field are allowed.
  public init(line: String) {
    let parts = line.split(separator: "|", omittingEmptySubsequences: false).map { part -> String in
      var text = Self.trim(Substring(part))
      if let colon = text.firstIndex(where: { $0 == "：" || $0 == ":" }),
        text.distance(from: text.startIndex, to: colon) <= 6
      {
        text = Self.trim(text[text.index(after: colon)...])
      }
      return text
    }
    func field(_ i: Int) -> String { i < parts.count ? parts[i] : "" }
    self.init(content: field(0), requests: field(1), promises: field(2), nextGoal: field(3))
  }

  private static func trim(_ text: Substring) -> String {
    var t = text
    while let c = t.first, c.isWhitespace { t.removeFirst() }
    while let c = t.last, c.isWhitespace { t.removeLast() }
    return String(t)
  }

  /// The fields in form order.
  public var fields: [String] { [content, requests, promises, nextGoal] }

  enum CodingKeys: String, CodingKey {
    case content, requests, promises
    case nextGoal = "next_goal"
  }
}
