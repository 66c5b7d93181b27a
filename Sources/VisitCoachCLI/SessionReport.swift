import Scoring
import Storage
import VisitCoachModel

/// Which report of a stored session is the one to show: decided here, for every command that
/// shows one.
enum SessionReport {
  /// The report of `record`:
  /// - the stored one when it was scored with the content the session's score names (always,
  ///   for a session finished or re-scored since schema v15, which stores the re-scored report);
  /// - else, scored again with `scenario` when that is the content (a session re-scored before
  ///   v15 kept only its first report; scoring is deterministic, so this is the re-scored one);
  /// - else the stored one (its content is gone; the report names the fingerprint it was
  ///   scored with);
  /// - an unfinished session is scored as far as it went, with `scenario`.
  ///
  /// `scenario` is asked for only when it is needed (a current report of version 2 or later
  /// needs none, so showing one reads no scenario file).
  static func current(
    of record: SessionRecord, in db: SessionStore, scenario load: () -> Scenario?
  ) throws -> ScoreReport {
    let stored = try db.report(record.id)
    if let stored, stored.fingerprint == record.scoredFingerprint {
      return stored.isSelfContained ? stored : stored.completed(from: load())
    }
    let scenario = load()
    if let scenario, !record.isFinished || scenario.fingerprint == record.scoredFingerprint {
      return Scorer.score(try db.transcript(record.id), scenario: scenario)
    }
    if let stored { return stored.completed(from: scenario) }
    guard let scenario else {
      throw UserFacingError(
        "session \(record.id) is unfinished and scenario '\(record.scenarioID)' is not in the library"
      )
    }
    // Unfinished, played with content since changed: as far as it went, with today's.
    return Scorer.score(try db.transcript(record.id), scenario: scenario)
  }
}

extension ScoreReport {
  /// Whether the report names its retailer and phases (version 2 and later).
  fileprivate var isSelfContained: Bool { !retailer.isEmpty && !phases.isEmpty }

  /// `completed(from:)` when the scenario is at hand.
  fileprivate func completed(from scenario: Scenario?) -> ScoreReport {
    scenario.map { completed(from: $0) } ?? self
  }
}
