import Scoring
import Testing
import VisitCoachModel
import VisitCoachTestSupport

/// One utterance and what the shipped rubrics must make of it.
struct RubricCase: Sendable, CustomTestStringConvertible {
  var text: String
  var phase: String
  var lab: Lab = .middleAgedMan
  var mood: Int = 60
  var before: [String] = []
  var met: [String] = []
  var notMet: [String] = []
  var violated: [String] = []
  var clean: [String] = []
  var partial: [String] = []

  var testDescription: String { "[\(lab)/\(phase)] \(text)" }

  /// The retailers the tables are written for.
  enum Lab: String, Sendable {
    case middleAgedMan, middleAgedWoman, fiftiesMan, fiftiesWoman, elderlyMan, elderlyWoman, young
    case busy, repeatVisit, classA, classC

    var scenario: Scenario {
      switch self {
      case .middleAgedMan: return Labs.middleAgedMan
      case .middleAgedWoman: return Labs.middleAgedWoman
      case .fiftiesMan: return Labs.fiftiesMan
      case .fiftiesWoman: return Labs.fiftiesWoman
      case .elderlyMan: return Labs.elderlyMan
      case .elderlyWoman: return Labs.elderlyWoman
      case .young: return Labs.young
      case .busy: return Labs.busy
      case .repeatVisit: return Labs.repeatVisit
      case .classA: return Labs.classA
      case .classC: return Labs.classC
      }
    }
  }
}

enum Labs {
  static let middleAgedMan = TestLibrary.rubricLab()
  static let middleAgedWoman = TestLibrary.rubricLab(name: "刘淑芬", age: 46, gender: "female")
  static let fiftiesMan = TestLibrary.rubricLab(name: "孙长海", age: 55)
  static let fiftiesWoman = TestLibrary.rubricLab(name: "孙玉梅", age: 55, gender: "female")
  static let elderlyMan = TestLibrary.rubricLab(name: "张德顺", age: 72, traits: ["elderly"])
  static let elderlyWoman = TestLibrary.rubricLab(
    name: "王秀兰", age: 68, gender: "female", traits: ["elderly"])
  static let young = TestLibrary.rubricLab(name: "赵磊", age: 27)
  static let busy = TestLibrary.rubricLab(traits: ["busy"])
  static let repeatVisit = TestLibrary.rubricLab(visit: "repeat")
  static let classA = TestLibrary.rubricLab(visit: "repeat", customerClass: "A")
  static let classC = TestLibrary.rubricLab(visit: "repeat", customerClass: "C")
}

