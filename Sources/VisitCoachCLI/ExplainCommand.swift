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

  func run() throws {
    try Failure.reported {
      let (scenario, steps) = try script.load()
      let strings = InterfaceStrings.forLanguage(.zh)
      let lines = Dictionary(scenario.lines.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
      var visit = VisitRun(scenario: scenario, seed: script.seed)
      if let opening = visit.opening {
        Console.line("到店 \(scenario.persona.name)：\(opening.text)")
        Console.line("    行 \(opening.id)（\(origin(opening))）条件：\(describe(opening.condition))")
      }
      for step in steps {
        if visit.conversation.isOver { break }
        let before = visit.conversation
        guard let outcome = visit.perform(step) else { continue }
        let turn = outcome.turn
        let said = turn.kind == .say ? turn.trainee : "/\(turn.kind.rawValue)"
        Console.line("")
        Console.line(
          "第\(turn.index)轮 [\(scenario.phase(turn.phase)?.title ?? turn.phase)] 我：\(said)")
        if let entered = outcome.enteredPhase {
          Console.line("    进入环节：\(scenario.phase(entered)?.title ?? entered)（\(entered)）")
        }
        if let text = turn.retailer {
          Console.line("  \(scenario.persona.name)：\(text)")
          if let choice = outcome.choice, let line = lines[choice.chosen] {
            Console.line(
              "    为什么说这句：行 \(line.id)（\(origin(line))）条件：\(describe(line.condition))\(line.about.isEmpty ? "" : "，说的是 \(line.about.joined(separator: "/"))")；等级 \(choice.rank)\(choice.rank > line.rank ? "（含提到的品牌 +\(choice.rank - line.rank)）" : "")"
            )
            if !choice.offTopic.isEmpty {
              Console.line(
                "    这句提到 \(choice.brandsHeard.joined(separator: "、"))，所以不用说别的品牌的行："
                  + choice.offTopic.prefix(4).joined(separator: "、"))
            }
            let others = choice.candidates.filter { $0.id != line.id }.prefix(4)
            if !others.isEmpty {
              Console.line(
                "    其他满足条件的行："
                  + others.map { "\($0.id)（等级 \($0.rank)\($0.saidBefore ? "，已说过" : "")）" }.joined(
                    separator: "、"))
            }
          } else if turn.retailerLineID == Conversation.fallbackLine.id {
            Console.line("    为什么说这句：没有哪一行的条件成立，用了引擎的默认回答（请给这个环节加一行兜底的话）")
          }
        }
        Console.line(
          "    状态：好感 \(turn.moodBefore)→\(turn.mood)，耐心 \(before.state.patience)→\(turn.patience)，时间 \(TextReport.clock(turn.clock))，标记 \(visit.conversation.state.flags.sorted().joined(separator: ",").nonEmpty ?? "无")"
        )
        guard turn.kind == .say, let score = visit.conversation.scorer.turnScore(turn.index) else {
          continue
        }
        let explanations = before.scorer.explain(
          Utterance(
            turn,
            heard: visit.conversation.transcript.lineHeard(before: turn.index - 1)),
          result: score)
        if score.stuffing { Console.line("    ！这句被判为堆砌关键词：本句所有得分作废") }
        for e in explanations {
          if let text = strings.explanation(e, all: all) { Console.line("    " + text) }
        }
      }
      var conversation = visit.conversation
      conversation.finish()
      let report = conversation.report
      Console.line("")
      Console.line(
        "总分 \(report.total)（\(report.passed ? "通过" : "未通过")），结束方式 \(report.endedBy.rawValue)")
    }
  }

  private func origin(_ line: RetailerLine) -> String {
    line.origin.hasPrefix("trait:") ? "特质 \(line.origin.dropFirst(6))" : "剧本"
  }

  private func describe(_ c: Condition) -> String {
    var parts: [String] = []
    if !c.phases.isEmpty { parts.append("环节=\(c.phases.sorted().joined(separator: "/"))") }
    if !c.traits.isEmpty { parts.append("特质=\(c.traits.sorted().joined(separator: "/"))") }
    if !c.withoutTraits.isEmpty {
      parts.append("非特质=\(c.withoutTraits.sorted().joined(separator: "/"))")
    }
    if let m = c.mood { parts.append("好感 \(m.lower)-\(m.upper)") }
    if let p = c.patience { parts.append("耐心 \(p.lower)-\(p.upper)") }
    if !c.flags.isEmpty { parts.append("标记=\(c.flags.sorted().joined(separator: ","))") }
    if !c.unset.isEmpty { parts.append("无标记=\(c.unset.sorted().joined(separator: ","))") }
    if !c.met.isEmpty { parts.append("已做到=\(c.met.sorted().joined(separator: ","))") }
    if !c.missed.isEmpty { parts.append("未做到=\(c.missed.sorted().joined(separator: ","))") }
    if !c.metNow.isEmpty { parts.append("本句做到=\(c.metNow.sorted().joined(separator: ","))") }
    if !c.violatedNow.isEmpty {
      parts.append("本句扣分=\(c.violatedNow.sorted().joined(separator: ","))")
    }
    if let n = c.longerThan { parts.append("本句超过\(n)字") }
    for group in c.heard { parts.append("本句说到=\(group.joined(separator: "/"))") }
    if !c.notHeard.isEmpty { parts.append("本句没说=\(c.notHeard.sorted().joined(separator: "/"))") }
    if let v = c.visit { parts.append("拜访=\(v.rawValue)") }
    if let t = c.turnInPhase { parts.append("本环节第\(t.lower)-\(t.upper)句") }
    if !c.packed.isEmpty { parts.append("带了=\(c.packed.sorted().joined(separator: ","))") }
    if !c.notPacked.isEmpty { parts.append("没带=\(c.notPacked.sorted().joined(separator: ","))") }
    return parts.isEmpty ? "无（任何时候都可说）" : parts.joined(separator: "，")
  }
}

extension String {
  fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
