/// One reason the retailer's mood moved on a turn, so the coach can say why (「好感 -3：忙碌，
/// 话超过 40 字」) instead of showing a bare number.
public enum MoodCause: Sendable, Hashable {
  /// What the utterance met or violated (the checks' own mood effects, together).
  case words(Int)
  /// The utterance was a string of rubric phrases.
  case stuffing(Int)
  /// A reaction of one of the retailer's traits, e.g. a busy retailer to a long utterance.
  case trait(title: String, trigger: ReactionTrigger, mood: Int)
  /// The retailer's own line in reply (its `then: mood`).
  case line(Int)

  /// How much this cause moved the mood.
  public var mood: Int {
    switch self {
    case .words(let n), .stuffing(let n), .line(let n): return n
    case .trait(_, _, let n): return n
    }
  }
}
