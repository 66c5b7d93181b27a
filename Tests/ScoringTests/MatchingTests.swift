import Testing
import VisitCoachTestSupport

@testable import Scoring

@Suite("Text normalisation")
struct NormalizationTests {
  @Test(arguments: [
    ("這個東西很貴，請幫我退貨。", "这个东西很贵|请帮我退货"),
    ("ＡＢＣ１２３", "abc123"),
    // A space between Chinese words, full-width or not, ends a clause.
    ("您好　王老板", "您好|王老板"),
    ("谢谢\u{1b}[31m您\u{1b}[0m", "谢谢您"),
    ("你好\u{0}\u{7}世界", "你好世界"),
    ("“理解”，但是……", "\"理解\"|但是"),
    ("Hello, World", "hello|world"),
    // Dialect characters with one standard reading; 中 and 系 keep theirs.
    ("咋整？冇货啦", "怎么整|没有货啦"),
    ("中华系统", "中华系统"),
    ("", ""),
  ])
  func normalizes(_ input: String, _ expected: String) {
    #expect(TextNormalizer.normalize(input) == expected)
  }

  @Test func invalidUTF8IsReplacedNotFatal() {
    let text = String(
      decoding: [0xE4, 0xBD, 0xA0, 0xFF, 0xE5, 0xA5, 0xBD] as [UInt8], as: UTF8.self)
    #expect(TextNormalizer.normalize(text) == "你好")
  }
}

@Suite("Aho-Corasick phrase automaton")
struct AutomatonTests {
  @Test func findsOverlappingPatterns() {
    let automaton = PhraseAutomaton(patterns: ["老板", "老板娘", "板娘", "您好"])
    let found = automaton.matches(in: "老板娘您好").map { automaton.patterns[$0.pattern] }
    #expect(Set(found) == ["老板", "老板娘", "板娘", "您好"])
  }

  @Test func agreesWithNaiveSearch() {
    let patterns = ["理解", "着急", "换谁都", "明天", "回话", "不是", "好", "谢谢您", "谢谢"]
    let automaton = PhraseAutomaton(patterns: patterns)
    let text = "换谁都着急我理解明天上午给您回话谢谢您不是不好"
    let found = automaton.matches(in: text)
    for (i, p) in patterns.enumerated() {
      let expected = text.components(separatedBy: p).count - 1
      #expect(found.filter { $0.pattern == i }.count == expected, "\(p)")
    }
  }

  /// Random patterns over a small alphabet make long shared prefixes and suffixes, so deep
  /// (sparse) states, failure links into them and chained outputs are all exercised.
  @Test(arguments: [1, 2, 3, 4])
  func agreesWithNaiveSearchOnRandomPatterns(seed: UInt64) {
    var state = seed &* 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    let alphabet = Array("您好老板娘理解a1")
    func word(_ length: Int) -> String {
      String((0..<length).map { _ in alphabet[next(alphabet.count)] })
    }
    let patterns = (0..<300).map { _ in word(1 + next(7)) }
    let automaton = PhraseAutomaton(patterns: patterns)
    for _ in 0..<40 {
      let text = Array(word(10 + next(60)).utf8)
      var found: [PhraseAutomaton.Match] = []
      text.withUnsafeBufferPointer { automaton.collect($0, into: &found) }
      var expected: [PhraseAutomaton.Match] = []
      for (i, p) in patterns.enumerated() {
        let bytes = Array(p.utf8)
        guard bytes.count <= text.count else { continue }
        for start in 0...(text.count - bytes.count)
        where Array(text[start..<start + bytes.count]) == bytes {
          expected.append(.init(pattern: i, start: start, end: start + bytes.count))
        }
      }
      #expect(Set(found) == Set(expected))
      #expect(found.count == expected.count)
      #expect(found.map(\.end) == found.map(\.end).sorted())
    }
  }

