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
      "Test files or folders (default: scenarios/tests); scenarios without tests get random walks only."
  )
  var paths: [String] = []

  @Option(help: "Random walks per scenario, made of the scenario's own example sentences.")
  var walks: Int = 200

  @Option(help: "Seed for the random walks.")
  var seed: UInt64 = 1

  @Option(help: "The scenario library folder (default: ./scenarios or $VISITCOACH_SCENARIOS).")
  var scenarios: String?

  @Option(help: "Language of the file problems: zh or en.")
  var lang: Language = .zh

  func run() throws {
    try Failure.reported {
      let location = try ScenarioLocation.resolve(scenarios)
      let strings = InterfaceStrings.forLanguage(lang.interface)
      let library = try location.loadLibrary(language: lang.interface)
      let targets = paths.isEmpty ? [location.root + "/tests"] : paths
      var tests: [String: [ConversationTest]] = [:]
      for path in targets.flatMap(ConversationTestLoader.files(at:)) {
        let (file, diagnostics) = ConversationTestLoader.load(path)
        for d in diagnostics { Console.error(strings.diagnostic(d)) }
        if let file { tests[file.scenarioID, default: []] += file.tests }
      }
      for scenario in library.scenarios {
        let c = CoverageRunner.run(
          scenario, tests: tests[scenario.id] ?? [], walks: max(0, walks), seed: seed)
        let lines = scenario.lines.count
        let criteria = scenario.rubrics.flatMap(\.criteria).filter { $0.canApply(in: scenario) }
          .count
        let penalties = scenario.rubrics.flatMap(\.penalties).filter { $0.canApply(in: scenario) }
          .count
        Console.line(
          "\(scenario.id): \(c.visits) visits · lines \(lines - c.unsaidLines.count)/\(lines) · phases \(scenario.phases.count - c.unreachedPhases.count)/\(scenario.phases.count) · criteria \(criteria - c.unmetCriteria.count)/\(criteria) · penalties \(penalties - c.untriggeredPenalties.count)/\(penalties)"
        )
        if !c.unreachedPhases.isEmpty {
          Console.line("  phases never reached: \(c.unreachedPhases.joined(separator: ", "))")
        }
        if !c.unsaidLines.isEmpty {
          Console.line("  lines never said: \(c.unsaidLines.joined(separator: ", "))")
        }
        if !c.unmetCriteria.isEmpty {
          Console.line("  criteria never met: \(c.unmetCriteria.joined(separator: ", "))")
        }
        if !c.untriggeredPenalties.isEmpty {
          Console.line(
            "  penalties never triggered: \(c.untriggeredPenalties.joined(separator: ", "))")
        }
      }
    }
  }
}
