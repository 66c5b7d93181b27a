import ArgumentParser
import Foundation
import ScenarioFormat
import ScenarioTesting

/// `visitcoach check`: validates scenario, trait and rubric files and prints every problem.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check scenario, trait and rubric files and print every problem with its location.",
    discussion: """
      Prints problems as path:line:col: error: key.path: message. Exit status: 0 when there are \
      no errors (warnings allowed), 1 when any file has an error, 64 for a command-line usage error.
      """)

  @Argument(help: "Files or folders to check (default: the scenario library).")
  var paths: [String] = []

  @Flag(help: "Print the result as JSON (for editors).")
  var json = false

  @Flag(help: "Unknown keys are warnings, not errors (for files written for an older VisitCoach).")
  var lenient = false

  @Option(help: "The scenario library folder (default: ./scenarios or $VISITCOACH_SCENARIOS).")
  var scenarios: String?

  func run() throws {
    if lenient { FormatStrictness.lenient = true }
    try Failure.reported {
      let targets = paths.isEmpty ? [try ScenarioLocation.resolve(scenarios).root] : paths
      var result = ScenarioLibrary.load(paths: targets)
      result.diagnostics += LibraryAudit.audit(result.scenarios)
      if json {
        Console.out(Self.json(result))
      } else {
        for d in result.diagnostics { Console.line(d.description) }
        let summary =
          "checked \(result.fileCount) file\(result.fileCount == 1 ? "" : "s"), \(result.scenarios.count) scenario\(result.scenarios.count == 1 ? "" : "s"): "
          + "\(result.errors.count) error\(result.errors.count == 1 ? "" : "s"), \(result.warnings.count) warning\(result.warnings.count == 1 ? "" : "s")"
        Console.line(summary)
      }
      if result.hasErrors { throw ExitCode(1) }
    }
  }

  private static func json(_ result: LoadResult) -> String {
    struct Item: Encodable {
      var file: String
      var line: Int
      var column: Int
      var severity: String
      var keyPath: String
      var message: String

      enum CodingKeys: String, CodingKey {
        case file, line, column, severity, message
        case keyPath = "key_path"
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
          severity: $0.severity.rawValue, keyPath: $0.keyPath, message: $0.message)
      })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return (try? encoder.encode(output)).flatMap { String(data: $0, encoding: .utf8) }.map {
      $0 + "\n"
    } ?? "{}\n"
  }
}
