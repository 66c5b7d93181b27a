import Foundation

/// The moment a retailer line is said in.
public enum LineEvent: String, Sendable, Codable, CaseIterable {
  /// When the trainee arrives, before the first utterance.
  case start
  /// In answer to an utterance.
  case reply
  /// In answer to `/wait`.
  case wait
  /// When the visit moves to a new phase with `/next`.
  case next
  /// When the retailer ends the visit (patience or time ran out).
  case leave
}

/// What saying a line does to the retailer's state.
public struct LineEffects: Sendable, Hashable, Codable {
  public var mood: Int = 0
  public var patience: Int = 0
  public var set: [String] = []
  public var clear: [String] = []
  /// Move the visit to this phase (e.g. the retailer raises a complaint).
  public var goto: String?
  /// The retailer ends the visit with this line.
  public var ends: Bool = false

  public init() {}
}

/// A line the retailer can say, with the condition under which it may be said.
public struct RetailerLine: Sendable, Hashable, Identifiable, Codable {
  public var id: String
  public var text: String
  public var event: LineEvent
  public var condition: Condition
  public var effects: LineEffects
  /// Where the line was authored: the scenario id or ``traitOrigin(_:)``.
  public var origin: String

  /// The origin of a line written in trait `id`.
  public static func traitOrigin(_ id: String) -> String { traitPrefix + id }
  private static let traitPrefix = "trait:"

  /// The trait the line was written in, if it was.
  public var trait: String? {
    origin.hasPrefix(Self.traitPrefix) ? String(origin.dropFirst(Self.traitPrefix.count)) : nil
  }
  /// Added to the condition's specificity when lines compete (default 0).
  public var priority: Int = 0
  /// Brand families (金桥, 海韵) the line is about, besides those its text names: a line about
  /// one product never answers an utterance that names only others.
  public var about: [String] = []

  /// How lines are ordered when several may be said: priority first, then specificity.
  public var rank: Int { priority * 100 + condition.specificity }

  public init(
    id: String, text: String, event: LineEvent, condition: Condition, effects: LineEffects,
    origin: String
  ) {
    self.id = id
    self.text = text
    self.event = event
    self.condition = condition
    self.effects = effects
    self.origin = origin
  }
}

extension RetailerLine {
  /// How a line quotes what the trainee just said: `{said.time}`, `{said.brand}`.
  public static let saidPrefix = Rubric.listeningID + "."

  /// The names of the `{said.name}` placeholders in `text`, in order, each once.
  public static func saidSlots(in text: String) -> [String] {
    var names: [String] = []
    var rest = Substring(text)
    while let open = rest.firstRange(of: "{" + saidPrefix) {
      guard let close = rest[open.upperBound...].firstIndex(of: "}") else { break }
      let name = String(rest[open.upperBound..<close])
      if !names.contains(name) { names.append(name) }
      rest = rest[rest.index(after: close)...]
    }
    return names
  }

  /// `text` with each `{said.name}` replaced by what the trainee said for it; a name without a
  /// value is left as written (a line is only chosen when every value it quotes was said).
  public static func fillingSaid(_ text: String, with values: [String: String]) -> String {
    guard text.contains("{" + saidPrefix) else { return text }
    var out = text
    for (name, value) in values {
      out = out.replacingOccurrences(of: "{\(saidPrefix)\(name)}", with: value)
    }
    return out
  }
}
