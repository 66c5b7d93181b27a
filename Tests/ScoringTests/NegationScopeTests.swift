import Scoring
import Testing
import VisitCoachModel
import VisitCoachTestSupport

/// Where a word's reach ends: half of an A-not-A question is not a word of its own, 的 closes
/// what a negation denied, and a question to the child at the counter is no private question.
@Suite("Scope of words and negations")
struct NegationScopeTests {
  @Test func halfOfAnAskingPairIsNoWord() {
    // 要不 (otherwise) + 看着办 would be a threat; 要不要 asks, and 您看着办 leaves it to her.
    let offer = TestLibrary.score(
      "这周能订的量松一点，要不要多订一条，您看着办。", in: Labs.middleAgedMan, phase: "business")
    #expect(!offer.violated.contains("conduct.threat"), "\(offer)")
    let threat = TestLibrary.score(
      "要不配合，您自己看着办。", in: Labs.middleAgedMan, phase: "business")
    #expect(threat.violated.contains("conduct.threat"), "\(threat)")
  }

  @Test func deClosesTheNegationBeforeIt() {
    let scenario = TestLibrary.scenario("compliance-minor-at-counter")
    // 没有的话 is a condition: 这烟 after it is not denied, so it still vetoes a private question.
    let asked = TestLibrary.score(
      "小伙子你多大了？有身份证不？没有的话这烟不能给你。", in: scenario, phase: "compliance")
    #expect(!asked.violated.contains("opening.intrusive_topic"), "\(asked)")
    #expect(asked.satisfied.contains("compliance.checks_age"), "\(asked)")
    // A person before 的 carries the denial on: 不是我的问题 is still denied.
    let bytes = Array("不是我的问题".utf8)
    let denied = bytes.withUnsafeBufferPointer {
      NegationGuard.isNegated($0, before: Array("不是我的".utf8).count)
    }
    #expect(denied)
    // 没有 and 不是 deny the whole noun phrase, 的 or not.
    for (text, phrase) in [("没有正规的发票", "发票"), ("不是正规的货", "货")] {
      let bytes = Array(text.utf8)
      let start = Array(text.utf8).count - Array(phrase.utf8).count
      #expect(
        bytes.withUnsafeBufferPointer { NegationGuard.isNegated($0, before: start) }, "\(text)")
    }
    let open = Array("有什么不清楚的随时打电话".utf8)
    let free = open.withUnsafeBufferPointer {
      NegationGuard.isNegated($0, before: Array("有什么不清楚的".utf8).count)
    }
    #expect(!free)
  }

  @Test func praiseForAGrandsonIsNoMockery() {
    let scenario = TestLibrary.scenario("compliance-minor-at-counter")
    let praise = TestLibrary.score("哎孙子有出息！叔，趁没人咱先把下周单子过一过？", in: scenario, phase: "compliance")
    #expect(!praise.violated.contains("compliance.shames_or_mocks"), "\(praise)")
    #expect(!praise.violated.contains("compliance.sell_to_minor"), "\(praise)")
    let mock = TestLibrary.score("哈哈，这么小就替爸爸跑腿买烟，有出息。", in: scenario, phase: "compliance")
    #expect(mock.violated.contains("compliance.shames_or_mocks"), "\(mock)")
  }
}
