import ArgumentParser
import Foundation
import Reporting
import ScenarioFormat
import ScenarioTesting
import VisitCoachModel

/// `visitcoach check`: validates scenario, trait and rubric files and prints every problem.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check scenario, trait and rubric files and print every problem with its location.",
    discussion: """
      Prints problems as path:line:col: 错误: key.path: 说明 (with --lang en: error/warning and \
      English wording), the root cause first and what follows from it folded under it. --json \
      prints the stable format of docs/ScenarioFormat.md. Exit status: 0 when there are no \
      errors (warnings allowed), 1 when any file has an error, 64 for a command-line usage error.
      """)

  @Argument(help: "Files or folders to check, or scenario ids (default: the scenario library).")
  var paths: [String] = []

  @Flag(
    help:
      "Also play each scenario's sample visits (samples/ID.good|mediocre|poor.txt) and check that the good one passes with at least 75, the poor one fails below 50 and the mediocre one lies between."
  )
  var samples = false

  @Flag(help: "Print the result as JSON (for editors).")
  var json = false

  @Flag(help: "Unknown keys are warnings, not errors (for files written for an older VisitCoach).")
  var lenient = false

  @Option(help: "Language of the messages: zh or en.")
  var lang: Language = .zh

  @Option(help: "The scenario library folder (default: ./scenarios or $VISITCOACH_SCENARIOS).")
  var scenarios: String?

  func run() throws {
    if lenient { FormatStrictness.lenient = true }
    try Failure.reported {
      // Without paths the library is required; with paths it only turns ids into files.
      let location =
        paths.isEmpty
        ? try ScenarioLocation.resolve(scenarios) : try? ScenarioLocation.resolve(scenarios)
      let targets = paths.isEmpty ? [location!.root] : paths.map { location?.path($0) ?? $0 }
      var result = ScenarioLibrary.load(paths: targets)
      // A whole library also checks its exams, their quizzes, its series and its route days.
      var exams: [Diagnostic] = []
      for root in targets {
        exams += ArrangementFiles.diagnostics(root: root, scenarios: result.scenarios.map(\.id))
      }
      result.diagnostics = DiagnosticOrder.arrange(
        result.diagnostics + exams + LibraryAudit.audit(result.scenarios))
      let strings = InterfaceStrings.forLanguage(lang.interface)
      var samplesBroken = false
      if samples && !json && !result.hasErrors {
        samplesBroken = checkSamples(result.scenarios, strings: strings)
      }
      if json {
        Console.out(Self.json(result, strings: strings))
      } else {
        for d in result.diagnostics { Console.line(strings.diagnostic(d)) }
        Console.line(
          strings.checkSummary(
            files: result.fileCount, scenarios: result.scenarios.count,
            errors: result.errors.count, warnings: result.warnings.count))
      }
      if result.hasErrors || samplesBroken { throw ExitCode(1) }
    }
  }

  /// Plays each scenario's samples and prints their totals and broken rules; true when any
  /// rule is broken.
  private func checkSamples(_ scenarios: [Scenario], strings: InterfaceStrings) -> Bool {
    var broken = false
    for scenario in scenarios {
      guard let source = scenario.sourcePath else { continue }
      let folder = URL(fileURLWithPath: source).deletingLastPathComponent()
        .appendingPathComponent("samples").path
      let results = SampleCheck.run(scenario, samplesFolder: folder)
      guard !results.isEmpty else {
        Console.line(strings.noSamples(scenario: scenario.id, folder: folder))
        continue
      }
      Console.line(strings.sampleTotals(scenario: scenario.id, results))
      for result in results {
        for problem in result.problems {
          Console.line(strings.sampleFailure(result, problem))
          broken = true
        }
      }
    }
    return broken
  }

  /// The stable `check --json` format (docs/ScenarioFormat.md, "check --json").
  private static func json(_ result: LoadResult, strings: InterfaceStrings) -> String {
    struct Place: Encodable {
      var file: String
      var line: Int
      var column: Int
    }
    struct Item: Encodable {
      var file: String
      var line: Int
      var column: Int
      var severity: String
      var keyPath: String
      var code: String
      var message: String
      var followOns: [Place]

      enum CodingKeys: String, CodingKey {
        case file, line, column, severity, code, message
        case keyPath = "key_path"
        case followOns = "follow_ons"
      }
    }
    struct Output: Encodable {
      var version = 1
      var files: Int
      var scenarios: [String]
      var errors: Int
      var warnings: Int
      var diagnostics: [Item]
    }
    let output = Output(
      files: result.fileCount, scenarios: result.scenarios.map(\.id), errors: result.errors.count,
      warnings: result.warnings.count,
      diagnostics: result.diagnostics.map {
        Item(
          file: $0.location.file, line: $0.location.line, column: $0.location.column,
          severity: $0.severity.rawValue, keyPath: $0.keyPath, code: $0.problem.code,
          message: strings.problem($0.problem),
          followOns: $0.followOns.map { l in Place(file: l.file, line: l.line, column: l.column) })
      })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return (try? encoder.encode(output)).flatMap { String(data: $0, encoding: .utf8) }.map {
      $0 + "\n"
    } ?? "{}\n"
  }
}
