import VisitCoachModel

/// `visitcoach explain`: each turn's heading, the retailer's line and why it was chosen, the
/// state after the turn, and the visit's result. The per-check lines are ``explanation(_:all:)``.
extension InterfaceStrings {
  /// The retailer's opening line before the trainee speaks: `到店 陈建华：……` /
  /// `On arrival, 陈建华: ……`.
  public func explainArrival(retailer: String, text: String) -> String {
    language == .zh ? "到店 \(retailer)：\(text)" : "On arrival, \(retailer): \(text)"
  }

  /// A retailer line, where it was written and its condition:
  /// `行 busy-start（特质 busy）条件：无（任何时候都可说）`.
  public func explainLine(_ line: RetailerLine) -> String {
    language == .zh
      ? "行 \(line.id)（\(origin(line))）条件：\(conditionSummary(line.condition))"
      : "line \(line.id) (\(origin(line))) when: \(conditionSummary(line.condition))"
  }

  /// A turn's heading: `第1轮 [打招呼] 我：……` / `Turn 1 [打招呼] Me: ……`; `phase` is the
  /// phase's title, `said` the trainee's words or the command as typed.
  public func explainTurn(_ index: Int, phase: String, said: String) -> String {
    language == .zh
      ? "第\(index)轮 [\(phase)] \(trainee)：\(said)"
      : "Turn \(index) [\(phase)] \(trainee): \(said)"
  }

  /// The phase the turn moved into: `进入环节：业务沟通（business）`.
  public func explainEnteredPhase(title: String, id: String) -> String {
    language == .zh ? "进入环节：\(title)（\(id)）" : "enters phase: \(title) (\(id))"
  }

  /// What the retailer said in the turn: `陈建华：……`.
  public func explainRetailerSaid(retailer: String, text: String) -> String {
    language == .zh ? "\(retailer)：\(text)" : "\(retailer): \(text)"
  }

  /// Why the retailer said `line`: its condition, what it is about, and the rank it won with
  /// (`rank`, more than the line's own when it is about a brand the trainee named).
  public func explainWhy(_ line: RetailerLine, rank: Int) -> String {
    let bonus = rank - line.rank
    if language == .zh {
      return "为什么说这句：\(explainLine(line))"
        + (line.about.isEmpty ? "" : "，说的是 \(line.about.joined(separator: "/"))")
        + "；等级 \(rank)" + (bonus > 0 ? "（含提到的品牌 +\(bonus)）" : "")
    }
    return "why this line: \(explainLine(line))"
      + (line.about.isEmpty ? "" : ", about \(line.about.joined(separator: "/"))")
      + "; rank \(rank)" + (bonus > 0 ? " (+\(bonus) for a brand the trainee named)" : "")
  }

  /// What the retailer heard in the utterance (`said:` intents), each with its title and the
  /// words that showed it: `零售户听出：告辞（先走了）、具体时间（周三前）`.
  public func explainHeard(_ heard: [(name: String, title: String, words: [String])]) -> String {
    let zh = language == .zh
    let items = heard.map { item -> String in
      let label = zh ? item.title : item.name
      let words = item.words.prefix(3).joined(separator: zh ? "、" : ", ")
      return words.isEmpty ? label : (zh ? "\(label)（\(words)）" : "\(label) (\(words))")
    }
    return (zh ? "零售户听出：" : "the retailer heard: ") + items.joined(separator: zh ? "、" : ", ")
  }

  /// The title of the `brand` intent (the utterance names a catalogue brand).
  public var explainBrandNamed: String { language == .zh ? "说到品牌" : "a brand named" }

  /// The visit ended because the trainee took leave and the retailer let them go.
  public var explainTookLeave: String {
    language == .zh ? "学员告辞，零售户回了一句，拜访到此结束" : "the trainee took leave; the visit ends here"
  }

  /// Lines left out because they are about other brands than the utterance named.
  public func explainOffTopic(brands: [String], lines: [String]) -> String {
    language == .zh
      ? "这句提到 \(brands.joined(separator: "、"))，所以不用说别的品牌的行：" + lines.joined(separator: "、")
      : "the trainee named \(brands.joined(separator: ", ")), so lines about other brands are left out: "
        + lines.joined(separator: ", ")
  }

  /// The other lines whose conditions held, with their ranks:
  /// `其他满足条件的行：greet-plain（等级 -98）`.
  public func explainOtherLines(_ others: [(id: String, rank: Int, saidBefore: Bool)]) -> String {
    if language == .zh {
      return "其他满足条件的行："
        + others.map { "\($0.id)（等级 \($0.rank)\($0.saidBefore ? "，已说过" : "")）" }
        .joined(separator: "、")
    }
    return "other lines whose conditions held: "
      + others.map { "\($0.id) (rank \($0.rank)\($0.saidBefore ? ", said before" : ""))" }
      .joined(separator: ", ")
  }

  /// No line's condition held, so the engine's own reply was said.
  public var explainFallback: String {
    language == .zh
      ? "为什么说这句：没有哪一行的条件成立，用了引擎的默认回答（请给这个环节加一行兜底的话）"
      : "why this line: no line's condition held, so the engine's default reply was said (add a catch-all line to this phase)"
  }

  /// The state after the turn: `状态：好感 55→64，耐心 55→55，时间 00:15，标记 无`.
  public func explainState(
    mood: (before: Int, after: Int), patience: (before: Int, after: Int), clock: Int,
    flags: [String]
  ) -> String {
    let time = TextReport.clock(clock)
    if language == .zh {
      let set = flags.isEmpty ? "无" : flags.joined(separator: ",")
      return
        "状态：好感 \(mood.before)→\(mood.after)，耐心 \(patience.before)→\(patience.after)，时间 \(time)，标记 \(set)"
    }
    let set = flags.isEmpty ? "none" : flags.joined(separator: ",")
    return
      "state: mood \(mood.before)→\(mood.after), patience \(patience.before)→\(patience.after), time \(time), flags \(set)"
  }

  /// The utterance was judged keyword stuffing.
  public var explainStuffing: String {
    language == .zh
      ? "！这句被判为堆砌关键词：本句所有得分作废"
      : "! judged keyword stuffing: nothing this utterance earned counts"
  }

  /// The visit's result: `总分 64（通过），结束方式：拜访完成（trainee）`.
  public func explainTotal(_ report: ScoreReport) -> String {
    let how = "\(ended(report.endedBy))"
    return language == .zh
      ? "总分 \(report.total)（\(report.passed ? "通过" : "未通过")），结束方式：\(how)（\(report.endedBy.rawValue)）"
      : "Total \(report.total) (\(report.passed ? "passed" : "not passed")), ended: \(how) (\(report.endedBy.rawValue))"
  }

  /// Where a line was written: `特质 busy`, `剧本` / `trait busy`, `scenario`.
  func origin(_ line: RetailerLine) -> String {
    if let trait = line.trait {
      return (language == .zh ? "特质 " : "trait ") + trait
    }
    return language == .zh ? "剧本" : "scenario"
  }
}
