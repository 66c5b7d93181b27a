import Scoring
import Simulation
import Testing
import VisitCoachModel
import VisitCoachTestSupport

/// `explain` and the report read what the scorer decided; they never work it out again. For
/// turns of every shipped sample, what `explain` says a turn earned or cost is what the report's
/// evidence names for that turn, and the other way round.
@Suite("Explanations agree with the scorer")
struct ExplanationHonestyTests {
  @Test func explainAndReportAgreeOnSampleTurns() throws {
    var checked = 0
    let samples = [
      "busy-morning-rush", "talkative-delivery-error", "set-in-ways-new-product",
      "supply-complaint",
    ]
    for id in samples {
      let scenario = TestLibrary.scenario(id)
      for kind in ["good", "mediocre", "poor"] {
        let conversation = play(scenario, try sample(id, kind))
        let transcript = conversation.transcript
        var scorer = Scorer(plan: ScoringPlan(scenario: scenario))
        var explained: [Int: [CheckExplanation]] = [:]
        for utterance in transcript.utterances {
          let before = scorer
          let result = scorer.score(utterance)
          explained[utterance.index] = before.explain(utterance, result: result)
        }
        let report = scorer.report(for: transcript, scenario: scenario)
        #expect(report.total == conversation.report.total, "\(id).\(kind) re-scores the same")
        // Whole-visit measures are decided when the report is made, not in a turn.
        let perUtterance = Set(
          scenario.rubrics.flatMap(\.checks).filter(\.measure.isPerUtterance).map(\.id))
        let findings = report.areas.flatMap { $0.criteria + $0.penalties }
        for finding in findings where perUtterance.contains(finding.id) {
          for evidence in finding.evidence where evidence.turn >= 1 {
            guard let explanation = explained[evidence.turn]?.first(where: { $0.id == finding.id })
            else { continue }
            switch explanation.verdict {
            case .counted, .triggered:
              checked += 1
            default:
              Issue.record(
                "\(id).\(kind) turn \(evidence.turn): report cites \(finding.id), explain says \(explanation.verdict)"
              )
            }
          }
        }
        // The other way: every credit or penalty explain names is evidence in the report,
        // unless the penalty had already been deducted as often as it can be.
        for (turn, explanations) in explained {
          for e in explanations {
            let finding = findings.first { $0.id == e.id }
            switch e.verdict {
            case .counted:
              #expect(
                finding?.evidence.contains { $0.turn == turn } == true,
                "\(id).\(kind) turn \(turn): explain credits \(e.id), the report does not")
              checked += 1
            default:
              break
            }
          }
        }
      }
    }
    #expect(checked >= 50, "only \(checked) decisions compared")
  }
}