@Suite("Greeting rubric")
struct GreetingRubricTests {
  static let cases: [RubricCase] = [
    .init(
      text: "王老板，您好！", phase: "greeting",
      met: ["greeting.polite_opener", "greeting.fitting_address"]),
    // A fitting address without 您好 still earns the address, not the opener.
    .init(
      text: "王老板，忙着呢？", phase: "greeting",
      met: ["greeting.fitting_address", "greeting.polite_opener"]),
    .init(
      text: "王老板，这会儿方便吗", phase: "greeting", met: ["greeting.fitting_address"],
      notMet: ["greeting.polite_opener"]),
    // 您好 with a rude address: the opener counts, the address is penalised.
    .init(
      text: "喂，您好", phase: "greeting", met: ["greeting.polite_opener"],
      notMet: ["greeting.fitting_address"], violated: ["greeting.rude_address"]),
    .init(
      text: "老头，你好", phase: "greeting", lab: .elderlyMan, notMet: ["greeting.fitting_address"],
      violated: ["greeting.rude_address"]),
    .init(
      text: "张大爷，您好", phase: "greeting", lab: .elderlyMan, met: ["greeting.fitting_address"],
      clean: ["greeting.rude_address"]),
    .init(
      text: "阿姨您好，打扰您了", phase: "greeting", lab: .elderlyWoman,
      met: ["greeting.fitting_address", "greeting.polite_opener"]),
    .init(
      text: "大妈，您好", phase: "greeting", lab: .elderlyWoman, notMet: ["greeting.fitting_address"],
      violated: ["greeting.rude_address"]),
    // 老板娘 is casual, not rude (DOMAIN.md §4.2: "some dislike"): no credit for the address
    // although it contains 老板, and no penalty either.
    .init(
      text: "老板娘，您好", phase: "greeting", lab: .middleAgedWoman,
      notMet: ["greeting.fitting_address"], clean: ["greeting.rude_address"]),
    // 美女 or 帅哥 to someone of 68 or 72 mocks them.
    .init(
      text: "美女，你好", phase: "greeting", lab: .elderlyWoman,
      notMet: ["greeting.fitting_address"], violated: ["greeting.rude_address"]),
    .init(
      text: "帅哥，你好", phase: "greeting", lab: .elderlyMan, violated: ["greeting.rude_address"]),
    // 美女 is too familiar on a first visit to a middle-aged owner.
    .init(
      text: "美女，您好", phase: "greeting", lab: .middleAgedWoman,
      violated: ["greeting.rude_address"]),
    // From fifty, 大叔 and 阿姨 are ordinary respect; under fifty they age the retailer.
    .init(
      text: "大叔，您好", phase: "greeting", lab: .fiftiesMan, met: ["greeting.fitting_address"],
      clean: ["greeting.rude_address"]),
    .init(text: "大叔，您好", phase: "greeting", violated: ["greeting.rude_address"]),
    .init(
      text: "阿姨，您好", phase: "greeting", lab: .fiftiesWoman, met: ["greeting.fitting_address"],
      clean: ["greeting.rude_address"]),
    .init(
      text: "阿姨，您好", phase: "greeting", lab: .middleAgedWoman,
      violated: ["greeting.rude_address"]),
    // 您 alone is a respectful form of address: half the credit of a fitting title.
    .init(
      text: "您好，打扰您一下", phase: "greeting", notMet: ["greeting.fitting_address"],
      clean: ["greeting.rude_address"], partial: ["greeting.fitting_address"]),
    .init(
      text: "王奶奶好", phase: "greeting", lab: .elderlyWoman,
      met: ["greeting.polite_opener", "greeting.fitting_address"]),
    .init(
      text: "刘老板，您好", phase: "greeting", lab: .middleAgedWoman, met: ["greeting.fitting_address"]),
    // Over-familiar on a first visit, fine on a repeat visit.
    .init(text: "王哥，您好", phase: "greeting", violated: ["greeting.rude_address"]),
    .init(
      text: "王哥，您好", phase: "greeting", lab: .repeatVisit, met: ["greeting.fitting_address"],
      clean: ["greeting.rude_address"]),
    .init(text: "小伙子，你好", phase: "greeting", lab: .young, violated: ["greeting.rude_address"]),
    .init(text: "我是烟草公司的客户经理小李，以后这片由我负责", phase: "greeting", met: ["greeting.self_intro"]),
    // The trainer's standard: company, role or identity, and a name.
    .init(text: "我是客户经理小李", phase: "greeting", met: ["greeting.self_intro"]),
    .init(text: "我是烟草公司的小李", phase: "greeting", met: ["greeting.self_intro"]),
    .init(text: "我是烟草公司的，新来的", phase: "greeting", notMet: ["greeting.self_intro"]),
    .init(text: "我是小李", phase: "greeting", notMet: ["greeting.self_intro"]),
    .init(
      text: "我是烟草的小李，又来打扰您了", phase: "greeting", lab: .repeatVisit,
      met: ["greeting.identity_reminder"]),
    .init(text: "今天过来认识一下，顺便看看货", phase: "greeting", met: ["greeting.purpose"]),
    .init(text: "您先忙，我在边上等您", phase: "greeting", lab: .busy, met: ["greeting.wait_when_busy"]),
    // Waiting is only a criterion for a busy retailer.
    .init(text: "您先忙，我在边上等您", phase: "greeting", notMet: ["greeting.wait_when_busy"]),
    .init(text: "这周订了多少？", phase: "greeting", violated: ["greeting.business_first"]),
    .init(text: "您好，这周订了多少？", phase: "greeting", clean: ["greeting.business_first"]),
  ]

