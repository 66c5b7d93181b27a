import Foundation
import Reporting
import Scoring
import Simulation
import Testing
import TraineeInput
import VisitCoachModel
import VisitCoachTestSupport

/// Plays lines (utterances and /commands, as a trainee types them) on a fresh conversation,
/// through the same `Script` parser and `VisitRun` the practice session and `replay` use.
func play(_ scenario: Scenario, seed: UInt64 = 1, _ lines: [String]) -> Conversation {
  var run = VisitRun(scenario: scenario, seed: seed)
  let steps: [ScriptStep]
  do {
    steps = try Script.parse(lines.joined(separator: "\n"))
  } catch {
    preconditionFailure(
      "test script has an unknown command on line \(error.line): \(error.command)")
  }
  for step in steps { run.perform(step) }
  var conversation = run.conversation
  conversation.finish()
  return conversation
}

/// The sample transcript `scenarios/samples/<id>.<kind>.txt`, one line per turn.
func sample(_ id: String, _ kind: String) throws -> [String] {
  let text = try String(
    contentsOfFile: "\(TestLibrary.scenariosRoot)/samples/\(id).\(kind).txt", encoding: .utf8)
  return text.split(separator: "\n").map(String.init).filter {
    !$0.trimmingCharacters(in: .whitespaces).isEmpty
  }
}

@Suite("Retailer engine")
struct ConversationTests {
  let busy = TestLibrary.scenario("busy-morning-rush")

  @Test func sameSeedSameVisit() throws {
    let lines = try sample("busy-morning-rush", "good")
    let a = play(busy, seed: 7, lines)
    let b = play(busy, seed: 7, lines)
    #expect(a.transcript == b.transcript)
    #expect(JSONReport.render(a.report) == JSONReport.render(b.report))
  }

  /// The practice screen compiles the phrases on another thread; a visit played at once on
  /// such a plan (the first utterance waits for the compile) is the same visit.
  @Test func aPlanCompiledInTheBackgroundPlaysTheSameVisit() throws {
    let lines = try sample("busy-morning-rush", "good")
    var run = VisitRun(
      scenario: busy, seed: 7,
      plan: ScoringPlan(scenario: busy, compilingPhrasesInBackground: true))
    for step in try Script.parse(lines.joined(separator: "\n")) { run.perform(step) }
    var background = run.conversation
    background.finish()
    let foreground = play(busy, seed: 7, lines)
    #expect(background.transcript == foreground.transcript)
    #expect(JSONReport.render(background.report) == JSONReport.render(foreground.report))
    #expect(background.report.total > 0)
  }

  @Test func busyRetailerOpensServingCustomers() {
    var c = Conversation(scenario: busy, seed: 1)
    let line = c.start()
    #expect(line?.id == "busy-start")
    #expect(c.transcript.openingLine?.contains("正忙着") == true)
  }

  @Test func waitingForABusyRetailerPaysOff() {
    var c = Conversation(scenario: busy, seed: 1)
    _ = c.start()
    _ = c.say("陈老板，您好！")
    let patienceBefore = c.state.patience
    let outcome = c.say("您先忙，我在边上等您")
    #expect(outcome.score.met.contains("greeting.wait_when_busy"))
    #expect(outcome.line?.id == "busy-thanks-for-waiting")
    #expect(c.state.patience > patienceBefore)
    #expect(c.state.flags.contains("busy_waited"))
  }

  @Test func silentWaitCountsAsWaitingWhenBusy() {
    var c = Conversation(scenario: busy, seed: 1)
    _ = c.start()
    let outcome = c.wait()
    #expect(outcome.score.met.contains("greeting.wait_when_busy"))
    #expect(outcome.line?.id == "busy-wait-served")
    #expect(outcome.turn.clock >= busy.settings.waitSeconds)
  }

