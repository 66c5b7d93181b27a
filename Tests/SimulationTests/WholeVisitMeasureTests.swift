import Reporting
import Scoring
import Simulation
import Testing
import VisitCoachModel
import VisitCoachTestSupport

/// The measures of the whole-visit rubrics (observation, inquiry, display, service, brand),
/// played through the engine in a small fixture store with an elderly retailer.
@Suite("Whole-visit measures")
struct WholeVisitMeasureTests {
  static let fixture = lab(traits: "elderly")

  /// A small store with every business stage, for a retailer with these traits.
  static func lab(traits: String) -> Scenario {
    let yaml = """
      version: 1
      id: whole-visit-lab
      title: 整趟拜访实验室
      arrival: 村口的小卖部。
      customer: { class: C, network: rural, visit: repeat }
      persona: { name: 李桂兰, age: 68, gender: female, traits: [\(traits)], mood: 60 }
      scene:
        - { id: shelf, kind: strength, text: 货架擦得很干净, keywords: [货架] }
        - { id: no-tag, kind: issue, text: 和风软包那格没有价签, keywords: [没有价签, 和风] }
        - { id: dust, kind: issue, text: 货架顶上落了一层灰, keywords: [落灰, 一层灰], hidden: true }
      phases:
        - { id: greeting, title: 打招呼 }
        - { id: observation, title: 店内观察 }
        - { id: inquiry, title: 询问情况 }
        - { id: display, title: 柜台陈列 }
        - { id: service, title: 经营指导 }
        - { id: brand, title: 品牌培育 }
        - { id: farewell, title: 拜别致谢 }
      lines:
        - { id: plain, text: 嗯。 }
      rubrics:
        - use: observation
        - use: inquiry
        - use: display
        - use: service
        - use: brand
        - use: conduct
      """
    return TestLibrary.fixture(yaml: yaml)
  }

  func finding(_ id: String, _ lines: [String]) throws -> Finding {
    let report = play(Self.fixture, lines).report
    let all = report.areas.flatMap { $0.criteria + $0.penalties }
    return try #require(all.first { $0.id == id }, "no finding \(id)")
  }

  @Test(arguments: [
    ("十七块一包", [17]), ("17元一包，一条170元", [17, 170]), ("一百七十块一条", [170]),
    ("一百七块", [170]), ("两块五", [2]), ("二十几个客人", []), ("三十五元", [35]),
  ])
  func readsPricesInDigitsAndChineseNumerals(_ text: String, _ prices: [Int]) {
    #expect(ProductJudge.prices(in: text) == prices)
  }

  /// Evidence as a Chinese report words it.
  static func words(_ evidence: Evidence?) -> String {
    evidence.map { InterfaceStrings.forLanguage(.zh).evidence($0) } ?? ""
  }

  @Test func newProductFactsAccumulateAgainstTheCatalogue() throws {
    // 海韵(细支): 二类, 烤烟型清香, 闽东, 17 元, selling points and buyers in the catalogue.
    let one = try finding(
      "brand.new_product_facts",
      ["/next", "/next", "/next", "/next", "/next", "海韵细支是这个月的新品，十七块一包。"])
    #expect(one.status == .partial)
    // What the scorer found is data; the report words it.
    guard case .productFacts(_, let facts) = one.evidence.last?.note else {
      Issue.record("no product facts note: \(one.evidence)")
      return
    }
    #expect(facts == [.price])
    #expect(Self.words(one.evidence.last).contains("价格（1 项）"), "\(one.evidence)")
    // The next utterance is still about it: class, flavour and a selling point make four.
    let four = try finding(
      "brand.new_product_facts",
      [
        "/next", "/next", "/next", "/next", "/next", "海韵细支是这个月的新品，十七块一包。",
        "是二类烟，烤烟清香型，入口柔和。",
      ])
    #expect(four.status == .met)
    #expect(Self.words(four.evidence.last).contains("价格、价类、香型、卖点（4 项）"), "\(four.evidence)")
    // Another brand in between: the facts are no longer about the new product.
    let other = try finding(
      "brand.new_product_facts",
      ["/next", "/next", "/next", "/next", "/next", "海韵细支十七块一包。", "远山硬盒也不错，二类烟，清香型。"])
    #expect(other.status == .partial)
  }

  @Test func aWrongPriceOrClassIsPenalised() throws {
    let wrong = try finding(
      "brand.wrong_fact", ["/next", "/next", "/next", "/next", "/next", "海韵细支是新品，二十块一包，一类烟。"])
    #expect(wrong.status == .triggered)
    let text = Self.words(wrong.evidence.first)
    #expect(text.contains("价格说成 20 元，应为每包 17 元") && text.contains("价类说成一类，应为二类"), "\(text)")
    // A carton price is right, not wrong.
    let carton = try finding(
      "brand.wrong_fact", ["/next", "/next", "/next", "/next", "/next", "海韵细支一条一百七十块。"])
    #expect(carton.status == .clear)
  }