  @Test(arguments: cases)
  func greeting(_ c: RubricCase) { check(c) }
}

@Suite("Opening rubric")
struct OpeningRubricTests {
  static let cases: [RubricCase] = [
    .init(text: "您这柜台玻璃擦得真亮，客人看着就放心", phase: "opening", met: ["opening.praise"]),
    // Flattery: a superlative with no fact behind it.
    .init(
      text: "您这店是这条街生意最好的", phase: "opening", notMet: ["opening.praise"],
      violated: ["opening.flattery"]),
    .init(
      text: "您这柜台是全市最好的", phase: "opening", notMet: ["opening.praise"],
      violated: ["opening.flattery"]),
    // Negated praise is not praise.
    .init(text: "您这柜台不干净", phase: "opening", notMet: ["opening.praise"]),
    .init(text: "柜台总算收拾干净了", phase: "opening", violated: ["opening.hidden_criticism"]),
    .init(text: "我看您新品放在最下面，建议挪到中间一格，客人一眼就能看到", phase: "opening", met: ["opening.suggestion"]),
    // Not new: the retailer already knows 新商盟.
    .init(text: "我建议您用新商盟订货", phase: "opening", notMet: ["opening.suggestion"]),
    .init(
      text: "建议您把新品多订点，帮我完成任务", phase: "opening", notMet: ["opening.suggestion"],
      violated: ["conduct.pushing"]),
    .init(
      text: "大爷，天冷了，您的腿好点没有？", phase: "opening", lab: .elderlyMan, met: ["opening.shared_family"]),
    .init(text: "您这收款码换成语音播报的了？好用吗", phase: "opening", lab: .young, met: ["opening.shared_new"]),
    // An upbeat opener to an angry retailer is a fault; the same words are fine when calm.
    .init(text: "王老板，生意兴隆啊！", phase: "opening", mood: 20, violated: ["opening.cheerful_to_angry"]),
    .init(text: "王老板，生意兴隆啊！", phase: "opening", mood: 60, clean: ["opening.cheerful_to_angry"]),
    .init(text: "您这柜台擦得真干净", phase: "opening", mood: 20, notMet: ["opening.praise"]),
    .init(text: "您一个月挣多少啊", phase: "opening", violated: ["opening.intrusive_topic"]),
  ]

  @Test(arguments: cases)
  func opening(_ c: RubricCase) { check(c) }
}

@Suite("Complaint rubric")
struct ComplaintRubricTests {
  static let cases: [RubricCase] = [
    .init(text: "您别急，慢慢说，我听着呢", phase: "complaint", met: ["complaint.let_finish"]),
    .init(text: "但是这是公司规定", phase: "complaint", notMet: ["complaint.let_finish"]),
    .init(text: "辛辛苦苦守着店，想要的烟订不到，换谁都着急", phase: "complaint", met: ["complaint.empathy"]),
    // Sarcastic empathy: the empathy is cancelled and the brush-off is penalised.
    .init(
      text: "理解理解，但这是规定", phase: "complaint", notMet: ["complaint.empathy"],
      violated: ["complaint.dismissive_but"]),
    .init(text: "这事给您添麻烦了，真对不起", phase: "complaint", met: ["complaint.apology"]),
    .init(text: "您说的是哪一款？这周订了几条、到了几条？", phase: "complaint", met: ["complaint.clarify"]),
    .init(text: "您是说订了三条只到了两条，对吧？", phase: "complaint", met: ["complaint.restate"]),
    // Explaining the rule only counts after empathy.
    .init(text: "档位是系统按购进情况算的，公示在新商盟上", phase: "complaint", notMet: ["complaint.explain_rule"]),
    .init(
      text: "档位是系统按购进情况算的，公示在新商盟上", phase: "complaint", before: ["换谁都着急"],
      met: ["complaint.explain_rule"]),
    // A promise with a time, and one without.
    .init(text: "我现在就拍照报给配送中心，明天上午给您回话", phase: "complaint", met: ["complaint.action_with_time"]),
    .init(text: "我回去帮您反映一下", phase: "complaint", notMet: ["complaint.action_with_time"]),
    .init(text: "这不可能，您肯定弄错了", phase: "complaint", violated: ["complaint.argue"]),
    .init(text: "您别激动，您应该先看看新商盟", phase: "complaint", violated: ["complaint.lecture"]),
    .init(text: "这点小事，至于吗", phase: "complaint", violated: ["complaint.deny_feeling"]),
    .init(text: "都是上面定的，我也没办法", phase: "complaint", violated: ["complaint.blame_shift"]),
    .init(text: "包在我身上，下周给您多配两条", phase: "complaint", violated: ["complaint.overpromise"]),
    // An unkeepable promise voids the clarifying words said with it.
    .init(
      text: "我去给您多要几条", phase: "complaint", notMet: ["complaint.clarify"],
      violated: ["complaint.overpromise"]),
    .init(text: "全市都这样，没办法", phase: "complaint", violated: ["complaint.blame_shift"]),
    // Negation: refusing to over-promise is right.
    .init(text: "多配的事我不能保证给您多，但能帮您把能订的订足", phase: "complaint", clean: ["complaint.overpromise"]),
  ]

