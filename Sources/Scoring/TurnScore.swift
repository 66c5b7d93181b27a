import VisitCoachModel

/// What a trainee did in one turn, as scoring sees it.
public struct Utterance: Sendable, Hashable {
  /// The turn's 1-based index in the visit.
  public var index: Int
  public var kind: TurnKind
  /// The phase the trainee spoke in.
  public var phase: String
  public var text: String
  /// Rapport before the utterance.
  public var moodBefore: Int
  /// What the retailer had just said (the line the utterance answers): part of the situation
  /// that situated words are judged in.
  public var heard: String

  public init(
    index: Int, kind: TurnKind = .say, phase: String, text: String, moodBefore: Int,
    heard: String = ""
  ) {
    self.index = index
    self.kind = kind
    self.phase = phase
    self.text = text
    self.moodBefore = moodBefore
    self.heard = heard
  }

  /// The utterance of a stored turn, answering `heard`.
  public init(_ turn: Turn, heard: String) {
    self.init(
      index: turn.index, kind: turn.kind, phase: turn.phase, text: turn.trainee,
      moodBefore: turn.moodBefore, heard: heard)
  }
}

extension Transcript {
  /// Every turn as the scorer reads it, each with the line it answers: the same utterances the
  /// engine scored live, so a stored visit re-scores the same.
  public var utterances: [Utterance] {
    turns.indices.map { Utterance(turns[$0], heard: lineHeard(before: $0)) }
  }
}

/// What one utterance earned or cost.
public struct TurnScore: Sendable, Hashable {
  /// Criteria met for the first time in this turn (ids, in rubric order).
  public var newlyMet: [String] = []
  /// Criteria that reached partial credit for the first time in this turn.
  public var newlyPartial: [String] = []
  /// Every criterion the utterance satisfied, including ones met before (for line conditions).
  public var satisfied: [String] = []
  /// Penalties triggered.
  public var violated: [String] = []
  /// Criteria whose words were there but that did not count, because a penalty in the same
  /// utterance cancelled them, or because the utterance was keyword stuffing.
  public var cancelled: [String] = []
  /// Checks whose words were there but that the scorer then declined, and why: what `explain`
  /// reads, so that it never works the reason out again.
  public var declined: [String: Declined] = [:]
  /// The utterance was a string of rubric phrases: it earned nothing.
  public var stuffing: Bool = false
  /// Checks that counted (or penalties that fired) because their learned model judged the
  /// utterance to be the act, with what it found (an ``EvidenceBasis/learned(words:percent:)``).
  public var learned: [String: EvidenceBasis] = [:]
  public var moodChange: Int = 0
  public var patienceChange: Int = 0

  public init() {}
}
