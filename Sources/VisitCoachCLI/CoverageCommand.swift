import ArgumentParser
import Foundation
import Reporting
import ScenarioFormat
import ScenarioTesting
import VisitCoachModel

/// `visitcoach coverage`: which retailer lines, phases and criteria the tests never reach.
struct CoverageCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "coverage",
    abstract:
      "Run the conversation tests and seeded random walks; list lines, phases and criteria never exercised."
  )

  @Argument(
    help:
      "Scenario ids, test files or folders (default: every scenario and scenarios/tests); a scenario without tests gets random walks only."
  )
  var paths: [String] = []

  @Option(help: "Random walks per scenario, made of the scenario's own example sentences.")
  var walks: Int = 200

  @Option(help: "Seed for the random walks.")
  var seed: UInt64 = 1

  @Option(help: "The scenario library folder (default: ./scenarios or $VISITCOACH_SCENARIOS).")
  var scenarios: String?

  @Option(help: "Language of the output: zh or en.")
  var lang: Language = .zh

  func run() throws {
    try Failure.reported {
      let location = try ScenarioLocation.resolve(scenarios)
      let strings = InterfaceStrings.forLanguage(lang.interface)
      let library = try location.loadLibrary(language: lang.interface)
      // A scenario id limits the run to that scenario, with its tests if it has any.
      let ids = paths.filter {
        !FileManager.default.fileExists(atPath: $0)
          && FileManager.default.fileExists(atPath: location.root + "/\($0).yaml")
      }
      let files =
        paths.filter { !ids.contains($0) }
        + ids.map { location.path($0, in: "tests") }.filter {
          FileManager.default.fileExists(atPath: $0)
        }
      let targets = paths.isEmpty ? [location.root + "/tests"] : files
      var tests: [String: [ConversationTest]] = [:]
      for path in targets.flatMap(ConversationTestLoader.files(at:)) {
        let (file, diagnostics) = ConversationTestLoader.load(path)
        for d in diagnostics { Console.error(strings.diagnostic(d)) }
        if let file { tests[file.scenarioID, default: []] += file.tests }
      }
      let chosen = paths.isEmpty ? nil : Set(ids).union(tests.keys)
      for scenario in library.scenarios where chosen?.contains(scenario.id) ?? true {
        let c = CoverageRunner.run(
          scenario, tests: tests[scenario.id] ?? [], walks: max(0, walks), seed: seed)
        for line in strings.coverageLines(c) { Console.line(line) }
      }
    }
  }
}
