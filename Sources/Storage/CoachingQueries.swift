import Foundation
import GRDB
import VisitCoachModel

extension SessionStore {
  /// One trainee's finished attempts, oldest first, with per-criterion hit rates.
  public func progress(trainee: String) throws -> ProgressSummary {
    try pool.read { db in
      let attempts = try Self.attempts(db, where: "s.trainee = ?", [trainee])
      var areas: [AreaTitle] = []
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT a.area_id, a.title FROM area_score a JOIN session s ON s.id = a.session_id
          WHERE s.trainee = ? AND s.finished_at IS NOT NULL GROUP BY a.area_id ORDER BY MIN(a.position)
          """, arguments: [trainee])
      {
        areas.append(AreaTitle(id: row["area_id"], title: row["title"]))
      }
      let criteria = try Self.rates(db, where: "s.trainee = ?", [trainee], limit: nil)
      return ProgressSummary(trainee: trainee, attempts: attempts, areas: areas, criteria: criteria)
    }
  }

  /// A group view: every trainee's attempts, latest and best; the most missed criteria; each
  /// scenario's pass rate and mean total. `since` is an ISO date (`2026-11-01`).
  public func cohort(since: String? = nil, scenario: String? = nil) throws -> CohortSummary {
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
      let trainees = try Row.fetchAll(
        db,
        sql: """
          SELECT s.trainee, COUNT(*) AS attempts, MAX(s.total) AS best, MAX(s.started_at) AS last,
                 (SELECT total FROM session l WHERE l.trainee = s.trainee AND l.finished_at IS NOT NULL
                    AND l.id IN (SELECT id FROM session s WHERE \(filter)) ORDER BY l.started_at DESC, l.rowid DESC LIMIT 1) AS latest,
                 (SELECT passed FROM session l WHERE l.trainee = s.trainee AND l.finished_at IS NOT NULL
                    AND l.id IN (SELECT id FROM session s WHERE \(filter)) ORDER BY l.started_at DESC, l.rowid DESC LIMIT 1) AS latest_passed
          FROM session s WHERE s.finished_at IS NOT NULL AND \(filter)
          GROUP BY s.trainee ORDER BY s.trainee
          """, arguments: StatementArguments(arguments + arguments + arguments)
      ).map { row in
        CohortSummary.TraineeRow(
          trainee: row["trainee"], attempts: row["attempts"], latestTotal: row["latest"] ?? 0,
          latestPassed: row["latest_passed"] ?? false, bestTotal: row["best"] ?? 0,
          lastDate: row["last"])
      }
      let scenarios = try Row.fetchAll(
        db,
        sql: """
          SELECT s.scenario_id, MAX(s.scenario_title) AS title, COUNT(*) AS attempts,
                 SUM(CASE WHEN s.passed THEN 1 ELSE 0 END) AS passed, AVG(s.total) AS mean
          FROM session s WHERE s.finished_at IS NOT NULL AND \(filter)
          GROUP BY s.scenario_id ORDER BY s.scenario_id
          """, arguments: StatementArguments(arguments)
      ).map { row in
        CohortSummary.ScenarioRow(
          scenarioID: row["scenario_id"], title: row["title"], attempts: row["attempts"],
          passed: row["passed"],
          meanTotal: row["mean"] ?? 0)
      }
      let missed = try Self.rates(db, where: filter, arguments, limit: 10)
      var summary = CohortSummary(
        since: since, scenario: scenario, trainees: trainees, missed: missed, scenarios: scenarios)
      summary.days = try Row.fetchAll(
        db,
        sql: """
          SELECT substr(s.started_at, 1, 10) AS day, COUNT(*) AS attempts, AVG(s.total) AS mean
          FROM session s WHERE s.finished_at IS NOT NULL AND \(filter) GROUP BY day ORDER BY day
          """, arguments: StatementArguments(arguments)
      ).map {
        CohortSummary.DayRow(date: $0["day"], attempts: $0["attempts"], meanTotal: $0["mean"] ?? 0)
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
        SELECT s.* FROM session s WHERE s.finished_at IS NOT NULL AND \(filter) ORDER BY s.started_at, s.rowid
        """, arguments: StatementArguments(arguments))
    var areas: [String: [String: Int]] = [:]
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT a.session_id, a.area_id, a.score FROM area_score a JOIN session s ON s.id = a.session_id
        WHERE s.finished_at IS NOT NULL AND a.score IS NOT NULL AND \(filter)
        """, arguments: StatementArguments(arguments))
    {
      areas[row["session_id"], default: [:]][row["area_id"]] = row["score"]
    }
    return rows.map { row in
      let id: String = row["id"]
      return AttemptSummary(
        sessionID: id, startedAt: row["started_at"], trainee: row["trainee"],
        scenarioID: row["scenario_id"],
        scenarioTitle: row["scenario_title"], total: row["total"] ?? 0,
        passed: row["passed"] ?? false,
        areas: areas[id] ?? [:])
    }
  }

  private static func rates(
    _ db: Database, where filter: String, _ arguments: [any DatabaseValueConvertible], limit: Int?
  ) throws -> [CriterionRate] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT f.criterion_id, MAX(f.title) AS title,
               SUM(CASE WHEN f.status IN ('met', 'partial') THEN 1 ELSE 0 END) AS hits, COUNT(*) AS applicable
        FROM finding f JOIN session s ON s.id = f.session_id
        WHERE s.finished_at IS NOT NULL AND f.penalty = 0 AND f.status IN ('met', 'partial', 'missed') AND \(filter)
        GROUP BY f.criterion_id
        ORDER BY applicable - hits DESC, f.criterion_id
        \(limit.map { "LIMIT \($0)" } ?? "")
        """, arguments: StatementArguments(arguments)
    ).map {
      CriterionRate(
        id: $0["criterion_id"], title: $0["title"], hits: $0["hits"], applicable: $0["applicable"])
    }
  }
}
