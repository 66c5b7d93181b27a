/// What a scene fact is to the trainee.
public enum SceneFactKind: String, Sendable, Codable, CaseIterable {
  /// A real strength of the store: material for genuine praise.
  case strength
  /// A problem or opportunity: material for a suggestion.
  case issue
  /// Neither: the situation (a queue, the weather, the street).
  case context
}

/// Something the trainee can observe in the store, which praise or a suggestion can refer to.
public struct SceneFact: Sendable, Hashable, Identifiable, Codable {
  public var id: String
  public var kind: SceneFactKind
  /// What `/look` shows, e.g. 柜台玻璃擦得一尘不染.
  public var text: String
  /// Words a trainee would use when referring to this fact, e.g. 柜台, 干净, 擦得.
  public var keywords: [String]
  /// Whether the fact is visible on arrival (otherwise only `/look` reveals it).
  public var visibleOnArrival: Bool

  public init(
    id: String, kind: SceneFactKind = .context, text: String, keywords: [String],
    visibleOnArrival: Bool
  ) {
    self.id = id
    self.kind = kind
    self.text = text
    self.keywords = keywords
    self.visibleOnArrival = visibleOnArrival
  }
}

/// One phase of the visit, in scenario order.
public struct Phase: Sendable, Hashable, Identifiable, Codable {
  /// The phase where a grievance is handled: a visit record must name the complaint when the
  /// visit had one (`record_complaint`).
  public static let complaintID = "complaint"
  /// The farewell, which must be the last phase: taking leave there ends the visit as completed.
  public static let farewellID = "farewell"

  public var id: String
  /// The Chinese title shown in the prompt, e.g. 开场白.
  public var title: String
  /// Criteria whose being met in an utterance moves the visit into this phase.
  public var enterOn: [String]

  public init(id: String, title: String, enterOn: [String]) {
    self.id = id
    self.title = title
    self.enterOn = enterOn
  }
}
