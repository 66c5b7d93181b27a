import Foundation
import Scoring
import Storage
import VisitCoachModel

/// Visits kept in fallback files (see ``SessionKeeper``) taken back into the database, so a
/// locked or unwritable database never strands a trainee's turns.
enum KeptVisits {
  /// Moves every settled fallback file (its visit finished, or its writer gone) into `db`: the
  /// turns are stored in the session the file stood in for (or a new one), a finished visit
  /// gets its ending and report, and the file is removed once the database holds everything.
  /// Files whose scenario is not in the library stay where they are. Returns each file taken
  /// in and its session id.
  @discardableResult
  static func absorb(into db: SessionStore, location: ScenarioLocation) -> [(
    path: String, session: String
  )] {
    var done: [(path: String, session: String)] = []
    for (path, kept) in SessionArchive.all() where kept.isSettled {
      guard let scenario = try? location.scenario(kept.scenario) else { continue }
      do {
        let id = try sessionID(for: kept, scenario: scenario, in: db)
        if kept.finished {
          let report = Scorer.score(kept.transcript, scenario: scenario)
          try db.finish(id, transcript: kept.transcript, report: report)
        } else if try db.transcript(id).turns.count <= kept.transcript.turns.count {
          try db.sync(id, transcript: kept.transcript)
        }
        try FileManager.default.removeItem(atPath: path)
        done.append((path, id))
        Console.error("visitcoach: the visit kept in \(path) is now stored as session \(id)")
      } catch {
        continue  // still not writable: the file stays and is tried again next time
      }
    }
    return done
  }

  /// The database session a file stands in for, created if the database had none.
  private static func sessionID(
    for kept: SessionArchive.Record, scenario: Scenario, in db: SessionStore
  ) throws -> String {
    if let id = kept.session, try db.session(matching: id)?.id == id { return id }
    return try db.start(
      trainee: kept.trainee, scenario: scenario, seed: kept.transcript.seed,
      openingLine: kept.transcript.openingLine, fingerprint: kept.fingerprint,
      startedAt: kept.started)
  }
}
