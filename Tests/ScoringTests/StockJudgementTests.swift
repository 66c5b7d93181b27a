import Scoring
import Testing
import VisitCoachModel
import VisitCoachTestSupport

@Suite("Substitution and stock advice")
struct StockJudgementTests {
  let scenario = TestLibrary.scenario("supply-complaint")

  func brand(_ id: String) -> Brand { scenario.brand(id)! }

  @Test func substitutesAreRankedInTheSourceDocumentsOrder() {
    // For 金桥(细支) (二类, 烤烟清香, 金桥, 滇南), with only it out of stock.
    let ranking = SubstitutionFit.ranking(
      for: brand("jinqiao-slim"), catalog: scenario.catalog, unavailable: ["jinqiao-slim"])
    let ids = ranking.map(\.0.id)
    #expect(ids.first == "haiyun-slim")  // same band + same flavour: 8 + 4
    #expect(ranking.first?.1.rank == 12)
    // Same band, same family and origin (8 + 2 + 1) outranks same band and origin only.
    #expect(ids.firstIndex(of: "jinqiao-hard")! < ids.firstIndex(of: "yuanshan-hard")!)
    #expect(
      SubstitutionFit(replacing: brand("jinqiao-slim"), with: brand("jinqiao-hard")).rank == 11)
    #expect(
      SubstitutionFit(replacing: brand("jinqiao-slim"), with: brand("yuanshan-hard")).rank == 9)
    // A pricier brand is flagged whatever else it shares.
    let pricier = SubstitutionFit(replacing: brand("jinqiao-slim"), with: brand("yuanshan-slim"))
    #expect(pricier.pricier)
    #expect(!pricier.samePriceBand)
    #expect(pricier.sameFlavour && pricier.sameOrigin)
    #expect(pricier.flavours == nil)
    // A different flavour type is named, for the report to say which.
    let otherFlavour = SubstitutionFit(
      replacing: brand("jinqiao-slim"), with: brand("jinqiao-hard"))
    #expect(otherFlavour.flavours == ["烤烟型清香", "烤烟型浓香"])
  }

  @Test(arguments: [
    ("金桥细支断的时候，先用同价位的海韵细支顶上", "stock.substitution", true),
    ("金桥细支没货，先用金桥硬盒顶一顶", "stock.substitution", false),  // same band, not the best: partial
    ("金桥细支没有，您先进点云岭精品替代", "stock.pricier_substitute", true),
    ("海韵细支还压着五条，这次先别订；金桥细支能订的时候订足", "stock.stock_advice", true),
    ("海韵细支这次多订两条吧", "stock.stock_push", true),
    ("金桥细支没有了，先用海韵细支", "stock.substitution", true),  // a weak cue with the short brand named
    ("海韵细支五条俩月没动，先压着", "stock.stock_advice", false),  // hold advice in the next clause: partial
  ])
  func judgesAgainstTheTable(_ text: String, _ id: String, _ full: Bool) {
    let score = TestLibrary.score(text, in: scenario, phase: "complaint", mood: 50)
    if id.hasSuffix("substitute") || id.hasSuffix("push") {
      #expect(score.violated.contains(id), "\(score.violated)")
    } else if full {
      #expect(score.newlyMet.contains(id), "met \(score.newlyMet) partial \(score.newlyPartial)")
    } else {
      #expect(
        score.newlyPartial.contains(id), "met \(score.newlyMet) partial \(score.newlyPartial)")
    }
  }

  @Test func listingABrandIsNotASubstitution() {
    // 先上 also introduces a trial or a listing: without the brand that is out, it is neither a
    // substitution nor a pricier one.
    let score = TestLibrary.score("云岭先上一条，客人问过好几回", in: scenario, phase: "complaint", mood: 50)
    #expect(!score.violated.contains("stock.pricier_substitute"))
    #expect(
      !score.newlyMet.contains("stock.substitution")
        && !score.newlyPartial.contains("stock.substitution"))
  }

  @Test func stockTableFlagsFastSellersAndSlowMovers() {
    let cycle = scenario.customer.cycleWeeks
    let items = Dictionary(uniqueKeysWithValues: scenario.stock.map { ($0.brand, $0) })
    #expect(cycle == 2)
    #expect(items["jinqiao-slim"]!.isShort)
    #expect(items["jinqiao-hard"]!.isFastSeller(cycleWeeks: cycle))  // 3 cartons, 3 a week, 2 weeks
    #expect(items["haiyun-slim"]!.isSlowMover)  // 5 cartons at 0.5 a week
    #expect(
      !items["yuanshan-hard"]!.isSlowMover
        && !items["yuanshan-hard"]!.isFastSeller(cycleWeeks: cycle))
  }
}
