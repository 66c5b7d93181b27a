/// A cigarette brand of the (fictional) catalogue shared by all scenarios.
public struct Brand: Sendable, Hashable, Identifiable, Codable {
  public var id: String
  /// The display name, e.g. 金桥(细支).
  public var name: String
  /// Other ways a trainee writes it, e.g. 金桥细支.
  public var aliases: [String]
  /// 价类 1 (highest) to 5.
  public var priceClass: Int
  /// 香型, e.g. 烤烟型清香.
  public var flavour: String
  /// 品牌 (brand family), e.g. 金桥.
  public var family: String
  /// 产地.
  public var origin: String
  /// Suggested retail price per pack, yuan.
  public var packPrice: Int
  /// The lowest tier (档位) whose allocation includes it, for a brand allocated by tier (a known
  /// brand such as 云岭); nil when any store can order it.
  public var minTier: Int?
  /// A new product the company is launching (action 19): its facts are checked when a trainee
  /// introduces it.
  public var isNew: Bool
  /// What makes it sell, in a few words each (e.g. 入口柔和).
  public var sellingPoints: [String]
  /// Who it suits (e.g. 年轻人).
  public var buyers: [String]

  public init(
    id: String, name: String, aliases: [String], priceClass: Int, flavour: String, family: String,
    origin: String, packPrice: Int, isNew: Bool = false, sellingPoints: [String] = [],
    buyers: [String] = []
  ) {
    self.id = id
    self.name = name
    self.aliases = aliases
    self.priceClass = priceClass
    self.flavour = flavour
    self.family = family
    self.origin = origin
    self.packPrice = packPrice
    self.isNew = isNew
    self.sellingPoints = sellingPoints
    self.buyers = buyers
  }

  /// The flavour's distinguishing word, e.g. 清香 for 烤烟型清香, 混合 for 混合型.
  public var flavourWord: String {
    var word = flavour.hasPrefix("烤烟型") ? String(flavour.dropFirst(3)) : flavour
    if word.hasSuffix("型") { word.removeLast() }
    return word.isEmpty ? flavour : word
  }

  /// Every way of writing the brand.
  public var names: [String] { [name] + aliases }
}

/// One line of a store's stock and price table (action 10).
public struct StockItem: Sendable, Hashable, Codable {
  /// The brand id.
  public var brand: String
  /// Cartons in stock.
  public var stock: Int
  /// The price on the tag, yuan per pack.
  public var taggedPrice: Int
  /// What the store actually sells it for, yuan per pack.
  public var sellingPrice: Int
  /// Cartons sold per week.
  public var weeklySales: Double
  /// Days out of stock since the last visit.
  public var daysOut: Int
  /// The tag as the trainee fixed it during the visit, if a line can fix it: shown by `/stock`
  /// once the flag is set (the table is the visit's starting state for scoring).
  public var retag: Retag?

  /// A tag fixed during the visit: the flag a line sets when it is fixed, and the new price.
  public struct Retag: Sendable, Hashable, Codable {
    public var flag: String
    public var price: Int

    public init(flag: String, price: Int) {
      self.flag = flag
      self.price = price
    }
  }

  /// The price on the tag now, given the visit's flags.
  public func taggedPrice(flags: Set<String>) -> Int {
    if let retag, flags.contains(retag.flag) { return retag.price }
    return taggedPrice
  }

  public init(
    brand: String, stock: Int, taggedPrice: Int, sellingPrice: Int, weeklySales: Double,
    daysOut: Int
  ) {
    self.brand = brand
    self.stock = stock
    self.taggedPrice = taggedPrice
    self.sellingPrice = sellingPrice
    self.weeklySales = weeklySales
    self.daysOut = daysOut
  }

  /// Out of stock now, or ran out since the last visit.
  public var isShort: Bool { stock == 0 || daysOut > 0 }

  /// Sells faster than the stock lasts until the next visit (`cycleWeeks`).
  public func isFastSeller(cycleWeeks: Double) -> Bool {
    isShort || Double(stock) < weeklySales * cycleWeeks
  }

  /// More than four weeks of stock, or nothing sold.
  public var isSlowMover: Bool {
    stock > 0 && (weeklySales == 0 || Double(stock) > weeklySales * 4)
  }
}

/// What the trainee reads before the visit (`/brief`, actions 1-2).
public struct Brief: Sendable, Hashable, Codable {
  /// The customer record: class and tier, last visit's open promise, recent orders, sales.
  public var record: [String]
  /// Company news: new products, key brands, promotions, supply limits.
  public var news: [String]

  public init(record: [String], news: [String]) {
    self.record = record
    self.news = news
  }
}

/// Something a customer manager can pack in the visit bag (物品准备, action 3), from the source
/// document's list in `scenarios/catalog/visit-bag.yaml`.
public struct VisitItem: Sendable, Hashable, Identifiable, Codable {
  public var id: String
  /// The display name, e.g. 价签.
  public var name: String
  /// Other ways a trainee writes it, e.g. 价格标签.
  public var aliases: [String]

  public init(id: String, name: String, aliases: [String]) {
    self.id = id
    self.name = name
    self.aliases = aliases
  }

  /// Every way of writing the item.
  public var names: [String] { [name] + aliases }
}

/// A goal the visit plan must name (actions 1-2): any one of its words, and why it matters.
public struct PlanGoal: Sendable, Hashable, Codable {
  /// Words that show the plan covers the goal, e.g. 金桥, 限量, 档位.
  public var words: [String]
  /// Why this visit must have it, e.g. 上次答应他看金桥细支的限量，还没回话.
  public var reason: String

  public init(words: [String], reason: String) {
    self.words = words
    self.reason = reason
  }
}

/// An item this visit needs packed, and why (shown in the report when it was left behind).
public struct PackingNeed: Sendable, Hashable, Codable {
  /// The visit-bag item id.
  public var item: String
  /// Why this visit needs it, e.g. 两格价签缺失，要当场补上.
  public var reason: String

  public init(item: String, reason: String) {
    self.item = item
    self.reason = reason
  }
}

/// Something a customer manager can wear or do before arriving (action 4), from the source's
/// dress rules: whether it fits a store visit, and why.
public struct WardrobeItem: Sendable, Hashable, Identifiable, Codable {
  public var id: String
  /// The display name, e.g. 工装.
  public var name: String
  /// Other ways a trainee writes it, e.g. 工作服.
  public var aliases: [String]
  /// Whether it belongs to a visit (工装、工作证) or not (拖鞋、进店前抽根烟).
  public var fits: Bool
  /// Why, for the report: what the rule is.
  public var why: String

  public init(id: String, name: String, aliases: [String], fits: Bool, why: String) {
    self.id = id
    self.name = name
    self.aliases = aliases
    self.fits = fits
    self.why = why
  }

  /// Every way of writing the item.
  public var names: [String] { [name] + aliases }
}
