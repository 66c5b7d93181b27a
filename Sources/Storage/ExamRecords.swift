import Foundation
import GRDB
import VisitCoachModel

extension SessionStore {
  /// Stores one exam sitting.
  public func saveExam(_ result: ExamResult) throws {
    let json = try Self.resultJSON(result)
    try pool.write { db in
      try db.execute(
        sql: """
          INSERT INTO exam_result (trainee, exam_id, revision, finished_at, passed, result_json)
          VALUES (?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          result.trainee, result.examID, result.revision, result.date, result.passed, json,
        ])
    }
  }

  /// The trainee's exam sittings, newest first; only those of `examID` when given.
  public func examResults(trainee: String, examID: String? = nil) throws -> [ExamResult] {
    try pool.read { db in
      var sql = "SELECT result_json FROM exam_result WHERE trainee = ?"
      var arguments: StatementArguments = [trainee]
      if let examID {
        sql += " AND exam_id = ?"
        arguments += [examID]
      }
      sql += " ORDER BY finished_at DESC, id DESC"
      return try String.fetchAll(db, sql: sql, arguments: arguments).map {
        try JSONDecoder().decode(ExamResult.self, from: Data($0.utf8))
      }
    }
  }

  /// A stored verdict (an exam sitting, a route day) as JSON with sorted keys, so the same
  /// result is always the same text.
  static func resultJSON(_ result: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(result), as: UTF8.self)
  }
}
