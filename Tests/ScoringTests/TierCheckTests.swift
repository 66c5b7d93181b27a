import Scoring
import Testing
import VisitCoachModel
import VisitCoachTestSupport

/// Known brands are allocated by tier (action 21): suggesting one the store's tier does not
/// reach is a fault; the same words to a store that can order it earn the listing credit.
@Suite("Known brands and the store's tier")
struct TierCheckTests {
  static let suggestion = "好几个客人问过云岭，咱也上一条试试？"

  @Test func aBrandAboveTheTierIsAFault() throws {
    let village = TestLibrary.scenario("full-visit-rural-c")
    #expect(village.customer.tier == 5)
    let score = TestLibrary.score(Self.suggestion, in: village, phase: "brand")
    #expect(score.violated.contains("brand.beyond_tier"), "\(score)")
    #expect(!score.satisfied.contains("brand.known_brand_listing"), "the fault cancels the credit")
    let evidence = TestLibrary.penaltyEvidence(
      "brand.beyond_tier",
      after: Utterance(index: 1, phase: "brand", text: Self.suggestion, moodBefore: 60),
      in: village)
    #expect(evidence?.basis == .beyondTier(brand: "云岭(精品)", needs: 18, tier: 5))
  }

  @Test func theSameWordsWithinTheTierEarnTheListing() {
    let city = TestLibrary.scenario("full-visit-urban-a")
    let score = TestLibrary.score(Self.suggestion, in: city, phase: "brand")
    #expect(!score.violated.contains("brand.beyond_tier"), "\(score)")
    #expect(score.satisfied.contains("brand.known_brand_listing"), "\(score)")
  }

  @Test func sayingTheTierDoesNotReachItIsTheCheck() {
    let village = TestLibrary.scenario("full-visit-rural-c")
    let score = TestLibrary.score("云岭您这档位还订不到，差十几档，咱先把禾丰卖好。", in: village, phase: "brand")
    #expect(!score.violated.contains("brand.beyond_tier"), "\(score)")
  }
}
