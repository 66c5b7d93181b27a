import ArgumentParser
import Foundation
import Reporting
import Scoring
import Simulation
import VisitCoachModel

/// `visitcoach explain`: for each turn, why the retailer said what it said and why each
/// criterion got its status.
struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract:
      "Explain a visit turn by turn: the retailer's line and its conditions, and every criterion's status."
  )

  @OptionGroup var script: ScriptOptions

  @Flag(help: "Also list criteria that did not apply to a turn, with the reason.")
  var all = false

  @Option(help: "Language of the explanation: zh or en (scenario content stays as written).")
  var lang: Language = .zh

  func run() throws {
    try Failure.reported {
      let (scenario, steps) = try script.load(language: lang.interface)
      let strings = InterfaceStrings.forLanguage(lang.interface)
      let retailer = scenario.persona.name
      let lines = Dictionary(scenario.lines.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
      let intentTitles = Dictionary(
        (scenario.listening?.criteria ?? []).map { ($0.localID, $0.title) },
        uniquingKeysWith: { a, _ in a })
      var visit = VisitRun(scenario: scenario, seed: script.seed)
      if let opening = visit.opening {
        Console.line(strings.explainArrival(retailer: retailer, text: opening.text))
        Console.line("    " + strings.explainLine(opening))
      }
      for step in steps {
        if visit.conversation.isOver { break }
        let before = visit.conversation
        guard let outcome = visit.perform(step) else { continue }
        let turn = outcome.turn
        let said = turn.kind == .say ? turn.trainee : "/\(turn.kind.rawValue)"
        Console.line("")
        Console.line(
          strings.explainTurn(
            turn.index, phase: scenario.phase(turn.phase)?.title ?? turn.phase, said: said))
        if let entered = outcome.enteredPhase {
          Console.line(
            "    "
              + strings.explainEnteredPhase(
                title: scenario.phase(entered)?.title ?? entered, id: entered))
        }
        if let text = turn.retailer {
          Console.line("  " + strings.explainRetailerSaid(retailer: retailer, text: text))
          if let choice = outcome.choice, let line = lines[choice.chosen] {
            if !choice.intentsHeard.isEmpty {
              Console.line(
                "    "
                  + strings.explainHeard(
                    choice.intentsHeard.map {
                      (
                        $0.name,
                        $0.name == HeardIntent.brand
                          ? strings.explainBrandNamed
                          : intentTitles[$0.name] ?? $0.name, $0.words
                      )
                    }))
            }
            Console.line("    " + strings.explainWhy(line, rank: choice.rank))
            if !choice.offTopic.isEmpty {
              Console.line(
                "    "
                  + strings.explainOffTopic(
                    brands: choice.brandsHeard, lines: Array(choice.offTopic.prefix(4))))
            }
            let others = choice.candidates.filter { $0.id != line.id }.prefix(4)
            if !others.isEmpty { Console.line("    " + strings.explainOtherLines(Array(others))) }
          } else if turn.retailerLineID == Conversation.fallbackLine.id {
            Console.line("    " + strings.explainFallback)
          }
          if outcome.ended != nil,
            outcome.choice?.intentsHeard.contains(where: {
              $0.name == Conversation.leaveTakingIntent
            }) == true
          {
            Console.line("    " + strings.explainTookLeave)
          }
        }
        Console.line(
          "    "
            + strings.explainState(
              mood: (before: turn.moodBefore, after: turn.mood),
              patience: (before: before.state.patience, after: turn.patience),
              clock: turn.clock, flags: visit.conversation.state.flags.sorted()))
        guard turn.kind == .say, let score = visit.conversation.scorer.turnScore(turn.index) else {
          continue
        }
        let explanations = before.scorer.explain(
          Utterance(
            turn,
            heard: visit.conversation.transcript.lineHeard(before: turn.index - 1)),
          result: score)
        if score.stuffing { Console.line("    " + strings.explainStuffing) }
        for e in explanations {
          if let text = strings.explanation(e, all: all) { Console.line("    " + text) }
        }
      }
      var conversation = visit.conversation
      conversation.finish()
      Console.line("")
      Console.line(strings.explainTotal(conversation.report))
    }
  }
}
