import VisitCoachModel

/// How well one brand stands in for another, in the source document's order: the same price
/// band first, then the same flavour type, then the same brand family, then the same origin.
/// The same value is the evidence the report words.
public typealias SubstitutionFit = EvidenceNote.SubstituteFit

extension EvidenceNote.SubstituteFit {
  public init(replacing short: Brand, with substitute: Brand) {
    self.init(
      samePriceBand: short.priceClass == substitute.priceClass,
      sameFlavour: short.flavour == substitute.flavour,
      sameFamily: short.family == substitute.family,
      sameOrigin: short.origin == substitute.origin,
      pricier: substitute.priceClass < short.priceClass,
      flavours: short.flavour == substitute.flavour ? nil : [short.flavour, substitute.flavour])
  }

  /// Lexicographic in the document's order.
  public var rank: Int {
    (samePriceBand ? 8 : 0) + (sameFlavour ? 4 : 0) + (sameFamily ? 2 : 0) + (sameOrigin ? 1 : 0)
  }

  /// The catalogue's substitutes for `short`, best first, leaving out brands that are short too.
  public static func ranking(for short: Brand, catalog: [Brand], unavailable: Set<String>) -> [(
    Brand, SubstitutionFit
  )] {
    catalog.filter { $0.id != short.id && !unavailable.contains($0.id) }
      .map { ($0, SubstitutionFit(replacing: short, with: $0)) }
      .sorted { ($0.1.rank, -$0.0.priceClass) > ($1.1.rank, -$1.0.priceClass) }
  }
}

/// Judges substitution and stock advice in one utterance against the scenario's catalogue and
/// stock table. Works clause by clause: a brand and the words about it must be in one clause.
struct StockJudge: Sendable {
  let catalog: [Brand]
  let stock: [StockItem]
  let cycleWeeks: Double
  private let names: BrandNames

  /// Words that say "instead of the brand that is out": enough on their own.
  static let substitutionCues = ByteText.words([
    "替代", "代替", "顶上", "顶一顶", "顶一下", "换成", "替一替", "顶替",
  ])
  /// Words that also introduce a trial, a listing or a comparison (先上一条云岭, 比同价位的多赚): a
  /// substitution only when the brand that is out is named in the same clause or the one before.
  static let weakSubstitutionCues = ByteText.words(["先订", "先用", "试试", "先上", "同价位"])
  private static let allCues =
    substitutionCues + weakSubstitutionCues + topUpWords + holdWords

  /// Words that give a promise a date.
  static let dateWords = [
    "今天", "明天", "后天", "周一", "周二", "周三", "周四", "周五", "周六", "周日", "星期", "礼拜", "下周", "月底", "号", "日前",
    "上午", "下午", "点前",
  ]
  static let topUpWords = ByteText.words([
    "多订", "多进", "补货", "补上", "补两条", "加订", "多备", "加两条", "订足", "备足",
  ])
  static let holdWords = ByteText.words([
    "先别订", "别订", "别再订", "少订", "先不订", "不用订", "缓一缓", "压着", "先卖完", "先把库存", "这次先别", "不急着订", "少进",
  ])

  init(scenario: Scenario) {
    catalog = scenario.catalog
    stock = scenario.stock
    cycleWeeks = scenario.customer.cycleWeeks
    names = BrandNames(catalog: scenario.catalog)
  }

  /// The clauses of normalised text, as bytes.
  private static func clauses(_ normalized: String) -> [ByteText] {
    normalized.split(separator: "|").map { ByteText(String($0)) }
  }

  var isEmpty: Bool { catalog.isEmpty }

  /// Brand ids mentioned in a clause, each once, longest names first.
  private func brands(in clause: ByteText) -> [String] {
    var rest = clause
    return names.mentioned(in: &rest)
  }

  private var shortIDs: Set<String> { Set(stock.filter(\.isShort).map(\.brand)) }

  /// Reads one utterance for stock talk: the best substitution offered, and the advice given.
  /// Clauses are checked for cue words first; brand names are only looked for in a clause with
  /// a cue and in the clause before it (金桥细支没有了，先用海韵细支).
  func read(_ normalized: String) -> StockReading {
    var reading = StockReading()
    // Most utterances have no stock word at all: one scan of the whole text decides that.
    guard !stock.isEmpty, ByteText(normalized).containsAny(Self.allCues) else { return reading }
    let clauses = Self.clauses(normalized)
    let strong = clauses.map { $0.containsAny(Self.substitutionCues) }
    let weak = clauses.map { $0.containsAny(Self.weakSubstitutionCues) }
    let up = clauses.map { $0.containsAny(Self.topUpWords) }
    let down = clauses.map { $0.containsAny(Self.holdWords) }
    var cache = [[String]?](repeating: nil, count: clauses.count)
    func mentioned(_ k: Int) -> [String] {
      guard k >= 0 else { return [] }
      if let found = cache[k] { return found }
      let found = brands(in: clauses[k])
      cache[k] = found
      return found
    }
    let short = shortIDs
    for k in clauses.indices where !short.isEmpty && (strong[k] || weak[k]) {
      let named = mentioned(k)
      let namedShort = named.filter { short.contains($0) }
      let targets = namedShort.isEmpty ? mentioned(k - 1).filter { short.contains($0) } : namedShort
      guard strong[k] || !targets.isEmpty else { continue }
      let substitutes = named.filter { !short.contains($0) }
      for target in (targets.isEmpty ? Array(short).sorted() : targets) {
        guard let a = catalog.first(where: { $0.id == target }) else { continue }
        let ranking = SubstitutionFit.ranking(for: a, catalog: catalog, unavailable: short)
        for id in substitutes {
          guard let b = catalog.first(where: { $0.id == id }) else { continue }
          let fit = SubstitutionFit(replacing: a, with: b)
          let isBest = ranking.first.map { fit.rank >= $0.1.rank } ?? false
          if reading.substitution == nil || fit.rank > reading.substitution!.fit.rank {
            reading.substitution = (a, b, fit, isBest)
          }
        }
      }
    }
    // Advice in a clause that names no brand is about the brands of the clause before
    // (金桥硬盒那五条俩月没动，先压着).
    for k in clauses.indices where up[k] || down[k] {
      let named = mentioned(k)
      for id in named.isEmpty ? mentioned(k - 1) : named {
        guard let item = stock.first(where: { $0.brand == id }) else { continue }
        let name = catalog.first { $0.id == id }?.name ?? id
        func note(_ list: inout [String]) { if !list.contains(name) { list.append(name) } }
        if down[k] && item.isSlowMover { note(&reading.hold) }
        if up[k] && !down[k] && item.isFastSeller(cycleWeeks: cycleWeeks) { note(&reading.topUp) }
        if up[k] && !down[k] && item.isSlowMover { note(&reading.pushed) }
      }
    }
    return reading
  }
}

/// What one utterance says about the stock: the best substitution for a brand that is out (the
/// brand, its substitute, how well it fits, and whether it is the best there is), and stock
/// advice: fast sellers topped up, slow movers held, slow movers pushed.
struct StockReading: Sendable {
  var substitution: (short: Brand, substitute: Brand, fit: SubstitutionFit, isBest: Bool)?
  var topUp: [String] = []
  var hold: [String] = []
  var pushed: [String] = []
}
