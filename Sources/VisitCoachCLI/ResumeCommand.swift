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
      let record: SessionRecord
      if let session {
        record = try store.session(session, in: db)
      } else {
        guard let newest = try db.sessions().first(where: { !$0.isFinished }) else {
          throw UserFacingError(
            "no unfinished session to resume; 'visitcoach history' lists sessions")
        }
        record = newest
      }
      guard !record.isFinished else {
        throw UserFacingError(
          "session \(record.id) is finished; 'visitcoach report \(record.id)' shows its report")
      }
      let scenario = try ScenarioLocation.resolve(store.scenarios).scenario(record.scenarioID)
      let terminal = TerminalSetup.inputIsTerminal
      if terminal {
        TerminalSetup.prepareLocale()
        TerminalSetup.installSignalHandlers()
      }
      let reader: LineReader =
        terminal
        ? ReadlineReader(historyFile: SessionArchive.stateDirectory() + "/history")
        : PlainLineReader()
      var run = VisitRun(scenario: scenario, seed: record.seed)
      let difference = run.rebuild(from: try db.transcript(record.id))
      if scenario.fingerprint != record.fingerprint {
        Console.error(
          "visitcoach: scenario '\(scenario.id)' changed since this session started"
            + (difference.map {
              "; from turn \($0) the retailer's answers differ from the stored ones"
            } ?? ""))
      }
      let strings = InterfaceStrings.forLanguage(lang.interface)
      let color =
        terminal && !noColor && TerminalSetup.outputIsTerminal
        && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
      let screen = SessionScreen(
        strings: strings, color: color, width: terminal ? TerminalSetup.columns : 80)
      let session = PracticeSession(
        run: run, keeper: SessionKeeper(store: db, sessionID: record.id), resumed: true,
        reader: reader,
        screen: screen, language: lang.interface, exam: exam, reportPath: report)
      let status = session.start()
      if status != 0 { throw ExitCode(status) }
    }
  }
}
