import Scoring
import Simulation
import TraineeInput
import VisitCoachModel

/// Runs a scenario's conversation tests plus seeded random walks made of the scenario's own
/// sentences (criteria examples, model examples, test lines), and records what they reached.
public enum CoverageRunner {
  public static func run(
    _ scenario: Scenario, tests: [ConversationTest], walks: Int, seed: UInt64 = 1
  ) -> CoverageReport {
    let plan = ScoringPlan(scenario: scenario)
    var coverage = CoverageReport(scenario: scenario, visits: 0)
    var pool: [String] = []
    for c in scenario.checks {
      pool += c.examples.map(\.text)
      if !c.example.isEmpty { pool.append(c.example) }
    }
    for test in tests {
      record(&coverage, play(test.lines, scenario: scenario, plan: plan, seed: test.seed))
      pool += test.lines.filter { !$0.hasPrefix("/") && !$0.isEmpty }
    }
    pool += ["/wait", "/next", "/look"]
    var rng = SplitMix64(seed: seed)
    for walk in 0..<walks {
      let length = 4 + Int(rng.next() % 10)
      let lines = (0..<length).map { _ in pool[Int(rng.next() % UInt64(pool.count))] }
      record(&coverage, play(lines, scenario: scenario, plan: plan, seed: seed &+ UInt64(walk)))
    }
    return coverage
  }

  private static func play(_ lines: [String], scenario: Scenario, plan: ScoringPlan, seed: UInt64)
    -> VisitRun
  {
    var visit = VisitRun(scenario: scenario, seed: seed, plan: plan)
    let steps = (try? Script.parse(lines.joined(separator: "\n"))) ?? []
    visit.play(steps)
    return visit
  }

  private static func record(_ coverage: inout CoverageReport, _ visit: VisitRun) {
    coverage.visits += 1
    if let opening = visit.opening { coverage.linesSaid.insert(opening.id) }
    var conversation = visit.conversation
    conversation.finish()
    for turn in conversation.transcript.turns {
      coverage.phasesReached.insert(turn.phase)
      for id in (turn.retailerLineID ?? "").split(separator: "+") {
        coverage.linesSaid.insert(String(id))
      }
    }
    coverage.phasesReached.insert(conversation.phase.id)
    for finding in conversation.report.areas.flatMap({ $0.criteria + $0.penalties }) {
      switch finding.status {
      case .met, .partial: coverage.criteriaMet.insert(finding.id)
      case .triggered: coverage.penaltiesTriggered.insert(finding.id)
      default: break
      }
    }
  }
}
