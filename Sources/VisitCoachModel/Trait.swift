/// What sets off a trait's reaction.
public enum ReactionTrigger: Sendable, Hashable, Codable {
  /// An utterance longer than this many characters.
  case longerThan(Int)
  /// A criterion met by the utterance.
  case met(String)
  /// A penalty triggered by the utterance.
  case violated(String)
  /// Every simulated minute that passes.
  case perMinute
  /// Each `/wait`.
  case wait
}

/// How a retailer with a trait reacts to what the trainee does.
public struct Reaction: Sendable, Hashable, Codable {
  public var trigger: ReactionTrigger
  public var mood: Int
  public var patience: Int

  public init(trigger: ReactionTrigger, mood: Int, patience: Int) {
    self.trigger = trigger
    self.mood = mood
    self.patience = patience
  }
}

/// A reusable retailer trait (busy 忙碌, elderly 年长, complaining 抱怨, ...).
///
/// A trait brings its own lines and reactions; criteria switch on for it through their
/// `applies.traits` requirement.
public struct Trait: Sendable, Hashable, Identifiable, Codable {
  public var id: String
  /// The Chinese name, e.g. 忙碌.
  public var title: String
  public var summary: String
  /// The trainee-facing tip for handling this kind of retailer.
  public var advice: String
  public var reactions: [Reaction]
  public var lines: [RetailerLine]

  public init(
    id: String, title: String, summary: String, advice: String, reactions: [Reaction],
    lines: [RetailerLine]
  ) {
    self.id = id
    self.title = title
    self.summary = summary
    self.advice = advice
    self.reactions = reactions
    self.lines = lines
  }
}
