import Foundation
import GRDB
import VisitCoachModel

extension SessionStore {
  /// Stores one day on a route (its visits are sessions of their own).
  public func saveRouteDay(_ result: RouteDayResult) throws {
    let json = try Self.resultJSON(result)
    try pool.write { db in
      try db.execute(
        sql: """
          INSERT INTO route_day (trainee, route_id, finished_at, total, passed, result_json)
          VALUES (?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          result.trainee, result.routeID, result.date, result.total, result.passed, json,
        ])
    }
  }

  /// The trainee's route days, newest first.
  public func routeDays(trainee: String) throws -> [RouteDayResult] {
    try pool.read { db in
      try String.fetchAll(
        db,
        sql:
          "SELECT result_json FROM route_day WHERE trainee = ? ORDER BY finished_at DESC, id DESC",
        arguments: [trainee]
      ).map { try JSONDecoder().decode(RouteDayResult.self, from: Data($0.utf8)) }
    }
  }
}
