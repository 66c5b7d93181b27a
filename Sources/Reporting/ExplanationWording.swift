import VisitCoachModel

extension InterfaceStrings {
  /// One check's line in `visitcoach explain`: why it got its status in this turn, or nil when
  /// the line is left out (penalties that did not fire; checks that did not apply, unless
  /// `all`). The reasons are the scorer's, as it recorded them.
  public func explanation(_ e: CheckExplanation, all: Bool) -> String? {
    language == .zh ? Self.chinese(e, all: all) : Self.english(e, all: all)
  }

  static func chinese(_ e: CheckExplanation, all: Bool) -> String? {
    let name = "\(e.title)（\(e.id)）"
    switch e.verdict {
    case .counted(let partial, let words, let source):
      let found: String
      switch source {
      case .words: found = words
      case .similarExample: found = "(相似示例)"
      case .catalogue: found = "(对照卷烟目录和库存表)"
      }
      return "\(partial ? "◐" : "✓") \(name)：命中 \(found)\(partial ? "（部分得分）" : "")"
    case .triggered(let words): return "! \(name)：扣分，命中 \(words)"
    case .learned(let words, let percent):
      return e.isPenalty
        ? "! \(name)：扣分，和标注过的这类说法很像（\(percent)%），主要是 \(words)"
        : "✓ \(name)：和标注过的这类说法很像（\(percent)%），主要是 \(words)"
    case .alreadyMet: return e.isPenalty ? nil : "· \(name)：之前已经做到，重复不再加分"
    case .cancelled(let words): return "✗ \(name)：说了 \(words)，但同一句里有扣分项或堆砌，不算"
    case .vetoed: return e.isPenalty ? nil : "✗ \(name)：同时说了排除用语（match.none），不算"
    case .outOfOrder(let rule): return "✗ \(name)：顺序不对，\(chinese(rule))"
    case .declined(.yieldedTo(let specific), _):
      return "· \(name)：\(chinese(Declined.yieldedTo(specific)))，不重复扣分"
    case .declined(let reason, let words): return "✗ \(name)：说了 \(words)，但\(chinese(reason))"
    case .notApplicable(let why): return all ? "– \(name)：不适用，\(chinese(why))" : nil
    case .negated(let words):
      return e.isPenalty
        ? "· \(name)：说了 \(words)，但前面是否定（不、没、别……），不扣分"
        : "✗ \(name)：说了 \(words)，但前面是否定（不、没、别……），不算"
    case .challenged(let words):
      return "✗ \(name)：说了 \(words)，但这一句是在质疑规矩（谁说非得……），不算"
    case .reported(let words):
      return "· \(name)：\(words) 是转述别人的话（客人问、孩子说……），不是你说的，不扣分"
    case .notMatched(let nearest):
      if e.isPenalty { return nil }
      return "✗ \(name)：没有命中" + (nearest.map { "；最接近的短语「\($0)」" } ?? "")
    }
  }

  static func english(_ e: CheckExplanation, all: Bool) -> String? {
    let name = "\(e.title) (\(e.id))"
    switch e.verdict {
    case .counted(let partial, let words, let source):
      let found: String
      switch source {
      case .words: found = words
      case .similarExample: found = "(a similar example)"
      case .catalogue: found = "(against the catalogue and stock table)"
      }
      return "\(partial ? "◐" : "✓") \(name): matched \(found)\(partial ? " (partial credit)" : "")"
    case .triggered(let words): return "! \(name): penalised, matched \(words)"
    case .learned(let words, let percent):
      return e.isPenalty
        ? "! \(name): penalised, like labelled examples of it (\(percent)%), mostly \(words)"
        : "✓ \(name): like labelled examples of it (\(percent)%), mostly \(words)"
    case .alreadyMet:
      return e.isPenalty ? nil : "· \(name): met before, saying it again earns nothing"
    case .cancelled(let words):
      return "✗ \(name): said \(words), but a penalty or stuffing in the same utterance cancels it"
    case .vetoed: return e.isPenalty ? nil : "✗ \(name): a veto phrase (match.none) was said too"
    case .outOfOrder(let rule): return "✗ \(name): out of order, \(english(rule))"
    case .declined(.yieldedTo(let specific), _):
      return "· \(name): \(english(Declined.yieldedTo(specific))): no second deduction"
    case .declined(let reason, let words): return "✗ \(name): said \(words), but \(english(reason))"
    case .notApplicable(let why): return all ? "– \(name): does not apply, \(english(why))" : nil
    case .negated(let words):
      return e.isPenalty
        ? "· \(name): said \(words), but negated (不, 没, 别 …): no penalty"
        : "✗ \(name): said \(words), but negated (不, 没, 别 …): does not count"
    case .challenged(let words):
      return
        "✗ \(name): said \(words), but in a clause that challenges the rule (谁说非得…): does not count"
    case .reported(let words):
      return
        "· \(name): \(words) is someone else's words reported (a customer asked, a child said), not yours: no penalty"
    case .notMatched(let nearest):
      if e.isPenalty { return nil }
      return "✗ \(name): not matched" + (nearest.map { "; nearest phrase 「\($0)」" } ?? "")
    }
  }

