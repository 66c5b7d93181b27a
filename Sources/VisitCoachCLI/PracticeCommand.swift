import ArgumentParser
import Foundation
import LineEditing
import Reporting
import Scoring
import Simulation
import Storage
import TraineeInput
import VisitCoachModel

/// `visitcoach practice` (and `visitcoach` alone): the interactive practice session.
struct PracticeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "practice",
    abstract: "Practise a store visit with a simulated retailer (the default command).",
    discussion: """
      With no SCENARIO, practises the default scenario. When standard input is not a terminal, \
      lines are read plainly and the output is exactly that of 'visitcoach replay'.
      """)

  @Argument(help: "A scenario id from 'visitcoach list', or a path to a scenario file.")
  var scenario: String?

  @Flag(help: "Choose the scenario from a numbered list.")
  var pick = false

  @Option(
    help:
      "Play a series (series/ID.yaml): its visits in order, each following what you promised and recorded in the one before."
  )
  var series: String?

  @Option(
    help: "Seed for the retailer's choice of lines (default: random on a terminal, 1 otherwise).")
  var seed: UInt64?

  @Option(
    help:
      "The trainee's name (default: $VISITCOACH_TRAINEE, else the name kept from the first practice, which asks for it)."
  )
  var trainee: String?

  @Option(
    help:
      "The trainee's group or class, for the coach's views (default: $VISITCOACH_GROUP, else the one kept from the first practice)."
  )
  var group: String?

  @Option(help: "Interface language: zh or en (scenario content stays as written).")
  var lang: Language = .zh

  @Flag(help: "Exam mode: no feedback after each turn, only the report at the end.")
  var exam = false

  @Flag(name: .customLong("no-color"), help: "No colours (NO_COLOR is respected too).")
  var noColor = false

  @Option(help: "Also save the report to FILE (.json, .md, .html or text, by extension).")
  var report: String?

  @Option(help: "The scenario library folder (default: ./scenarios or $VISITCOACH_SCENARIOS).")
  var scenarios: String?

  @Option(
    help:
      "The session database (default: $VISITCOACH_DB or $XDG_DATA_HOME/visitcoach/visitcoach.sqlite)."
  )
  var db: String?

  func validate() throws {
    if series != nil && (scenario != nil || pick || exam || report != nil) {
      throw ValidationError(
        "--series plays the series' own visits: it takes no SCENARIO, --pick, --exam or --report")
    }
  }

  func run() throws {
    try Failure.reported {
      let location = try ScenarioLocation.resolve(scenarios)
      if let series {
        try SeriesPlay(
          location: location, language: lang.interface, trainee: trainee, group: group, seed: seed,
          noColor: noColor, db: db
        ).play(series)
        return
      }
      guard TerminalSetup.inputIsTerminal else {
        try runPiped(location)
        return
      }
      let terminal = VisitTerminal(language: lang.interface, noColor: noColor)
      let (reader, screen) = (terminal.reader, terminal.screen)
      let strings = InterfaceStrings.forLanguage(lang.interface)
      let chosen: Scenario
      let named = scenario ?? location.defaultScenarioID
      if !pick, let named, let found = try? location.scenario(named, language: lang.interface) {
        chosen = found
      } else {
        let library = try location.loadLibrary(language: lang.interface)
        if !pick, let named { Console.line(InterfaceStrings.fill(strings.unknownScenario, named)) }
        guard
          let picked = ScenarioChooser.choose(
            from: library.scenarios, reader: reader, screen: screen,
            defaultID: location.defaultScenarioID)
        else {
          reader.finish()
          return
        }
        Console.line()
        chosen = picked
      }
      // The phrases compile while the start screen and the first prompt are shown.
      let run = VisitRun(
        scenario: chosen, seed: seed ?? UInt64.random(in: 1...999_999),
        plan: ScoringPlan(scenario: chosen, compilingPhrasesInBackground: true))
      let keeper = SessionKeeper(
        scenario: chosen, seed: run.seed,
        trainee: TraineeIdentity.resolve(option: trainee, reader: reader, strings: strings),
        openingLine: run.opening?.text,
        databasePath: SessionStore.defaultPath(option: db),
        group: TraineeIdentity.group(option: group))
      if let store = keeper.store { KeptVisits.absorb(into: store, location: location) }
      let session = PracticeSession(
        run: run, keeper: keeper, reader: reader, screen: screen, language: lang.interface,
        exam: exam,
        reportPath: report)
      let status = session.start()
      if status != 0 { throw ExitCode(status) }
    }
  }

  /// Standard input is a pipe or file: play it like `replay` and print the same report. Lines
  /// are played as they arrive and every turn is stored before the next line is read, so a
  /// killed pipe keeps every turn played; SIGTERM and SIGHUP end the visit and store its ending.
  private func runPiped(_ location: ScenarioLocation) throws {
    let chosen = try location.scenario(pick ? nil : scenario, language: lang.interface)
    TerminalSetup.installSignalHandlers()
    // The phrases compile while the database is opened.
    var run = VisitRun(
      scenario: chosen, seed: seed ?? 1,
      plan: ScoringPlan(scenario: chosen, compilingPhrasesInBackground: true))
    let keeper = SessionKeeper(
      scenario: chosen, seed: run.seed,
      trainee: TraineeIdentity.resolve(
        option: trainee, reader: nil, strings: InterfaceStrings.forLanguage(lang.interface)),
      openingLine: run.opening?.text,
      databasePath: SessionStore.defaultPath(option: db),
      group: TraineeIdentity.group(option: group))
    if let warning = keeper.warning { Console.error("visitcoach: " + warning) }
    if let store = keeper.store { KeptVisits.absorb(into: store, location: location) }
    keeper.save(run.conversation.transcript)
    let reader = PlainLineReader()
    var number = 0
    reading: while case .line(let raw) = reader.read(prompt: "") {
      number += 1
      let line = Script.clean(raw)
      if line.isEmpty { continue }
      if let length = line.cutFrom { TranscriptInput.noteCut(name: "stdin", line: number, length) }
      guard let step = Script.step(for: line) else {
        throw UserFacingError(
          TranscriptInput.unknownCommand(name: "stdin", line: number, line.text)
            + "; the visit so far is kept in \(keeper.location) ('visitcoach resume' continues it)")
      }
      if case .quit = step { break reading }
      run.perform(step)
      keeper.save(run.conversation.transcript)
    }
    var conversation = run.conversation
    conversation.finish()
    let result = conversation.report
    keeper.finish(conversation.transcript, report: result)
    Console.out(TextReport(language: lang.interface).render(result))
    if let report {
      try ReportFiles.write(result, language: lang.interface, to: report)
    }
  }

  static var loginName: String {
    let env = ProcessInfo.processInfo.environment
    return env["USER"] ?? env["LOGNAME"] ?? NSUserName()
  }
}
