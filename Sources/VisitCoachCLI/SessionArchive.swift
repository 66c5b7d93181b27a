import Foundation
import VisitCoachModel

/// The fallback home of a visit when the database can't take it: a JSON file under the state
/// folder, rewritten atomically after each turn. `resume` and `history` read these files, and
/// the keeper removes one as soon as the database holds everything it held.
struct SessionArchive {
  /// Where the visit is kept.
  let path: String

  /// What one archive file holds.
  struct Record: Codable {
    var version = 2
    var trainee: String
    var started: String
    var scenario: String
    var fingerprint: String
    var finished: Bool
    /// The database session this file stands in for, when the session row exists.
    var session: String?
    /// The database the session belongs in.
    var database: String?
    /// The process writing the file (a file is taken into the database only once its writer
    /// has ended or the visit is finished).
    var pid: Int32?
    var transcript: Transcript

    /// Whether no running practice session is still writing this file.
    var isSettled: Bool {
      finished || pid.map { kill($0, 0) != 0 && errno == ESRCH } ?? true
    }
  }

  let trainee: String
  let started: String
  let scenarioID: String
  let fingerprint: String
  let sessionID: String?
  let databasePath: String?

  /// An archive for a visit of `scenario` (nothing is written until ``save(_:finished:)``).
  init(
    scenarioID: String, fingerprint: String, trainee: String, sessionID: String?,
    databasePath: String?
  ) {
    self.scenarioID = scenarioID
    self.fingerprint = fingerprint
    self.trainee = trainee
    self.sessionID = sessionID
    self.databasePath = databasePath
    let now = Date()
    let stamp = ISO8601DateFormatter()
    stamp.formatOptions = [.withInternetDateTime]
    stamp.timeZone = TimeZone.current
    started = stamp.string(from: now)
    let name =
      sessionID.map { "\($0).json" }
      ?? "\(Int(now.timeIntervalSince1970))-\(getpid())-\(scenarioID).json"
    path = Self.folder() + "/" + name
  }

  /// `$XDG_STATE_HOME/visitcoach`, or `~/.local/state/visitcoach`.
  static func stateDirectory() -> String {
    let env = ProcessInfo.processInfo.environment
    if let state = env["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/visitcoach" }
    let home = env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return home + "/.local/state/visitcoach"
  }

  /// The folder of archive files.
  static func folder() -> String { stateDirectory() + "/sessions" }

  /// Writes the transcript so far; throws when it cannot be written.
  func save(_ transcript: Transcript, finished: Bool) throws {
    try FileManager.default.createDirectory(
      atPath: Self.folder(), withIntermediateDirectories: true)
    let record = Record(
      trainee: trainee, started: started, scenario: scenarioID, fingerprint: fingerprint,
      finished: finished, session: sessionID, database: databasePath, pid: getpid(),
      transcript: transcript)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    try encoder.encode(record).write(to: URL(fileURLWithPath: path), options: .atomic)
  }

  /// Removes the file (the database holds everything it held).
  func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }

  /// Reads an archive file.
  static func load(_ path: String) throws -> Record {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw UserFacingError("cannot read the kept visit '\(path)'")
    }
    do {
      return try JSONDecoder().decode(Record.self, from: data)
    } catch {
      throw UserFacingError("'\(path)' is not a kept visit: \(error)")
    }
  }

  /// Every readable archive file, newest first.
  static func all() -> [(path: String, record: Record)] {
    let folder = folder()
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix(".json") }.sorted(by: >).compactMap { name in
      let path = folder + "/" + name
      return (try? load(path)).map { (path, $0) }
    }.sorted { $0.record.started > $1.record.started }
  }

  /// The archive file standing in for database session `id`, if any.
  static func find(session id: String) -> (path: String, record: Record)? {
    let path = folder() + "/\(id).json"
    guard FileManager.default.fileExists(atPath: path), let record = try? load(path) else {
      return nil
    }
    return (path, record)
  }
}
