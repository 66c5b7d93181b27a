import Foundation
import Reporting
import ScenarioFormat
import Scoring
import Simulation
import TraineeInput
import VisitCoachModel

/// What the fuzzer feeds its input to, chosen by `VISITCOACH_FUZZ`:
/// - `loader`: the input is a scenario file, loaded against the shipped traits and rubrics
///   (YAML, the format readers, named-condition resolution, placeholders, assembly), then played
///   for a few turns if it loads;
/// - `script`: the input is a trainee's transcript file, split into lines (any line ends),
///   cleaned, and played through the engine and the scorer (normaliser, phrase automaton,
///   negation guard, stock and product judgements) on the full-visit scenario, then rendered.
enum FuzzMode: String {
  case loader
  case script
}

/// One fuzz input through one part of the program, checking what must always hold: nothing
/// traps, diagnostics stay bounded, and rendered text holds no control characters.
enum FuzzHarness {
  static let mode =
    FuzzMode(rawValue: ProcessInfo.processInfo.environment["VISITCOACH_FUZZ"] ?? "") ?? .loader
  static let root = ProcessInfo.processInfo.environment["VISITCOACH_SCENARIOS"] ?? "scenarios"
  nonisolated(unsafe) static let library = PreparedLibrary(root: root)
  static let fullVisit: Scenario = {
    guard let s = ScenarioLibrary.load(scenarioID: "full-visit-urban-a", root: root).scenarios.first
    else {
      // A setup mistake, not a finding: say so and stop without a crash report.
      FileHandle.standardError.write(
        Data(
          "the fuzzer needs the shipped library at \(root); run it from the repository or set VISITCOACH_SCENARIOS\n"
            .utf8))
      exit(2)
    }
    return s
  }()
  static let probes = ["陈老板，您好！", "/look", "不好意思打扰了，您先忙", "/wait", "/next", "谢谢您，下周二我再来"]

  static func run(_ data: Data) {
    let text = String(decoding: data, as: UTF8.self)
    switch mode {
    case .loader: load(text)
    case .script: play(text)
    }
  }

  private static func load(_ text: String) {
    let result = library.load(scenarioText: text, file: "fuzz.yaml")
    for d in result.diagnostics {
      for language in InterfaceLanguage.allCases {
        let worded = InterfaceStrings.forLanguage(language).diagnostic(d)
        check(worded.count < 3_000, "a diagnostic of \(worded.count) characters")
      }
    }
    guard let scenario = result.scenarios.first else { return }
    var run = VisitRun(scenario: scenario, seed: 1)
    for line in probes {
      if let step = Script.step(for: Script.clean(line)) { run.perform(step) }
    }
    var conversation = run.conversation
    conversation.finish()
    _ = conversation.report
  }

  private static func play(_ text: String) {
    guard let reading = try? Script.read(text) else { return }
    for step in reading.steps {
      if case .say(let said) = step {
        check(said.count <= Script.maximumLineLength, "an utterance longer than the limit")
        check(
          !said.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" },
          "a control character kept")
      }
    }
    var run = VisitRun(scenario: fullVisit, seed: 1)
    run.play(reading.steps)
    var conversation = run.conversation
    conversation.finish()
    let report = conversation.report
    let rendered = TextReport().render(report)
    check(!TerminalText.hasControls(rendered), "the text report holds a control character")
    let rescored = Scorer.score(conversation.transcript, scenario: fullVisit)
    check(
      rescored.total == report.total, "re-scoring gave \(rescored.total), playing \(report.total)")
  }

  private static func check(_ condition: Bool, _ what: @autoclosure () -> String) {
    if !condition {
      FileHandle.standardError.write(Data("fuzz invariant broken: \(what())\n".utf8))
      abort()
    }
  }
}
