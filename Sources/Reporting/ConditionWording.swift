import VisitCoachModel

extension InterfaceStrings {
  /// A retailer line's condition, every requirement that is set: in Chinese in trainers'
  /// words (`环节=greeting，本句超过40字`), in English by the keys a file writes
  /// (`phase=greeting, longer_than 40`).
  public func conditionSummary(_ c: Condition) -> String {
    let zh = language == .zh
    var parts: [String] = []
    func add(_ chinese: String, _ english: String, _ ids: Set<String>, _ separator: String = ",") {
      if !ids.isEmpty {
        parts.append((zh ? chinese : english) + ids.sorted().joined(separator: separator))
      }
    }
    add("环节=", "phase=", c.phases, "/")
    add("特质=", "traits=", c.traits, "/")
    add("非特质=", "without_traits=", c.withoutTraits, "/")
    if let m = c.mood { parts.append((zh ? "好感 " : "mood ") + "\(m.lower)-\(m.upper)") }
    if let p = c.patience { parts.append((zh ? "耐心 " : "patience ") + "\(p.lower)-\(p.upper)") }
    add("标记=", "flags=", c.flags)
    add("无标记=", "unset=", c.unset)
    add("已做到=", "met=", c.met)
    add("未做到=", "missed=", c.missed)
    add("本句做到=", "met_now=", c.metNow)
    add("本句扣分=", "violated_now=", c.violatedNow)
    if let n = c.longerThan { parts.append(zh ? "本句超过\(n)字" : "longer_than \(n)") }
    for group in c.heard {
      parts.append((zh ? "本句说到=" : "heard=") + group.joined(separator: "/"))
    }
    add("本句没说=", "not_heard=", c.notHeard, "/")
    add("听出=", "said=", c.said)
    add("没听出=", "not_said=", c.notSaid, "/")
    if let v = c.visit { parts.append((zh ? "拜访=" : "visit=") + v.rawValue) }
    if let t = c.turnInPhase {
      parts.append(zh ? "本环节第\(t.lower)-\(t.upper)句" : "turn \(t.lower)-\(t.upper)")
    }
    add("带了=", "packed=", c.packed)
    add("没带=", "not_packed=", c.notPacked)
    if parts.isEmpty { return zh ? "无（任何时候都可说）" : "none (can be said any time)" }
    return parts.joined(separator: zh ? "，" : ", ")
  }
}
