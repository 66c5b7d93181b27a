import Foundation
import GRDB
import VisitCoachModel

/// A report made ready for storing: split and compressed (``StoredReport``) where it was scored,
/// so a batch of re-scores encodes on every core and the writer only compares and writes.
public struct PreparedReport: Sendable {
  /// The session it belongs to.
  public let sessionID: String
  /// The report as scored.
  public let report: ScoreReport
  let stored: StoredReport

  /// Prepares `report` of `sessionID`, whose visit is `transcript`.
  public init(sessionID: String, report: ScoreReport, transcript: Transcript) throws {
    self.sessionID = sessionID
    self.report = report
    stored = try StoredReport(report, turns: transcript.turns)
  }
}

/// The frame rows of one write transaction: a frame equal to one already stored gets its id
/// without being encoded again (comparing is cheap: frames of one scenario share their strings).
final class FrameIDs {
  private var known: [String: [(frame: ScoreReport, id: Int64)]] = [:]

  /// The id of the `report_frame` row holding `frame`, inserted when there is none.
  func id(for frame: ScoreReport, in db: Database) throws -> Int64 {
    if let hit = known[frame.fingerprint]?.first(where: { $0.frame == frame }) { return hit.id }
    let (bytes, digest) = try StoredReport.encode(frame: frame)
    let id: Int64
    if let stored = try Int64.fetchOne(
      db, sql: "SELECT id FROM report_frame WHERE digest = ?", arguments: [digest])
    {
      id = stored
    } else {
      try db.execute(
        sql: "INSERT INTO report_frame (digest, frame) VALUES (?, ?)",
        arguments: [digest, Data(bytes)])
      id = db.lastInsertedRowID
    }
    known[frame.fingerprint, default: []].append((frame, id))
    return id
  }
}

/// The `criterion` rows of one write transaction, by what a finding row names.
final class CriterionIDs {
  private struct Key: Hashable {
    var criterion: String, area: String, title: String, penalty: Bool, max: Int
  }
  private var known: [Key: Int64]?

  /// The id of the `criterion` row for `finding` in area `area`, inserted when there is none.
  func id(for finding: Finding, area: String, in db: Database) throws -> Int64 {
    if known == nil {
      var all: [Key: Int64] = [:]
      for row in try Row.fetchAll(db, sql: "SELECT * FROM criterion") {
        all[
          Key(
            criterion: row["criterion_id"], area: row["area_id"], title: row["title"],
            penalty: row["penalty"], max: row["max"])] = row["id"]
      }
      known = all
    }
    let key = Key(
      criterion: finding.id, area: area, title: finding.title, penalty: finding.isPenalty,
      max: finding.max)
    if let id = known?[key] { return id }
    try db.execute(
      sql:
        "INSERT INTO criterion (criterion_id, area_id, title, penalty, max) VALUES (?, ?, ?, ?, ?)",
      arguments: [key.criterion, key.area, key.title, key.penalty, key.max])
    known?[key] = db.lastInsertedRowID
    return db.lastInsertedRowID
  }
}

extension SessionStore {
  /// The statuses a `finding` row is kept for: a credit that applied, a penalty that was
  /// triggered. The rest (not applicable, not triggered) is only in the report.
  static let countedStatuses: [CriterionStatus] = [.met, .partial, .missed, .triggered]

  /// SQL that is true when `column` holds a counted status.
  static func countedFindingSQL(_ column: String) -> String {
    "\(column) IN (\(countedStatuses.map { "'\($0.rawValue)'" }.joined(separator: ", ")))"
  }

  /// Stores `stored` as the report of `sessionID`; false when the same report was already
  /// stored (nothing is written then).
  @discardableResult
  static func writeReport(
    _ db: Database, _ session: Int64, _ stored: StoredReport, frames: FrameIDs
  ) throws -> Bool {
    let frame = try frames.id(for: stored.frame, in: db)
    let body = Data(stored.body)
    if let row = try Row.fetchOne(
      db.cachedStatement(sql: "SELECT frame, body FROM report WHERE session = ?"),
      arguments: [session]),
      row["frame"] as Int64 == frame, row["body"] as Data == body
    {
      return false
    }
    try db.cachedStatement(
      sql: "INSERT OR REPLACE INTO report (session, frame, body) VALUES (?, ?, ?)"
    ).execute(arguments: [session, frame, body])
    return true
  }

  /// Replaces the area scores and counted findings of `session` with `report`'s.
  static func writeFindings(
    _ db: Database, _ session: Int64, _ report: ScoreReport, criteria: CriterionIDs
  ) throws {
    try writeAreas(db, session, report)
    try db.cachedStatement(sql: "DELETE FROM finding WHERE session = ?").execute(arguments: [
      session
    ])
    let insert = try db.cachedStatement(
      sql: "INSERT INTO finding (session, criterion, status, points) VALUES (?, ?, ?, ?)")
    for area in report.areas {
      for f in area.criteria + area.penalties where countedStatuses.contains(f.status) {
        try insert.execute(arguments: [
          session, try criteria.id(for: f, area: area.id, in: db), f.status.rawValue, f.points,
        ])
      }
    }
  }

  /// The area scores of `session` (for progress), replaced by `report`'s.
  static func writeAreas(_ db: Database, _ session: Int64, _ report: ScoreReport) throws {
    try db.cachedStatement(sql: "DELETE FROM area_score WHERE session = ?").execute(arguments: [
      session
    ])
    let insert = try db.cachedStatement(
      sql:
        "INSERT INTO area_score (session, area_id, title, weight, score, position) VALUES (?, ?, ?, ?, ?, ?)"
    )
    for (position, area) in report.areas.enumerated() {
      try insert.execute(arguments: [
        session, area.id, area.title, area.weight, area.score, position,
      ])
    }
  }

  /// The stored turns of `session`, in order.
  static func turns(_ db: Database, of session: Int64) throws -> [Turn] {
    try Row.fetchAll(
      db.cachedStatement(sql: "SELECT * FROM turn WHERE session = ? ORDER BY idx"),
      arguments: [session]
    ).map(turn)
  }

  /// The stored report of a finished session, as it was last scored (see
  /// ``SessionRecord/scoredFingerprint``: a report stored before a re-score of schema v14 or
  /// earlier may be older).
  public func report(_ sessionID: String) throws -> ScoreReport? {
    try pool.read { db in
      guard
        let row = try Row.fetchOne(
          db,
          sql: """
            SELECT r.session, r.body, f.frame FROM report r
            JOIN report_frame f ON f.id = r.frame JOIN session s ON s.key = r.session
            WHERE s.id = ?
            """, arguments: [sessionID])
      else { return nil }
      let frame = try StoredReport.decodeFrame(Array(row["frame"] as Data))
      return try StoredReport.assemble(
        frame: frame, body: Array(row["body"] as Data),
        turns: try Self.turns(db, of: row["session"]))
    }
  }
}
