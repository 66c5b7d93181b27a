/// One attempt (a finished session) as progress and cohort views show it.
public struct AttemptSummary: Sendable, Hashable, Codable {
  public var sessionID: String
  public var startedAt: String
  public var trainee: String
  public var scenarioID: String
  public var scenarioTitle: String
  public var total: Int
  public var passed: Bool
  /// Area id → score (areas where nothing applied are absent).
  public var areas: [String: Int]
  /// How many utterances the trainee spoke. An attempt with fewer than
  /// ``AttemptSummary/minimumSpokenTurns`` is shown, as unfinished, but left out of rates and
  /// trends: a visit cut off after a greeting says nothing about the trainee.
  public var spokenTurns: Int = AttemptSummary.minimumSpokenTurns

  /// The fewest utterances an attempt needs to count in rates and trends.
  public static let minimumSpokenTurns = 3

  /// Whether the attempt counts in rates and trends.
  public var counts: Bool { spokenTurns >= Self.minimumSpokenTurns }

  public init(
    sessionID: String, startedAt: String, trainee: String, scenarioID: String,
    scenarioTitle: String, total: Int,
    passed: Bool, areas: [String: Int]
  ) {
    self.sessionID = sessionID
    self.startedAt = startedAt
    self.trainee = trainee
    self.scenarioID = scenarioID
    self.scenarioTitle = scenarioTitle
    self.total = total
    self.passed = passed
    self.areas = areas
  }

  enum CodingKeys: String, CodingKey {
    case sessionID = "session"
    case startedAt = "started_at"
    case trainee
    case scenarioID = "scenario"
    case scenarioTitle = "scenario_title"
    case total, passed, areas
    case spokenTurns = "spoken_turns"
  }
}

/// How often a criterion was met where it applied.
public struct CriterionRate: Sendable, Hashable, Codable {
  public var id: String
  public var title: String
  /// Sessions where it was met (fully or partly).
  public var hits: Int
  /// Sessions where it applied.
  public var applicable: Int

  public init(id: String, title: String, hits: Int, applicable: Int) {
    self.id = id
    self.title = title
    self.hits = hits
    self.applicable = applicable
  }

  /// Hits per applicable session, 0-1.
  public var rate: Double { applicable == 0 ? 0 : Double(hits) / Double(applicable) }
  public var misses: Int { applicable - hits }
}

/// One trainee over their attempts: for `visitcoach progress`.
public struct ProgressSummary: Sendable, Hashable, Codable {
  public var trainee: String
  /// Oldest first.
  public var attempts: [AttemptSummary]
  /// Area ids and titles, in rubric order as first seen.
  public var areas: [AreaTitle]
  /// Every criterion that applied at least once, most often missed first.
  public var criteria: [CriterionRate]

  public init(
    trainee: String, attempts: [AttemptSummary], areas: [AreaTitle], criteria: [CriterionRate]
  ) {
    self.trainee = trainee
    self.attempts = attempts
    self.areas = areas
    self.criteria = criteria
  }

  /// The attempts that count in rates and trends (enough was said), oldest first.
  public var counted: [AttemptSummary] { attempts.filter(\.counts) }
  public var first: AttemptSummary? { counted.first }
  public var latest: AttemptSummary? { counted.last }
  public var best: AttemptSummary? {
    counted.max { ($0.total, $1.startedAt) < ($1.total, $0.startedAt) }
  }

  /// First, best and latest score of one area (best over the attempts that count).
  public func area(_ id: String) -> (first: Int?, best: Int?, latest: Int?) {
    let counted = counted
    let scores = counted.compactMap { $0.areas[id] }
    return (counted.first?.areas[id], scores.max(), counted.last?.areas[id])
  }

  /// The attempts that count, scenario by scenario (in the order first practised).
  public var byScenario: [(scenarioID: String, title: String, attempts: [AttemptSummary])] {
    var order: [String] = []
    var groups: [String: [AttemptSummary]] = [:]
    for a in counted {
      if groups[a.scenarioID] == nil { order.append(a.scenarioID) }
      groups[a.scenarioID, default: []].append(a)
    }
    return order.map { ($0, groups[$0]!.last!.scenarioTitle, groups[$0]!) }
  }
}

/// An area's id and title.
public struct AreaTitle: Sendable, Hashable, Codable {
  public var id: String
  public var title: String

  public init(id: String, title: String) {
    self.id = id
    self.title = title
  }
}

/// A group of trainees: for `visitcoach cohort`.
public struct CohortSummary: Sendable, Hashable, Codable {
  public struct TraineeRow: Sendable, Hashable, Codable {
    public var trainee: String
    public var attempts: Int
    public var latestTotal: Int
    public var latestPassed: Bool
    public var bestTotal: Int
    public var lastDate: String
    /// The group of the trainee's latest session, if one was given.
    public var group: String?

    public init(
      trainee: String, attempts: Int, latestTotal: Int, latestPassed: Bool, bestTotal: Int,
      lastDate: String
    ) {
      self.trainee = trainee
      self.attempts = attempts
      self.latestTotal = latestTotal
      self.latestPassed = latestPassed
      self.bestTotal = bestTotal
      self.lastDate = lastDate
    }

    enum CodingKeys: String, CodingKey {
      case trainee, attempts
      case latestTotal = "latest_total"
      case latestPassed = "latest_passed"
      case bestTotal = "best_total"
      case lastDate = "last_date"
      case group
    }
  }

  public struct ScenarioRow: Sendable, Hashable, Codable {
    public var scenarioID: String
    public var title: String
    public var attempts: Int
    public var passed: Int
    public var meanTotal: Double

    public init(scenarioID: String, title: String, attempts: Int, passed: Int, meanTotal: Double) {
      self.scenarioID = scenarioID
      self.title = title
      self.attempts = attempts
      self.passed = passed
      self.meanTotal = meanTotal
    }

    public var passRate: Double { attempts == 0 ? 0 : Double(passed) / Double(attempts) }

    enum CodingKeys: String, CodingKey {
      case scenarioID = "scenario"
      case title, attempts, passed
      case meanTotal = "mean_total"
    }
  }

  /// The group's mean total per day, oldest first.
  public struct DayRow: Sendable, Hashable, Codable {
    public var date: String
    public var attempts: Int
    public var meanTotal: Double

    public init(date: String, attempts: Int, meanTotal: Double) {
      self.date = date
      self.attempts = attempts
      self.meanTotal = meanTotal
    }

    enum CodingKeys: String, CodingKey {
      case date, attempts
      case meanTotal = "mean_total"
    }
  }

  /// What the view was limited to.
  public var since: String?
  public var scenario: String?
  public var group: String?
  public var trainees: [TraineeRow]
  /// Criteria most often missed across the group, most missed first.
  public var missed: [CriterionRate]
  public var scenarios: [ScenarioRow]
  public var days: [DayRow] = []
  /// When the first and the last session of the view started (stored UTC times).
  public var firstStarted: String?
  public var lastStarted: String?

  enum CodingKeys: String, CodingKey {
    case since, scenario, group, trainees, missed, scenarios, days
    case firstStarted = "first_started"
    case lastStarted = "last_started"
  }

  public init(
    since: String?, scenario: String?, trainees: [TraineeRow], missed: [CriterionRate],
    scenarios: [ScenarioRow]
  ) {
    self.since = since
    self.scenario = scenario
    self.trainees = trainees
    self.missed = missed
    self.scenarios = scenarios
  }
}
