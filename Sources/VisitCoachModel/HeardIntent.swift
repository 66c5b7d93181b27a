/// An intent the retailer hears in an utterance (`rubrics/said.yaml`), with the words that carry
/// it in the order they were said: what `{said.name}` quotes back.
public struct HeardIntent: Sendable, Hashable {
  /// The intent's name without the rubric prefix (`leave_taking`, `time`).
  public var name: String
  /// The words that showed it (normalised), earliest first.
  public var words: [String]

  /// The intent of an utterance that names a catalogue brand (`said: [brand]`,
  /// `{said.brand}`): heard by the engine from the catalogue, not from `rubrics/said.yaml`.
  public static let brand = "brand"

  public init(name: String, words: [String]) {
    self.name = name
    self.words = words
  }
}