  @Test func longUtterancesMakeABusyRetailerInterrupt() {
    var c = Conversation(scenario: busy, seed: 1)
    _ = c.start()
    let long = String(repeating: "我跟您详细说一下这个月的新品情况，", count: 4)
    let before = c.state.patience
    let outcome = c.say(long)
    #expect(outcome.line?.id == "busy-interrupt")
    #expect(c.state.patience < before - 10)
    // The coach can say why the mood fell: the busy trait's reaction to a long utterance.
    #expect(
      outcome.score.moodCauses.contains(.trait(title: "忙碌", trigger: .longerThan(40), mood: -3)))
    #expect(outcome.score.moodCauses.map(\.mood).reduce(0, +) == outcome.score.moodChange)
    #expect(
      InterfaceStrings.chinese.moodReasons(outcome.score.moodCauses, titles: [:])
        .contains("忙碌：话超过 40 字 -3"))
  }

  @Test func retailerSendsTheTraineeAwayWhenPatienceRunsOut() {
    let rambling = String(repeating: "然后呢我再给您讲讲我们公司的政策和最近的各种安排情况，", count: 3)
    let c = play(busy, Array(repeating: rambling, count: 12))
    #expect(c.transcript.endedBy == .retailerLeft)
    #expect(c.transcript.turns.last?.retailer?.contains("改天再来") == true)
    #expect(c.report.endedBy == .retailerLeft)
    #expect(c.transcript.turns.count < 12)
  }

  @Test func theClockRunsOutOnAHugeUtterance() {
    let huge = String(repeating: "好", count: 1_000_000)
    var c = Conversation(scenario: busy, seed: 1)
    _ = c.start()
    let outcome = c.say(huge)
    #expect(outcome.ended != nil)
    #expect(c.transcript.turns.count == 1)
    #expect(c.transcript.turns[0].trainee.count == 1_000_000)
  }

  @Test func phasesFollowTheTrainee() {
    var c = Conversation(scenario: busy, seed: 1)
    _ = c.start()
    #expect(c.phase.id == "greeting")
    _ = c.say("陈老板您好，您这烟柜玻璃擦得真亮")
    #expect(c.phase.id == "opening")
    _ = c.next()
    #expect(c.phase.id == "business")
    let outcome = c.say("谢谢您，我下周二再来，您忙着！")
    #expect(outcome.turn.phase == "farewell")
    #expect(outcome.ended == .trainee)
  }

  @Test func linesAreNotRepeatedWhileOthersRemain() throws {
    let yaml = """
      version: 1
      id: three-lines
      title: 三句话
      arrival: 小店。
      customer: { class: C, network: rural, visit: first }
      persona: { name: 李四, age: 40, gender: male }
      phases: [{ id: greeting, title: 打招呼 }]
      lines:
        - { id: a, text: 甲。 }
        - { id: b, text: 乙。 }
        - { id: c, text: 丙。 }
      rubrics: [{ use: greeting }]
      """
    let scenario = try #require(TestLibrary.scenario(yaml: yaml).scenarios.first)
    for seed in UInt64(1)...5 {
      let ids = play(scenario, seed: seed, ["嗯", "嗯", "嗯", "嗯"]).transcript.turns.compactMap(
        \.retailerLineID)
      #expect(Set(ids.prefix(3)) == ["a", "b", "c"], "seed \(seed): \(ids)")
      #expect(ids.count == 4)
    }
  }

  @Test func aTraitLineMovingToAMissingPhaseNeverFires() throws {
    let yaml = """
      version: 1
      id: no-complaint-phase
      title: 没有抱怨环节
      arrival: 小店。
      customer: { class: C, network: rural, visit: first }
      persona: { name: 李四, age: 40, gender: male, traits: [complaining] }
      phases: [{ id: greeting, title: 打招呼 }]
      lines:
        - { id: plain, text: 嗯。 }
      rubrics: [{ use: greeting }]
      """
    let scenario = try #require(TestLibrary.scenario(yaml: yaml).scenarios.first)
    #expect(!scenario.lines.contains { $0.id == "complaining-raise" })
    let c = play(scenario, ["您好"])
    #expect(c.transcript.turns[0].retailerLineID == "plain")
  }

  @Test func repeatingAWaitingPhraseDoesNotKeepRaisingPatience() {
    var c = Conversation(scenario: busy, seed: 1)
    _ = c.start()
    _ = c.say("您先忙，我等您")
    let after = c.state.patience
    _ = c.say("您先忙，我等您")
    #expect(c.state.patience <= after)
  }

  @Test func oddInputNeverCrashes() {
    let inputs = [
      "", "   ", "\u{1b}[31m红色\u{1b}[0m", "\u{0}\u{1}\u{7}",
      String(decoding: [0xFF, 0xFE, 0x41] as [UInt8], as: UTF8.self),
      "/notacommand", "😀😀😀", String(repeating: "\u{301}", count: 50),
    ]
    var c = Conversation(scenario: busy, seed: 1)
    _ = c.start()
    for input in inputs { _ = c.say(input) }
    c.finish()
    #expect(c.transcript.turns.count == inputs.count)
    _ = c.report
  }

  @Test func finishedVisitIgnoresFurtherTurns() {
    var c = Conversation(scenario: busy, seed: 1)
    _ = c.start()
    c.finish()
    let outcome = c.say("还有一件事")
    #expect(outcome.ended == .stopped, "finished at arrival: stopped, not completed")
    #expect(c.transcript.turns.isEmpty)
  }

  @Test func thePreparationIsKeptWhenAStoredVisitIsRebuilt() throws {
    let scenario = TestLibrary.scenario("supply-complaint")
    var first = VisitRun(scenario: scenario, seed: 1)
    first.perform(.plan("回复金桥细支限量的事"))
    first.perform(.pack("价存表 本子 雨伞"))
    first.perform(.ready("工装 工作证 皮鞋 头发整齐 进店前不抽烟"))
    first.perform(.say("赵老板，您好！"))
    // Too late once the visit has begun: none of these change anything.
    first.perform(.pack("价签"))
    first.perform(.plan("点库存"))
    #expect(first.conversation.transcript.packed == ["stock-form", "notebook"])
    #expect(first.conversation.transcript.plan == "回复金桥细支限量的事")
    var rebuilt = VisitRun(scenario: scenario, seed: 1)
    #expect(rebuilt.rebuild(from: first.conversation.transcript) == nil)
    #expect(rebuilt.conversation.transcript.packed == ["stock-form", "notebook"])
    #expect(rebuilt.conversation.transcript.appearanceChecked == true)
    let area = try #require(rebuilt.conversation.report.areas.first { $0.id == "preparation" })
    func status(_ id: String) -> CriterionStatus? { area.criteria.first { $0.id == id }?.status }
    #expect(status("preparation.bag") == .met)
    #expect(status("preparation.appearance") == .met)
    // One goal of two (the limit, not the stock): partial, naming what was left out.
    let plan = try #require(area.criteria.first { $0.id == "preparation.plan" })
    #expect(plan.status == .partial)
    #expect(
      plan.evidence.contains { InterfaceStrings.chinese.evidence($0).hasPrefix("计划里没有：金桥细支断货") },
      "\(plan.evidence)")
  }

  /// `/ready` is a choice against the source's dress rules, not a declaration: what does not fit
  /// a visit costs the credit and is named with its rule; naming nothing checks nothing.
  @Test func theAppearanceIsWhatWasChosen() throws {
    let scenario = TestLibrary.scenario("supply-complaint")
    func appearance(_ steps: [ScriptStep]) throws -> Finding {
      var run = VisitRun(scenario: scenario, seed: 1)
      for step in steps { run.perform(step) }
      run.perform(.say("赵老板，您好！"))
      let area = try #require(run.conversation.report.areas.first { $0.id == "preparation" })
      return try #require(area.criteria.first { $0.id == "preparation.appearance" })
    }
    let right = try appearance([.ready("1 2 3 4 5")])
    #expect(right.status == .met, "\(right.evidence)")
    let slippers = try appearance([.ready("工装 工作证 拖鞋 头发整齐 不抽烟")])
    #expect(slippers.status == .partial)
    #expect(
      slippers.evidence.contains { InterfaceStrings.chinese.evidence($0).hasPrefix("不该：拖鞋") },
      "\(slippers.evidence)")
    #expect(
      slippers.evidence.contains { InterfaceStrings.chinese.evidence($0).hasPrefix("漏了：皮鞋") },
      "\(slippers.evidence)")
    let careless = try appearance([.ready("短裤 拖鞋 先抽根烟")])
    #expect(careless.status == .missed)
    let bare = try appearance([.ready("")])
    #expect(bare.status == .missed)
    // A visit stored before the choices existed keeps its plain check.
    var old = Transcript(scenarioID: scenario.id, seed: 1)
    old.appearanceChecked = true
    let report = Scorer.score(old, scenario: scenario)
    let kept = report.areas.flatMap(\.criteria).first { $0.id == "preparation.appearance" }
    #expect(kept?.status == .met)
  }

  @Test func hintsAreNotedInTheReport() {
    var c = Conversation(scenario: busy, seed: 1)
    _ = c.start()
    let hints = c.hint()
    #expect(!hints.isEmpty)
    #expect(c.report.hintsUsed == ["greeting"])
  }
}