  @Test func aTagIsFixedOnlyWithTagsInTheBag() throws {
    let words = ["/next", "/next", "/next", "和风那格没有价签，我给您补一张价签，行吗？"]
    let without = try finding("display.tag_fixed", words)
    #expect(without.status == .missed)
    #expect(without.evidence.first?.note == .saidWithoutItem(item: "价签"), "\(without.evidence)")
    #expect(
      without.evidence.first.map(InterfaceStrings.chinese.evidence)?.contains("没带价签") == true)
    let with = try finding("display.tag_fixed", ["/pack 价签"] + words)
    #expect(with.status == .met)
  }

  @Test func openQuestionsAreCountedOverUtterances() throws {
    let once = try finding("inquiry.open_question", ["/next", "/next", "这礼拜哪几样走得快？"])
    #expect(once.status == .partial)
    #expect(once.points == 1)
    #expect(once.evidence.last?.note == .timesDone(count: 1, needed: 2))
    #expect(once.evidence.last.map(InterfaceStrings.chinese.evidence) == "做到 1 次（要 2 次）")
    #expect(once.evidence.last.map(InterfaceStrings.english.evidence) == "done 1 times (2 needed)")
    let twice = try finding(
      "inquiry.open_question", ["/next", "/next", "这礼拜哪几样走得快？", "买烟的都是些什么人？"])
    #expect(twice.status == .met)
    #expect(twice.evidence.count == 2)
  }

  @Test func lookingComesBeforeAdvice() throws {
    let looked = try finding("observation.looked", ["/look", "/next", "我看和风那格没有价签。"])
    #expect(looked.status == .met)
    let blind = try finding("observation.looked", ["/next", "我看和风那格没有价签。", "/look"])
    #expect(blind.status == .missed)
    let never = try finding("observation.looked", ["李阿姨，您好。"])
    #expect(never.status == .notApplicable)
  }

  @Test func whatOnlyALookRevealsCountsOnlyAfterLooking() throws {
    // The dust is hidden until /look: naming it before looking is a guess.
    let guessed = try finding("observation.names_finding", ["/next", "我看货架顶上落了一层灰。"])
    #expect(guessed.status == .missed)
    let seen = try finding("observation.names_finding", ["/look", "/next", "我看货架顶上落了一层灰。"])
    #expect(seen.status == .met)
    // A fact visible on arrival counts without looking.
    let visible = try finding("observation.names_finding", ["/next", "我看和风那格没有价签。"])
    #expect(visible.status == .met)
  }

  /// `explain` reads why the scorer declined words from the turn's trace: a guess about a
  /// hidden fact is named as such, not as "no match".
  @Test func explainReadsWhyTheScorerDeclinedAGuess() throws {
    let conversation = play(Self.fixture, ["/next", "我看货架顶上落了一层灰。"])
    let utterances = conversation.transcript.utterances
    var scorer = Scorer(plan: ScoringPlan(scenario: Self.fixture))
    for u in utterances.dropLast() { scorer.score(u) }
    let last = try #require(utterances.last)
    let before = scorer
    let result = scorer.score(last)
    #expect(result.declined["observation.names_finding"] == .hiddenScene)
    let explanation = before.explain(last, result: result).first {
      $0.id == "observation.names_finding"
    }
    guard case .declined(.hiddenScene, let words)? = explanation?.verdict else {
      Issue.record("explain says \(String(describing: explanation?.verdict))")
      return
    }
    #expect(words.contains("灰"))
  }

  @Test func aBusyShopGetsTheBusinessStagesShort() throws {
    let busy = Self.lab(traits: "busy")
    func status(_ lines: [String]) throws -> CriterionStatus {
      let report = play(busy, lines).report
      let all = report.areas.flatMap(\.criteria)
      return try #require(all.first { $0.id == "conduct.business_brief_when_busy" }).status
    }
    let short = ["/next", "这礼拜哪几样走得快？", "/next", "/next", "第一步先点订货。", "/next", "海韵细支先订一条试试。"]
    #expect(try status(short) == .met)
    // Eleven waits in the business stages: more than the five minutes a busy shop allows.
    let long =
      ["/next", "这礼拜哪几样走得快？"] + Array(repeating: "/wait", count: 11) + ["/next", "海韵细支先订一条试试。"]
    #expect(try status(long) == .missed)
    // Not busy: the limit does not apply.
    let report = play(Self.fixture, long).report
    let calm = report.areas.flatMap(\.criteria).first {
      $0.id == "conduct.business_brief_when_busy"
    }
    #expect(calm?.status == .notApplicable)
  }

  @Test func teachingAnElderlyRetailerIsNotRushed() throws {
    let rushed = try finding(
      "service.unhurried_teaching", ["/next", "/next", "/next", "/next", "第一步先点订货。"])
    #expect(rushed.status == .missed)
    guard case .phaseTime(_, 120, false)? = rushed.evidence.first?.note else {
      Issue.record("expected a time of at least 120 s: \(rushed.evidence)")
      return
    }
    #expect(
      rushed.evidence.first.map(InterfaceStrings.chinese.evidence)?.contains("至少 120 秒") == true)
    let patient = try finding(
      "service.unhurried_teaching",
      ["/next", "/next", "/next", "/next", "第一步先点订货。", "/wait", "/wait", "/wait", "您自己点一遍，我在边上看着。"])
    #expect(patient.status == .met)
  }
}
