import Foundation
import Reporting
import Storage
import VisitCoachModel

/// Keeps a practice session as it happens: in the SQLite store (one transaction per turn), or,
/// if the database cannot be opened, as a JSON record under the state folder. Either way a
/// crash, Ctrl-C or a closed terminal loses nothing already said.
final class SessionKeeper {
  private enum Backend {
    case database(SessionStore, String)
    case file(SessionArchive)
  }

  private let backend: Backend
  private(set) var warning: String?

  /// Starts keeping a new session.
  init(
    scenario: Scenario, seed: UInt64, trainee: String, openingLine: String?, databasePath: String
  ) {
    do {
      let store = try SessionStore(path: databasePath)
      let id = try store.start(
        trainee: trainee, scenario: scenario, seed: seed, openingLine: openingLine)
      backend = .database(store, id)
    } catch {
      backend = .file(SessionArchive(scenario: scenario, trainee: trainee))
      warning =
        "cannot use the database \(databasePath) (\(error)); the visit is kept as a file instead"
    }
  }

  /// Goes on keeping an existing session (`resume`).
  init(store: SessionStore, sessionID: String) {
    backend = .database(store, sessionID)
  }

  /// The session id, when kept in the database.
  var sessionID: String? {
    if case .database(_, let id) = backend { return id }
    return nil
  }

  /// Where the visit is kept, for the end-of-visit message.
  var location: String? {
    switch backend {
    case .database(let store, let id): return "\(id) (\(store.path))"
    case .file(let archive): return archive.path
    }
  }

  func save(_ transcript: Transcript) {
    switch backend {
    case .database(let store, let id):
      do { try store.sync(id, transcript: transcript) } catch { report(error) }
    case .file(let archive):
      archive.save(transcript, finished: false)
    }
  }

  func finish(_ transcript: Transcript, report scoreReport: ScoreReport) {
    switch backend {
    case .database(let store, let id):
      do { try store.finish(id, transcript: transcript, report: scoreReport) } catch {
        report(error)
      }
    case .file(let archive):
      archive.save(transcript, finished: true)
    }
  }

  private func report(_ error: Error) {
    Console.error("visitcoach: could not save the turn: \(error)")
  }
}
