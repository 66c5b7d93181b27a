import Reporting
import Scoring
import Simulation
import VisitCoachModel

/// One way a conversation test did not go as expected.
public struct TestFailure: Sendable, Hashable {
  public var mark: TestMark
  public var message: String
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
          message:
            "input line \(error.line): unknown command '\(error.command)'"
            + (Script.nearestCommand(error.command).map { " (did you mean \($0)?)" } ?? "")
            + "; commands are \(Script.commands.joined(separator: " "))",
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
    func fail(_ mark: TestMark, _ message: String, turn: Int? = nil) {
      failures.append(TestFailure(mark: mark, message: message, turn: turn))
    }
    if let passed = e.passed, passed.value != report.passed {
      fail(
        passed.mark,
        "expected the visit to \(passed.value ? "pass" : "fail"), but it \(report.passed ? "passed" : "failed") with \(report.total)"
          + (report.blockers.isEmpty
            ? "" : " (blockers: \(report.blockers.joined(separator: ", ")))"))
    }
    if let total = e.total, !total.value.contains(report.total) {
      fail(total.mark, "expected total \(describe(total.value)), got \(report.total)")
    }
    if let ended = e.endedBy, ended.value != report.endedBy {
      fail(
        ended.mark,
        "expected the visit to end by \(ended.value.rawValue), it ended by \(report.endedBy.rawValue)"
      )
    }
    for (expected, id) in zip(e.areas, e.areaIDs) {
      guard let area = report.areas.first(where: { $0.id == id }) else {
        fail(
          expected.mark,
          "no area '\(id)' in this scenario; areas: \(report.areas.map(\.id).joined(separator: ", "))"
        )
        continue
      }
      guard let score = area.score else {
        fail(
          expected.mark,
          "expected area \(id) \(describe(expected.value)), but nothing in it applied")
        continue
      }
      if !expected.value.contains(score) {
        fail(expected.mark, "expected area \(id) \(describe(expected.value)), got \(score)")
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
          fail(
            item.mark,
            "no criterion or penalty '\(item.value)' in this scenario"
              + (near.map { " (did you mean '\($0)'?)" } ?? ""))
          continue
        }
        if finding.status != status {
          var message =
            "expected \(item.value) (\(finding.title)) \(status.rawValue), got \(finding.status.rawValue)"
          if let evidence = finding.evidence.first {
            message += " at turn \(evidence.turn): \(InterfaceStrings.chinese.evidence(evidence))"
          }
          fail(item.mark, message, turn: finding.evidence.first?.turn)
        }
      }
    }
    for t in e.turns {
      guard t.turn <= transcript.turns.count else {
        fail(
          t.mark,
          "expected a turn \(t.turn), but the visit had \(transcript.turns.count) turns (ended by \(report.endedBy.rawValue))"
        )
        continue
      }
      let turn = transcript.turns[t.turn - 1]
      if let line = t.line, turn.retailerLineID != line {
        fail(
          t.mark,
          "turn \(t.turn): expected retailer line '\(line)', got '\(turn.retailerLineID ?? "none")'",
          turn: t.turn)
      }
      if !t.says.isEmpty, !t.says.contains(where: { turn.retailer?.contains($0) == true }) {
        fail(
          t.mark,
          "turn \(t.turn): expected the retailer to say one of \(t.says.map { "「\($0)」" }.joined(separator: " ")), got 「\(turn.retailer ?? "")」",
          turn: t.turn)
      }
      if let phase = t.phase, turn.phase != phase {
        fail(
          t.mark, "turn \(t.turn): expected phase '\(phase)', the trainee spoke in '\(turn.phase)'",
          turn: t.turn)
      }
    }
    return failures
  }

  static func describe(_ range: ValueRange) -> String {
    if range.lower == range.upper { return "\(range.lower)" }
    if range.lower == 0 { return "≤ \(range.upper)" }
    if range.upper == 100 { return "≥ \(range.lower)" }
    return "\(range.lower)-\(range.upper)"
  }
}
