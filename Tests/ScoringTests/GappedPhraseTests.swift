import Testing
import VisitCoachModel
import VisitCoachTestSupport

@testable import Scoring

/// Phrases with gaps (`连…都不会`): the parts in order, in one clause, a few characters apart.
@Suite("Gapped phrases")
struct GappedPhraseTests {
  static let lab = TestLibrary.fixture(
    yaml: """
      version: 1
      id: gap-lab
      title: 间隔短语
      arrival: 一家普通的食杂店。
      customer: { class: B, network: urban, visit: first }
      persona: { name: 王建国, age: 45, gender: male, mood: 60 }
      phases:
        - { id: greeting, title: 打招呼 }
      lines:
        - { id: plain, text: 嗯。 }
      rubrics:
        - use: conduct
          phrases:
            contempt: ["连…都不会", "你…懂…啥", "你…是…外行", "总不至于…吧"]
            threat: ["不订…，…就不给"]
      """)

  static func contempt(_ text: String) -> Bool {
    TestLibrary.score(text, in: lab, phase: "greeting").violated.contains("conduct.contempt")
  }

  @Test func aNegatorInTheGapDoesNotDenyAFinalParticle() {
    #expect(Self.contempt("您总不至于觉得不方便吧"))
    #expect(Self.contempt("总不至于这都不知道吧"))
    // A negator in the gap still denies a part that means something: 你根本不是外行.
    #expect(!Self.contempt("你根本不是外行"))
  }

  @Test func thePartsMatchWithWordsBetween() {
    #expect(Self.contempt("您连这个都不会啊"))
    #expect(Self.contempt("连个购物车都不会点"))
    #expect(Self.contempt("你到底懂个啥"))
  }

  @Test(arguments: [
    ("跟…没关系", ["跟", "没关系"]), ("跟……没关系", ["跟", "没关系"]), ("跟...没关系", ["跟", "没关系"]),
    ("…没关系", ["没关系"]), ("没关系", ["没关系"]), ("1.5元", ["1.5元"]),
  ])
  func partsAreSplitAtTheGapMarks(_ phrase: String, _ parts: [String]) {
    #expect(GappedPhrases.parts(of: phrase) == parts)
  }

  /// A part written as a comma crosses one clause boundary: a condition, then its consequence.
  @Test func aCommaPartCrossesOneClause() {
    func threat(_ text: String) -> Bool {
      TestLibrary.score(text, in: Self.lab, phase: "greeting").violated.contains("conduct.threat")
    }
    #expect(threat("您要是不订新品，好烟我就不给您排了"))
    #expect(threat("不订那两条，就不给配了"))
    #expect(!threat("不订新品就不给"))  // one clause: the frame asks for the comma
    #expect(!threat("您不订也行，不给您添麻烦"))  // 就不给 is not there
    #expect(!threat("不订新品，也没关系，就不给您添乱了"))  // two clauses on
  }

  @Test func theGapIsLimited() {
    #expect(!Self.contempt("连这个最新版本的订货软件都不会"))
  }

  @Test func thePartsStayInOrderAndInOneClause() {
    #expect(!Self.contempt("都不会连"))
    #expect(!Self.contempt("连这个，都不会"))
    #expect(!Self.contempt("你这个啥我懂"))
  }

  @Test func aNegatorInAGapDeniesThePartAfterIt() {
    #expect(Self.contempt("你就是个外行"))
    #expect(!Self.contempt("你又不是外行"), "不 in the gap denies 是")
    // A negator that belongs to a part is the phrase's own word, not a denial.
    #expect(Self.contempt("连这都不会"))
  }

  @Test func quotedAndNegatedAsPlainPhrases() {
    #expect(!Self.contempt("我可不会说“您连这都不会”这种话"))
  }

  @Test func theEvidenceShowsTheGappedPhrase() {
    let evidence = TestLibrary.penaltyEvidence(
      "conduct.contempt",
      after: Utterance(index: 1, phase: "greeting", text: "您连这个都不会啊", moodBefore: 60),
      in: Self.lab)
    #expect(evidence?.text.contains("连这个都不会") == true, "\(String(describing: evidence))")
  }

  /// Many first parts and many later parts cost one pass, not one per pair.
  @Test func manyOccurrencesStayLinear() {
    let short = TestLibrary.score(
      String(repeating: "连这都不会", count: 10), in: Self.lab, phase: "greeting")
    #expect(short.violated.contains("conduct.contempt"))
    let plan = ScoringPlan(scenario: Self.lab)
    let small = PreparedUtterance(String(repeating: "连连都不会", count: 100), plan: plan).work
    let large = PreparedUtterance(String(repeating: "连连都不会", count: 1000), plan: plan).work
    #expect(large < 12 * small)
  }
}

/// `explain` says a phrase was denied when the negation guard set it aside, instead of "no match".
@Suite("Explaining negated words")
struct NegatedExplanationTests {
  @Test func aDeniedPromiseIsExplainedAsDenied() {
    let lab = TestLibrary.rubricLab()
    let scorer = Scorer(plan: ScoringPlan(scenario: lab))
    var copy = scorer
    let utterance = Utterance(index: 1, phase: "complaint", text: "明天上午我肯定不会给您回话的", moodBefore: 60)
    let result = copy.score(utterance)
    #expect(!result.newlyMet.contains("complaint.action_with_time"))
    let verdict = scorer.explain(utterance, result: result).first {
      $0.id == "complaint.action_with_time"
    }?.verdict
    guard case .negated(let words)? = verdict else {
      Issue.record("explain says \(String(describing: verdict))")
      return
    }
    #expect(words.contains("回话"), "\(words)")
  }
}
