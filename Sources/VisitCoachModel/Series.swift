/// Visits to one store that continue (`scenarios/series/ID.yaml`): each visit after the first
/// follows what the trainee promised and recorded in the one before (``PreviousVisit``).
public struct Series: Sendable, Hashable, Identifiable {
  public var id: String
  public var title: String
  public var summary: String
  /// The visits' scenario ids, in the order they are played.
  public var scenarioIDs: [String]

  public init(id: String, title: String, summary: String, scenarioIDs: [String]) {
    self.id = id
    self.title = title
    self.summary = summary
    self.scenarioIDs = scenarioIDs
  }
}

/// Where a visit stands in a series: which series, and which of its visits (1-based).
public struct SeriesPlace: Sendable, Hashable, Codable {
  public var series: String
  public var title: String
  public var step: Int
  public var of: Int

  public init(series: String, title: String, step: Int, of: Int) {
    self.series = series
    self.title = title
    self.step = step
    self.of = of
  }
}
