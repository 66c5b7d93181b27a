/// What a measured piece of evidence found, as data: the scorer decides it, and the report
/// words it in the reader's language (``Evidence/note``). Words found in an utterance need no
/// note; their evidence is the words.
public enum EvidenceNote: Sendable, Hashable, Codable {
  /// Done `count` times where `needed` are required (`met_times`).
  case timesDone(count: Int, needed: Int)
  /// Said, but the item the words promise was not packed (`with_item`).
  case saidWithoutItem(item: String)
  /// Time spent in the criterion's phases against a bound (`phase_seconds_at_most/least`).
  case phaseTime(seconds: Int, limit: Int, atMost: Bool)
  /// The longest utterance's length against a limit (`utterance_chars_at_most`).
  case longestUtterance(characters: Int, limit: Int)
  /// Whether the appearance was checked before leaving (`/ready`).
  case appearance(checked: Bool)
  /// What was chosen before leaving (`/ready`) against the wardrobe: how many of the fitting
  /// items, and how many that do not fit.
  case appearanceChoices(fitting: Int, chosen: Int, wrong: Int)
  /// A choice that does not fit a visit, or a fitting one left out, and the rule.
  case appearanceWrong(item: String, reason: String)
  case appearanceMissing(item: String, reason: String)
  /// Whether the trainee looked round (`/look`) before first speaking.
  case looked(first: Bool)
  /// The plan (`/plan`) against the visit's goals; `stated` is false when there was none.
  case planCoverage(goals: Int, covered: Int, stated: Bool)
  /// A goal the plan left out, and why it mattered.
  case planMissing(reason: String)
  /// The bag (`/pack`) against what the visit needs; `packedAnything` is false when empty.
  case bagCoverage(needed: Int, packed: Int, packedAnything: Bool)
  /// A needed item left behind, and why it was needed.
  case bagMissing(item: String, reason: String)
  /// A field of the visit record and its length in characters.
  case recordLength(field: RecordField, characters: Int)
  /// The retailer's requests found in the record.
  case recordedRequests([String])
  /// Promises made in the visit against those the record carries.
  case promisesRecorded(promised: Int, recorded: Int, dated: Bool)
  /// One promise, carried by the record or not.
  case promise(recorded: Bool)
  /// The stock was counted without asking first.
  case countedWithoutAsking
  /// A brand offered for one that is out (`substitution`, `pricier_substitute`): how it fits,
  /// and whether it is the best fit the catalogue has.
  case substitute(brand: String, replacing: String, fit: SubstituteFit, best: Bool)
  /// Stock advice: fast sellers to top up, slow sellers to hold back (`stock_advice`).
  case stockAdvice(topUp: [String], hold: [String])
  /// Slow sellers the trainee told the retailer to order more of (`stock_push`).
  case pushedSlowSellers([String])
  /// The facts about a new product stated so far in the visit (`product_facts`).
  case productFacts(product: String, facts: [ProductFactKind])
  /// Facts about a new product stated wrongly (`wrong_product_fact`).
  case wrongProductFacts(product: String, wrong: [WrongProductFact])

  /// How a substitute stands against the brand that is out, in the source document's order.
  public struct SubstituteFit: Sendable, Hashable, Codable {
    public var samePriceBand: Bool
    public var sameFlavour: Bool
    public var sameFamily: Bool
    public var sameOrigin: Bool
    /// Of a higher price class (looks like pushing a dearer brand).
    public var pricier: Bool
    /// The flavour types, the one out of stock and the substitute's, when they differ (浓香 for
    /// 外香 is something a regular smoker notices); nil when the same or in older reports.
    public var flavours: [String]?

    public init(
      samePriceBand: Bool, sameFlavour: Bool, sameFamily: Bool, sameOrigin: Bool, pricier: Bool,
      flavours: [String]? = nil
    ) {
      self.samePriceBand = samePriceBand
      self.sameFlavour = sameFlavour
      self.sameFamily = sameFamily
      self.sameOrigin = sameOrigin
      self.pricier = pricier
      self.flavours = flavours
    }
  }

  /// A fact about a new product a trainee can state (DOMAIN.md §3, action 19), in the order
  /// reports list them.
  public enum ProductFactKind: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case price, priceClass, flavour, origin, sellingPoint, buyer

    public static func < (a: ProductFactKind, b: ProductFactKind) -> Bool {
      allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
  }

  /// A fact about a new product stated wrongly: what was said against the catalogue.
  public enum WrongProductFact: Sendable, Hashable, Codable {
    /// A price in yuan; the catalogue's is per pack.
    case price(said: Int, perPack: Int)
    /// A price class, 1 to 5.
    case priceClass(said: Int, actual: Int)
  }

  /// The fields of the visit record a note can name.
  public enum RecordField: String, Sendable, Hashable, Codable {
    case content, nextGoal
  }
}
