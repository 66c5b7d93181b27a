import Foundation
import GRDB
import VisitCoachModel

/// The database schema, as a list of migrations. Never edit a released migration: add one.
///
/// - `v1` sessions and their turns (what the trainee did, as it happened);
/// - `v2` findings per session (for progress and cohort queries) and re-scoring columns;
/// - `v3` area scores per session, filled in for sessions stored before it from their reports;
/// - `v4` reports move to their own table, so scanning sessions (history, cohort) reads small rows;
/// - `v5` a covering index for hit rates per criterion (cohort over thousands of sessions);
/// - `v6` the visit record the trainee writes after the visit (action 26), as JSON;
/// - `v7` the visit-bag items packed before the visit (action 3), as a JSON list of ids;
/// - `v8` the visit plan stated before the visit (actions 1-2) and the appearance check (4);
/// - `v9`-`v12` the session a resumed one continues, the findings digest, the trainee's group,
///   exam results;
/// - `v13` visits that continue: what the earlier visit left (`previous`) and the place in the
///   series (`series`), as JSON;
/// - `v14` what was chosen before leaving (`session.appearance`, action 4) and route days
///   (`route_day`): one row per day on a route, its verdict as JSON;
/// - `v15` one copy of each thing: a report is its content's frame (`report_frame`, shared by every
///   session on that content) and the visit's compressed outcome (`report.body`, see
///   ``StoredReport``); findings are kept only where they count (credits that applied, penalties
///   triggered) against a dictionary of criteria (`criterion`); turns, area scores, findings and
///   reports are keyed by session without a second rowid index.
enum Schema {
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.create(table: "session") { t in
        t.primaryKey("id", .text)
        t.column("trainee", .text).notNull().indexed()
        t.column("scenario_id", .text).notNull().indexed()
        t.column("scenario_title", .text).notNull()
        t.column("fingerprint", .text).notNull()
        t.column("seed", .integer).notNull()
        t.column("started_at", .text).notNull()
        t.column("finished_at", .text)
        t.column("ended_by", .text)
        t.column("total", .integer)
        t.column("passed", .boolean)
        t.column("hints", .text).notNull().defaults(to: "[]")
        t.column("opening_line", .text)
        t.column("report_json", .text)
      }
      try db.create(table: "turn") { t in
        t.column("session_id", .text).notNull().references("session", onDelete: .cascade)
        t.column("idx", .integer).notNull()
        t.column("kind", .text).notNull()
        t.column("phase", .text).notNull()
        t.column("trainee", .text).notNull()
        t.column("retailer", .text)
        t.column("retailer_line", .text)
        t.column("mood_before", .integer).notNull()
        t.column("mood", .integer).notNull()
        t.column("patience", .integer).notNull()
        t.column("clock_start", .integer).notNull()
        t.column("clock", .integer).notNull()
        t.primaryKey(["session_id", "idx"])
      }
    }
    migrator.registerMigration("v2") { db in
      try db.create(table: "finding") { t in
        t.column("session_id", .text).notNull().references("session", onDelete: .cascade)
        t.column("area_id", .text).notNull()
        t.column("criterion_id", .text).notNull().indexed()
        t.column("title", .text).notNull()
        t.column("penalty", .boolean).notNull()
        t.column("status", .text).notNull()
        t.column("points", .integer).notNull()
        t.column("max", .integer).notNull()
        t.primaryKey(["session_id", "criterion_id"])
      }
      try db.alter(table: "session") { t in
        t.add(column: "rescored_at", .text)
        t.add(column: "rescored_fingerprint", .text)
        t.add(column: "original_total", .integer)
      }
    }
    migrator.registerMigration("v3") { db in
      try db.create(table: "area_score") { t in
        t.column("session_id", .text).notNull().references("session", onDelete: .cascade)
        t.column("area_id", .text).notNull()
        t.column("title", .text).notNull()
        t.column("weight", .integer).notNull()
        t.column("score", .integer)
        t.column("position", .integer).notNull()
        t.primaryKey(["session_id", "area_id"])
      }
      let reports = try Row.fetchAll(
        db, sql: "SELECT id, report_json FROM session WHERE report_json IS NOT NULL")
      for row in reports {
        let json: String = row["report_json"]
        guard let report = try? JSONDecoder().decode(ScoreReport.self, from: Data(json.utf8)) else {
          continue
        }
        // As area scores were written then (the table changed in v15).
        for (position, area) in report.areas.enumerated() {
          try db.execute(
            sql: """
              INSERT INTO area_score (session_id, area_id, title, weight, score, position)
              VALUES (?, ?, ?, ?, ?, ?)
              """,
            arguments: [row["id"], area.id, area.title, area.weight, area.score, position])
        }
      }
    }
    migrator.registerMigration("v4") { db in
      try db.create(table: "report") { t in
        t.primaryKey("session_id", .text).references("session", onDelete: .cascade)
        t.column("json", .text).notNull()
      }
      try db.execute(
        sql:
          "INSERT INTO report (session_id, json) SELECT id, report_json FROM session WHERE report_json IS NOT NULL"
      )
      try db.alter(table: "session") { t in t.drop(column: "report_json") }
    }
    migrator.registerMigration("v5") { db in
      try db.create(
        index: "finding_stats", on: "finding",
        columns: ["penalty", "criterion_id", "status", "session_id"])
    }
    migrator.registerMigration("v6") { db in
      try db.alter(table: "session") { t in t.add(column: "visit_record", .text) }
    }
    migrator.registerMigration("v7") { db in
      try db.alter(table: "session") { t in t.add(column: "packed", .text) }
    }
    migrator.registerMigration("v8") { db in
      try db.alter(table: "session") { t in
        t.add(column: "plan", .text)
        t.add(column: "appearance_checked", .boolean)
      }
    }
    migrator.registerMigration("v9") { db in
      try db.alter(table: "session") { t in t.add(column: "continues", .text) }
    }
    migrator.registerMigration("v10") { db in
      // A fingerprint of the stored area scores and findings: re-scoring skips rewriting them
      // when they come out the same.
      try db.alter(table: "session") { t in t.add(column: "findings_digest", .text) }
    }
    migrator.registerMigration("v11") { db in
      // The trainee's group (a class, a county office), optional: coaches filter by it.
      try db.alter(table: "session") { t in t.add(column: "trainee_group", .text) }
    }
    migrator.registerMigration("v12") { db in
      // Exam sittings: the verdict and everything it was judged on, as JSON.
      try db.create(table: "exam_result") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("trainee", .text).notNull().indexed()
        t.column("exam_id", .text).notNull()
        t.column("revision", .integer).notNull()
        t.column("finished_at", .text).notNull()
        t.column("passed", .boolean).notNull()
        t.column("result_json", .text).notNull()
      }
    }
    migrator.registerMigration("v13") { db in
      // Visits that continue (a series): what the earlier visit left, and the place in the
      // series, both as JSON.
      try db.alter(table: "session") { t in
        t.add(column: "previous", .text)
        t.add(column: "series", .text)
      }
    }
    migrator.registerMigration("v14") { db in
      // What the trainee chose to wear and do before leaving (`/ready`), as a JSON list of ids.
      try db.alter(table: "session") { t in t.add(column: "appearance", .text) }
      // Route days: the day's verdict and everything it was judged on, as JSON.
      try db.create(table: "route_day") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("trainee", .text).notNull().indexed()
        t.column("route_id", .text).notNull()
        t.column("finished_at", .text).notNull()
        t.column("total", .integer).notNull()
        t.column("passed", .boolean).notNull()
        t.column("result_json", .text).notNull()
      }
    }
    migrator.registerMigration("v15") { db in try compactStorage(db) }
    return migrator
  }

  /// `v15`: rebuilds the per-session tables in their compact form, keeping every session, turn,
  /// area score and counted finding, and every report that can be read. Sessions get an integer
  /// key (`session.key`, stable across VACUUM), which every per-session row is keyed by instead
  /// of the 22-character id. It writes reports with today's helpers: a later migration that
  /// changes these tables must first freeze here what this one calls (as v3 was).
  private static func compactStorage(_ db: Database) throws {
    let rebuilt = ["session", "turn", "area_score", "finding", "report"]
    for table in rebuilt { try db.rename(table: table, to: "old_" + table) }
    // Renaming keeps index names: drop the old ones so the new table can have them.
    try db.drop(index: "session_on_trainee")
    try db.drop(index: "session_on_scenario_id")
    let sessionColumns = """
      id, trainee, scenario_id, scenario_title, fingerprint, seed, started_at, finished_at, ended_by,
      total, passed, hints, opening_line, rescored_at, rescored_fingerprint, original_total,
      visit_record, packed, plan, appearance_checked, continues, trainee_group, previous, series,
      appearance
      """
    try db.create(table: "session") { t in
      t.primaryKey("key", .integer)
      t.column("id", .text).notNull().unique()
      t.column("trainee", .text).notNull().indexed()
      t.column("scenario_id", .text).notNull().indexed()
      t.column("scenario_title", .text).notNull()
      t.column("fingerprint", .text).notNull()
      t.column("seed", .integer).notNull()
      t.column("started_at", .text).notNull()
      t.column("finished_at", .text)
      t.column("ended_by", .text)
      t.column("total", .integer)
      t.column("passed", .boolean)
      t.column("hints", .text).notNull().defaults(to: "[]")
      t.column("opening_line", .text)
      t.column("rescored_at", .text)
      t.column("rescored_fingerprint", .text)
      t.column("original_total", .integer)
      t.column("visit_record", .text)
      t.column("packed", .text)
      t.column("plan", .text)
      t.column("appearance_checked", .boolean)
      t.column("continues", .text)
      t.column("trainee_group", .text)
      t.column("previous", .text)
      t.column("series", .text)
      t.column("appearance", .text)
    }
    try db.execute(
      sql: """
        INSERT INTO session (\(sessionColumns))
        SELECT \(sessionColumns) FROM old_session ORDER BY rowid
        """)
    try db.create(table: "report_frame") { t in
      t.primaryKey("id", .integer)
      t.column("digest", .text).notNull().unique()
      t.column("frame", .blob).notNull()
    }
    try db.create(table: "criterion") { t in
      t.primaryKey("id", .integer)
      t.column("criterion_id", .text).notNull()
      t.column("area_id", .text).notNull()
      t.column("title", .text).notNull()
      t.column("penalty", .boolean).notNull()
      t.column("max", .integer).notNull()
      t.uniqueKey(["criterion_id", "area_id", "title", "penalty", "max"])
    }
    try db.create(table: "turn", options: .withoutRowID) { t in
      t.column("session", .integer).notNull().references(
        "session", column: "key", onDelete: .cascade)
      t.column("idx", .integer).notNull()
      t.column("kind", .text).notNull()
      t.column("phase", .text).notNull()
      t.column("trainee", .text).notNull()
      t.column("retailer", .text)
      t.column("retailer_line", .text)
      t.column("mood_before", .integer).notNull()
      t.column("mood", .integer).notNull()
      t.column("patience", .integer).notNull()
      t.column("clock_start", .integer).notNull()
      t.column("clock", .integer).notNull()
      t.primaryKey(["session", "idx"])
    }
    try db.execute(
      sql: """
        INSERT INTO turn SELECT s.key, t.idx, t.kind, t.phase, t.trainee, t.retailer, t.retailer_line,
          t.mood_before, t.mood, t.patience, t.clock_start, t.clock
        FROM old_turn t JOIN session s ON s.id = t.session_id
        """)
    try db.create(table: "area_score", options: .withoutRowID) { t in
      t.column("session", .integer).notNull().references(
        "session", column: "key", onDelete: .cascade)
      t.column("area_id", .text).notNull()
      t.column("title", .text).notNull()
      t.column("weight", .integer).notNull()
      t.column("score", .integer)
      t.column("position", .integer).notNull()
      t.primaryKey(["session", "area_id"])
    }
    try db.execute(
      sql: """
        INSERT INTO area_score SELECT s.key, a.area_id, a.title, a.weight, a.score, a.position
        FROM old_area_score a JOIN session s ON s.id = a.session_id
        """)
    try db.create(table: "finding", options: .withoutRowID) { t in
      t.column("session", .integer).notNull().references(
        "session", column: "key", onDelete: .cascade)
      t.column("criterion", .integer).notNull().references("criterion")
      t.column("status", .text).notNull()
      t.column("points", .integer).notNull()
      t.primaryKey(["session", "criterion"])
    }
    try db.execute(
      sql: """
        INSERT OR IGNORE INTO criterion (criterion_id, area_id, title, penalty, max)
        SELECT DISTINCT criterion_id, area_id, title, penalty, max FROM old_finding
        """)
    try db.execute(
      sql: """
        INSERT INTO finding (session, criterion, status, points)
        SELECT s.key, c.id, f.status, f.points FROM old_finding f
        JOIN session s ON s.id = f.session_id
        JOIN criterion c ON c.criterion_id = f.criterion_id AND c.area_id = f.area_id
          AND c.title = f.title AND c.penalty = f.penalty AND c.max = f.max
        WHERE \(SessionStore.countedFindingSQL("f.status"))
        """)
    // With a rowid: a body of 1-2 KB fits in the row; a table without one would spill it into
    // an overflow page of its own (4 KB per session).
    try db.create(table: "report") { t in
      t.primaryKey("session", .integer).references("session", column: "key", onDelete: .cascade)
      t.column("frame", .integer).notNull().references("report_frame")
      t.column("body", .blob).notNull()
    }
    let frames = FrameIDs()
    let rows = try Row.fetchCursor(
      db,
      sql: "SELECT s.key, r.json FROM old_report r JOIN session s ON s.id = r.session_id")
    while let row = try rows.next() {
      let key: Int64 = row["key"]
      let json: String = row["json"]
      // A report no version of this program can read was never shown; re-scoring rebuilds it.
      guard let report = try? JSONDecoder().decode(ScoreReport.self, from: Data(json.utf8)) else {
        continue
      }
      let stored = try StoredReport(report, turns: try SessionStore.turns(db, of: key))
      try SessionStore.writeReport(db, key, stored, frames: frames)
    }
    for table in rebuilt.reversed() { try db.drop(table: "old_" + table) }
  }
}
