import Foundation
import GRDB
import VisitCoachModel

/// A practice session as stored: who, what, when, how it ended.
public struct SessionRecord: Sendable, Hashable, Codable {
  public var id: String
  public var trainee: String
  public var scenarioID: String
  public var scenarioTitle: String
  public var fingerprint: String
  public var seed: UInt64
  public var startedAt: String
  public var finishedAt: String?
  public var endedBy: EndReason?
  public var total: Int?
  public var passed: Bool?
  public var rescoredAt: String?
  public var rescoredFingerprint: String?
  public var originalTotal: Int?
  /// The session this one was replayed from, when `resume` found its scenario changed.
  public var continues: String?

  /// Whether the visit was ended (by the trainee, the retailer or the clock).
  public var isFinished: Bool { finishedAt != nil }

  /// The content the session's current score was computed with: the re-scoring one, else the
  /// one it was played with.
  public var scoredFingerprint: String { rescoredFingerprint ?? fingerprint }

  enum CodingKeys: String, CodingKey {
    case id, trainee, seed, total, passed
    case scenarioID = "scenario"
    case scenarioTitle = "scenario_title"
    case fingerprint
    case startedAt = "started_at"
    case finishedAt = "finished_at"
    case endedBy = "ended_by"
    case rescoredAt = "rescored_at"
    case rescoredFingerprint = "rescored_fingerprint"
    case originalTotal = "original_total"
    case continues
  }
}

/// The SQLite store of sessions, turns and findings (GRDB, WAL). Every turn is written in its
/// own transaction as it happens, so a killed process keeps every completed turn; several
/// processes can write to one database at once.
public final class SessionStore: Sendable {
  let pool: DatabasePool
  /// The database file.
  public let path: String

  /// How long a write waits for another process's transaction before giving up (seconds):
  /// `$VISITCOACH_DB_WAIT`, default 3. Bounded, so a database locked by someone else makes the
  /// practice session fall back to a file instead of freezing.
  public static var busyTimeout: TimeInterval {
    let env = ProcessInfo.processInfo.environment["VISITCOACH_DB_WAIT"]
    if let env, let seconds = Double(env), seconds >= 0, seconds <= 600 { return seconds }
    return 3
  }

  private init(path: String, pool: DatabasePool) {
    self.path = path
    self.pool = pool
  }

  /// Opens (and creates or migrates) the database at `path`.
  public convenience init(path: String) throws {
    self.init(path: path, pool: try Self.openForWriting(path))
  }

  private static func openForWriting(_ path: String) throws -> DatabasePool {
    let folder = (path as NSString).deletingLastPathComponent
    if !folder.isEmpty {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }
    var configuration = Configuration()
    configuration.busyMode = .timeout(busyTimeout)
    configuration.foreignKeysEnabled = true
    // Several processes may open a new database at the same moment (a training room): one of
    // them migrates, the others can fail on the race and simply try again.
    var attempt = 0
    while true {
      do {
        let pool = try DatabasePool(path: path, configuration: configuration)
        // Migrating takes the write lock even when there is nothing to do: check first, so
        // reading works while another process holds a long write transaction.
        if try !pool.read({ try Schema.migrator.hasCompletedMigrations($0) }) {
          try Schema.migrator.migrate(pool)
        }
        return pool
      } catch {
        attempt += 1
        if attempt >= 5 { throw error }
        usleep(useconds_t(20_000 * attempt))
      }
    }
  }

  /// Opens an existing database for reading only: nothing is migrated or written, so it works
  /// on a read-only file and while another process holds a long write transaction. A database
  /// whose schema is older than this program's is opened normally (and migrated) instead.
  public convenience init(readingFrom path: String) throws {
    guard FileManager.default.fileExists(atPath: path) else {
      throw StoreError.noDatabase(path)
    }
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(Self.busyTimeout)
    let pool = try DatabasePool(path: path, configuration: configuration)
    if try pool.read({ try Schema.migrator.hasCompletedMigrations($0) }) {
      self.init(path: path, pool: pool)
    } else {
      self.init(path: path, pool: try Self.openForWriting(path))
    }
  }

  /// Opens the database, migrating only up to `migration` (for tests of upgrades).
  public convenience init(path: String, upTo migration: String) throws {
    let pool = try DatabasePool(path: path)
    try Schema.migrator.migrate(pool, upTo: migration)
    self.init(path: path, pool: pool)
  }

