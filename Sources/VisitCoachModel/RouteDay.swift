/// A day on one route (网格化): the stores of a 片区 with their sales data, to be classified
/// before setting out, the ones due today by their class's visit rhythm, and a time budget for
/// the whole day (`scenarios/routes/ID.yaml`).
public struct RouteDay: Sendable, Hashable, Identifiable {
  /// One store on the route: a scenario, what the trainee knows of it before setting out, and
  /// how long ago it was last visited.
  public struct Stop: Sendable, Hashable {
    public var scenarioID: String
    /// The store's data as the system shows it (月销 45 条，单条均价 160 元): what the trainee
    /// classifies it by.
    public var facts: String
    public var daysSinceVisit: Int

    public init(scenarioID: String, facts: String, daysSinceVisit: Int) {
      self.scenarioID = scenarioID
      self.facts = facts
      self.daysSinceVisit = daysSinceVisit
    }
  }

  public var id: String
  public var title: String
  public var summary: String
  /// The classification standard the trainee works from, as the route states it.
  public var standard: String
  /// Minutes for the day's visiting, travel included.
  public var dayMinutes: Int
  /// Minutes from one store to the next.
  public var travelMinutes: Int
  public var stops: [Stop]

  public init(
    id: String, title: String, summary: String, standard: String, dayMinutes: Int,
    travelMinutes: Int, stops: [Stop]
  ) {
    self.id = id
    self.title = title
    self.summary = summary
    self.standard = standard
    self.dayMinutes = dayMinutes
    self.travelMinutes = travelMinutes
    self.stops = stops
  }
}

/// How a route day went: the classification, the choice of stores, every visit and the day's
/// clock, judged once here and worded by Reporting.
public struct RouteDayResult: Sendable, Hashable, Codable {
  /// One store of the route.
  public struct Stop: Sendable, Hashable, Codable {
    public var scenarioID: String
    public var store: String
    public var actualClass: String
    /// The class the trainee gave it; nil when not answered.
    public var classifiedAs: String?
    public var due: Bool
    public var chosen: Bool
    /// The visit, when it was played.
    public var visit: Visit?

    public init(
      scenarioID: String, store: String, actualClass: String, classifiedAs: String?, due: Bool,
      chosen: Bool, visit: Visit?
    ) {
      self.scenarioID = scenarioID
      self.store = store
      self.actualClass = actualClass
      self.classifiedAs = classifiedAs
      self.due = due
      self.chosen = chosen
      self.visit = visit
    }

    public var classifiedRight: Bool { classifiedAs == actualClass }
  }

  /// A visit played on the day.
  public struct Visit: Sendable, Hashable, Codable {
    public var sessionID: String?
    public var total: Int
    public var passed: Bool
    public var blockers: [String]
    /// Minutes the visit took on the simulated clock, and its class's budget.
    public var minutes: Int
    public var budgetMinutes: Int

    public init(
      sessionID: String?, total: Int, passed: Bool, blockers: [String], minutes: Int,
      budgetMinutes: Int
    ) {
      self.sessionID = sessionID
      self.total = total
      self.passed = passed
      self.blockers = blockers
      self.minutes = minutes
      self.budgetMinutes = budgetMinutes
    }
  }

  public var routeID: String
  public var routeTitle: String
  public var trainee: String
  /// When the day ended, ISO 8601 in UTC.
  public var date: String
  public var stops: [Stop]
  /// Minutes used (visits and travel between them) and the day's budget.
  public var minutesUsed: Int
  public var dayMinutes: Int
  /// Chosen stores the day ran out before.
  public var notReached: [String]

  public init(
    routeID: String, routeTitle: String, trainee: String, date: String, stops: [Stop],
    minutesUsed: Int, dayMinutes: Int, notReached: [String]
  ) {
    self.routeID = routeID
    self.routeTitle = routeTitle
    self.trainee = trainee
    self.date = date
    self.stops = stops
    self.minutesUsed = minutesUsed
    self.dayMinutes = dayMinutes
    self.notReached = notReached
  }

  /// Percent of the stores classified right.
  public var classificationPercent: Int {
    stops.isEmpty ? 0 : stops.filter(\.classifiedRight).count * 100 / stops.count
  }

  /// Percent of the stores whose choice (visit today or not) follows the class rhythm.
  public var planPercent: Int {
    stops.isEmpty ? 0 : stops.filter { $0.chosen == $0.due }.count * 100 / stops.count
  }

  /// The mean total of the due stores' visits; a due store not visited counts 0.
  public var visitsPercent: Int {
    let due = stops.filter(\.due)
    guard !due.isEmpty else { return 0 }
    return due.reduce(0) { $0 + ($1.visit?.total ?? 0) } / due.count
  }

  /// What the day's score is made of, in percent: the due stores' visits, the classification
  /// and the choice of stores.
  public static let weights = (visits: 70, classification: 15, plan: 15)
  /// The day's pass mark.
  public static let passMark = 60

  /// The day's score, by ``weights``.
  public var total: Int {
    let w = Self.weights
    return
      (visitsPercent * w.visits + classificationPercent * w.classification + planPercent
      * w.plan + 50) / 100
  }

  /// The day passes at ``passMark`` with no blocker in any visit and every due store visited.
  public var passed: Bool {
    total >= Self.passMark && !stops.contains { $0.visit?.blockers.isEmpty == false }
      && !stops.contains { $0.due && $0.visit == nil }
  }
}
