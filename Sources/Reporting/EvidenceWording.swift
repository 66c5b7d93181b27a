import VisitCoachModel

extension InterfaceStrings {
  /// What a piece of evidence says, in this language: a measure's note worded here, or the words
  /// an utterance matched (and the text of reports stored before notes existed).
  public func evidence(_ e: Evidence) -> String {
    if let note = e.note { return language == .zh ? Self.chinese(note) : Self.english(note) }
    guard let basis = e.basis else { return e.text }
    let worded: String
    switch basis {
    case .situation(let moment): worded = "←「\(moment)」"
    case .similarExample(let example, let percent): worded = "≈「\(example)」(\(percent)%)"
    case .tookUp(let word): worded = language == .zh ? "接「\(word)」" : "takes up「\(word)」"
    case .learned(let words, let percent):
      let listed = words.joined(separator: language == .zh ? "、" : ", ")
      worded =
        language == .zh
        ? "像标注过的这类说法（\(percent)%，主要是 \(listed)）"
        : "like labelled examples of it (\(percent)%, mostly \(listed))"
    case .beyondTier(let brand, let needs, let tier):
      worded =
        language == .zh
        ? "\(brand)要 \(needs) 档以上才订得到，这家 \(tier) 档"
        : "\(brand) needs tier \(needs); this store is tier \(tier)"
    case .recalledPromise(let promise, let words):
      worded =
        language == .zh
        ? "回复上次的承诺「\(promise)」（\(words.joined(separator: "、"))）"
        : "reports back on「\(promise)」(\(words.joined(separator: ", ")))"
    }
    return e.text.isEmpty ? worded : e.text + "、" + worded
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
    case .appearanceChoices(let fitting, let chosen, let wrong):
      return wrong == 0
        ? "出门前的 \(fitting) 项做到了 \(chosen) 项" : "出门前的 \(fitting) 项做到了 \(chosen) 项，另有 \(wrong) 项不合规矩"
    case .appearanceWrong(let item, let reason): return "不该：\(item)（\(reason)）"
    case .appearanceMissing(let item, let reason): return "漏了：\(item)（\(reason)）"
    case .recordLength(let field, let characters):
      return "\(field == .content ? "拜访内容" : "下次目标") \(characters) 字"
    case .recordedRequests(let words): return "记了 \(words.joined(separator: "、"))"
    case .promisesRecorded(let promised, let recorded, let dated):
      return "承诺 \(promised) 项，记下 \(recorded) 项" + (dated ? "" : "，没写日期")
    case .promise(let recorded): return recorded ? "承诺，已记入" : "承诺，记录里没有"
    case .countedWithoutAsking: return "没问就盘点了"
    case .substitute(let brand, let replacing, let fit, let best):
      return "\(brand) 代替 \(replacing)：\(chineseFit(fit))\(best ? "（最合适）" : "")"
    case .stockAdvice(let topUp, let hold):
      var parts: [String] = []
      if !topUp.isEmpty { parts.append("补足快销的 \(topUp.joined(separator: "、"))") }
      if !hold.isEmpty { parts.append("压住滞销的 \(hold.joined(separator: "、"))") }
      return parts.joined(separator: "；")
    case .pushedSlowSellers(let brands): return "滞销还让多订：\(brands.joined(separator: "、"))"
    case .productFacts(let product, let facts):
      return "\(product)：\(facts.map(chineseFact).joined(separator: "、"))（\(facts.count) 项）"
    case .wrongProductFacts(let product, let wrong):
      return "\(product)：\(wrong.map(chineseWrong).joined(separator: "；"))"
    }
  }

  private static func chineseFit(_ fit: EvidenceNote.SubstituteFit) -> String {
    var parts: [String] = []
    if fit.samePriceBand { parts.append("同价类") }
    if fit.sameFlavour { parts.append("同香型") }
    if fit.sameFamily { parts.append("同品牌") }
    if fit.sameOrigin { parts.append("同产地") }
    if fit.pricier { parts.append("价类更高") }
    var words = parts.isEmpty ? "都不相同" : parts.joined(separator: "、")
    if let f = fit.flavours, f.count == 2, !fit.sameFlavour {
      words += "；香型不同（\(f[0]) → \(f[1])），抽惯的客人可能不认"
    }
    return words
  }

  private static func chineseFact(_ fact: EvidenceNote.ProductFactKind) -> String {
    switch fact {
    case .price: return "价格"
    case .priceClass: return "价类"
    case .flavour: return "香型"
    case .origin: return "产地"
    case .sellingPoint: return "卖点"
    case .buyer: return "适合的客人"
    }
  }

  private static let classNames = ["一类", "二类", "三类", "四类", "五类"]

  private static func chineseWrong(_ wrong: EvidenceNote.WrongProductFact) -> String {
    switch wrong {
    case .price(let said, let perPack): return "价格说成 \(said) 元，应为每包 \(perPack) 元"
    case .priceClass(let said, let actual):
      return "价类说成\(className(said))，应为\(className(actual))"
    }
  }

  private static func className(_ n: Int) -> String {
    classNames.indices.contains(n - 1) ? classNames[n - 1] : "\(n)类"
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
    case .appearanceChoices(let fitting, let chosen, let wrong):
      return wrong == 0
        ? "\(chosen) of the \(fitting) things to wear and do before leaving"
        : "\(chosen) of the \(fitting) things to wear and do before leaving, and \(wrong) that do not fit"
    case .appearanceWrong(let item, let reason): return "should not: \(item) (\(reason))"
    case .appearanceMissing(let item, let reason): return "left out: \(item) (\(reason))"
    case .recordLength(let field, let characters):
      return "\(field == .content ? "visit content" : "next goal"): \(characters) characters"
    case .recordedRequests(let words): return "recorded \(words.joined(separator: ", "))"
    case .promisesRecorded(let promised, let recorded, let dated):
      return "\(recorded) of \(promised) promises recorded" + (dated ? "" : ", without dates")
    case .promise(let recorded):
      return recorded ? "promise, recorded" : "promise, not in the record"
    case .countedWithoutAsking: return "counted the stock without asking"
    case .substitute(let brand, let replacing, let fit, let best):
      return "\(brand) instead of \(replacing): \(englishFit(fit))\(best ? " (the best fit)" : "")"
    case .stockAdvice(let topUp, let hold):
      var parts: [String] = []
      if !topUp.isEmpty { parts.append("top up the fast sellers \(topUp.joined(separator: ", "))") }
      if !hold.isEmpty {
        parts.append("hold back the slow sellers \(hold.joined(separator: ", "))")
      }
      return parts.joined(separator: "; ")
    case .pushedSlowSellers(let brands):
      return "told to order more of slow sellers: \(brands.joined(separator: ", "))"
    case .productFacts(let product, let facts):
      return "\(product): \(facts.map(englishFact).joined(separator: ", ")) (\(facts.count))"
    case .wrongProductFacts(let product, let wrong):
      return "\(product): \(wrong.map(englishWrong).joined(separator: "; "))"
    }
  }

  private static func englishFit(_ fit: EvidenceNote.SubstituteFit) -> String {
    var parts: [String] = []
    if fit.samePriceBand { parts.append("same price class") }
    if fit.sameFlavour { parts.append("same flavour") }
    if fit.sameFamily { parts.append("same brand") }
    if fit.sameOrigin { parts.append("same origin") }
    if fit.pricier { parts.append("a higher price class") }
    var words = parts.isEmpty ? "nothing in common" : parts.joined(separator: ", ")
    if !fit.sameFlavour {
      words += "; a different flavour type, which regular smokers may not take to"
    }
    return words
  }

  private static func englishFact(_ fact: EvidenceNote.ProductFactKind) -> String {
    switch fact {
    case .price: return "price"
    case .priceClass: return "price class"
    case .flavour: return "flavour"
    case .origin: return "origin"
    case .sellingPoint: return "selling point"
    case .buyer: return "who it suits"
    }
  }

  private static func englishWrong(_ wrong: EvidenceNote.WrongProductFact) -> String {
    switch wrong {
    case .price(let said, let perPack): return "price given as \(said) yuan, a pack is \(perPack)"
    case .priceClass(let said, let actual):
      return "price class given as \(said), it is \(actual)"
    }
  }
}
