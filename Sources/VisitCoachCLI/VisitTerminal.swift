import Foundation
import LineEditing
import Reporting
import Scoring
import Simulation
import Storage
import VisitCoachModel

/// The terminal, or the pipe, that a run of several visits (an exam, a series, a route day)
/// reads from and writes to, and the way each of its visits is played and kept.
struct VisitTerminal {
  let isTerminal: Bool
  let reader: LineReader
  let screen: SessionScreen
  let language: InterfaceLanguage

  /// Sets up readline on a terminal (plain lines from a pipe), the signal handlers and colours.
  init(language: InterfaceLanguage, noColor: Bool) {
    isTerminal = TerminalSetup.inputIsTerminal
    if isTerminal { TerminalSetup.prepareLocale() }
    TerminalSetup.installSignalHandlers()
    reader =
      isTerminal
      ? ReadlineReader(historyFile: SessionArchive.stateDirectory() + "/history")
      : PlainLineReader()
    let color =
      isTerminal && !noColor && TerminalSetup.outputIsTerminal
      && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    self.language = language
    screen = SessionScreen(
      strings: InterfaceStrings.forLanguage(language), color: color, width: TerminalSetup.columns)
  }

  /// The seed when none is given: random on a terminal, 1 from a pipe (so a script replays).
  func seed(_ given: UInt64?) -> UInt64 {
    given ?? (isTerminal ? UInt64.random(in: 1...999_999) : 1)
  }

  /// A finished visit: its report, its transcript and where it is stored.
  struct Played {
    var report: ScoreReport
    var transcript: Transcript
    var sessionID: String?
  }

  /// Plays one visit of the run to its end, stored as its own session; nil when it produced no
  /// report.
  func play(
    _ scenario: Scenario, seed: UInt64, trainee: String, group: String?, database: String?,
    exam: Bool
  ) -> Played? {
    let run = VisitRun(
      scenario: scenario, seed: seed,
      plan: ScoringPlan(scenario: scenario, compilingPhrasesInBackground: true))
    let keeper = SessionKeeper(
      scenario: scenario, seed: seed, trainee: trainee, openingLine: run.opening?.text,
      databasePath: SessionStore.defaultPath(option: database),
      group: TraineeIdentity.group(option: group))
    let session = PracticeSession(
      run: run, keeper: keeper, reader: reader, screen: screen, language: language, exam: exam,
      reportPath: nil)
    _ = session.start()
    guard let report = session.report, let transcript = session.transcript else { return nil }
    return Played(report: report, transcript: transcript, sessionID: keeper.sessionID)
  }
}
