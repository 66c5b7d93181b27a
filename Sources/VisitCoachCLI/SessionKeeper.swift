import Foundation
import Storage
import VisitCoachModel

/// Keeps a practice session as it happens, so a crash, Ctrl-C, a closed terminal or a locked
/// database loses nothing already said.
///
/// Every save goes to the SQLite store (one transaction). When the database can't take it (busy
/// past its bounded wait, read-only, gone), the whole visit so far is written to a fallback file
/// under the state folder instead, and standard error says exactly where. The database is tried
/// again every ``retryInterval`` and at the end; once it holds everything, the file is removed.
/// `resume` and `history` read the fallback files, so a visit kept there is never stranded.
final class SessionKeeper {
  /// The database, when it could be opened.
  let store: SessionStore?
  private let databasePath: String
  /// The database session, when its row could be written.
  let sessionID: String?
  private let archive: SessionArchive
  /// Whether the newest state of the visit is only in the fallback file.
  private var inFile = false
  private var lastFailure: Date?
  /// Why the database could not be used at the start, shown once when the visit begins.
  private(set) var warning: String?
  /// How long to leave a failing database alone before trying it again.
  static let retryInterval: TimeInterval = 30

  /// Starts keeping a new session (`continues`: the session this one was replayed from).
  init(
    scenario: Scenario, seed: UInt64, trainee: String, openingLine: String?, databasePath: String,
    continues: String? = nil, group: String? = nil
  ) {
    self.databasePath = databasePath
    var store: SessionStore?
    var id: String?
    var problem: Error?
    do {
      let opened = try SessionStore(path: databasePath)
      store = opened
      id = try opened.start(
        trainee: trainee, scenario: scenario, seed: seed, openingLine: openingLine,
        continues: continues, group: group)
    } catch {
      problem = error
    }
    self.store = store
    sessionID = id
    archive = SessionArchive(
      scenarioID: scenario.id, fingerprint: scenario.fingerprint, trainee: trainee,
      sessionID: id, databasePath: databasePath)
    if let problem {
      inFile = true
      let folder = SessionArchive.folder()
      let writable =
        (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true))
        != nil && FileManager.default.isWritableFile(atPath: folder)
      warning =
        writable
        ? "cannot use the database \(databasePath) (\(problem)); this visit is kept in the file \(archive.path)"
        : "cannot use the database \(databasePath) (\(problem)), and the folder \(folder) is not writable: this visit will NOT be stored"
    }
  }

  /// Goes on keeping an existing database session (`resume`).
  init(store: SessionStore, record: SessionRecord) {
    self.store = store
    databasePath = store.path
    sessionID = record.id
    archive = SessionArchive(
      scenarioID: record.scenarioID, fingerprint: record.fingerprint, trainee: record.trainee,
      sessionID: record.id, databasePath: store.path)
  }

  /// Where the visit is kept now, for the end-of-visit message.
  var location: String {
    if !inFile, let sessionID { return "\(sessionID) (\(databasePath))" }
    return archive.path
  }

  /// Whether the visit is only in the fallback file.
  var isInFile: Bool { inFile }

  /// Stores the visit so far. Returns false only when it could be stored nowhere.
  @discardableResult
  func save(_ transcript: Transcript) -> Bool {
    if let error = tryDatabase({ try $0.sync($1, transcript: transcript) }) {
      return fallBack(transcript, finished: false, because: error)
    }
    return true
  }

  /// Stores how the visit ended and its report.
  @discardableResult
  func finish(_ transcript: Transcript, report: ScoreReport) -> Bool {
    lastFailure = nil  // always try the database once more at the end
    if let error = tryDatabase({
      try $0.finish($1, transcript: transcript, report: report)
    }) {
      return fallBack(transcript, finished: true, because: error)
    }
    return true
  }

  /// Runs `write` against the database; nil when it succeeded. Leaves a failing database alone
  /// for ``retryInterval`` so a locked file doesn't freeze every turn.
  private func tryDatabase(_ write: (SessionStore, String) throws -> Void) -> String? {
    guard let store, let sessionID else {
      return "the database was not available when the visit started"
    }
    if let lastFailure, Date().timeIntervalSince(lastFailure) < Self.retryInterval {
      return "the database was not writable a moment ago"
    }
    do {
      try write(store, sessionID)
      if inFile {
        inFile = false
        archive.remove()
        Console.error(
          "visitcoach: the database can be written again; the visit is back in \(location)")
      }
      return nil
    } catch {
      lastFailure = Date()
      return "\(error)"
    }
  }

  private func fallBack(_ transcript: Transcript, finished: Bool, because reason: String) -> Bool {
    do {
      try archive.save(transcript, finished: finished)
      if !inFile {
        inFile = true
        Console.error(
          "visitcoach: could not save to the database \(databasePath) (\(reason)); the visit is kept in \(archive.path) ('visitcoach resume' picks it up)"
        )
      }
      return true
    } catch {
      Console.error(
        "visitcoach: the visit could not be saved: database \(databasePath): \(reason); file \(archive.path): \(error.localizedDescription)"
      )
      return false
    }
  }
}
