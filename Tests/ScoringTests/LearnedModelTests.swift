import Scoring
import Testing
import VisitCoachModel
import VisitCoachTestSupport

/// Learned models (`learned:` on a check): a fault recognised from labelled examples when its
/// written phrases miss it, deterministic and named by the grams that weighed most.
@Suite("Learned models")
struct LearnedModelTests {
  /// The lab with `conduct.contempt` given a hand-made model over made-up grams (no phrase of
  /// the library has them), so the tests do not depend on what training happens to give.
  static func lab(threshold: Double = 0.5) -> Scenario {
    lab(
      with: LearnedModel(
        name: "contempt", bias: -3, threshold: threshold,
        weights: ["甲乙": 1.5, "丙丁戊": 2.5, "丙": 0.5, "谢谢": -2]))
  }

  /// The lab with `model` on `conduct.contempt`.
  static func lab(with model: LearnedModel) -> Scenario {
    var scenario = TestLibrary.rubricLab()
    for r in scenario.rubrics.indices {
      for p in scenario.rubrics[r].penalties.indices
      where scenario.rubrics[r].penalties[p].id == "conduct.contempt" {
        scenario.rubrics[r].penalties[p].learned = model
      }
    }
    return scenario
  }

  @Test func gramsStayInsideAClauseAndOutsideQuotes() {
    let grams = Set(LearnedFeatures.grams(of: "又来，教不会").map(LearnedFeatures.text))
    #expect(grams.isSuperset(of: ["又", "来", "又来", "教不会", "不会"]))
    // 来 and 教 are in different clauses: no gram joins them.
    #expect(!grams.contains("来教"))
    let quoted = Set(LearnedFeatures.grams(of: "我从不说“教不会”这种话").map(LearnedFeatures.text))
    #expect(!quoted.contains("教不会"), "\(quoted)")
    let repeated = LearnedFeatures.grams(of: "又来又来")
    #expect(repeated.count == Set(repeated).count)
    #expect(repeated.map(LearnedFeatures.text).contains("来又"))
  }

  @Test func packingRoundTrips() {
    for gram in ["教", "教不", "教不会", "a", "ab1"] {
      #expect(LearnedFeatures.pack(gram).map(LearnedFeatures.text) == gram)
    }
    #expect(LearnedFeatures.pack("") == nil)
    #expect(LearnedFeatures.pack("四个字了") == nil)
  }

  @Test func aConfidentModelTriggersThePenaltyAndNamesItsWords() {
    // log-odds −3 + 1.5 + 2.5 + 0.5 = 1.5: 82%.
    let score = TestLibrary.score("甲乙？丙丁戊", in: Self.lab(), phase: "business")
    #expect(score.violated.contains("conduct.contempt"), "\(score)")
    guard case .learned(let words, let percent) = score.learned["conduct.contempt"] else {
      Issue.record("no learned basis: \(score)")
      return
    }
    #expect(percent == 82)
    #expect(words == ["丙丁戊", "甲乙"])
  }

  @Test func belowItsThresholdItSaysNothing() {
    // −3 + 1.5 = −1.5: 18%.
    let score = TestLibrary.score("甲乙", in: Self.lab(), phase: "business")
    #expect(!score.violated.contains("conduct.contempt"), "\(score)")
    let strict = TestLibrary.score("甲乙？丙丁戊", in: Self.lab(threshold: 0.9), phase: "business")
    #expect(!strict.violated.contains("conduct.contempt"), "\(strict)")
  }

  @Test func singleCharactersAloneAreNoVerdict() {
    let scenario = Self.lab(
      with: LearnedModel(
        name: "contempt", bias: -3, threshold: 0.5, weights: ["甲": 2, "乙": 2, "甲乙": -0.5]))
    // −3 + 2 + 2 − 0.5 = 0.5: 62%, but only 甲 and 乙 weigh towards it.
    let score = TestLibrary.score("甲乙", in: scenario, phase: "business")
    #expect(!score.violated.contains("conduct.contempt"), "\(score)")
  }

  @Test func negativeWeightsCountAgainst() {
    // −3 + 1.5 + 2.5 + 0.5 − 2 = −0.5: 38%.
    let score = TestLibrary.score("甲乙？丙丁戊，谢谢", in: Self.lab(), phase: "business")
    #expect(!score.violated.contains("conduct.contempt"), "\(score)")
  }

