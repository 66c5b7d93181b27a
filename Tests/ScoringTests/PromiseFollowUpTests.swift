import Scoring
import Testing
import VisitCoachModel
import VisitCoachTestSupport

/// Visits that continue (a series): reporting back on what was promised last time counts in
/// full only when it is about that promise; the retailer quotes the promise; the memory a visit
/// was played with is the one it is re-scored with.
@Suite("Following up the earlier visit's promise")
struct PromiseFollowUpTests {
  static let visit = TestLibrary.scenario("deng-store-2")
  static let reportsBack = "follow_up.reports_back"

  func report(_ text: String, in scenario: Scenario = visit) -> (
    score: TurnScore, evidence: Evidence?
  ) {
    var scorer = Scorer(plan: ScoringPlan(scenario: scenario))
    let score = scorer.score(Utterance(index: 1, phase: "greeting", text: text, moodBefore: 50))
    let report = scorer.report(
      for: Transcript(scenarioID: scenario.id, seed: 1), scenario: scenario)
    let finding = report.areas.flatMap(\.criteria).first { $0.id == Self.reportsBack }
    return (score, finding?.evidence.first)
  }

  @Test func reportingOnThePromiseCountsInFull() {
    let (score, evidence) = report("邓姐，形象柜的事我问过市场部了，排在第二批，十五号到二十号装。")
    #expect(score.newlyMet.contains(Self.reportsBack), "\(score)")
    guard case .recalledPromise(let promise, let words)? = evidence?.basis else {
      Issue.record("no promise named: \(String(describing: evidence))")
      return
    }
    #expect(promise.contains("形象柜"))
    #expect(words.contains { $0.contains("形象柜") || $0.contains("市场部") }, "\(words)")
  }

  @Test func aReportOnSomethingElseIsHalfTheAct() {
    let (score, _) = report("上次说的那个事我问了，回头细说。")
    #expect(score.newlyPartial.contains(Self.reportsBack), "\(score)")
    #expect(!score.newlyMet.contains(Self.reportsBack))
  }

  /// The same words after a different promise (what the trainee really said in a series)
  /// are a report on something else.
  @Test func thePromiseIsTheOneTheTraineeMade() {
    let followed = Self.visit.following(
      PreviousVisit(when: "上周", record: nil, promises: ["送货时间我下周三前给您回话"]))
    let (score, _) = report("邓姐，形象柜的事我问过市场部了，排在第二批。", in: followed)
    #expect(score.newlyPartial.contains(Self.reportsBack), "\(score)")
    let (delivery, _) = report("送货时间的事我问了，能挪到上午。", in: followed)
    #expect(delivery.newlyMet.contains(Self.reportsBack), "\(delivery)")
  }

  @Test func withoutAPromiseThereIsNothingToFollowUp() {
    var alone = Self.visit
    alone.previous = PreviousVisit(when: "", record: nil, promises: [])
    let plan = ScoringPlan(scenario: alone)
    var scorer = Scorer(plan: plan)
    scorer.score(Utterance(index: 1, phase: "greeting", text: "上次说的事我问了。", moodBefore: 50))
    let report = scorer.report(for: Transcript(scenarioID: alone.id, seed: 1), scenario: alone)
    let finding = report.areas.flatMap(\.criteria).first { $0.id == Self.reportsBack }
    #expect(finding?.status == .notApplicable)
  }

  @Test func brushingItOffWhenAskedIsAFault() {
    let score = TestLibrary.score(
      "哎呀忘了，回头再说吧。", in: Self.visit, phase: "greeting", mood: 50,
      heard: "上次你说周五前给我回电话——问了没有？")
    #expect(score.violated.contains("follow_up.forgets_promise"), "\(score)")
  }

  /// A stored transcript carries the memory it was played with; re-scoring it with a scenario
  /// whose own default says otherwise gives the same result.
  @Test func reScoringUsesTheStoredMemory() {
    let previous = PreviousVisit(when: "上周", record: nil, promises: ["送货时间我下周三前给您回话"])
    let played = Self.visit.following(previous)
    var transcript = Transcript(scenarioID: played.id, seed: 1)
    transcript.previous = previous
    transcript.turns = [
      Turn(
        index: 1, kind: .say, phase: "greeting", trainee: "送货时间的事我问了，能挪到上午。", retailer: nil,
        retailerLineID: nil, moodBefore: 50, mood: 50, patience: 60, clockStart: 0, clock: 10)
    ]
    let live = Scorer.score(transcript, scenario: played)
    let again = Scorer.score(transcript, scenario: Self.visit)
    let status = { (r: ScoreReport) in
      r.areas.flatMap(\.criteria).first { $0.id == Self.reportsBack }?.status
    }
    #expect(status(live) == .met)
    #expect(status(again) == .met)
    #expect(live.total == again.total)
  }

  @Test func theRetailerQuotesTheGistWithItsDate() {
    let long = PreviousVisit(
      when: "",
      record: nil,
      promises: ["我今天下午就去市场部，查清楚您家排没排上、排在哪一批、什么时候装，周五前给您回个电话。"])
    let said = long.filling("上次你说“{previous.promise}”，{previous.when}到现在了。")
    #expect(said.contains("周五前给您回个电话”"), "\(said)")
    #expect(said.contains("“……"), "\(said)")
    #expect(!said.contains("{previous"), "\(said)")
    #expect(said.contains("上次到现在了"), "\(said)")
  }
}
