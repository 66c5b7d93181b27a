import Reporting
import Testing
import VisitCoachModel

/// Sample rules and conversation-test failures as trainers read them: every case worded in
/// Chinese and in English, the English with no Chinese but what a file wrote.
@Suite("Sample and test wording")
struct CommandWordingTests {
  static let zh = InterfaceStrings.forLanguage(.zh)
  static let en = InterfaceStrings.forLanguage(.en)

  static func hasHan(_ text: String) -> Bool {
    text.unicodeScalars.contains {
      (0x3400...0x4DBF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value)
    }
  }

  static let sampleProblems: [SampleProblem] = [
    .unknownCommand(line: 3, command: "/dance"), .goodMustPass, .goodBelowMinimum(minimum: 75),
    .goodHasBlockers(["blocker"]), .goodMustEndByTrainee(endedBy: .retailerLeft),
    .poorMustFailBelow(limit: 50), .poorWithoutPenalty, .mediocreNotBelowGood(good: 80),
    .mediocreNotAbovePoor(poor: 20),
  ]

  static let testProblems: [TestProblem] = [
    .unknownCommand(inputLine: 2, command: "/wiat", suggestion: "/wait", commands: ["/wait"]),
    .passed(expected: true, total: 39, blockers: ["blocker"]),
    .total(expected: ValueRange(60, 100), actual: 39),
    .endedBy(expected: .trainee, actual: .timeUp),
    .noSuchArea(id: "x", areas: ["greeting"]),
    .areaNotApplicable(id: "greeting", expected: ValueRange(0, 49)),
    .areaScore(id: "greeting", expected: ValueRange(60, 80), actual: 40),
    .noSuchCheck(id: "greeting.polite_openr", suggestion: "greeting.polite_opener"),
    .status(id: "a.b", title: "title", expected: .met, actual: .missed, evidence: nil),
    .noSuchTurn(turn: 5, turns: 3, endedBy: .trainee),
    .retailerLine(turn: 1, expected: "greet-known", actual: nil),
    .retailerWords(turn: 2, expected: ["box"], actual: "no"),
    .phase(turn: 5, expected: "farewell", actual: "business"),
  ]

  @Test func everySampleRuleIsWordedInBothLanguages() {
    for problem in Self.sampleProblems {
      #expect(Self.hasHan(Self.zh.sampleProblem(problem)), "\(problem)")
      #expect(!Self.hasHan(Self.en.sampleProblem(problem)), "\(Self.en.sampleProblem(problem))")
    }
    let result = SampleResult(
      kind: .good, file: "samples/x.good.txt", total: 40, passed: false,
      problems: [.goodBelowMinimum(minimum: 75)])
    #expect(
      Self.zh.sampleFailure(result, result.problems[0])
        == "samples/x.good.txt:1:1: 错误: 好样本至少要 75 分（这次 40 分）")
    #expect(
      Self.en.sampleFailure(result, .unknownCommand(line: 3, command: "/dance"))
        == "samples/x.good.txt:3:1: error: line 3: unknown command '/dance' (scored 40)")
    #expect(Self.zh.sampleTotals(scenario: "x", [result]) == "x：样本 好 40")
    #expect(Self.en.sampleTotals(scenario: "x", [result]) == "x: samples good 40")
  }

  @Test func everyTestFailureIsWordedInBothLanguages() {
    for problem in Self.testProblems {
      #expect(Self.hasHan(Self.zh.testProblem(problem)), "\(problem)")
      #expect(!Self.hasHan(Self.en.testProblem(problem)), "\(Self.en.testProblem(problem))")
    }
    let mark = TestMark(line: 8, column: 14)
    let total = TestProblem.total(expected: ValueRange(90, 100), actual: 39)
    #expect(Self.zh.testFailure(total, at: mark, file: "t.yaml") == "t.yaml:8:14: 期望总分 ≥ 90，实际 39")
    #expect(
      Self.en.testFailure(total, at: mark, file: "t.yaml") == "t.yaml:8:14: expected total ≥ 90, got 39")
    #expect(Self.zh.testSummary(passed: 3, failed: 1, brokenFiles: 2) == "通过 3 个，失败 1 个，2 个文件有错误")
    #expect(Self.en.testSummary(passed: 3, failed: 1, brokenFiles: 1) == "3 passed, 1 failed, 1 file with errors")
  }

  @Test func conditionsAreSummarisedInBothLanguages() {
    var c = Condition()
    c.phases = ["greeting"]
    c.longerThan = 40
    #expect(Self.zh.conditionSummary(c) == "环节=greeting，本句超过40字")
    #expect(Self.en.conditionSummary(c) == "phase=greeting, longer_than 40")
    #expect(Self.zh.conditionSummary(Condition()) == "无（任何时候都可说）")
    #expect(!Self.hasHan(Self.en.conditionSummary(Condition())))
  }
}