  static func chinese(_ rule: CheckExplanation.OrderRule) -> String {
    switch rule {
    case .afterItsTime(let done): return "「\(done)」已经做过，这一条只算在它之前"
    case .needsFirst(let missing): return "要先做到「\(missing)」"
    }
  }

  static func english(_ rule: CheckExplanation.OrderRule) -> String {
    switch rule {
    case .afterItsTime(let done): return "「\(done)」 was already done; this counts only before it"
    case .needsFirst(let missing): return "「\(missing)」 must come first"
    }
  }

  static func chinese(_ why: CheckExplanation.Inapplicable) -> String {
    switch why {
    case .traitsOnly(let traits): return "只适用于特质 \(traits.joined(separator: "/")) 的零售户"
    case .visitOnly(let visit): return "只适用于\(visit.chineseName)"
    case .classesOnly(let classes):
      return "只适用于\(classes.map { "\($0.rawValue)类" }.joined(separator: "、"))客户"
    case .notThisRetailer: return "不适用于这个零售户"
    case .wholeVisit: return "按整个拜访测量，报告时判定"
    case .phasesOnly(let phases, let now):
      return "只在环节 \(phases.joined(separator: "/")) 计分，这句在 \(now)"
    case .moodRange(let lower, let upper, let now): return "要求好感 \(lower)-\(upper)，当时是 \(now)"
    case .window(let window, let at): return "只看前 \(window) 句，这是第 \(at) 句"
    }
  }

  static func english(_ why: CheckExplanation.Inapplicable) -> String {
    switch why {
    case .traitsOnly(let traits): return "only for retailers with \(traits.joined(separator: "/"))"
    case .visitOnly(let visit): return "only on a \(visit == .first ? "first" : "repeat") visit"
    case .classesOnly(let classes):
      return "only for class \(classes.map(\.rawValue).joined(separator: "/")) stores"
    case .notThisRetailer: return "not for this retailer"
    case .wholeVisit: return "measured over the whole visit, decided in the report"
    case .phasesOnly(let phases, let now):
      return "scored only in \(phases.joined(separator: "/")), this was in \(now)"
    case .moodRange(let lower, let upper, let now):
      return "needs mood \(lower)-\(upper), it was \(now)"
    case .window(let window, let at):
      return "only the first \(window) utterances count, this was \(at)"
    }
  }

  /// Why the scorer declined words it found, as the turn's trace records it.
  static func chinese(_ reason: Declined) -> String {
    switch reason {
    case .hiddenScene: return "说的是要 /look 才看得到的情况，还没看就说，算猜测"
    case .notTakenUp: return "没有接着零售户刚才的话说（picks_up），不算追问"
    case .noSituation: return "这些词要在特定情境里才算（situated），当时没有这种情境"
    case .likeBadExample: return "整句更像反面示例（similar.bad），不算"
    case .afterItsTime(let id): return chinese(.afterItsTime(done: id))
    case .needsFirst(let id): return chinese(.needsFirst(missing: id))
    case .yieldedTo(let specific): return "同一句已算作更具体的「\(specific)」（yields_to）"
    case .fewClauses(let found, let needed):
      return "这些词只出现在 \(found) 个分句里，要在 \(needed) 个分句里都说到才算（clauses_at_least）"
    }
  }

  static func english(_ reason: Declined) -> String {
    switch reason {
    case .hiddenScene: return "it is about what only /look shows, said before looking: a guess"
    case .notTakenUp: return "it does not take up the retailer's last line (picks_up)"
    case .noSituation: return "these words count only in a situation (situated) that was not there"
    case .likeBadExample: return "the whole utterance is closer to a bad example (similar.bad)"
    case .afterItsTime(let id): return english(.afterItsTime(done: id))
    case .needsFirst(let id): return english(.needsFirst(missing: id))
    case .yieldedTo(let specific):
      return "it counted as the more specific 「\(specific)」 (yields_to)"
    case .fewClauses(let found, let needed):
      return "its words are in \(found) clause(s); it needs \(needed) (clauses_at_least)"
    }
  }
}
