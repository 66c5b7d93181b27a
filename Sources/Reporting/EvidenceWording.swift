import VisitCoachModel

extension InterfaceStrings {
  /// What a piece of evidence says, in this language: a measure's note worded here, or the words
  /// an utterance matched (and the text of reports stored before notes existed).
  public func evidence(_ e: Evidence) -> String {
    guard let note = e.note else { return e.text }
    return language == .zh ? Self.chinese(note) : Self.english(note)
  }

  static func chinese(_ note: EvidenceNote) -> String {
    switch note {
    case .timesDone(let count, let needed): return "做到 \(count) 次（要 \(needed) 次）"
    case .saidWithoutItem(let item): return "说到了，可是没带\(item)（出发前没装进拜访包）"
    case .phaseTime(let seconds, let limit, let atMost):
      return "用时 \(seconds) 秒（\(atMost ? "上限" : "至少") \(limit) 秒）"
    case .longestUtterance(let characters, let limit):
      return "最长一句 \(characters) 字（上限 \(limit) 字）"
    case .appearance(let checked): return checked ? "出门前检查了仪容仪表" : "出门前没检查仪容仪表"
    case .looked(let first): return first ? "先看了柜台和货架" : "没看柜台和货架就开口"
    case .planCoverage(let goals, let covered, let stated):
      return stated ? "目标 \(goals) 项，计划里有 \(covered) 项" : "没有说这次拜访的目的和计划（目标 \(goals) 项）"
    case .planMissing(let reason): return "计划里没有：\(reason)"
    case .bagCoverage(let needed, let packed, let packedAnything):
      return packedAnything ? "需要的 \(needed) 样带了 \(packed) 样" : "没有收拾拜访包（需要 \(needed) 样）"
    case .bagMissing(let item, let reason): return "没带\(item)：\(reason)"
    case .recordLength(let field, let characters):
      return "\(field == .content ? "拜访内容" : "下次目标") \(characters) 字"
    case .recordedRequests(let words): return "记了 \(words.joined(separator: "、"))"
    case .promisesRecorded(let promised, let recorded, let dated):
      return "承诺 \(promised) 项，记下 \(recorded) 项" + (dated ? "" : "，没写日期")
    case .promise(let recorded): return recorded ? "承诺，已记入" : "承诺，记录里没有"
    case .countedWithoutAsking: return "没问就盘点了"
    }
  }

  static func english(_ note: EvidenceNote) -> String {
    switch note {
    case .timesDone(let count, let needed): return "done \(count) times (\(needed) needed)"
    case .saidWithoutItem(let item): return "said, but \(item) was not packed before leaving"
    case .phaseTime(let seconds, let limit, let atMost):
      return "took \(seconds) s (\(atMost ? "at most" : "at least") \(limit) s)"
    case .longestUtterance(let characters, let limit):
      return "longest line \(characters) characters (at most \(limit))"
    case .appearance(let checked):
      return checked ? "appearance checked before leaving" : "appearance not checked before leaving"
    case .looked(let first):
      return first ? "looked at the counter and shelves first" : "spoke before looking round"
    case .planCoverage(let goals, let covered, let stated):
      return stated
        ? "\(covered) of \(goals) goals in the plan"
        : "no purpose or plan stated (\(goals) goals)"
    case .planMissing(let reason): return "not in the plan: \(reason)"
    case .bagCoverage(let needed, let packed, let packedAnything):
      return packedAnything
        ? "\(packed) of the \(needed) items needed were packed"
        : "the visit bag was not packed (\(needed) items needed)"
    case .bagMissing(let item, let reason): return "\(item) left behind: \(reason)"
    case .recordLength(let field, let characters):
      return "\(field == .content ? "visit content" : "next goal"): \(characters) characters"
    case .recordedRequests(let words): return "recorded \(words.joined(separator: ", "))"
    case .promisesRecorded(let promised, let recorded, let dated):
      return "\(recorded) of \(promised) promises recorded" + (dated ? "" : ", without dates")
    case .promise(let recorded):
      return recorded ? "promise, recorded" : "promise, not in the record"
    case .countedWithoutAsking: return "counted the stock without asking"
    }
  }
}
