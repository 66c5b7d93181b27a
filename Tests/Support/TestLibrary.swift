import Foundation
import ScenarioFormat
import Scoring
import VisitCoachModel

/// Paths and shared fixtures for the test targets.
public enum TestLibrary {
  /// The repository checkout.
  public static let repoRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  /// The shipped scenario library.
  public static var scenariosRoot: String { repoRoot + "/scenarios" }

  /// The shipped library, loaded once.
  public static let shipped: LoadResult = ScenarioLibrary.load(root: scenariosRoot)

  /// A shipped scenario by id (fails the test run loudly if missing).
  public static func scenario(_ id: String) -> Scenario {
    guard let s = shipped.scenario(id) else {
      preconditionFailure("missing shipped scenario \(id): \(shipped.errors.map(\.description))")
    }
    return s
  }

  /// The folders of the shipped library a scenario needs (traits, rubrics, lexicon, catalogue,
  /// learned models).
  public static let libraryFolders = ["traits", "rubrics", "lexicon", "catalog", "learned"]

  /// Copies the shipped library's folders and the scenario `scenarioID` into `folder` (created),
  /// for a test that edits a copy.
  public static func copyLibrary(to folder: String, scenario scenarioID: String) throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for sub in libraryFolders {
      try FileManager.default.copyItem(
        atPath: scenariosRoot + "/" + sub, toPath: folder + "/" + sub)
    }
    try FileManager.default.copyItem(
      atPath: scenariosRoot + "/\(scenarioID).yaml", toPath: folder + "/\(scenarioID).yaml")
  }

  /// A scenario built from YAML text against the shipped traits and rubrics.
  public static func scenario(yaml: String, file: String = "fixture.yaml") -> LoadResult {
    ScenarioLibrary.load(scenarioText: yaml, file: file, libraryRoot: scenariosRoot)
  }

  /// A persona-only scenario for rubric tables: every core rubric, the given retailer.
  public static func rubricLab(
    name: String = "王建国", age: Int = 45, gender: String = "male", traits: [String] = [],
    visit: String = "first", mood: Int = 60, customerClass: String = "B"
  ) -> Scenario {
    let yaml = """
      version: 1
      id: rubric-lab
      title: 评分实验室
      arrival: 一家普通的食杂店。
      customer: { class: \(customerClass), network: urban, visit: \(visit) }
      persona:
        name: \(name)
        age: \(age)
        gender: \(gender)
        traits: [\(traits.joined(separator: ", "))]
        mood: \(mood)
        knows: [新商盟]
      scene:
        - { id: counter, kind: strength, text: 柜台擦得很干净, keywords: [柜台, 玻璃] }
        - { id: hidden-new, kind: issue, text: 新品放在最下面, keywords: [新品, 最下面] }
      phases:
        - { id: greeting, title: 打招呼 }
        - { id: opening, title: 开场白 }
        - { id: business, title: 业务沟通 }
        - { id: complaint, title: 抱怨化解 }
        - { id: farewell, title: 拜别致谢 }
      lines:
        - { id: plain, text: 嗯。 }
      rubrics:
        - use: greeting
        - use: opening
        - use: complaint
        - use: farewell
        - use: conduct
      """
    return fixture(yaml: yaml)
  }

  /// A fixture scenario from YAML that must load (fails the test run loudly if it does not).
  public static func fixture(yaml: String) -> Scenario {
    let result = scenario(yaml: yaml)
    guard let s = result.scenarios.first else {
      preconditionFailure("fixture did not load: \(result.errors.map(\.description))")
    }
    return s
  }

  /// The report's first evidence for penalty `id` after `utterance`, scored as the first turn.
  public static func penaltyEvidence(
    _ id: String, after utterance: Utterance, in scenario: Scenario
  ) -> Evidence? {
    var scorer = Scorer(plan: ScoringPlan(scenario: scenario))
    scorer.score(utterance)
    let report = scorer.report(
      for: Transcript(scenarioID: scenario.id, seed: 1), scenario: scenario)
    return report.areas.flatMap(\.penalties).first { $0.id == id }?.evidence.first
  }

  /// Scores one utterance as the first turn of `phase` and returns what it earned.
  public static func score(
    _ text: String, in scenario: Scenario, phase: String, mood: Int = 60, before: [String] = [],
    heard: String = ""
  ) -> TurnScore {
    var scorer = Scorer(plan: ScoringPlan(scenario: scenario))
    var index = 1
    for earlier in before {
      scorer.score(Utterance(index: index, phase: phase, text: earlier, moodBefore: mood))
      index += 1
    }
    return scorer.score(
      Utterance(index: index, phase: phase, text: text, moodBefore: mood, heard: heard))
  }
}