@Suite("Shipped scenarios: good visits pass, poor visits fail")
struct SampleTranscriptTests {
  static let ids = TestLibrary.shipped.scenarios.map(\.id)

  @Test(arguments: ids)
  func goodVisitPasses(_ id: String) throws {
    let c = play(TestLibrary.scenario(id), try sample(id, "good"))
    let report = c.report
    #expect(report.passed, "\(id): total \(report.total), blockers \(report.blockers)")
    #expect(report.total >= 75)
    #expect(report.blockers.isEmpty)
    #expect(report.endedBy == .trainee)
  }

  @Test(arguments: ids)
  func poorVisitFails(_ id: String) throws {
    let report = play(TestLibrary.scenario(id), try sample(id, "poor")).report
    #expect(!report.passed, "\(id): total \(report.total)")
    #expect(report.total < 50)
    let triggered = report.areas.flatMap(\.penalties).filter { $0.status == .triggered }
    #expect(!triggered.isEmpty)
  }

  @Test(arguments: ids)
  func rescoringAStoredTranscriptGivesTheSameReport(_ id: String) throws {
    let scenario = TestLibrary.scenario(id)
    let c = play(scenario, try sample(id, "good"))
    let data = try JSONEncoder().encode(c.transcript)
    let stored = try JSONDecoder().decode(Transcript.self, from: data)
    #expect(Scorer.score(stored, scenario: scenario) == c.report)
  }
}