  @Test(arguments: cases)
  func complaint(_ c: RubricCase) { check(c) }
}

@Suite("Farewell and conduct rubrics")
struct FarewellConductRubricTests {
  static let cases: [RubricCase] = [
    .init(text: "谢谢您，耽误您这么久", phase: "farewell", met: ["farewell.thanks"]),
    .init(text: "那就这么定，这周先订两条试试", phase: "farewell", met: ["farewell.summary"]),
    .init(text: "您说的事我周三前给您回话", phase: "farewell", met: ["farewell.promise_date"]),
    .init(text: "我下周二再过来看您", phase: "farewell", met: ["farewell.next_visit"]),
    .init(text: "有空再来看您", phase: "farewell", notMet: ["farewell.next_visit"]),
    .init(text: "您忙着，我先走了，再见", phase: "farewell", met: ["farewell.closing"]),
    .init(text: "我不是来推销的，就是来看看", phase: "business", clean: ["conduct.pushing"]),
    .init(text: "我今天是来推销新品的", phase: "business", violated: ["conduct.pushing"]),
    .init(text: "不好意思，麻烦您看一下", phase: "business", met: ["conduct.courtesy"]),
    .init(text: "这么简单都不会", phase: "business", lab: .elderlyWoman, violated: ["conduct.contempt"]),
    .init(
      text: "我说过了，点这个红按钮", phase: "business", lab: .elderlyWoman,
      violated: ["conduct.impatience_with_elderly"]),
    .init(
      text: "您先把商品放进购物车，再订单提交", phase: "business", lab: .elderlyWoman,
      violated: ["conduct.jargon_with_elderly"]),
    .init(text: "您先把商品放进购物车，再订单提交", phase: "business", clean: ["conduct.jargon_with_elderly"]),
    .init(text: "这个月您必须订满二十条", phase: "business", violated: ["conduct.force_order"]),
    .init(text: "不是必须订，您按实际需要来", phase: "business", clean: ["conduct.force_order"]),
    .init(text: "这款焦油低，对身体好", phase: "business", violated: ["conduct.health_claim"]),
    .init(
      text: "阿姨您别着急，我给您写在纸上，您自己点一遍", phase: "business", lab: .elderlyWoman,
      met: ["conduct.patient_with_elderly"]),
    // Rudeness voids anything else said in the same breath.
    .init(
      text: "谢谢，这么简单都不会", phase: "business", notMet: ["conduct.courtesy"],
      violated: ["conduct.contempt"]),
    // Traditional characters and full-width forms are normalised first.
    .init(text: "謝謝您，我下週二再過來", phase: "farewell", met: ["farewell.thanks", "farewell.next_visit"]),
    // The next visit follows the class's rhythm: A weekly, B fortnightly, C monthly.
    .init(
      text: "谢谢您，下周我再过来看您", phase: "farewell", lab: .classC, met: ["farewell.next_visit"],
      violated: ["farewell.too_soon_for_class"]),
    .init(
      text: "谢谢您，下个月初我再过来看您", phase: "farewell", lab: .classC,
      met: ["farewell.next_visit"], clean: ["farewell.too_soon_for_class"]),
    // An errand tomorrow is a promise, not the next regular visit.
    .init(
      text: "下周二我把新价签送来，谢谢您", phase: "farewell", lab: .classC,
      clean: ["farewell.too_soon_for_class"]),
    .init(
      text: "谢谢您，下个月我再过来看您", phase: "farewell", lab: .classA,
      violated: ["farewell.too_rare_for_class"]),
    .init(
      text: "谢谢您，下周我再过来看您", phase: "farewell", lab: .classA,
      clean: ["farewell.too_rare_for_class"]),
    .init(
      text: "谢谢您，下周我再过来看您", phase: "farewell",
      clean: ["farewell.too_soon_for_class", "farewell.too_rare_for_class"]),
  ]

