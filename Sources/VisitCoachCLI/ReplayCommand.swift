import ArgumentParser
import Foundation
import Reporting
import Simulation
import TraineeInput
import VisitCoachModel

/// `visitcoach replay`: runs the engine on trainee lines from a file and prints the report.
struct ReplayCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "replay",
    abstract: "Play a scenario with trainee lines read from a file, then print the score report.",
    discussion: """
      FILE holds one utterance per line; '-' reads standard input. Lines starting with '/' are \
      the commands of a practice session (\(Script.commands.joined(separator: ", "))), played \
      the same way; those that only show something change nothing.
      """)

  @OptionGroup var script: ScriptOptions

  @Option(help: "Report format: text, markdown, html or json.")
  var format: ReportFormat = .text

  @Option(help: "Interface language of the report: zh or en.")
  var lang: Language = .zh

  func run() throws {
    try Failure.reported {
      let (scenario, steps) = try script.load(language: lang.interface)
      var run = VisitRun(scenario: scenario, seed: script.seed)
      run.play(steps)
      var conversation = run.conversation
      conversation.finish()
      let report = conversation.report
      Console.out(format.render(report, language: lang.interface))
    }
  }
}

/// A scenario and the trainee's lines for it: what `replay` and `explain` play.
struct ScriptOptions: ParsableArguments {
  @Argument(help: "A scenario id from 'visitcoach list', or a path to a scenario file.")
  var scenario: String

  @Option(name: .shortAndLong, help: "The trainee's lines ('-' for standard input).")
  var input: String

  @Option(help: "Seed for the retailer's choice of lines.")
  var seed: UInt64 = 1

  @Option(help: "The scenario library folder (default: ./scenarios or $VISITCOACH_SCENARIOS).")
  var scenarios: String?

  /// The scenario and the parsed lines; a scenario that does not load fails with its
  /// diagnostics worded in `language`.
  func load(language: InterfaceLanguage = .zh) throws -> (Scenario, [ScriptStep]) {
    let scenario = try ScenarioLocation.resolve(scenarios).scenario(
      self.scenario, language: language)
    let steps = try TranscriptInput.steps(
      from: TranscriptInput.read(input), name: input == "-" ? "stdin" : input)
    return (scenario, steps)
  }
}

/// Interface language as a command-line option.
enum Language: String, ExpressibleByArgument, CaseIterable {
  case zh
  case en

  var interface: InterfaceLanguage { self == .zh ? .zh : .en }
}

enum Failure {
  static func reported(_ body: () throws -> Void) throws {
    do {
      try body()
    } catch let error as UserFacingError {
      Console.error("visitcoach: " + error.message)
      throw ExitCode(error.code)
    }
  }
}