  @Test func byteOffsetsPointAtThePhrase() {
    let automaton = PhraseAutomaton(patterns: ["回话"])
    let text = "明天回话"
    let match = automaton.matches(in: text)[0]
    let bytes = Array(text.utf8)
    #expect(String(decoding: bytes[match.start..<match.end], as: UTF8.self) == "回话")
  }
}

@Suite("Negation guard")
struct NegationTests {
  @Test(arguments: [
    ("我不是来推销的", "推销", true),
    ("我是来推销的", "推销", false),
    ("不好意思", "好", true),
    ("特别感谢您", "感谢", false),
    ("没问题您好", "您好", false),
    ("别担心", "担心", true),
    ("不用订", "订", true),
    ("不|订货", "订货", false),
    ("有没有客人来问", "客人来问", false),  // a question, not a denial
    ("没有客人来问", "客人来问", true),
    ("是不是卖得快", "卖得快", false),
    // The scope reaches a few characters on, within the clause.
    ("明天上午我肯定不会给您回话的", "回话", true),
    ("我不理解您为什么着急", "理解", true),
    ("这事跟我真没关系", "关系", true),
    ("不好意思打扰了明天给您回话", "回话", false),  // an idiom that denies nothing
    ("不会不管的", "管", false),  // a double negation affirms
    ("不是不管而是明天就给您换", "换", false),  // 而是 turns the clause back
    ("不|明天给您回话", "回话", false),
    ("不会\"给您回话", "回话", false),  // nor past a quotation mark
    ("甭卖给他", "卖给他", true),  // northern 甭 = 不用
    ("不准卖给学生", "卖给学生", true),
    // 拿不准: the 不 denies the complement only, not what the clause goes on to say.
    ("拿不准的就问身份证", "问身份证", false),
    ("看不懂", "懂", true),
    ("我也不上新品", "新品", true),
    ("没货就推高一档的", "推高一档", false),  // out of stock states a fact, denies nothing
    // 就 begins a consequence: 不摆 is the condition, the threat is asserted.
    ("不摆您就等着瞧", "等着瞧", false),
    ("我就不给您回话", "回话", true),
    // V不了 is a potential complement; 不了解 is a plain denial.
    ("订不了了您别来求我", "别来求我", false),
    ("我不了解您的情况", "您的情况", true),
    ("我不了解", "了解", true),
    ("赶紧下架，不然下回罚您", "罚您", false),  // 不然 = otherwise, a consequence
    ("要不您把密码给我", "密码给我", false),  // 要不 + a person suggests
    ("您要不订就算了", "订", true),  // 要不 = 要是不, a plain condition
  ])
  func negation(_ text: String, _ phrase: String, _ negated: Bool) {
    var copy = text
    let range = copy.range(of: phrase)!
    let start = copy.utf8.distance(from: copy.startIndex, to: range.lowerBound)
    copy.withUTF8 { bytes in
      #expect(NegationGuard.isNegated(bytes, before: start) == negated)
    }
  }
}

/// A verb denied by the potential complement after it: 换不了 says the exchange cannot happen.
@Suite("Denial after the phrase")
struct DeniedAfterTests {
  @Test(arguments: [
    ("这批货给您换不了", "给您换", true),
    ("罚款谁也免不了", "罚款谁也免", true),
    ("这事我办不成", "我办", true),
    ("说不动他", "说", true),
    ("少不了您的", "少", false),  // an assurance
    ("我对不起您", "我对", false),
    ("这个月订了不到十条", "订了", false),  // done, then a quantity
    ("给您换了", "给您换", false),
    ("我不了解", "我", false),  // 不了解 is a word of its own
  ])
  func denied(_ text: String, _ phrase: String, _ denied: Bool) {
    var copy = text
    let range = copy.range(of: phrase)!
    let end = copy.utf8.distance(from: copy.startIndex, to: range.upperBound)
    copy.withUTF8 { bytes in
      #expect(NegationGuard.isDeniedAfter(bytes, end: end) == denied)
    }
  }
}