  @Test(arguments: cases)
  func farewellAndConduct(_ c: RubricCase) { check(c) }
}

@Suite("Keyword stuffing and repetition")
struct StuffingTests {
  @Test func aStringOfRubricPhrasesEarnsNothing() {
    let s = Labs.middleAgedMan
    let score = TestLibrary.score("您好王老板我是烟草公司客户经理今天来看看谢谢不好意思", in: s, phase: "greeting")
    #expect(score.stuffing)
    #expect(score.newlyMet.isEmpty)
  }

  @Test func formulasOfManyAreasOneToAClauseAreStuffing() {
    let score = TestLibrary.score(
      "您好，王老板，我是烟草公司客户经理，今天来看看，谢谢，不好意思，下周再来，再见。", in: Labs.middleAgedMan,
      phase: "greeting")
    #expect(score.stuffing, "met \(score.newlyMet)")
  }

  /// A model greeting meets five greeting criteria, one act to a clause: that is the act done
  /// well, not formulas farmed.
  @Test(arguments: [
    "王老板您好，我是烟草的小李，今天来看看货。您先忙，我等您。",
    "王老板，您好！我是烟草公司的小李，请问您这会儿方便吗？今天来看看货。",
  ])
  func aGreetingSaidClauseByClauseIsNotStuffing(_ text: String) {
    let score = TestLibrary.score(text, in: Labs.busy, phase: "greeting")
    #expect(!score.stuffing, "met \(score.newlyMet)")
    #expect(score.newlyMet.contains("greeting.purpose"))
  }

  @Test func aNaturalGreetingIsNotStuffing() {
    let s = Labs.middleAgedMan
    let score = TestLibrary.score(
      "王老板，您好！我是烟草公司的客户经理小李，以后咱们这片由我负责，今天过来认识一下。", in: s, phase: "greeting")
    #expect(!score.stuffing)
    #expect(score.newlyMet.contains("greeting.self_intro"))
  }

  @Test func aDenseNaturalFarewellIsNotStuffing() {
    let s = Labs.middleAgedMan
    let score = TestLibrary.score(
      "那就这么定，明天下午我给您回话，下周二我再过来。谢谢您，王老板您忙着，我先走了！", in: s, phase: "farewell")
    #expect(!score.stuffing)
    #expect(score.newlyMet.count >= 5)
  }

  @Test func oneVividClauseThatMeetsSeveralCriteriaIsNotStuffing() {
    // Praise with detail, a suggestion and a reason it sells, all read in the same words: the
    // criteria overlap, so they are one place, not five formulas.
    let score = TestLibrary.score(
      "老板，你把散装打火机挪到烟柜外头了，买烟的顺手一捎，挺会想。", in: Labs.middleAgedMan, phase: "opening")
    #expect(!score.stuffing, "met \(score.newlyMet)")
  }

  @Test func repeatingAPhraseEarnsNothingMore() {
    var scorer = Scorer(plan: ScoringPlan(scenario: Labs.middleAgedMan))
    let first = scorer.score(Utterance(index: 1, phase: "greeting", text: "您好您好您好", moodBefore: 60))
    let second = scorer.score(Utterance(index: 2, phase: "greeting", text: "您好", moodBefore: 60))
    #expect(first.newlyMet == ["greeting.polite_opener"])
    #expect(second.newlyMet.isEmpty)
  }
}

