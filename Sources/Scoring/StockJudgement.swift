import VisitCoachModel

/// How well one brand stands in for another, in the source document's order: the same price
/// band first, then the same flavour type, then the same brand family, then the same origin.
public struct SubstitutionFit: Sendable, Hashable, Comparable {
  public var samePriceBand: Bool
  public var sameFlavour: Bool
  public var sameFamily: Bool
  public var sameOrigin: Bool
  /// The substitute is of a higher price class (looks like pushing a dearer brand).
  public var pricier: Bool

  public init(replacing short: Brand, with substitute: Brand) {
    samePriceBand = short.priceClass == substitute.priceClass
    sameFlavour = short.flavour == substitute.flavour
    sameFamily = short.family == substitute.family
    sameOrigin = short.origin == substitute.origin
    pricier = substitute.priceClass < short.priceClass
  }

  /// Lexicographic in the document's order.
  public var rank: Int {
    (samePriceBand ? 8 : 0) + (sameFlavour ? 4 : 0) + (sameFamily ? 2 : 0) + (sameOrigin ? 1 : 0)
  }

  public static func < (a: SubstitutionFit, b: SubstitutionFit) -> Bool { a.rank < b.rank }

  /// The catalogue's substitutes for `short`, best first, leaving out brands that are short too.
  public static func ranking(for short: Brand, catalog: [Brand], unavailable: Set<String>) -> [(
    Brand, SubstitutionFit
  )] {
    catalog.filter { $0.id != short.id && !unavailable.contains($0.id) }
      .map { ($0, SubstitutionFit(replacing: short, with: $0)) }
      .sorted { ($0.1.rank, -$0.0.priceClass) > ($1.1.rank, -$1.0.priceClass) }
  }

  /// In words, for evidence: 同价类、同香型 ...
  public var summary: String {
    var parts: [String] = []
    if samePriceBand { parts.append("同价类") }
    if sameFlavour { parts.append("同香型") }
    if sameFamily { parts.append("同品牌") }
    if sameOrigin { parts.append("同产地") }
    if pricier { parts.append("价类更高") }
    return parts.isEmpty ? "都不相同" : parts.joined(separator: "、")
  }
}

/// Judges substitution and stock advice in one utterance against the scenario's catalogue and
/// stock table. Works clause by clause: a brand and the words about it must be in one clause.
struct StockJudge: Sendable {
  let catalog: [Brand]
  let stock: [StockItem]
  let cycleWeeks: Double
  /// Normalised names → brand id, longest first (so 金桥细支 wins over 金桥).
  private let names: [(String, String)]

  static let substitutionCues = [
    "替代", "代替", "顶上", "顶一顶", "顶一下", "换成", "同价位", "先订", "先用", "试试", "替一替", "顶替", "先上",
  ]
  /// Words that give a promise a date.
  static let dateWords = [
    "今天", "明天", "后天", "周一", "周二", "周三", "周四", "周五", "周六", "周日", "星期", "礼拜", "下周", "月底", "号", "日前",
    "上午", "下午", "点前",
  ]
  static let topUpWords = ["多订", "多进", "补货", "补上", "补两条", "加订", "多备", "加两条", "订足", "备足"]
  static let holdWords = [
    "先别订", "别订", "别再订", "少订", "先不订", "不用订", "缓一缓", "压着", "先卖完", "先把库存", "这次先别", "不急着订", "少进",
  ]

  init(scenario: Scenario) {
    catalog = scenario.catalog
    stock = scenario.stock
    cycleWeeks = scenario.customer.cycleWeeks
    names = scenario.catalog.flatMap { brand in
      brand.names.map { (TextNormalizer.normalize($0), brand.id) }
    }
    .filter { !$0.0.isEmpty }.sorted { $0.0.count > $1.0.count }
  }

  var isEmpty: Bool { catalog.isEmpty }

  /// Brand ids mentioned in a clause, each once, longest names first.
  private func brands(in clause: String) -> [String] {
    var rest = clause
    var found: [String] = []
    for (name, id) in names where rest.contains(name) {
      if !found.contains(id) { found.append(id) }
      rest = rest.replacingOccurrences(of: name, with: "|")
    }
    return found
  }

  private var shortIDs: Set<String> { Set(stock.filter(\.isShort).map(\.brand)) }

  /// The best substitution offered in the utterance, if any: (short brand, substitute, fit, is best).
  func substitution(in normalized: String) -> (Brand, Brand, SubstitutionFit, Bool)? {
    let short = shortIDs
    guard !short.isEmpty else { return nil }
    var best: (Brand, Brand, SubstitutionFit, Bool)?
    for clause in normalized.split(separator: "|").map(String.init) {
      let mentioned = brands(in: clause)
      let cue = Self.substitutionCues.contains { clause.contains($0) }
      let named = mentioned.filter { !short.contains($0) }
      guard cue, !named.isEmpty else { continue }
      let targets = mentioned.filter { short.contains($0) }
      for target in (targets.isEmpty ? Array(short).sorted() : targets) {
        guard let a = catalog.first(where: { $0.id == target }) else { continue }
        let ranking = SubstitutionFit.ranking(for: a, catalog: catalog, unavailable: short)
        for id in named {
          guard let b = catalog.first(where: { $0.id == id }) else { continue }
          let fit = SubstitutionFit(replacing: a, with: b)
          let isBest = ranking.first.map { fit.rank >= $0.1.rank } ?? false
          if best == nil || fit.rank > best!.2.rank { best = (a, b, fit, isBest) }
        }
      }
    }
    return best
  }

  /// Stock advice in the utterance: fast sellers topped up, slow movers held, and slow movers
  /// pushed (top-up words about a slow mover).
  func advice(in normalized: String) -> (topUp: [String], hold: [String], pushed: [String]) {
    var topUp: [String] = []
    var hold: [String] = []
    var pushed: [String] = []
    for clause in normalized.split(separator: "|").map(String.init) {
      let up = Self.topUpWords.contains { clause.contains($0) }
      let down = Self.holdWords.contains { clause.contains($0) }
      guard up || down else { continue }
      for id in brands(in: clause) {
        guard let item = stock.first(where: { $0.brand == id }) else { continue }
        let name = catalog.first { $0.id == id }?.name ?? id
        if down && item.isSlowMover { hold.append(name) }
        if up && !down && item.isFastSeller(cycleWeeks: cycleWeeks) { topUp.append(name) }
        if up && !down && item.isSlowMover { pushed.append(name) }
      }
    }
    return (topUp, hold, pushed)
  }
}
