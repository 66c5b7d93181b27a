import ArgumentParser
import Foundation
import Reporting
import ScenarioFormat
import ScenarioTesting
import VisitCoachModel

/// `visitcoach test`: runs the conversation tests kept next to the scenarios.
struct TestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test",
    abstract: "Run conversation tests: a seed, the trainee's lines and what must happen.",
    discussion: """
      PATH is a test file or a folder of them (default: the library's tests/ folder). A failure \
      shows what was expected and what happened, with the file, line and the turns involved. \
      Exit status: 0 when every test passes, 1 when any fails or a file has errors.
      """)

  @Argument(help: "Test files or folders, or scenario ids (default: scenarios/tests).")
  var paths: [String] = []

  @Flag(help: "Unknown keys are warnings, not errors (for files written for an older VisitCoach).")
  var lenient = false

  @Flag(name: .shortAndLong, help: "Show every turn of failing tests.")
  var verbose = false

  @Option(help: "Language of the output: zh or en.")
  var lang: Language = .zh

  @Option(help: "The scenario library folder (default: ./scenarios or $VISITCOACH_SCENARIOS).")
  var scenarios: String?

  func run() throws {
    if lenient { FormatStrictness.lenient = true }
    try Failure.reported {
      let location = try ScenarioLocation.resolve(scenarios)
      let targets =
        paths.isEmpty ? [location.root + "/tests"] : paths.map { location.path($0, in: "tests") }
      let strings = InterfaceStrings.forLanguage(lang.interface)
      let files = targets.flatMap(ConversationTestLoader.files(at:))
      guard !files.isEmpty else { throw UserFacingError(strings.noTestFiles(in: targets)) }
      let library = try location.loadLibrary(language: lang.interface)
      var passed = 0
      var failed = 0
      var broken = 0
      for path in files {
        let (file, diagnostics) = ConversationTestLoader.load(path)
        for d in diagnostics { Console.line(strings.diagnostic(d)) }
        guard let file else {
          broken += 1
          continue
        }
        guard let scenario = library.scenario(file.scenarioID) else {
          Console.line(
            strings.diagnostic(
              Self.unknownScenario(file.scenarioID, in: library.scenarios.map(\.id), file: path)))
          broken += 1
          continue
        }
        Console.line(path)
        for outcome in ConversationTestRunner.run(file, scenario: scenario) {
          if outcome.passed {
            passed += 1
            Console.line("  ✓ \(outcome.test.name)")
          } else {
            failed += 1
            Console.line("  ✗ \(outcome.test.name) (\(path):\(outcome.test.mark.line))")
            show(outcome, path: path, retailer: scenario.persona.name, strings: strings)
          }
        }
      }
      Console.line(strings.testSummary(passed: passed, failed: failed, brokenFiles: broken))
      if failed > 0 || broken > 0 { throw ExitCode(1) }
    }
  }

  /// A test file naming a scenario the library does not have.
  static func unknownScenario(_ id: String, in ids: [String], file: String) -> Diagnostic {
    let near = EditDistance.nearest(to: id, in: ids)
    return Diagnostic(
      .error, at: SourceLocation(file: file, line: 1, column: 1), keyPath: "scenario",
      .unknownReference(kind: .scenario, written: id, suggestion: near, known: ids.sorted()))
  }

  private func show(
    _ outcome: TestOutcome, path: String, retailer: String, strings: InterfaceStrings
  ) {
    var shownTurns = Set<Int>()
    for failure in outcome.failures {
      Console.line("      " + strings.testFailure(failure.problem, at: failure.mark, file: path))
      // Evidence from the preparation (-1) or the visit record (0) has no turn to show.
      if let turn = failure.turn, turn >= 1, turn <= outcome.transcript.turns.count, !verbose,
        shownTurns.insert(turn).inserted
      {
        showTurn(outcome.transcript.turns[turn - 1], retailer: retailer, strings: strings)
      }
    }
    Console.line("      " + strings.testVisitResult(outcome.report))
    if verbose {
      for turn in outcome.transcript.turns {
        showTurn(turn, retailer: retailer, strings: strings)
      }
    }
  }

  private func showTurn(_ turn: Turn, retailer: String, strings: InterfaceStrings) {
    Console.line("        " + strings.testTurnTrainee(turn))
    if let line = strings.testTurnRetailer(turn, retailer: retailer) {
      Console.line("           " + line)
    }
  }
}
