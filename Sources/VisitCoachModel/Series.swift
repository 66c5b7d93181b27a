/// Visits to one store that continue (`scenarios/series/ID.yaml`): each visit after the first
/// follows what the trainee promised and recorded in the one before (``PreviousVisit``).
public struct Series: Sendable, Hashable, Identifiable {
  /// The file name without `.yaml`.
  public var id: String
  /// Shown above every visit and in the thread at the end.
  public var title: String
  /// What the series practises.
  public var summary: String
  /// The visits' scenario ids, in the order they are played.
  public var scenarioIDs: [String]

  /// A series of these visits, in order.
  public init(id: String, title: String, summary: String, scenarioIDs: [String]) {
    self.id = id
    self.title = title
    self.summary = summary
    self.scenarioIDs = scenarioIDs
  }
}

/// Where a visit stands in a series: which series, and which of its visits (1-based).
public struct SeriesPlace: Sendable, Hashable, Codable {
  /// The series id, and its title.
  public var series: String
  public var title: String
  /// This visit's number (1-based), and how many visits the series has.
  public var step: Int
  public var of: Int

  /// Visit `step` of `of` in the series `series`.
  public init(series: String, title: String, step: Int, of: Int) {
    self.series = series
    self.title = title
    self.step = step
    self.of = of
  }
}
