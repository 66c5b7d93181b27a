import VisitCoachModel

/// `visitcoach coverage`: what the tests and random walks exercised in one scenario.
extension InterfaceStrings {
  /// A scenario's coverage: a header line with the counts, then one indented line for each
  /// kind of thing never exercised (phases, retailer lines, criteria, penalties), by id.
  ///
  ///     busy-morning-rush：25 次拜访 · 台词 18/21 · 环节 4/4 · 得分点 19/19 · 扣分项 17/28
  ///       没说过的台词：greet-plain-served、busy-wait-later
  public func coverageLines(_ c: CoverageReport) -> [String] {
    let zh = language == .zh
    let lines = c.scenario.lines.count
    let phases = c.scenario.phases.count
    let criteria = c.applicableCriteria.count
    let penalties = c.applicablePenalties.count
    let counted: [(String, Int, Int)] = [
      (zh ? "台词" : "lines", lines - c.unsaidLines.count, lines),
      (zh ? "环节" : "phases", phases - c.unreachedPhases.count, phases),
      (zh ? "得分点" : "criteria", criteria - c.unmetCriteria.count, criteria),
      (zh ? "扣分项" : "penalties", penalties - c.untriggeredPenalties.count, penalties),
    ]
    let counts = counted.map { "\($0.0) \($0.1)/\($0.2)" }
    let visits = zh ? "\(c.visits) 次拜访" : "\(c.visits) visits"
    var out = [c.scenario.id + (zh ? "：" : ": ") + ([visits] + counts).joined(separator: " · ")]
    let never: [(String, String, [String])] = [
      ("没进入过的环节", "phases never reached", c.unreachedPhases),
      ("没说过的台词", "lines never said", c.unsaidLines),
      ("没得到过的得分点", "criteria never met", c.unmetCriteria),
      ("没触发过的扣分项", "penalties never triggered", c.untriggeredPenalties),
    ]
    for (chinese, english, ids) in never where !ids.isEmpty {
      out.append(
        zh
          ? "  \(chinese)：\(ids.joined(separator: "、"))"
          : "  \(english): \(ids.joined(separator: ", "))")
    }
    return out
  }
}
