import VisitCoachModel

/// The retailer engine's state between turns.
public struct ConversationState: Sendable, Hashable {
  /// Index into the scenario's phases.
  public var phaseIndex: Int = 0
  /// Rapport, 0-100.
  public var mood: Int
  /// Patience, 0-100; at 0 the retailer ends the visit.
  public var patience: Int
  /// Simulated seconds since arrival.
  public var clock: Int = 0
  public var flags: Set<String> = []
  /// Ids of lines already said.
  public var said: Set<String> = []
  /// Every phase the visit has been in (indices), so `/next` does not go back into one already
  /// done after a reply moved the visit back (a complaint handled early, then the stock count).
  public var visited: Set<Int> = [0]
  /// The trainee's utterances in the current phase.
  public var turnsInPhase: Int = 0
  /// Why the visit ended, once it has.
  public var ended: EndReason?

  public init(mood: Int, patience: Int) {
    self.mood = mood
    self.patience = patience
  }
}

/// What one turn produced, for the host (REPL, replay, tests) to show.
public struct TurnOutcome: Sendable, Hashable {
  public var turn: Turn
  public var score: TurnScoreSummary
  /// The retailer's line, if they said something.
  public var line: RetailerLine?
  /// The phase the visit moved to in this turn, if it moved.
  public var enteredPhase: String?
  /// Set when this turn ended the visit.
  public var ended: EndReason?
  /// How the retailer's line was chosen (for `explain`).
  public var choice: LineChoice?
}

/// How a retailer line was chosen: the lines whose conditions held, ranked.
public struct LineChoice: Sendable, Hashable {
  /// Candidates in rank order: id, rank (priority × 100 + specificity), said before.
  public var candidates: [(id: String, rank: Int, saidBefore: Bool)]
  public var chosen: String
  /// The chosen line's rank in this choice (its rank, plus 2 when it is about a brand the
  /// utterance names).
  public var rank: Int
  /// Lines whose condition held but that are about other brands than the utterance names.
  public var offTopic: [String]
  /// The brand families the utterance named.
  public var brandsHeard: [String]
  /// What the retailer heard in the utterance (`said:` intents), with the words that showed
  /// each, in the listening rubric's order.
  public var intentsHeard: [HeardIntent] = []

  public static func == (a: LineChoice, b: LineChoice) -> Bool {
    a.chosen == b.chosen && a.candidates.map(\.id) == b.candidates.map(\.id)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(chosen)
    hasher.combine(candidates.map(\.id))
  }
}

/// The parts of a turn's score the host shows in coach mode.
public struct TurnScoreSummary: Sendable, Hashable {
  public var met: [String]
  public var partial: [String]
  public var violated: [String]
  public var stuffing: Bool
  public var moodChange: Int
  /// Why the mood moved, part by part (before it was kept within 0–100).
  public var moodCauses: [MoodCause]

  public init(
    met: [String], partial: [String], violated: [String], stuffing: Bool, moodChange: Int,
    moodCauses: [MoodCause] = []
  ) {
    self.met = met
    self.partial = partial
    self.violated = violated
    self.stuffing = stuffing
    self.moodChange = moodChange
    self.moodCauses = moodCauses
  }
}
