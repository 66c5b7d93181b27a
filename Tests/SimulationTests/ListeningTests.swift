import Scoring
import Simulation
import Testing
import VisitCoachModel
import VisitCoachTestSupport

/// What the retailer hears (`rubrics/said.yaml`): lines that answer an intent, quote a slot, and
/// the visit that ends when the trainee takes leave.
@Suite("What the retailer hears")
struct ListeningTests {
  let busy = TestLibrary.scenario("busy-morning-rush")

  /// A fixture on the shipped library with one phase and lines keyed to intents.
  func fixture(lines: String) throws -> Scenario {
    let yaml = """
      version: 1
      id: listening-lab
      title: 听话实验
      arrival: 一家小店。
      customer: { class: B, network: urban, visit: first }
      persona: { name: 王建国, age: 45, gender: male, mood: 60 }
      phases:
        - { id: greeting, title: 打招呼 }
        - { id: farewell, title: 拜别致谢 }
      lines:
      \(lines)
        - { id: plain, text: 嗯，你说。 }
      rubrics:
        - use: greeting
      """
    let result = TestLibrary.scenario(yaml: yaml)
    return try #require(result.scenario("listening-lab"), "\(result.errors.map(\.description))")
  }

  @Test func heardIntentsCarryTheirWords() throws {
    let listening = try #require(Listening(scenario: busy))
    let heard = listening.hear("价签的事我回去问清楚，周三前给您回电话。")
    #expect(heard.map(\.name).contains("promise"))
    #expect(heard.first { $0.name == "time" }?.words.first == "周三前")
    // Negated and look-alike words are not heard.
    #expect(!listening.hear("这烟这礼拜走了几条？").map(\.name).contains("leave_taking"))
    #expect(!listening.hear("您先忙，我在外面等您。").map(\.name).contains("leave_taking"))
  }

  @Test func aLineQuotesTheTimeThatWasSaid() throws {
    let scenario = try fixture(
      lines: """
          - { id: when, when: { said: [promise] }, text: "行，{said.time}等你信儿。" }
        """)
    // The slot makes the line require the time as well as the promise.
    let line = try #require(scenario.lines.first { $0.id == "when" })
    #expect(line.condition.said == ["promise", "time"])
    let withTime = play(scenario, ["王老板您好，这事我回去查清楚，明天上午给您回话。"])
    #expect(withTime.transcript.turns[0].retailer == "行，明天上午等你信儿。")
    // Two times: the line quotes the one the sentence settles on, the deadline at its end.
    let twoTimes = play(scenario, ["王老板您好，今天下午我就报上去，周五前给您回话。"])
    #expect(twoTimes.transcript.turns[0].retailer == "行，周五前等你信儿。")
    let withoutTime = play(scenario, ["王老板您好，这事我回去查清楚再给您回话。"])
    #expect(withoutTime.transcript.turns[0].retailerLineID == "plain")
  }

  @Test func aLineNamesTheBrandSaidFirst() throws {
    let scenario = try fixture(
      lines: """
          - { id: brand, when: { said: [brand] }, text: "{said.brand}啊？" }
        """)
    let c = play(scenario, ["王老板，海韵和金桥最近咋样？"])
    #expect(c.transcript.turns[0].retailer == "海韵啊？")
  }

  @Test func takingLeaveEndsTheVisitAfterTheAnswer() {
    var c = Conversation(scenario: busy, seed: 1)
    _ = c.start()
    _ = c.say("陈老板早，我是烟草公司的客户经理小陈。")
    let outcome = c.say("走了。")
    #expect(outcome.line?.id == "bye-bare")
    #expect(outcome.ended == .stopped)
    #expect(c.isOver)
    // Sales talk with the same characters does not end it.
    var d = Conversation(scenario: busy, seed: 1)
    _ = d.start()
    _ = d.say("陈老板早，金桥这礼拜走了几条？")
    #expect(!d.isOver)
  }

  @Test func aRetailerWhoCallsTheTraineeBackKeepsTheVisitGoing() throws {
    let scenario = try fixture(
      lines: """
          - { id: door, when: { said: [leave_taking] }, text: 哎，你等等！, then: { goto: greeting } }
        """)
    let c = play(scenario, ["王老板您好。", "谢谢您，我先走了，再见。", "您说，我听着。"])
    #expect(c.transcript.turns.count == 3)
    #expect(c.transcript.turns[1].retailerLineID == "door")
  }

  @Test func unknownIntentsAndScoringTheListeningRubricAreErrors() {
    let unknownIntent = TestLibrary.scenario(
      yaml: """
        version: 1
        id: bad-listening
        title: 坏的
        arrival: 店。
        customer: { class: B, network: urban, visit: first }
        persona: { name: 王建国, age: 45, gender: male, mood: 60 }
        phases: [{ id: greeting, title: 打招呼 }]
        lines:
          - { id: a, when: { said: [asks_weather] }, text: 嗯。 }
          - { id: b, text: "{said.nothing}？" }
        rubrics:
          - use: greeting
          - use: said
        """)
    let unknown = unknownIntent.errors.compactMap { d -> (ReferenceKind, String)? in
      guard case .unknownReference(let kind, let written, _, _) = d.problem else { return nil }
      return (kind, written)
    }
    #expect(unknown.contains { $0 == (.intent, "asks_weather") })
    #expect(unknown.contains { $0 == (.placeholder, "said.nothing") })
    #expect(unknownIntent.errors.contains { $0.problem.code == "listening-rubric-scored" })
  }
}