  /// `--db`, then `$VISITCOACH_DB`, then `$XDG_DATA_HOME/visitcoach/visitcoach.sqlite`
  /// (default `~/.local/share/visitcoach/visitcoach.sqlite`).
  public static func defaultPath(option: String? = nil) -> String {
    if let option, !option.isEmpty { return option }
    let env = ProcessInfo.processInfo.environment
    if let db = env["VISITCOACH_DB"], !db.isEmpty { return db }
    if let data = env["XDG_DATA_HOME"], data.hasPrefix("/") {
      return data + "/visitcoach/visitcoach.sqlite"
    }
    let home = env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return home + "/.local/share/visitcoach/visitcoach.sqlite"
  }

  /// The names of the migrations applied, in order.
  public func appliedMigrations() throws -> [String] {
    try pool.read { try Schema.migrator.appliedMigrations($0) }
  }

  // MARK: - Writing

  /// Records a new session and returns its id (e.g. `20261127-134501-3f2a9c`).
  public func start(
    trainee: String, scenario: Scenario, seed: UInt64, openingLine: String?,
    continues: String? = nil, fingerprint: String? = nil, startedAt: String? = nil,
    group: String? = nil
  ) throws -> String {
    let now = Date()
    var id = Self.sessionID(at: now)
    // Ids carry 24 random bits; on the rare clash (same second) draw again.
    while try pool.read({
      try Bool.fetchOne($0, sql: "SELECT 1 FROM session WHERE id = ?", arguments: [id])
    }) == true {
      id = Self.sessionID(at: now)
    }
    var values: [(any DatabaseValueConvertible)?] = [
      id, trainee, scenario.id, scenario.title, fingerprint ?? scenario.fingerprint,
      Int64(bitPattern: seed), startedAt ?? Self.timestamp(now), openingLine,
    ]
    if let continues { values.append(continues) }
    if let group { values.append(group) }
    try pool.write { db in
      // `continues` is named only when set, so this also writes databases of older schemas
      // (upgrade tests start from them).
      try db.execute(
        sql: """
          INSERT INTO session (id, trainee, scenario_id, scenario_title, fingerprint, seed, started_at, opening_line\(continues == nil ? "" : ", continues")\(group == nil ? "" : ", trainee_group"))
          VALUES (?, ?, ?, ?, ?, ?, ?, ?\(continues == nil ? "" : ", ?")\(group == nil ? "" : ", ?"))
          """,
        arguments: StatementArguments(values))
    }
    return id
  }

