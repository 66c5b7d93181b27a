import ArgumentParser
import Foundation
import LineEditing
import Reporting
import Simulation
import Storage
import VisitCoachModel

/// `visitcoach resume`: continue an unfinished session (after a crash, kill or closed terminal).
struct ResumeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "resume",
    abstract: "Continue an unfinished session (the newest one if no id is given).")

  @Argument(help: "A session id from 'visitcoach history' (a unique prefix is enough).")
  var session: String?

  @Option(help: "Interface language: zh or en.")
  var lang: Language = .zh

  @Flag(help: "Exam mode: no feedback after each turn.")
  var exam = false

  @Flag(name: .customLong("no-color"), help: "No colours (NO_COLOR is respected too).")
  var noColor = false

  @Option(help: "Also save the report to FILE (.json, .md or .txt by extension).")
  var report: String?

  @OptionGroup var store: StoreOptions

  func run() throws {
    try Failure.reported {
      let db = try store.open()
      let location = try ScenarioLocation.resolve(store.scenarios)
      var record = try chooseSession(in: db, location: location)
      guard !record.isFinished else {
        throw UserFacingError(
          "session \(record.id) is finished; 'visitcoach report \(record.id)' shows its report")
      }
      var kept = try db.transcript(record.id)
      // A series visit goes on with the memory it was started with.
      let scenario = try location.scenario(record.scenarioID, language: lang.interface)
        .asPlayed(by: kept)
      // The same terminal (readline or plain lines, signals, colours) as practice.
      let terminal = VisitTerminal(language: lang.interface, noColor: noColor)
      var run = VisitRun(scenario: scenario, seed: record.seed)
      let difference = run.rebuild(from: kept)
      let keeper: SessionKeeper
      if scenario.fingerprint != record.fingerprint {
        // Never rewrite what was stored under other content: the stored utterances are played
        // again into a new session linked to the old one, which stays exactly as it was.
        keeper = SessionKeeper(
          scenario: scenario, seed: record.seed, trainee: record.trainee,
          openingLine: run.opening?.text, databasePath: db.path, continues: record.id)
        Console.error(
          "visitcoach: scenario '\(scenario.id)' changed since session \(record.id) started; its \(kept.turns.count) turn(s) were played again with the new content"
            + (difference.map { " (from turn \($0) the retailer answers differently)" } ?? "")
            + " into the new session \(keeper.sessionID ?? keeper.location); \(record.id) stays as it was"
        )
        record.id = keeper.sessionID ?? record.id
      } else {
        keeper = SessionKeeper(store: db, record: record)
      }
      kept = run.conversation.transcript
      let (reader, screen) = (terminal.reader, terminal.screen)
      let session = PracticeSession(
        run: run, keeper: keeper, resumed: true,
        reader: reader,
        screen: screen, language: lang.interface, exam: exam, reportPath: report)
      let status = session.start()
      if status != 0 { throw ExitCode(status) }
    }
  }

  /// The session to continue: the one named (by id, or by the path of a fallback file), or the
  /// newest unfinished one. Visits kept in fallback files are taken into the database first.
  private func chooseSession(in db: SessionStore, location: ScenarioLocation) throws
    -> SessionRecord
  {
    let absorbed = KeptVisits.absorb(into: db, location: location)
    if let session, session.hasSuffix(".json") {
      if let taken = absorbed.first(where: { $0.path == session }) {
        return try store.session(taken.session, in: db)
      }
      guard FileManager.default.fileExists(atPath: session) else {
        throw UserFacingError("no kept visit '\(session)'")
      }
      let kept = try SessionArchive.load(session)
      throw UserFacingError(
        kept.isSettled
          ? "the visit kept in \(session) can't be stored: scenario '\(kept.scenario)' is not in the library or the database is not writable"
          : "the visit kept in \(session) is still being played (process \(kept.pid ?? 0))")
    }
    if let session { return try store.session(session, in: db) }
    guard let newest = try db.sessions().first(where: { !$0.isFinished }) else {
      throw UserFacingError("no unfinished session to resume; 'visitcoach history' lists sessions")
    }
    return newest
  }
}