@Suite("Reported speech")
struct ReportedSpeechTests {
  @Test func quotedPhrasesAreNotTheTraineesOwnAct() {
    var text = TextNormalizer.normalize("我绝不会说“跟我没关系”这种话，这事我管到底")
    let quoted = text.utf8.distance(
      from: text.startIndex, to: text.range(of: "跟我没关系")!.lowerBound)
    let own = text.utf8.distance(from: text.startIndex, to: text.range(of: "管到底")!.lowerBound)
    text.withUTF8 { bytes in
      let spans = PreparedUtterance.quotedSpans(bytes)
      #expect(spans.count == 1)
      #expect(spans.contains { $0.contains(quoted) })
      #expect(!spans.contains { $0.contains(own) })
    }
    var unpaired = TextNormalizer.normalize("他说“跟我没关系")
    unpaired.withUTF8 { #expect(PreparedUtterance.quotedSpans($0).isEmpty) }
  }

  /// Words the trainee tells the retailer to say or write are the trainee's own act.
  @Test(arguments: [
    ("您就跟他说“未成年人不卖”", false),
    ("你就讲“有规定”", false),
    ("牌子上写“更健康”吧", false),
    ("别跟顾客说“对身体好”", true),
    ("我绝不会说“跟我没关系”", true),
    ("他说“太贵了”", true),
    ("顾客要是说“太贵了”您就笑笑", true),
    ("您说“不订新品就断好烟”？没这规矩", true),  // asks back what the retailer said
    // Taken up as the trainee's own, after or before the quotation.
    ("厂家说了“这款不伤肺”，您就这么跟客人讲", false),
    ("“看着像成年的就卖”，照这个来就错不了", false),
    ("人家说得对，“早囤早赚”", false),
    // Denied: still reported speech, and the advice around it counts.
    ("有人说“这款不伤肺”，这话可别这么说", true),
    ("厂家那边有人说“这款不伤肺”，这话咱可别往外传", true),
  ])
  func instructionsAreNotReportedSpeech(_ text: String, _ reported: Bool) {
    var normalized = TextNormalizer.normalize(text)
    normalized.withUTF8 { #expect(PreparedUtterance.quotedSpans($0).isEmpty == !reported) }
  }
}

/// Someone else's words reported without quotation marks: the words reported, up to where the
/// trainee's own words resume.
@Suite("Unquoted reported speech")
struct UnquotedReportedSpeechTests {
  @Test(
    arguments: [
      ("人家问不伤身的，您就回一句这个真没有", "不伤身的"),
      ("孩子说满十八了那就卖", "满十八了"),
      ("客人嫌太冲", "太冲"),
      ("有人说外地烟便宜", "外地烟便宜"),
      // Told, judged, or the trainee's own: nothing reported.
      ("您就跟他说不伤身", nil),
      ("他说得对，早囤早赚", nil),
      ("您就说这款焦油低", nil),
      ("您跟这位客人说这烟不伤身", nil),
      ("告诉客人说这烟不伤身", nil),
    ] as [(String, String?)])
  func theReportedWordsAreFound(_ text: String, _ words: String?) {
    var normalized = TextNormalizer.normalize(text)
    let found = normalized.withUTF8 { bytes in
      ReportedSpeech.spans(bytes).map {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self)
      }
    }
    #expect(found == (words.map { [$0] } ?? []), "\(text)")
  }

  @Test func aFaultReportedIsNotTheTraineesButOneToldIs() {
    let reported = TestLibrary.score(
      "人家问哪个不伤身，您就说烟都有害，推荐口味就行", in: Labs.middleAgedMan, phase: "business")
    #expect(!reported.violated.contains("conduct.health_claim"), "\(reported)")
    // `explain` says why, from the same reading.
    let utterance = Utterance(
      index: 1, phase: "business", text: "人家问哪个不伤身，您就说烟都有害", moodBefore: 60)
    var scorer = Scorer(plan: ScoringPlan(scenario: Labs.middleAgedMan))
    let before = scorer
    let result = scorer.score(utterance)
    let why = before.explain(utterance, result: result).first { $0.id == "conduct.health_claim" }
    #expect(why?.verdict == .reported(words: "不伤身"), "\(String(describing: why))")
    let own = TestLibrary.score(
      "您就跟人家说这个不伤身", in: Labs.middleAgedMan, phase: "business")
    #expect(own.violated.contains("conduct.health_claim"), "\(own)")
  }
}

/// A clause that challenges a rule denies the rule's words: no veto, no credit.
@Suite("Rhetorical challenges")
struct RhetoricalQuestionTests {
  @Test(
    arguments: [
      ("谁说非得按价签卖？行情好了涨点很正常", "谁说非得按价签卖"),
      ("现在哪个店真查身份证啊，卖了算了", "哪个店真查身份证啊"),
      ("谁说的？我去问问", nil),
      ("哪有这规矩，别听他的", nil),
      ("这几款烟，哪个真卖得好？", nil),
    ] as [(String, String?)])
  func theChallengingClauseIsFound(_ text: String, _ clause: String?) {
    var normalized = TextNormalizer.normalize(text)
    let found = normalized.withUTF8 { bytes in
      RhetoricalQuestion.spans(bytes).map {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self)
      }
    }
    #expect(found == (clause.map { [$0] } ?? []), "\(text)")
  }

