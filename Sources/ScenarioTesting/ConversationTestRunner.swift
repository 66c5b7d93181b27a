import Scoring
import Simulation
import TraineeInput
import VisitCoachModel

/// One way a conversation test did not go as expected: what differed (worded by Reporting)
/// and where the expectation was written.
public struct TestFailure: Sendable, Hashable {
  public var mark: TestMark
  public var problem: TestProblem
  /// The turn the failure is about, if any (1-based), for showing it in context.
  public var turn: Int?
}

/// The result of one conversation test.
public struct TestOutcome: Sendable {
  public var test: ConversationTest
  public var failures: [TestFailure]
  public var report: ScoreReport
  public var transcript: Transcript

  public var passed: Bool { failures.isEmpty }
}

/// Plays conversation tests on the engine and compares what happened with what was expected.
public enum ConversationTestRunner {
  /// Runs every test of a file against its scenario.
  public static func run(_ file: ConversationTestFile, scenario: Scenario) -> [TestOutcome] {
    let plan = ScoringPlan(scenario: scenario)
    return file.tests.map { run($0, scenario: scenario, plan: plan) }
  }

  /// Runs one test. A script error (unknown command) is reported as a failure of the test.
  public static func run(_ test: ConversationTest, scenario: Scenario, plan: ScoringPlan)
    -> TestOutcome
  {
    var visit = VisitRun(scenario: scenario, seed: test.seed, plan: plan)
    var failures: [TestFailure] = []
    do {
      visit.play(try Script.parse(test.lines.joined(separator: "\n")))
    } catch {
      failures.append(
        TestFailure(
          mark: test.mark,
          problem: .unknownCommand(
            inputLine: error.line, command: error.command,
            suggestion: Script.nearestCommand(error.command), commands: Script.commands),
          turn: nil))
    }
    var conversation = visit.conversation
    conversation.finish()
    let report = conversation.report
    failures += check(
      test.expect, report: report, transcript: conversation.transcript, scenario: scenario)
    return TestOutcome(
      test: test, failures: failures, report: report, transcript: conversation.transcript)
  }

  static func check(
    _ e: TestExpectations, report: ScoreReport, transcript: Transcript, scenario: Scenario
  )
    -> [TestFailure]
  {
    var failures: [TestFailure] = []
    func fail(_ mark: TestMark, _ problem: TestProblem, turn: Int? = nil) {
      failures.append(TestFailure(mark: mark, problem: problem, turn: turn))
    }
    if let passed = e.passed, passed.value != report.passed {
      fail(
        passed.mark,
        .passed(expected: passed.value, total: report.total, blockers: report.blockers))
    }
    if let total = e.total, !total.value.contains(report.total) {
      fail(total.mark, .total(expected: total.value, actual: report.total))
    }
    if let ended = e.endedBy, ended.value != report.endedBy {
      fail(ended.mark, .endedBy(expected: ended.value, actual: report.endedBy))
    }
    for (expected, id) in zip(e.areas, e.areaIDs) {
      guard let area = report.areas.first(where: { $0.id == id }) else {
        fail(expected.mark, .noSuchArea(id: id, areas: report.areas.map(\.id)))
        continue
      }
      guard let score = area.score else {
        fail(expected.mark, .areaNotApplicable(id: id, expected: expected.value))
        continue
      }
      if !expected.value.contains(score) {
        fail(expected.mark, .areaScore(id: id, expected: expected.value, actual: score))
      }
    }
    let findings = report.areas.flatMap { $0.criteria + $0.penalties }
    let byID = Dictionary(findings.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let lists: [([Expected<String>], CriterionStatus)] = [
      (e.met, .met), (e.partial, .partial), (e.missed, .missed), (e.triggered, .triggered),
      (e.clear, .clear),
    ]
    for (items, status) in lists {
      for item in items {
        guard let finding = byID[item.value] else {
          let near = EditDistance.nearest(to: item.value, in: findings.map(\.id))
          fail(item.mark, .noSuchCheck(id: item.value, suggestion: near))
          continue
        }
        if finding.status != status {
          fail(
            item.mark,
            .status(
              id: item.value, title: finding.title, expected: status, actual: finding.status,
              evidence: finding.evidence.first),
            turn: finding.evidence.first?.turn)
        }
      }
    }
    for t in e.turns {
      guard t.turn <= transcript.turns.count else {
        fail(
          t.mark,
          .noSuchTurn(turn: t.turn, turns: transcript.turns.count, endedBy: report.endedBy))
        continue
      }
      let turn = transcript.turns[t.turn - 1]
      if let line = t.line, turn.retailerLineID != line {
        fail(
          t.mark, .retailerLine(turn: t.turn, expected: line, actual: turn.retailerLineID),
          turn: t.turn)
      }
      if !t.says.isEmpty, !t.says.contains(where: { turn.retailer?.contains($0) == true }) {
        fail(
          t.mark, .retailerWords(turn: t.turn, expected: t.says, actual: turn.retailer ?? ""),
          turn: t.turn)
      }
      if let phase = t.phase, turn.phase != phase {
        fail(t.mark, .phase(turn: t.turn, expected: phase, actual: turn.phase), turn: t.turn)
      }
    }
    return failures
  }
}