  @Test func explainReadsTheVerdictTheScorerRecorded() {
    let plan = ScoringPlan(scenario: Self.lab())
    let scorer = Scorer(plan: plan)
    let utterance = Utterance(index: 1, phase: "business", text: "甲乙？丙丁戊", moodBefore: 60)
    var after = scorer
    let result = after.score(utterance)
    let explained = scorer.explain(utterance, result: result).first { $0.id == "conduct.contempt" }
    #expect(
      explained?.verdict == .learned(words: "丙丁戊、甲乙", percent: 82),
      "\(String(describing: explained))")
  }

  @Test func anUmbrellaPenaltyGivesWayToTheSpecificOneItNames() {
    // conduct.contempt, judged by its model alone here, yields to conduct.threat.
    var lab = Self.lab()
    for r in lab.rubrics.indices {
      for p in lab.rubrics[r].penalties.indices
      where lab.rubrics[r].penalties[p].id == "conduct.contempt" {
        lab.rubrics[r].penalties[p].yieldsTo = ["conduct.threat"]
      }
    }
    let alone = TestLibrary.score("甲乙？丙丁戊", in: lab, phase: "business")
    #expect(alone.violated.contains("conduct.contempt"), "\(alone)")
    let both = TestLibrary.score("甲乙？丙丁戊，后果自负", in: lab, phase: "business")
    #expect(both.violated.contains("conduct.threat"), "\(both)")
    #expect(!both.violated.contains("conduct.contempt"), "\(both)")
    #expect(both.learned["conduct.contempt"] == nil)
    #expect(both.declined["conduct.contempt"] == .yieldedTo("conduct.threat"))
    // explain reads that decision and names the penalty that stood in.
    let plan = ScoringPlan(scenario: lab)
    let scorer = Scorer(plan: plan)
    let utterance = Utterance(
      index: 1, phase: "business", text: "甲乙？丙丁戊，后果自负", moodBefore: 60)
    var after = scorer
    let result = after.score(utterance)
    let threat = lab.rubrics.flatMap(\.penalties).first { $0.id == "conduct.threat" }?.title ?? ""
    let explained = scorer.explain(utterance, result: result).first { $0.id == "conduct.contempt" }
    #expect(
      explained?.verdict == .declined(.yieldedTo(threat), words: ""),
      "\(String(describing: explained))")
  }

  @Test func theSameUtteranceAlwaysGetsTheSameVerdict() {
    let lab = Self.lab()
    let first = TestLibrary.score("甲乙？丙丁戊", in: lab, phase: "business")
    for _ in 0..<5 {
      let again = TestLibrary.score("甲乙？丙丁戊", in: lab, phase: "business")
      #expect(again.violated == first.violated && again.learned == first.learned)
    }
  }
}

@Suite("Learned verdicts and blockers")
struct LearnedBlockerTests {
  /// `conduct.contempt` is a blocker: written words that match it fail the visit, a model's
  /// verdict alone costs its points but does not.
  @Test func aModelAloneNeverFailsTheVisit() {
    let scenario = LearnedModelTests.lab()
    func report(_ text: String) -> ScoreReport {
      var scorer = Scorer(plan: ScoringPlan(scenario: scenario))
      scorer.score(Utterance(index: 1, phase: "business", text: text, moodBefore: 60))
      return scorer.report(for: Transcript(scenarioID: scenario.id, seed: 1), scenario: scenario)
    }
    let byModel = report("甲乙？丙丁戊")
    let modelFinding = byModel.areas.flatMap(\.penalties).first { $0.id == "conduct.contempt" }
    #expect(modelFinding?.status == .triggered)
    #expect(modelFinding?.points ?? 0 < 0, "the penalty still costs its points")
    #expect(modelFinding?.isBlocker == false)
    #expect(byModel.blockers.isEmpty, "\(byModel.blockers)")
    let byWords = report("这么简单都不会，说了多少遍了")
    let wordsFinding = byWords.areas.flatMap(\.penalties).first { $0.id == "conduct.contempt" }
    #expect(wordsFinding?.status == .triggered)
    #expect(wordsFinding?.isBlocker == true)
    #expect(byWords.blockers == [wordsFinding?.title ?? ""])
  }
}
