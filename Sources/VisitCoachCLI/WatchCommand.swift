import ArgumentParser
import Foundation
import Reporting
import ScenarioFormat
import ScenarioTesting
import VisitCoachModel

/// `visitcoach watch ID`: the trainer's loop for one scenario. Checks the scenario, runs its
/// conversation tests and plays its sample visits, then again whenever one of its files changes
/// (the scenario, traits, rubrics, lexicon, catalogue, its tests and samples), by polling.
struct WatchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "watch",
    abstract:
      "Re-run check, the scenario's conversation tests and its sample visits whenever one of its files changes.",
    discussion: """
      Polls the files; Ctrl-C stops. With --once, runs one round and exits 0 when everything \
      passed, 1 otherwise.
      """)

  @Argument(help: "The scenario id (its file is ID.yaml in the library).")
  var scenario: String

  @Option(help: "Seconds between looks at the files.")
  var interval: Double = 0.5

  @Flag(help: "Run one round and exit (0: all passed, 1: something failed).")
  var once = false

  @Option(help: "Interface language: zh or en.")
  var lang: Language = .zh

  @Option(help: "The scenario library folder (default: ./scenarios or $VISITCOACH_SCENARIOS).")
  var scenarios: String?

  func run() throws {
    try Failure.reported {
      let location = try ScenarioLocation.resolve(scenarios)
      let strings = InterfaceStrings.forLanguage(lang.interface)
      let file = location.path(scenario)
      guard FileManager.default.fileExists(atPath: file) else {
        throw UserFacingError(strings.noScenarioFile(file))
      }
      var seen: [String: String]?
      while true {
        let now = Self.state(of: files(location))
        if now != seen {
          seen = now
          let passed = round(location, file: file, strings: strings)
          if once { throw ExitCode(passed ? 0 : 1) }
          Console.line(strings.watchWaiting)
        }
        Thread.sleep(forTimeInterval: max(0.1, interval))
      }
    }
  }

  /// Every file a change to which can change this scenario's checks, tests or samples.
  private func files(_ location: ScenarioLocation) -> [String] {
    let root = location.root
    var paths = [location.path(scenario), root + "/tests/\(scenario).yaml"]
    for folder in ["traits", "rubrics", "lexicon", "catalog"] {
      paths += ScenarioLibrary.yamlFiles(in: root + "/" + folder)
    }
    paths += SampleKind.allCases.map { root + "/samples/\(scenario).\($0.rawValue).txt" }
    return paths
  }

  /// Size and modification time of each file (absent files too, so creating one counts).
  static func state(of paths: [String]) -> [String: String] {
    var state: [String: String] = [:]
    for path in paths {
      let attributes = try? FileManager.default.attributesOfItem(atPath: path)
      let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
      let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
      state[path] = "\(size)@\(date)"
    }
    return state
  }

  /// One round: check, tests, samples, and a one-line summary; true when everything passed.
  private func round(_ location: ScenarioLocation, file: String, strings: InterfaceStrings) -> Bool
  {
    var result = ScenarioLibrary.load(paths: [file])
    result.diagnostics = DiagnosticOrder.arrange(
      result.diagnostics + LibraryAudit.audit(result.scenarios))
    // The root cause first (follow-ons folded under it), errors before warnings, at most a
    // screenful.
    let shown = result.errors + result.warnings
    for d in shown.prefix(20) { Console.line(strings.diagnostic(d)) }
    if shown.count > 20 { Console.line(strings.watchMore(shown.count - 20)) }
    var parts = [strings.watchChecked(errors: result.errors.count, warnings: result.warnings.count)]
    var passed = !result.hasErrors
    if let scenario = result.scenario(scenario), !result.hasErrors {
      // Conversation tests.
      let testFile = location.root + "/tests/\(self.scenario).yaml"
      if FileManager.default.fileExists(atPath: testFile) {
        let (tests, diagnostics) = ConversationTestLoader.load(testFile)
        for d in diagnostics { Console.line(strings.diagnostic(d)) }
        let outcomes = tests.map { ConversationTestRunner.run($0, scenario: scenario) } ?? []
        for outcome in outcomes where !outcome.passed {
          Console.line("✗ \(outcome.test.name) (\(testFile):\(outcome.test.mark.line))")
          for failure in outcome.failures.prefix(3) {
            Console.line("    " + strings.testFailure(failure.problem, at: failure.mark, file: testFile))
          }
        }
        let good = outcomes.filter(\.passed).count
        parts.append(strings.watchTests(passed: good, of: outcomes.count))
        passed = passed && tests != nil && good == outcomes.count
      }
      // Sample visits.
      let samples = SampleCheck.run(scenario, samplesFolder: location.root + "/samples")
      for sample in samples {
        for problem in sample.problems {
          Console.line("✗ " + strings.sampleFailure(sample, problem))
          passed = false
        }
      }
      if !samples.isEmpty { parts.append(strings.watchSamples(samples)) }
    }
    let stamp = DateFormatter()
    stamp.dateFormat = "HH:mm:ss"
    Console.line(strings.watchRound(time: stamp.string(from: Date()), parts: parts, passed: passed))
    return passed
  }
}
