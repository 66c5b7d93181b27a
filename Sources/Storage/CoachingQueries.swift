import Foundation
import GRDB
import VisitCoachModel

extension SessionStore {
  /// The utterances a session's trainee spoke, as SQL over the session row `s`.
  static let spokenTurnsSQL =
    "(SELECT COUNT(*) FROM turn t WHERE t.session = s.key AND t.kind = 'say')"
  /// Sessions that count in rates and trends (see ``AttemptSummary/minimumSpokenTurns``): one
  /// pass over the turns, which SQLite keeps for the whole query.
  static let countsSQL = """
    s.key IN (SELECT session FROM turn WHERE kind = 'say' GROUP BY session
             HAVING COUNT(*) >= \(AttemptSummary.minimumSpokenTurns))
    """

  /// One trainee's finished attempts, oldest first, with per-criterion hit rates.
  public func progress(trainee: String) throws -> ProgressSummary {
    try pool.read { db in
      let attempts = try Self.attempts(db, where: "s.trainee = ?", [trainee])
      var areas: [AreaTitle] = []
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT a.area_id, a.title FROM area_score a JOIN session s ON s.key = a.session
          WHERE s.trainee = ? AND s.finished_at IS NOT NULL GROUP BY a.area_id ORDER BY MIN(a.position)
          """, arguments: [trainee])
      {
        areas.append(AreaTitle(id: row["area_id"], title: row["title"]))
      }
      let criteria = try Self.rates(
        db, where: "s.trainee = ? AND \(Self.countsSQL)", [trainee], limit: nil)
      return ProgressSummary(trainee: trainee, attempts: attempts, areas: areas, criteria: criteria)
    }
  }

  /// A group view: every trainee's attempts, latest and best; the most missed criteria; each
  /// scenario's pass rate and mean total. `since` is an ISO date (`2026-11-01`).
  public func cohort(since: String? = nil, scenario: String? = nil, group: String? = nil) throws
    -> CohortSummary
  {
    try pool.read { db in
      var filter = "1 = 1"
      var arguments: [any DatabaseValueConvertible] = []
      if let since {
        filter += " AND s.started_at >= ?"
        arguments.append(since)
      }
      if let scenario {
        filter += " AND s.scenario_id = ?"
        arguments.append(scenario)
      }
      if let group {
        filter += " AND s.trainee_group = ?"
        arguments.append(group)
      }
      // A visit cut off after a word or two says nothing about the trainee.
      filter += " AND \(Self.countsSQL)"
      // One pass over the finished sessions; grouping in Swift keeps this linear.
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT s.trainee, s.trainee_group, s.scenario_id, s.scenario_title, s.started_at, s.total, s.passed
          FROM session s WHERE s.finished_at IS NOT NULL AND \(filter) ORDER BY s.started_at, s.rowid
          """, arguments: StatementArguments(arguments))
      var byTrainee: [String: CohortSummary.TraineeRow] = [:]
      var byScenario: [String: CohortSummary.ScenarioRow] = [:]
      var byDay: [String: (count: Int, sum: Int)] = [:]
      for row in rows {
        let trainee: String = row["trainee"]
        let total: Int = row["total"] ?? 0
        let passed: Bool = row["passed"] ?? false
        let started: String = row["started_at"]
        var t =
          byTrainee[trainee]
          ?? .init(
            trainee: trainee, attempts: 0, latestTotal: 0, latestPassed: false, bestTotal: 0,
            lastDate: started)
        t.attempts += 1
        t.latestTotal = total  // rows come oldest first
        t.latestPassed = passed
        t.bestTotal = max(t.bestTotal, total)
        t.lastDate = started
        t.group = row["trainee_group"]
        byTrainee[trainee] = t
        let id: String = row["scenario_id"]
        var sc =
          byScenario[id]
          ?? .init(
            scenarioID: id, title: row["scenario_title"], attempts: 0, passed: 0, meanTotal: 0)
        sc.meanTotal =
          (sc.meanTotal * Double(sc.attempts) + Double(total)) / Double(sc.attempts + 1)
        sc.attempts += 1
        sc.passed += passed ? 1 : 0
        byScenario[id] = sc
        let day = String(started.prefix(10))
        byDay[day, default: (0, 0)].count += 1
        byDay[day, default: (0, 0)].sum += total
      }
      let trainees = byTrainee.values.sorted { $0.trainee < $1.trainee }
      let scenarios = byScenario.values.sorted { $0.scenarioID < $1.scenarioID }
      let missed = try Self.rates(db, where: filter, arguments, limit: 10)
      var summary = CohortSummary(
        since: since, scenario: scenario, trainees: trainees, missed: missed, scenarios: scenarios)
      summary.group = group
      summary.firstStarted = rows.first?["started_at"]
      summary.lastStarted = rows.last?["started_at"]
      summary.days = byDay.keys.sorted().map {
        CohortSummary.DayRow(
          date: $0, attempts: byDay[$0]!.count,
          meanTotal: Double(byDay[$0]!.sum) / Double(byDay[$0]!.count))
      }
      return summary
    }
  }

  private static func attempts(
    _ db: Database, where filter: String, _ arguments: [any DatabaseValueConvertible]
  )
    throws -> [AttemptSummary]
  {
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT s.*, \(spokenTurnsSQL) AS spoken FROM session s
        WHERE s.finished_at IS NOT NULL AND \(filter) ORDER BY s.started_at, s.rowid
        """, arguments: StatementArguments(arguments))
    var areas: [String: [String: Int]] = [:]
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT s.id AS session_id, a.area_id, a.score FROM area_score a JOIN session s ON s.key = a.session
        WHERE s.finished_at IS NOT NULL AND a.score IS NOT NULL AND \(filter)
        """, arguments: StatementArguments(arguments))
    {
      areas[row["session_id"], default: [:]][row["area_id"]] = row["score"]
    }
    return rows.map { row in
      let id: String = row["id"]
      var attempt = AttemptSummary(
        sessionID: id, startedAt: row["started_at"], trainee: row["trainee"],
        scenarioID: row["scenario_id"],
        scenarioTitle: row["scenario_title"], total: row["total"] ?? 0,
        passed: row["passed"] ?? false,
        areas: areas[id] ?? [:])
      attempt.spokenTurns = row["spoken"]
      return attempt
    }
  }

  private static func rates(
    _ db: Database, where filter: String, _ arguments: [any DatabaseValueConvertible], limit: Int?
  ) throws -> [CriterionRate] {
    // Findings exist only for finished sessions: join the session table only to filter.
    let unfiltered = arguments.isEmpty && filter == "1 = 1"
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT c.criterion_id,
               SUM(CASE WHEN f.status IN ('met', 'partial') THEN 1 ELSE 0 END) AS hits, COUNT(*) AS applicable
        FROM finding f JOIN criterion c ON c.id = f.criterion
        \(unfiltered ? "" : "JOIN session s ON s.key = f.session")
        WHERE c.penalty = 0 \(unfiltered ? "" : "AND \(filter)")
        GROUP BY c.criterion_id
        ORDER BY applicable - hits DESC, c.criterion_id
        \(limit.map { "LIMIT \($0)" } ?? "")
        """, arguments: StatementArguments(arguments))
    // The title last stored for the criterion (a trainer may have renamed it since).
    let title = try db.cachedStatement(
      sql: "SELECT title FROM criterion WHERE criterion_id = ? ORDER BY id DESC LIMIT 1")
    return try rows.map { row in
      let id: String = row["criterion_id"]
      return CriterionRate(
        id: id, title: try String.fetchOne(title, arguments: [id]) ?? id, hits: row["hits"],
        applicable: row["applicable"])
    }
  }
}
