/// The customer's class in the company's visit rhythm (A weekly, B fortnightly, C monthly).
public enum CustomerClass: String, Sendable, Codable, CaseIterable {
  case a = "A"
  case b = "B"
  case c = "C"

  /// Weeks between visits: A weekly, B fortnightly, C monthly (four weeks), by the source
  /// document's rhythm.
  public var cycleWeeks: Int {
    switch self {
    case .a: return 1
    case .b: return 2
    case .c: return 4
    }
  }

  /// Whether a store of this class last visited `days` ago is due today.
  public func isDue(daysSinceVisit days: Int) -> Bool { days >= cycleWeeks * 7 }
}

/// Where the store is: town network (城网) or country network (农网).
public enum Network: String, Sendable, Codable, CaseIterable {
  case urban
  case rural

  /// The Chinese name used in the interface.
  public var chineseName: String { self == .urban ? "城网" : "农网" }
}

/// Whether the trainee meets this retailer for the first time.
public enum VisitKind: String, Sendable, Codable, CaseIterable {
  case first
  case `repeat`

  /// The Chinese name used in the interface.
  public var chineseName: String { self == .first ? "首次拜访" : "回访" }
}

/// The customer record a scenario states: class, network and kind of visit.
public struct Customer: Sendable, Hashable, Codable {
  public var customerClass: CustomerClass
  public var network: Network
  public var visit: VisitKind
  /// The store's tier (档位, e.g. 14 of 30), which decides its allocation of scarce and known
  /// brands; nil when the scenario does not say.
  public var tier: Int?

  public init(customerClass: CustomerClass, network: Network, visit: VisitKind, tier: Int? = nil) {
    self.customerClass = customerClass
    self.network = network
    self.visit = visit
    self.tier = tier
  }

  /// Weeks between visits: A weekly, B fortnightly, C monthly (source document).
  public var cycleWeeks: Double { Double(customerClass.cycleWeeks) }

  /// The visit's time budget in seconds, from the source document's rhythm:
  /// A 20 min urban / 25 rural, B 15 / 20, C 10 / 15.
  public var timeBudgetSeconds: Int {
    let minutes: Int
    switch (customerClass, network) {
    case (.a, .urban): minutes = 20
    case (.a, .rural): minutes = 25
    case (.b, .urban): minutes = 15
    case (.b, .rural): minutes = 20
    case (.c, .urban): minutes = 10
    case (.c, .rural): minutes = 15
    }
    return minutes * 60
  }
}
