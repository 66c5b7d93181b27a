import VisitCoachModel

/// Which brands named in an utterance the store's tier (档位) does not reach: known brands are
/// allocated by tier, so suggesting one a store cannot order sets the retailer up for a
/// disappointment (action 21).
struct TierJudge: Sendable {
  private let tier: Int?
  private let names: BrandNames
  private let minTiers: [String: (name: String, minTier: Int)]

  init(scenario: Scenario) {
    tier = scenario.customer.tier
    let allocated = scenario.catalog.filter { $0.minTier != nil }
    names = BrandNames(catalog: allocated)
    minTiers = Dictionary(
      allocated.map { ($0.id, ($0.name, $0.minTier ?? 0)) }, uniquingKeysWith: { a, _ in a })
  }

  /// The first brand the normalised utterance names whose lowest tier is above the store's,
  /// with that tier and the store's; nil when there is none (or the store's tier is unknown).
  func beyond(in normalized: String) -> (brand: String, needs: Int, tier: Int)? {
    guard let tier, !minTiers.isEmpty else { return nil }
    var text = ByteText(normalized)
    for id in names.mentioned(in: &text) {
      if let brand = minTiers[id], brand.minTier > tier { return (brand.name, brand.minTier, tier) }
    }
    return nil
  }
}