/// `/help` is generated from the command table: every command has its wording in both languages.
@Suite("Command help")
struct CommandHelpTests {
  @Test func everyCommandHasHelpInEveryLanguage() {
    for strings in [InterfaceStrings.chinese, InterfaceStrings.english] {
      let missing = Script.commands.filter { strings.commandHelp[$0] == nil }
      #expect(missing.isEmpty, "no help for \(missing) in \(strings.language)")
      let unknown = strings.commandHelp.keys.filter { !Script.commands.contains($0) }
      #expect(unknown.isEmpty, "help for commands that do not exist: \(unknown)")
      for command in Script.commands {
        #expect(strings.commandHelp[command]?.usage.hasPrefix(command) != false)
      }
    }
  }
}

/// `/next` moves on to a phase not yet done.
@Suite("Next phase")
struct NextPhaseTests {
  @Test func nextNeverReturnsToAComplaintAlreadyHandled() throws {
    // The mediocre visit raises the price-tag complaint during the inquiry, handles it, and
    // `/next` takes it back to the stock count; from there it walks on with /next.
    let lines = Array(try sample("full-visit-urban-a", "mediocre").prefix(12))
    #expect(lines.last == "我帮您点一下库存，行吗？")
    var run = VisitRun(scenario: TestLibrary.scenario("full-visit-urban-a"), seed: 1)
    for step in try Script.parse(lines.joined(separator: "\n")) { run.perform(step) }
    #expect(run.conversation.phase.id == "stock")
    var walked: [String] = []
    while run.conversation.phase.id != "farewell", !run.conversation.isOver, walked.count < 10 {
      run.perform(.next)
      walked.append(run.conversation.phase.id)
    }
    #expect(walked == ["display", "service", "brand", "farewell"], "\(walked)")
  }
}