func check(_ c: RubricCase, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
  let score = TestLibrary.score(
    c.text, in: c.lab.scenario, phase: c.phase, mood: c.mood, before: c.before)
  let met = Set(score.newlyMet)
  for id in c.met {
    #expect(
      met.contains(id),
      "expected \(id) met; met: \(score.newlyMet), partial: \(score.newlyPartial)",
      sourceLocation: sourceLocation)
  }
  for id in c.notMet {
    #expect(!met.contains(id), "expected \(id) not met", sourceLocation: sourceLocation)
  }
  for id in c.violated {
    #expect(
      score.violated.contains(id), "expected \(id) triggered; violated: \(score.violated)",
      sourceLocation: sourceLocation)
  }
  for id in c.clean {
    #expect(
      !score.violated.contains(id), "expected \(id) not triggered", sourceLocation: sourceLocation)
  }
  for id in c.partial {
    #expect(
      score.newlyPartial.contains(id), "expected \(id) partly met; partial: \(score.newlyPartial)",
      sourceLocation: sourceLocation)
  }
}

/// Blockers the compliance scenarios' authors found firing on correct advice.
@Suite("Blockers and correct advice")
struct BlockerPrecisionTests {
  @Test func takingCrossRegionPacksOffTheShelfIsAdviceNotHiding() {
    let score = TestLibrary.score(
      "那几包先撤下来，别再卖了。", in: TestLibrary.scenario("compliance-cross-region-goods"),
      phase: "compliance", heard: "那是我小舅子从邻省捎回来的，那边一条便宜二十来块。")
    #expect(!score.violated.contains("compliance.hides_from_inspection"), "\(score.violated)")
    #expect(!score.violated.contains("compliance.outside_source"), "\(score.violated)")
    #expect(score.newlyMet.contains("compliance.compliance_advice"), "\(score.newlyMet)")
  }

  @Test func askingTheMonopolyOfficeToAuthenticateIsNoThreat() {
    let scenario = TestLibrary.scenario("compliance-fake-accusation")
    let referral = TestLibrary.score("请专卖的同志来鉴定一下", in: scenario, phase: "complaint")
    #expect(!referral.violated.contains("conduct.threat"), "\(referral.violated)")
    let threat = TestLibrary.score("再不改，我就请专卖的人来查你", in: scenario, phase: "complaint")
    #expect(threat.violated.contains("conduct.threat"))
  }
}

@Suite("The frame of the whole utterance")
struct FrameTests {
  static let visit = TestLibrary.scenario("full-visit-urban-a")

  @Test func aFaultCancelsTheCourtesyAroundIt() {
    let polite = TestLibrary.score("谢谢您，这周金桥到了，您看要不要订两条？", in: Self.visit, phase: "service")
    #expect(polite.newlyMet.contains("conduct.courtesy"))
    let pushy = TestLibrary.score("谢谢您，这是公司重点推的，您帮帮忙多订点。", in: Self.visit, phase: "service")
    #expect(pushy.violated.contains("conduct.pushing"))
    #expect(!pushy.newlyMet.contains("conduct.courtesy"), "\(pushy)")
    #expect(pushy.cancelled.contains("conduct.courtesy"))
  }
}

/// Regional respect forms for older retailers count as fitting (DOMAIN.md §4.2).
@Suite("Regional address terms")
struct RegionalAddressTests {
  @Test(arguments: [
    ("王大娘，您好", "female"), ("婶子，您好", "female"), ("嬢嬢，您好", "female"),
    ("老伯，您好", "male"), ("王爹爹，您好", "male"), ("伯伯，您好", "male"),
  ])
  func olderRetailersMayBeGreetedInTheRegionsWay(_ text: String, _ gender: String) {
    let lab = TestLibrary.rubricLab(name: "王桂兰", age: 68, gender: gender)
    let score = TestLibrary.score(text, in: lab, phase: "greeting")
    #expect(score.newlyMet.contains("greeting.fitting_address"), "\(score)")
    #expect(!score.violated.contains("greeting.rude_address"), "\(score)")
  }
}
