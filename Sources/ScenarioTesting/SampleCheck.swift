import Foundation
import Scoring
import Simulation
import TraineeInput
import VisitCoachModel

/// Plays a scenario's sample visits (``SampleKind``) and checks the rules they must keep, so a
/// trainer sees at once when a rubric or lexicon change makes the good visit fail or the poor one
/// pass: the good visit passes with at least ``goodMinimum`` and no blocker and ends by the
/// trainee's leave-taking; the poor visit fails below ``poorMaximum`` with at least one penalty;
/// the mediocre one scores between the two.
public enum SampleCheck {
  public static let goodMinimum = 75
  public static let poorMaximum = 49

  /// The results of the samples of `scenario` found in `folder` (seed 1; missing samples are
  /// skipped).
  public static func run(_ scenario: Scenario, samplesFolder folder: String) -> [SampleResult] {
    let plan = ScoringPlan(scenario: scenario)
    var results: [SampleResult] = []
    for kind in SampleKind.allCases {
      let file = "\(folder)/\(scenario.id).\(kind.rawValue).txt"
      guard let data = FileManager.default.contents(atPath: file) else { continue }
      var run = VisitRun(scenario: scenario, seed: 1, plan: plan)
      var problems: [SampleProblem] = []
      do {
        run.play(try Script.read(String(decoding: data, as: UTF8.self)).steps)
      } catch {
        problems.append(.unknownCommand(line: error.line, command: error.command))
      }
      var conversation = run.conversation
      conversation.finish()
      let report = conversation.report
      switch kind {
      case .good:
        if !report.passed { problems.append(.goodMustPass) }
        if report.total < goodMinimum { problems.append(.goodBelowMinimum(minimum: goodMinimum)) }
        if !report.blockers.isEmpty { problems.append(.goodHasBlockers(report.blockers)) }
        if report.endedBy != .trainee {
          problems.append(.goodMustEndByTrainee(endedBy: report.endedBy))
        }
      case .poor:
        if report.passed || report.total > poorMaximum {
          problems.append(.poorMustFailBelow(limit: poorMaximum + 1))
        }
        if !report.areas.flatMap(\.penalties).contains(where: { $0.status == .triggered }) {
          problems.append(.poorWithoutPenalty)
        }
      case .mediocre:
        break
      }
      results.append(
        SampleResult(
          kind: kind, file: file, total: report.total, passed: report.passed, problems: problems))
    }
    // The mediocre visit lies between the other two.
    let totals = Dictionary(uniqueKeysWithValues: results.map { ($0.kind, $0.total) })
    if let m = results.firstIndex(where: { $0.kind == .mediocre }) {
      let total = results[m].total
      if let good = totals[.good], total >= good {
        results[m].problems.append(.mediocreNotBelowGood(good: good))
      }
      if let poor = totals[.poor], total <= poor {
        results[m].problems.append(.mediocreNotAbovePoor(poor: poor))
      }
    }
    return results
  }
}