  /// Makes the stored turns equal `transcript`'s: appends new turns, and removes turns that
  /// were taken back (`/undo`, `/restart`). One transaction.
  public func sync(_ sessionID: String, transcript: Transcript) throws {
    try pool.write { db in
      let key = try Self.key(db, sessionID)
      let stored =
        try Int.fetchOne(
          db, sql: "SELECT COUNT(*) FROM turn WHERE session = ?", arguments: [key]) ?? 0
      if stored > transcript.turns.count {
        try db.execute(
          sql: "DELETE FROM turn WHERE session = ? AND idx > ?",
          arguments: [key, transcript.turns.count])
      }
      // A turn rebuilt after /undo may differ from the stored one: rewrite from the first change.
      var firstChange = min(stored, transcript.turns.count)
      if stored > 0 {
        let rows = try Row.fetchAll(
          db,
          sql: "SELECT idx, trainee, kind, retailer FROM turn WHERE session = ? ORDER BY idx",
          arguments: [key])
        for row in rows {
          let i: Int = row["idx"]
          guard i <= transcript.turns.count else { break }
          let t = transcript.turns[i - 1]
          if row["trainee"] != t.trainee || row["kind"] != t.kind.rawValue
            || row["retailer"] != t.retailer
          {
            firstChange = i - 1
            break
          }
        }
        try db.execute(
          sql: "DELETE FROM turn WHERE session = ? AND idx > ?",
          arguments: [key, firstChange])
      }
      for turn in transcript.turns.dropFirst(firstChange) {
        try db.execute(
          sql: """
            INSERT INTO turn (session, idx, kind, phase, trainee, retailer, retailer_line, mood_before, mood,
                              patience, clock_start, clock)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            key, turn.index, turn.kind.rawValue, turn.phase, turn.trainee, turn.retailer,
            turn.retailerLineID,
            turn.moodBefore, turn.mood, turn.patience, turn.clockStart, turn.clock,
          ])
      }
      try db.execute(
        sql:
          """
          UPDATE session SET hints = ?, opening_line = ?, visit_record = ?, packed = ?, plan = ?,
            appearance_checked = ?, previous = ?, series = ?, appearance = ?
          WHERE id = ?
          """,
        arguments: [
          Self.json(transcript.hintsUsed), transcript.openingLine,
          transcript.record.map { Self.json($0) }, transcript.packed.map { Self.json($0) },
          transcript.plan, transcript.appearanceChecked, transcript.previous.map { Self.json($0) },
          transcript.series.map { Self.json($0) }, transcript.appearance.map { Self.json($0) },
          sessionID,
        ])
    }
  }

  /// Records how the visit ended and its report (and the findings, for progress and cohorts).
  public func finish(_ sessionID: String, transcript: Transcript, report: ScoreReport) throws {
    try sync(sessionID, transcript: transcript)
    let stored = try StoredReport(report, turns: transcript.turns)
    try pool.write { db in
      try db.execute(
        sql: """
          UPDATE session SET finished_at = COALESCE(finished_at, ?), ended_by = ?, total = ?, passed = ?
          WHERE id = ?
          """,
        arguments: [
          Self.timestamp(Date()), report.endedBy.rawValue, report.total, report.passed, sessionID,
        ])
      let key = try Self.key(db, sessionID)
      try Self.writeReport(db, key, stored, frames: FrameIDs())
      try Self.writeFindings(db, key, report, criteria: CriterionIDs())
    }
  }

  /// Stores re-scored reports: the report itself, total, pass, area scores and findings, so
  /// `report`, `history`, `progress` and `cohort` all read the new score. Each session keeps its
  /// first total (`original_total`) and records the content it was re-scored with. One
  /// transaction for the whole batch; a report that comes out as stored rewrites nothing but the
  /// re-scoring stamp.
  public func rescore(_ reports: [PreparedReport]) throws {
    let now = Self.timestamp(Date())
    try pool.write { db in
      let frames = FrameIDs()
      let criteria = CriterionIDs()
      let update = try db.cachedStatement(
        sql: """
          UPDATE session SET original_total = COALESCE(original_total, total), total = ?, passed = ?,
                             rescored_at = ?, rescored_fingerprint = ? WHERE id = ?
          """)
      for prepared in reports {
        let report = prepared.report
        try update.execute(arguments: [
          report.total, report.passed, now, report.fingerprint, prepared.sessionID,
        ])
        let key = try Self.key(db, prepared.sessionID)
        if try Self.writeReport(db, key, prepared.stored, frames: frames) {
          try Self.writeFindings(db, key, report, criteria: criteria)
        }
      }
      // Frames of content no report uses any more (a rubric changed and everything was re-scored).
      try db.execute(
        sql: "DELETE FROM report_frame WHERE id NOT IN (SELECT DISTINCT frame FROM report)")
    }
  }

  /// Stores a re-scored report (see ``rescore(_:)-swift.method``).
  public func rescore(_ sessionID: String, report: ScoreReport, transcript: Transcript) throws {
    try rescore([PreparedReport(sessionID: sessionID, report: report, transcript: transcript)])
  }

  // MARK: - Reading

  /// The most recent session: the one that ended last, or started last if that is later (a
  /// session resumed and finished today is newer than one started an hour ago).
  public func newestSession(trainee: String? = nil) throws -> SessionRecord? {
    try pool.read { db in
      var sql = "SELECT * FROM session"
      var arguments: StatementArguments = []
      if let trainee {
        sql += " WHERE trainee = ?"
        arguments += [trainee]
      }
      sql += " ORDER BY MAX(started_at, COALESCE(finished_at, started_at)) DESC, rowid DESC LIMIT 1"
      return try Row.fetchOne(db, sql: sql, arguments: arguments).map(Self.record)
    }
  }

  /// Sessions, newest first, optionally of one trainee or scenario.
  public func sessions(
    trainee: String? = nil, scenario: String? = nil, since: String? = nil, limit: Int? = nil
  ) throws -> [SessionRecord] {
    try pool.read { db in
      var sql = "SELECT * FROM session WHERE 1 = 1"
      var arguments: StatementArguments = []
      if let trainee {
        sql += " AND trainee = ?"
        arguments += [trainee]
      }
      if let scenario {
        sql += " AND scenario_id = ?"
        arguments += [scenario]
      }
      if let since {
        sql += " AND started_at >= ?"
        arguments += [since]
      }
      sql += " ORDER BY started_at DESC, rowid DESC"
      if let limit { sql += " LIMIT \(limit)" }
      return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.record)
    }
  }

  /// The session whose id is `id` or starts with it (an unambiguous prefix).
  public func session(matching id: String) throws -> SessionRecord? {
    try pool.read { db in
      let rows = try Row.fetchAll(
        db, sql: "SELECT * FROM session WHERE id = ? OR id LIKE ? ESCAPE '\\' ORDER BY id LIMIT 2",
        arguments: [id, Self.likePrefix(id)])
      if let exact = rows.first(where: { ($0["id"] as String) == id }) { return Self.record(exact) }
      return rows.count == 1 ? Self.record(rows[0]) : nil
    }
  }

  /// The stored transcript of a session.
  public func transcript(_ sessionID: String) throws -> Transcript {
    try pool.read { db in
      guard
        let session = try Row.fetchOne(
          db, sql: "SELECT * FROM session WHERE id = ?", arguments: [sessionID])
      else { throw StoreError.noSuchSession(sessionID) }
      return Self.transcript(session: session, turns: try Self.turns(db, of: session["key"]))
    }
  }

  /// The stored transcripts of many sessions, read in a few queries (for re-scoring).
  public func transcripts(_ sessionIDs: [String]) throws -> [String: Transcript] {
    try pool.read { db in
      var out: [String: Transcript] = [:]
      out.reserveCapacity(sessionIDs.count)
      // SQLite takes at most 999 parameters per statement.
      for start in stride(from: 0, to: sessionIDs.count, by: 900) {
        let chunk = Array(sessionIDs[start..<min(start + 900, sessionIDs.count)])
        let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
        let arguments = StatementArguments(chunk)
        var turns: [String: [Turn]] = [:]
        // Columns by position: looking them up by name costs more than the rest of the read.
        let rows = try Row.fetchCursor(
          db,
          sql: """
            SELECT s.id, t.idx, t.kind, t.phase, t.trainee, t.retailer, t.retailer_line, t.mood_before,
                   t.mood, t.patience, t.clock_start, t.clock
            FROM turn t JOIN session s ON s.key = t.session
            WHERE s.id IN (\(marks)) ORDER BY t.session, t.idx
            """,
          arguments: arguments)
        while let row = try rows.next() {
          turns[row[0], default: []].append(
            Turn(
              index: row[1], kind: TurnKind(rawValue: row[2]) ?? .say, phase: row[3],
              trainee: row[4], retailer: row[5], retailerLineID: row[6], moodBefore: row[7],
              mood: row[8], patience: row[9], clockStart: row[10], clock: row[11]))
        }
        for session in try Row.fetchAll(
          db, sql: "SELECT * FROM session WHERE id IN (\(marks))", arguments: arguments)
        {
          let id: String = session["id"]
          out[id] = Self.transcript(session: session, turns: turns[id] ?? [])
        }
      }
      return out
    }
  }

  static func turn(_ row: Row) -> Turn {
    Turn(
      index: row["idx"], kind: TurnKind(rawValue: row["kind"]) ?? .say, phase: row["phase"],
      trainee: row["trainee"],
      retailer: row["retailer"], retailerLineID: row["retailer_line"],
      moodBefore: row["mood_before"],
      mood: row["mood"], patience: row["patience"], clockStart: row["clock_start"],
      clock: row["clock"])
  }

  private static func transcript(session: Row, turns: [Turn]) -> Transcript {
    let hints =
      (try? JSONDecoder().decode([String].self, from: Data((session["hints"] as String).utf8)))
      ?? []
    let endedBy = (session["ended_by"] as String?).flatMap(EndReason.init(rawValue:))
    let seed: Int64 = session["seed"]
    var transcript = Transcript(
      scenarioID: session["scenario_id"], seed: UInt64(bitPattern: seed),
      openingLine: session["opening_line"],
      turns: turns, endedBy: endedBy, hintsUsed: hints)
    if let json = session["visit_record"] as String? {
      transcript.record = try? JSONDecoder().decode(VisitRecord.self, from: Data(json.utf8))
    }
    if let json = session["packed"] as String? {
      transcript.packed = try? JSONDecoder().decode([String].self, from: Data(json.utf8))
    }
    transcript.plan = session["plan"]
    transcript.appearanceChecked = session["appearance_checked"]
    if let json = session["previous"] as String? {
      transcript.previous = try? JSONDecoder().decode(PreviousVisit.self, from: Data(json.utf8))
    }
    if let json = session["appearance"] as String? {
      transcript.appearance = try? JSONDecoder().decode([String].self, from: Data(json.utf8))
    }
    if let json = session["series"] as String? {
      transcript.series = try? JSONDecoder().decode(SeriesPlace.self, from: Data(json.utf8))
    }
    return transcript
  }

  /// The counted findings (credits that applied, penalties triggered) of the given sessions, by
  /// session id.
  public func findings(of sessionIDs: [String]) throws -> [String: [StoredFinding]] {
    try pool.read { db in
      var out: [String: [StoredFinding]] = [:]
      for start in stride(from: 0, to: sessionIDs.count, by: 900) {
        let chunk = Array(sessionIDs[start..<min(start + 900, sessionIDs.count)])
        let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
        for row in try Row.fetchAll(
          db,
          sql: """
            SELECT s.id AS session_id, f.status, f.points, c.* FROM finding f
            JOIN criterion c ON c.id = f.criterion JOIN session s ON s.key = f.session
            WHERE s.id IN (\(marks)) ORDER BY f.session, c.id
            """, arguments: StatementArguments(chunk))
        {
          out[row["session_id"], default: []].append(
            StoredFinding(
              areaID: row["area_id"], criterionID: row["criterion_id"], title: row["title"],
              isPenalty: row["penalty"],
              status: CriterionStatus(rawValue: row["status"]) ?? .missed, points: row["points"],
              max: row["max"]))
        }
      }
      return out
    }
  }

  // MARK: - Helpers

  /// The integer key of session `sessionID`, which its turns, scores and report are stored by.
  static func key(_ db: Database, _ sessionID: String) throws -> Int64 {
    guard
      let key = try Int64.fetchOne(
        db.cachedStatement(sql: "SELECT key FROM session WHERE id = ?"), arguments: [sessionID])
    else { throw StoreError.noSuchSession(sessionID) }
    return key
  }

  private static func record(_ row: Row) -> SessionRecord {
    let seed: Int64 = row["seed"]
    return SessionRecord(
      id: row["id"], trainee: row["trainee"], scenarioID: row["scenario_id"],
      scenarioTitle: row["scenario_title"],
      fingerprint: row["fingerprint"], seed: UInt64(bitPattern: seed), startedAt: row["started_at"],
      finishedAt: row["finished_at"],
      endedBy: (row["ended_by"] as String?).flatMap(EndReason.init(rawValue:)),
      total: row["total"], passed: row["passed"], rescoredAt: row["rescored_at"],
      rescoredFingerprint: row["rescored_fingerprint"], originalTotal: row["original_total"],
      continues: row["continues"])
  }

  static func sessionID(at date: Date) -> String {
    let stamp = timestamp(date).replacingOccurrences(of: "-", with: "").replacingOccurrences(
      of: ":", with: ""
    )
    .replacingOccurrences(of: "T", with: "-").prefix(15)
    return "\(stamp)-\(String(format: "%06x", UInt32.random(in: 0...0xFF_FFFF)))"
  }

  static func timestamp(_ date: Date) -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    f.timeZone = TimeZone.current
    return f.string(from: date)
  }

  private static func json<T: Encodable>(_ value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes]
    return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
  }

  private static func likePrefix(_ text: String) -> String {
    text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
      .replacingOccurrences(of: "_", with: "\\_") + "%"
  }
}

/// One criterion's outcome in one stored session.
public struct StoredFinding: Sendable, Hashable {
  public var areaID: String
  public var criterionID: String
  public var title: String
  public var isPenalty: Bool
  public var status: CriterionStatus
  public var points: Int
  public var max: Int
}

/// Errors of the session store.
public enum StoreError: Error, CustomStringConvertible {
  case noSuchSession(String)
  case noDatabase(String)
  /// A stored report whose parts don't fit together.
  case damagedReport

  public var description: String {
    switch self {
    case .noSuchSession(let id): return "no session '\(id)'"
    case .noDatabase(let path): return "no session database at \(path) yet"
    case .damagedReport: return "a stored report is damaged; 'visitcoach rescore' rebuilds it"
    }
  }
}
