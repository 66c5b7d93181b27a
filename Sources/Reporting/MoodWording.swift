import VisitCoachModel

extension InterfaceStrings {
  /// The reasons for a mood change, e.g. 「这句话 -3，忙碌：话超过 40 字 -3」; `titles` names
  /// criteria by id. Causes that moved nothing are left out.
  public func moodReasons(_ causes: [MoodCause], titles: [String: String]) -> String {
    causes.filter { $0.mood != 0 }.map { cause in
      let amount = (cause.mood > 0 ? "+" : "") + String(cause.mood)
      return "\(moodReason(cause, titles: titles)) \(amount)"
    }.joined(separator: language == .zh ? "，" : ", ")
  }

  private func moodReason(_ cause: MoodCause, titles: [String: String]) -> String {
    let zh = language == .zh
    switch cause {
    case .words: return zh ? "这句话" : "what you said"
    case .stuffing: return zh ? "堆砌关键词" : "keyword stuffing"
    case .line: return zh ? "零售户的反应" : "the retailer's reaction"
    case .trait(let title, let trigger, _):
      let what: String
      switch trigger {
      case .longerThan(let n): what = zh ? "话超过 \(n) 字" : "over \(n) characters"
      case .met(let id): what = zh ? "做到了「\(titles[id] ?? id)」" : "you did “\(titles[id] ?? id)”"
      case .violated(let id): what = zh ? "「\(titles[id] ?? id)」" : "“\(titles[id] ?? id)”"
      case .perMinute: what = zh ? "时间在走" : "time passing"
      case .wait: what = zh ? "你在旁边等" : "you waited"
      }
      return zh ? "\(title)：\(what)" : "\(title): \(what)"
    }
  }
}