  @Test func aChallengedRuleVetoesNothingAndEarnsNothing() {
    let challenged = TestLibrary.score(
      "谁说非得按价签卖？行情好了涨点很正常", in: Labs.middleAgedMan, phase: "business")
    #expect(challenged.violated.contains("conduct.price_violation"), "\(challenged)")
    #expect(!challenged.newlyMet.contains("compliance.compliance_advice"), "\(challenged)")
    // `explain` names the frame, not a negation.
    let utterance = Utterance(
      index: 1, phase: "greeting", text: "谁规定见面非得说您好", moodBefore: 60)
    var scorer = Scorer(plan: ScoringPlan(scenario: Labs.middleAgedMan))
    let before = scorer
    let result = scorer.score(utterance)
    let verdicts = before.explain(utterance, result: result).map(\.verdict)
    #expect(verdicts.contains { if case .challenged = $0 { true } else { false } }, "\(verdicts)")
    #expect(!verdicts.contains { if case .negated = $0 { true } else { false } }, "\(verdicts)")
    let stated = TestLibrary.score(
      "还是得按价签卖，行情好了也别涨", in: Labs.middleAgedMan, phase: "business")
    #expect(!stated.violated.contains("conduct.price_violation"), "\(stated)")
  }
}

/// A follow-up takes up the answer by one content character next to a question word.
@Suite("One-character take-up")
struct SingleEchoTests {
  @Test(
    arguments: [
      ("卡在哪一步？", "我那个手机订货老卡。", "卡"),
      ("淡了多久了？", "这阵子生意淡。", "淡"),
      // A question word shared with the line is no echo; nor is a word every visit says.
      ("来的都是些什么人？", "行，客人怎么说我给你记着。", nil),
      ("新品烟有几条？", "烟卖得一般。", nil),
    ] as [(String, String, String?)])
  func takeUp(_ said: String, _ heard: String, _ echo: String?) {
    #expect(HeardEcho.takeUp(in: TextNormalizer.normalize(said), of: heard) == echo)
  }
}

@Suite("Bigram similarity")
struct SimilarityTests {
  @Test func sameSentenceIsOne() {
    let a = BigramProfile("换谁都着急")
    #expect(a.similarity(to: a) == 1)
  }

  @Test func unrelatedSentenceIsLow() {
    let a = BigramProfile("换谁都着急")
    #expect(a.similarity(to: BigramProfile("明天下雨")) == 0)
  }

  @Test func closeParaphraseIsHigh() {
    let a = BigramProfile(TextNormalizer.normalize("您先忙，我在边上等您"))
    let b = BigramProfile(TextNormalizer.normalize("您先忙吧，我在边上等着"))
    #expect(a.similarity(to: b) > 0.5)
  }
}
