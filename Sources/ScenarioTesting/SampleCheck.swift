import Foundation
import Scoring
import Simulation
import VisitCoachModel

/// The three sample visits a scenario ships with (`samples/<id>.good.txt`, `.mediocre.txt`,
/// `.poor.txt`, one line per turn) and the rules they must keep, so a trainer sees at once
/// when a rubric or lexicon change makes the good visit fail or the poor one pass.
public enum SampleKind: String, Sendable, CaseIterable {
  case good, mediocre, poor
}

/// One sample visit played on its scenario (seed 1), and the rules it broke.
public struct SampleResult: Sendable {
  public var kind: SampleKind
  public var file: String
  public var total: Int
  public var passed: Bool
  public var problems: [String]
}

/// Plays a scenario's sample visits and checks them: the good visit passes with at least
/// ``goodMinimum`` and no blocker and ends by the trainee's leave-taking; the poor visit fails
/// below ``poorMaximum`` with at least one penalty; the mediocre one scores between the two.
public enum SampleCheck {
  public static let goodMinimum = 75
  public static let poorMaximum = 49

  /// The results of the samples of `scenario` found in `folder` (missing samples are skipped).
  public static func run(_ scenario: Scenario, samplesFolder folder: String) -> [SampleResult] {
    let plan = ScoringPlan(scenario: scenario)
    var results: [SampleResult] = []
    for kind in SampleKind.allCases {
      let file = "\(folder)/\(scenario.id).\(kind.rawValue).txt"
      guard let data = FileManager.default.contents(atPath: file) else { continue }
      var run = VisitRun(scenario: scenario, seed: 1, plan: plan)
      var problems: [String] = []
      do {
        run.play(try Script.read(String(decoding: data, as: UTF8.self)).steps)
      } catch {
        problems.append("line \(error.line): unknown command '\(error.command)'")
      }
      var conversation = run.conversation
      conversation.finish()
      let report = conversation.report
      switch kind {
      case .good:
        if !report.passed { problems.append("a good visit must pass") }
        if report.total < goodMinimum {
          problems.append("a good visit must score at least \(goodMinimum)")
        }
        if !report.blockers.isEmpty {
          problems.append(
            "a good visit must trigger no blocker (\(report.blockers.joined(separator: ", ")))")
        }
        if report.endedBy != .trainee {
          problems.append("a good visit must end with the trainee taking leave in the last phase")
        }
      case .poor:
        if report.passed || report.total > poorMaximum {
          problems.append("a poor visit must fail below \(poorMaximum + 1)")
        }
        if !report.areas.flatMap(\.penalties).contains(where: { $0.status == .triggered }) {
          problems.append("a poor visit must trigger at least one penalty")
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
        results[m].problems.append("a mediocre visit must score below the good one (\(good))")
      }
      if let poor = totals[.poor], total <= poor {
        results[m].problems.append("a mediocre visit must score above the poor one (\(poor))")
      }
    }
    return results
  }
}
