import Scoring
import Testing
import VisitCoachModel
import VisitCoachTestSupport

/// Words whose meaning depends on the moment (`situated:` in a rubric): the same 「卖吧」 is a
/// sale to a minor with a child at the counter, and nothing at all otherwise.
@Suite("Situated words")
struct SituationTests {
  static let lab = Labs.middleAgedMan

  @Test func theLineHeardGivesTheWordsTheirMeaning() {
    // Nothing in the sentence itself is about age: only the line heard makes it a sale to a
    // minor (他说成年就成年呗 would say so by itself).
    let child = TestLibrary.score(
      "他要就卖吧，别磨蹭。", in: Self.lab, phase: "service", heard: "这娃说是替他爸买一包，卖不卖？")
    #expect(child.violated.contains("compliance.sell_to_minor"), "\(child)")
    let adult = TestLibrary.score(
      "他要就卖吧，别磨蹭。", in: Self.lab, phase: "service", heard: "今天生意还行。")
    #expect(!adult.violated.contains("compliance.sell_to_minor"), "\(adult)")
  }

  @Test func refusingInThatMomentIsNotTheFault() {
    let score = TestLibrary.score(
      "这包咱不卖，让他爸自个儿来买。", in: Self.lab, phase: "service", heard: "这孩子要买烟，拿不拿？")
    #expect(!score.violated.contains("compliance.sell_to_minor"), "\(score)")
  }

  @Test func acceptingWhatIsPressedOnYouIsTakingAGift() {
    let heard = "小伙子辛苦了，这两条烟你拿着，别见外。"
    let taken = TestLibrary.score("那我就不客气了，谢谢老板。", in: Self.lab, phase: "service", heard: heard)
    #expect(taken.violated.contains("compliance.gift_or_treat"), "\(taken)")
    let declined = TestLibrary.score(
      "心意我领了，烟您收回去，这个真不能要。", in: Self.lab, phase: "service", heard: heard)
    #expect(!declined.violated.contains("compliance.gift_or_treat"), "\(declined)")
  }

  @Test func theEvidenceNamesTheMoment() {
    let evidence = TestLibrary.penaltyEvidence(
      "compliance.gift_or_treat",
      after: Utterance(
        index: 1, phase: "service", text: "那我就不客气了", moodBefore: 60, heard: "这是一点心意，您拿着。"),
      in: Self.lab)
    #expect(
      evidence?.basis == .situation(line: "这是一点心意，您拿着。"),
      "\(String(describing: evidence))")
  }

  /// A stored visit re-scores with the line each turn answered, so it scores as it did live.
  @Test func aStoredTurnAnswersTheLineBeforeIt() {
    var transcript = Transcript(scenarioID: "x", seed: 1)
    transcript.openingLine = "来了啊。"
    func turn(_ i: Int, _ said: String, _ reply: String?) -> Turn {
      Turn(
        index: i, kind: .say, phase: "service", trainee: said, retailer: reply, retailerLineID: nil,
        moodBefore: 60, mood: 60, patience: 60, clockStart: 0, clock: 0)
    }
    transcript.turns = [turn(1, "您好", "这孩子要买烟。"), turn(2, "等一下", nil), turn(3, "卖吧", "好。")]
    #expect(transcript.utterances.map(\.heard) == ["来了啊。", "这孩子要买烟。", "这孩子要买烟。"])
  }
}

/// `picks_up` criteria: a follow-up question takes up what the retailer just said.
@Suite("Follow-ups take up the answer")
struct FollowUpTests {
  static let visit = TestLibrary.scenario("full-visit-urban-a")

  static func followsUp(_ text: String, heard: String) -> Bool {
    TestLibrary.score(text, in: visit, phase: "inquiry", heard: heard).newlyMet.contains(
      "inquiry.follow_up")
  }

  @Test func aQuestionOnTheAnswerIsAFollowUp() {
    #expect(Self.followsUp("晚上都几点最忙？来的都是些啥人？", heard: "最近晚上生意好点。"))
    #expect(Self.followsUp("那人后来买了别的没有？", heard: "前天有个人要锦帆，我没有。"))
  }

  @Test func theSameQuestionOutOfTheBlueIsNot() {
    #expect(!Self.followsUp("晚上都几点最忙？来的都是些啥人？", heard: ""))
    #expect(!Self.followsUp("晚上都几点最忙？", heard: "价签我昨天换过了。"))
  }

  @Test func functionWordsAloneTakeNothingUp() {
    #expect(!Self.followsUp("我们这个月订几条？", heard: "我们这个店小。"))
  }
}
