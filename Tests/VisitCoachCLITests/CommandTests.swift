import Foundation
import Testing
import TraineeInput
import VisitCoachTestSupport

@Suite("visitcoach commands")
struct CommandTests {
  @Test func replayHelpListsEveryCommandOfAPracticeSession() throws {
    let r = try BinaryRunner.run(["replay", "--help"])
    let help = r.stdout.replacingOccurrences(of: "\n", with: " ")
    for command in Script.commands {
      #expect(help.contains(command), "replay --help does not mention \(command)")
    }
  }

  let good = TestLibrary.scenariosRoot + "/samples/busy-morning-rush.good.txt"

  @Test func replayPrintsTheTextReport() throws {
    let r = try BinaryRunner.run(["replay", "busy-morning-rush", "--input", good])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("拜访评分报告 · 早高峰的便利店"))
    #expect(r.stdout.contains("通过"))
    #expect(r.stderr.isEmpty)
  }

  @Test func replayJSONFollowsTheDocumentedShape() throws {
    let r = try BinaryRunner.run([
      "replay", "busy-morning-rush", "-i", good, "--format", "json", "--seed", "3",
    ])
    #expect(r.status == 0)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect(json["version"] as? Int == 2)
    #expect(json["scenario"] as? String == "busy-morning-rush")
    #expect(json["seed"] as? Int == 3)
    #expect(json["passed"] as? Bool == true)
    #expect(json["ended_by"] as? String == "trainee")
    let areas = try #require(json["areas"] as? [[String: Any]])
    #expect(
      areas.map { $0["id"] as? String } == [
        "greeting", "opening", "farewell", "conduct", "compliance",
      ])
    let criterion = try #require((areas[0]["criteria"] as? [[String: Any]])?.first)
    for key in ["id", "title", "status", "points", "max", "evidence", "tip"] {
      #expect(criterion[key] != nil, "criterion lacks \(key)")
    }
    let turn = try #require((json["turns"] as? [[String: Any]])?.first)
    for key in ["index", "phase", "trainee", "retailer", "mood", "clock"] {
      #expect(turn[key] != nil, "turn lacks \(key)")
    }
  }

  @Test func replayReadsStandardInput() throws {
    let fromFile = try BinaryRunner.run([
      "replay", "busy-morning-rush", "-i", good, "--format", "json",
    ])
    let fromStdin = try BinaryRunner.run(
      ["replay", "busy-morning-rush", "-i", "-", "--format", "json"],
      stdin: try Data(contentsOf: URL(fileURLWithPath: good)))
    #expect(fromStdin.status == 0)
    #expect(fromStdin.stdout == fromFile.stdout)
  }

  @Test func replaySurvivesBadInput() throws {
    var data = Data("陈老板，您好！\n".utf8)
    data.append(contentsOf: [0xFF, 0xFE, 0x0A])
    data.append(Data(String(repeating: "好", count: 350_000).utf8))
    data.append(Data("\n\u{1b}[2J\u{7}\r\n\n".utf8))
    let path = try BinaryRunner.temporaryFile(data)
    let r = try BinaryRunner.run(["replay", "busy-morning-rush", "-i", path, "--format", "json"])
    #expect(r.status == 0, "\(r.stderr)")
    // The 350,000-character speech is cut to the utterance limit, and the reader is told.
    #expect(r.stderr.contains("\(path):3: the line has 350000 characters; only the first 2000"))
    #expect(r.stdout.contains(String(repeating: "好", count: 2000) + "\""))
    #expect(!r.stdout.contains(String(repeating: "好", count: 2001)))
    #expect(!r.stdout.contains("\u{1b}"))
  }

  @Test func unknownCommandInInputIsAClearError() throws {
    let path = try BinaryRunner.temporaryFile(Data("您好\n/wait\n/dance\n".utf8))
    let r = try BinaryRunner.run(["replay", "busy-morning-rush", "-i", path])
    #expect(r.status == 2)
    #expect(r.stderr.contains("\(path):3: unknown command '/dance'"))
    #expect(r.stdout.isEmpty)
  }

  @Test func unknownScenarioSuggestsTheNearest() throws {
    let r = try BinaryRunner.run(["replay", "busy-morning", "-i", good])
    #expect(r.status == 2)
    #expect(r.stderr.contains("没有剧本 ‘busy-morning’：是不是想写 ‘busy-morning-rush’？"), "\(r.stderr)")
    let en = try BinaryRunner.run(["replay", "busy-morning", "-i", good, "--lang", "en"])
    #expect(
      en.stderr.contains("unknown scenario 'busy-morning' (did you mean 'busy-morning-rush'?)"),
      "\(en.stderr)")
  }

  @Test func checkOnTheShippedLibraryIsClean() throws {
    let r = try BinaryRunner.run(["check"])
    #expect(r.status == 0, "\(r.stdout)")
    #expect(r.stdout.contains("：0 个错误，0 个警告"), "\(r.stdout)")
  }

  @Test func checkReportsLocatedErrorsAndFails() throws {
    let scenario = """
      version: 1
      id: broken
      title： 坏剧本
      """
    let dir = Scratch.root + "visitcoach-check-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: TestLibrary.scenariosRoot + "/rubrics", toPath: dir + "/rubrics")
    try FileManager.default.copyItem(
      atPath: TestLibrary.scenariosRoot + "/traits", toPath: dir + "/traits")
    try scenario.write(toFile: dir + "/broken.yaml", atomically: true, encoding: .utf8)
    let r = try BinaryRunner.run(["check", "--lang", "en", dir + "/broken.yaml"])
    #expect(r.status == 1)
    #expect(r.stdout.contains("\(dir)/broken.yaml:3:6: error: title: full-width colon"))
    let zh = try BinaryRunner.run(["check", dir + "/broken.yaml"])
    #expect(zh.stdout.contains("\(dir)/broken.yaml:3:6: 错误: title: 键 ‘title’ 后面是中文冒号"))
    let json = try BinaryRunner.run(["check", "--json", dir + "/broken.yaml"])
    #expect(json.status == 1)
    let parsed = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(parsed["errors"] as? Int == 1)
    let first = try #require((parsed["diagnostics"] as? [[String: Any]])?.first)
    #expect(first["code"] as? String == "full-width-colon")
    #expect((first["message"] as? String)?.contains("中文冒号") == true)
    #expect(first["key_path"] as? String == "title")
    #expect(first["follow_ons"] as? [Any] != nil)
  }

  @Test func checkTakesAScenarioIdAndPlaysItsSamples() throws {
    let r = try BinaryRunner.run(["check", "busy-morning-rush", "--samples"])
    #expect(r.status == 0, "\(r.stdout)")
    #expect(r.stdout.contains("busy-morning-rush：样本 好 100 通过，中 "), "\(r.stdout)")
    #expect(r.stdout.contains("1 个剧本：0 个错误"))
    // A library whose good visit is the poor one: the rule is broken, located, and check fails.
    let dir = Scratch.root + "visitcoach-samples-\(UUID().uuidString)"
    try TestLibrary.copyLibrary(to: dir, scenario: "busy-morning-rush")
    try FileManager.default.createDirectory(
      atPath: dir + "/samples", withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: TestLibrary.scenariosRoot + "/samples/busy-morning-rush.poor.txt",
      toPath: dir + "/samples/busy-morning-rush.good.txt")
    let broken = try BinaryRunner.run(["check", "--samples", dir + "/busy-morning-rush.yaml"])
    #expect(broken.status == 1, "\(broken.stdout)")
    #expect(
      broken.stdout.contains(
        "\(dir)/samples/busy-morning-rush.good.txt:1:1: 错误: 好样本至少要 75 分（这次 "),
      "\(broken.stdout)")
    let english = try BinaryRunner.run([
      "check", "--samples", "--lang", "en", dir + "/busy-morning-rush.yaml",
    ])
    #expect(english.status == 1)
    #expect(
      english.stdout.contains(
        "\(dir)/samples/busy-morning-rush.good.txt:1:1: error: a good visit must score at least 75 (scored "
      ))
  }

  @Test func listShowsScenariosAndTheDefault() throws {
    let r = try BinaryRunner.run(["list"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("* busy-morning-rush"))
    #expect(r.stdout.contains("陈建华 42岁 男 忙碌"))
    let json = try BinaryRunner.run(["list", "--json"])
    let items = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    let busy = try #require(items.first { $0["id"] as? String == "busy-morning-rush" })
    #expect(busy["class"] as? String == "A")
    #expect(busy["budget_minutes"] as? Int == 20)
    #expect(busy["default"] as? Bool == true)
  }
}

@Suite("visitcoach test")
struct TestCommandTests {
  @Test func shippedConversationTestsPass() throws {
    let r = try BinaryRunner.run(["test"])
    #expect(r.status == 0, "\(r.stdout)")
    #expect(r.stdout.contains("，失败 0 个"), "\(r.stdout)")
  }

  @Test func aScenarioIdRunsThatScenariosTests() throws {
    let r = try BinaryRunner.run(["test", "busy-morning-rush"])
    #expect(r.status == 0, "\(r.stdout)")
    #expect(r.stdout.hasPrefix("scenarios/tests/busy-morning-rush.yaml"), "\(r.stdout)")
    #expect(!r.stdout.contains("full-visit"))
  }

  @Test func aScenarioIdWorksFromAnyFolderInsideTheLibrary() throws {
    // A trainer's own copy of the library, outside the checkout, with one mistake in it: run
    // from inside the copy, the id names the copy's scenario, not the shipped one.
    let root = Scratch.root + "visitcoach-inside-\(UUID().uuidString)"
    try FileManager.default.copyItem(atPath: TestLibrary.scenariosRoot, toPath: root)
    let file = root + "/busy-morning-rush.yaml"
    try String(contentsOfFile: file, encoding: .utf8)
      .replacingOccurrences(of: "  age: 42", with: "  age: “42”")
      .write(toFile: file, atomically: true, encoding: .utf8)
    for folder in ["", "/samples", "/rubrics"] {
      let r = try BinaryRunner.run(
        ["check", "busy-morning-rush"], environment: ["VISITCOACH_SCENARIOS": ""],
        in: root + folder)
      #expect(r.status != 0, "\(folder): \(r.stdout) \(r.stderr)")
      #expect(r.stdout.contains("busy-morning-rush.yaml:"), "\(folder): \(r.stdout)")
      #expect(r.stdout.contains("中文引号"), "\(folder): \(r.stdout)")
    }
  }

  @Test func aFailingExpectationSaysWhatAndWhere() throws {
    let test = """
      version: 1
      scenario: busy-morning-rush
      tests:
        - name: 期望不对
          seed: 1
          say: [陈老板，您好！, 您先忙，我等您]
          expect:
            total: ">=90"
            met: [greeting.self_intro, greeting.polite_openr]
            turns:
              - { turn: 2, line: greet-plain }
      """
    let path = try BinaryRunner.temporaryFile(Data(test.utf8), suffix: ".yaml")
    let r = try BinaryRunner.run(["test", path])
    #expect(r.status == 1)
    #expect(r.stdout.contains("\(path):8:14: 期望总分 ≥ 90，实际"), "\(r.stdout)")
    #expect(
      r.stdout.contains(
        "\(path):9:13: 期望 greeting.self_intro（自我介绍（单位或岗位+姓名））是 met（做到），实际是 not_applicable（不适用）"
      ))
    #expect(
      r.stdout.contains(
        "这个剧本没有得分点或扣分项 ‘greeting.polite_openr’：是不是想写 ‘greeting.polite_opener’？"))
    #expect(
      r.stdout.contains("第 2 轮：期望零售户说 ‘greet-plain’ 这一行，实际是 ‘busy-thanks-for-waiting’"))
    #expect(r.stdout.contains("我：您先忙，我等您"))
    #expect(r.stdout.hasSuffix("通过 0 个，失败 1 个\n"))
    // The same failures in English.
    let en = try BinaryRunner.run(["test", "--lang", "en", path])
    #expect(en.status == 1)
    #expect(en.stdout.contains("\(path):8:14: expected total ≥ 90, got"))
    #expect(
      en.stdout.contains(
        "\(path):9:13: expected greeting.self_intro (自我介绍（单位或岗位+姓名）) met, got not_applicable"))
    #expect(
      en.stdout.contains(
        "no criterion or penalty 'greeting.polite_openr' in this scenario (did you mean 'greeting.polite_opener'?)"
      ))
    #expect(
      en.stdout.contains(
        "turn 2: expected retailer line 'greet-plain', got 'busy-thanks-for-waiting'"))
    #expect(en.stdout.contains("Me: 您先忙，我等您"))
    #expect(en.stdout.hasSuffix("0 passed, 1 failed\n"))
  }

  @Test func aBrokenTestFileIsLocated() throws {
    let path = try BinaryRunner.temporaryFile(
      Data(
        "version: 1\nscenario: busy-morning-rush\ntests:\n  - name: x\n    expect: { total: lots }\n"
          .utf8), suffix: ".yaml")
    let r = try BinaryRunner.run(["test", "--lang", "en", path])
    #expect(r.status == 1)
    #expect(r.stdout.contains("\(path):4:5: error: tests[0]: give the trainee's lines"))
    #expect(
      r.stdout.contains("\(path):5:22: error: tests[0].expect.total: 'lots' is not a score range"))
    let zh = try BinaryRunner.run(["test", path])
    #expect(zh.stdout.contains("\(path):4:5: 错误: tests[0]: 这个测试没有学员说的话"))
  }
}

@Suite("visitcoach explain")
struct ExplainCommandTests {
  @Test func explainsLinesAndCriteria() throws {
    let input = TestLibrary.scenariosRoot + "/samples/busy-morning-rush.mediocre.txt"
    let r = try BinaryRunner.run(["explain", "busy-morning-rush", "--input", input])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("零售户听出：说到品牌（海韵）"))
    #expect(r.stdout.contains("为什么说这句：行 busy-brand-later（特质 busy）条件："))
    #expect(r.stdout.contains("本句超过40字，听出=brand"))
    #expect(r.stdout.contains("零售户听出：告辞（那我走了）"))
    #expect(r.stdout.contains("学员告辞，零售户回了一句，拜访到此结束"))
    #expect(r.stdout.contains("其他满足条件的行：greet-plain（等级 -98）"))
    #expect(r.stdout.contains("✓ 赞美式开场（具体、真实）（opening.praise）：命中 烟柜"))
    #expect(r.stdout.contains("! 为完成任务压货推销（conduct.pushing）：扣分，命中 公司重点"))
    #expect(r.stdout.contains("✗ 说明来意（greeting.purpose）：没有命中；最接近的短语"))
  }
}

@Suite("visitcoach check beyond the schema")
struct CheckAuditTests {
  /// A copy of the shipped library with some files replaced or added.
  func library(_ files: [String: String]) throws -> String {
    let root = Scratch.root + "visitcoach-audit-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    for sub in ["traits", "rubrics", "lexicon", "learned"] {
      try FileManager.default.copyItem(
        atPath: TestLibrary.scenariosRoot + "/" + sub, toPath: root + "/" + sub)
    }
    try FileManager.default.copyItem(
      atPath: TestLibrary.scenariosRoot + "/busy-morning-rush.yaml",
      toPath: root + "/busy-morning-rush.yaml")
    for (name, text) in files {
      try text.write(toFile: root + "/" + name, atomically: true, encoding: .utf8)
    }
    return root
  }

  @Test func failingExamplesAreErrorsAtTheirLine() throws {
    let rubric = """
      version: 1
      id: extra
      title: 额外
      weight: 5
      criteria:
        - id: thanks
          title: 致谢
          points: 1
          tip: 说谢谢
          match: { any: [谢谢] }
          examples:
            match: [谢谢您, 多谢]
            no_match: [不用谢谢我]
      """
    let root = try library(["rubrics/extra.yaml": rubric])
    let scenario = try String(contentsOfFile: root + "/busy-morning-rush.yaml", encoding: .utf8)
    try scenario.replacingOccurrences(
      of: "  - use: farewell", with: "  - use: extra\n  - use: farewell"
    )
    .write(toFile: root + "/busy-morning-rush.yaml", atomically: true, encoding: .utf8)
    let r = try BinaryRunner.run(["check", "--lang", "en", root])
    #expect(r.status == 1)
    #expect(
      r.stdout.contains(
        "\(root)/rubrics/extra.yaml:12:20: error: extra.thanks: example does not meet '致谢'"))
    #expect(!r.stdout.contains("不用谢谢我"))
    #expect(r.stdout.contains("1 error"))
  }

  @Test func punctuationInsideAPhraseIsFlaggedAndAGapIsNot() throws {
    let root = try library([:])
    let scenario = try String(contentsOfFile: root + "/busy-morning-rush.yaml", encoding: .utf8)
    try scenario.replacingOccurrences(
      of: "  - use: conduct",
      with: "  - use: conduct\n    phrases:\n      contempt: [\"跟，没关系\", \"连…都不会\"]"
    )
    .write(toFile: root + "/busy-morning-rush.yaml", atomically: true, encoding: .utf8)
    let r = try BinaryRunner.run(["check", "--lang", "en", root])
    #expect(r.status == 0, "\(r.stdout)")
    #expect(
      r.stdout.contains(
        "phrase '跟，没关系' has punctuation inside and can never match; write a gap as '…'"),
      "\(r.stdout)")
    #expect(!r.stdout.contains("连…都不会"))
  }

  @Test func lineWaitingForACriterionOutsideItsPhaseIsFlagged() throws {
    let root = try library([:])
    let scenario = try String(contentsOfFile: root + "/busy-morning-rush.yaml", encoding: .utf8)
    let broken = scenario.replacingOccurrences(
      of: "  - id: farewell-open\n",
      with:
        "  - id: never\n    when: { phase: [farewell], met_now: [greeting.polite_opener] }\n    text: 永远说不出口。\n  - id: farewell-open\n"
    )
    try broken.write(toFile: root + "/busy-morning-rush.yaml", atomically: true, encoding: .utf8)
    let r = try BinaryRunner.run(["check", "--lang", "en", root])
    #expect(r.status == 0)
    #expect(
      r.stdout.contains(
        "warning: lines.never: line 'never' can never be said: 'greeting.polite_opener' is only scored in greeting/opening"
      ))
  }

  /// A scenario writes its own tip examples; a shared example that names another scenario's
  /// retailer is flagged, and placeholders fill in this scenario's retailer.
  @Test func tipExamplesBelongToTheirScenario() throws {
    let root = try library([:])
    try FileManager.default.copyItem(
      atPath: TestLibrary.scenariosRoot + "/catalog", toPath: root + "/catalog")
    try FileManager.default.copyItem(
      atPath: TestLibrary.scenariosRoot + "/elderly-first-visit.yaml",
      toPath: root + "/elderly-first-visit.yaml")
    let path = root + "/busy-morning-rush.yaml"
    // The scenario's own examples taken out, so only the one under test is there.
    let scenario = try String(contentsOfFile: path, encoding: .utf8)
      .replacingOccurrences(
        of: "\n    example:(\n      .*)+", with: "", options: .regularExpression)
    func use(_ example: String) throws {
      let edited = scenario.replacingOccurrences(
        of: "  - use: greeting\n",
        with: "  - use: greeting\n    example:\n      polite_opener: \"\(example)\"\n")
      #expect(edited != scenario)
      try edited.write(toFile: path, atomically: true, encoding: .utf8)
    }
    try use("王奶奶好，我是烟草公司的小李。")
    let foreign = try BinaryRunner.run(["check", "--lang", "en", root])
    #expect(
      foreign.stdout.contains(
        "the tip example of 'greeting.polite_opener' names '王奶奶', not in scenario 'busy-morning-rush'"
      ), "\(foreign.stdout)")
    try use("{address.fitting}，早啊！")
    let own = try BinaryRunner.run(["check", "--lang", "en", root])
    #expect(!own.stdout.contains("tip example of 'greeting.polite_opener'"), "\(own.stdout)")
    // The report's tip quotes the example with the placeholder filled for 陈建华.
    let input = root + "/rude.txt"
    try "喂，这周订了多少？\n走了。\n".write(toFile: input, atomically: true, encoding: .utf8)
    let replay = try BinaryRunner.run(
      ["replay", "busy-morning-rush", "--scenarios", root, "-i", input])
    #expect(replay.stdout.contains("陈老板，早啊！"), "\(replay.stdout)")
    try use("x")
    let edited = try String(contentsOfFile: path, encoding: .utf8)
    try edited.replacingOccurrences(of: "polite_opener: \"x\"", with: "polite_opner: \"x\"")
      .write(toFile: path, atomically: true, encoding: .utf8)
    let typo = try BinaryRunner.run(["check", "--lang", "en", root])
    #expect(typo.status != 0)
    #expect(typo.stdout.contains("polite_opner"), "\(typo.stdout)")
  }

  /// A line that always loses to one that closes the door on it (like ChatScript's `:verify`).
  @Test(arguments: [
    ("then: { end: true }", "it ends the visit"),
    ("then: { set: [told_stock] }", "it sets flag 'told_stock', which this line needs unset"),
  ])
  func aLineAlwaysOutrankedAndShutOutIsFlagged(_ effect: String, _ reason: String) throws {
    let root = try library([:])
    let scenario = try String(contentsOfFile: root + "/busy-morning-rush.yaml", encoding: .utf8)
    let broken = scenario.replacingOccurrences(
      of: "  - id: farewell-open\n",
      with: """
          - id: high
            when: { phase: [business] }
            priority: 2
            text: 行了，就这样。
            \(effect)
          - id: low
            when: { phase: [business], unset: [told_stock], flags: [busy_served] }
            text: 这句永远轮不到。
          - id: farewell-open

        """)
    #expect(broken != scenario)
    try broken.write(toFile: root + "/busy-morning-rush.yaml", atomically: true, encoding: .utf8)
    let r = try BinaryRunner.run(["check", "--lang", "en", root])
    #expect(
      r.stdout.contains(
        "warning: lines.low: line 'low' can never be said: whenever it could be, line 'high' could be too and ranks higher, so it is chosen first, and \(reason)"
      ), "\(r.stdout)")
    let zh = try BinaryRunner.run(["check", root])
    #expect(zh.stdout.contains("台词 ‘low’ 永远说不出来"), "\(zh.stdout)")
    // Told apart by a condition of its own, the lower line is fine.
    let apart = broken.replacingOccurrences(
      of: "    when: { phase: [business] }\n    priority: 2",
      with: "    when: { phase: [business], unset: [busy_served] }\n    priority: 2")
    try apart.write(toFile: root + "/busy-morning-rush.yaml", atomically: true, encoding: .utf8)
    let ok = try BinaryRunner.run(["check", "--lang", "en", root])
    #expect(!ok.stdout.contains("line 'low' can never be said"), "\(ok.stdout)")
  }
}

@Suite("visitcoach evaluate")
struct EvaluateCommandTests {
  static let items = """
    {"id":"t-p-1","area":"greeting","retailer":{"traits":[],"age_band":"middle","gender":"female","mood":"calm","role":"owner"},"situation":["first_visit"],"context":[],"retailer_said":"","better":"刘姐您好！我是烟草公司的客户经理小王，今天第一次来，认认门。","worse":"喂，你们家今天订多少？","why":"x","tags":["wrong_address"]}
    {"id":"t-p-2","area":"farewell","retailer":{"traits":[],"age_band":"middle","gender":"male","mood":"calm","role":"owner"},"situation":[],"context":[],"retailer_said":"","better":"嗯。","worse":"嗯。","why":"a tie fails","tags":["stuffing"]}
    {"id":"t-l-1","area":"greeting","retailer":{"traits":[],"age_band":"middle","gender":"male","mood":"calm","role":"owner"},"situation":["first_visit"],"context":[],"retailer_said":"","utterance":"张老板您好，我是烟草公司客户经理李明。","judgements":{"self_intro":true,"business_before_greeting":false,"made_up_name":true}}
    """

  @Test func reportsPairsCriteriaAndFailsBelowAMinimum() throws {
    let path = try BinaryRunner.temporaryFile(Data(Self.items.utf8), suffix: ".jsonl")
    let r = try BinaryRunner.run(["evaluate", path, "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    let pairs = try #require(json["pairs"] as? [String: Any])
    #expect(pairs["wins"] as? Int == 1)
    #expect(pairs["ties"] as? Int == 1)
    let criteria = try #require(json["criteria"] as? [String: [String: Any]])
    #expect(criteria["self_intro"]?["tp"] as? Int == 1)
    #expect(criteria["business_before_greeting"]?["tn"] as? Int == 1)
    #expect(json["unknown_criteria"] as? [String] == ["made_up_name"])
    let text = try BinaryRunner.run(["evaluate", path, "--min-pairs", "0.9"])
    #expect(text.status == 1, "half the pairs is below 0.9")
    #expect(text.stdout.contains("FAIL pairs won 0.50 (minimum 0.90)"))
    #expect(text.stdout.contains("t-p-2: tie"))
  }

  @Test func whyNamesTheVerdictOfEveryMappedCheck() throws {
    // A label the scorer disagrees with: --why says what it made of the mapped check.
    let item = """
      {"id":"w-l-1","area":"opening","retailer":{"traits":[],"age_band":"middle","gender":"male","mood":"calm","role":"owner"},"situation":[],"context":[],"retailer_said":"","utterance":"王老板您好，今天随便看看。","judgements":{"acts_like_inspector":true}}
      """
    let path = try BinaryRunner.temporaryFile(Data(item.utf8), suffix: ".jsonl")
    let r = try BinaryRunner.run(["evaluate", path, "--why"])
    #expect(
      r.stdout.contains("w-l-1: acts_like_inspector expected true, scored false"), "\(r.stdout)")
    #expect(r.stdout.contains("why: · observation.accuses: not matched"), "\(r.stdout)")
  }

  @Test func aMalformedLineIsNamed() throws {
    let path = try BinaryRunner.temporaryFile(Data("{\"id\": 1}\n".utf8), suffix: ".jsonl")
    let r = try BinaryRunner.run(["evaluate", path])
    #expect(r.status == 2)
    #expect(r.stderr.contains("\(path):1: not an evaluation item"))
  }
}

@Suite("visitcoach lexicon")
struct LexiconCommandTests {
  @Test func tryShowsQuotesNegationFamiliesAndChecks() throws {
    let r = try BinaryRunner.run([
      "lexicon", "try", "明天上午我肯定不会给您回话的，我绝不会说“跟我没关系”这种话。下周三我再来看您。",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("quoted (reported speech, counts for nothing): 跟我没关系"))
    let negated = r.stdout.split(separator: "\n").first { $0.hasPrefix("negated: ") }
    #expect(negated?.contains("回话") == true, "\(r.stdout)")
    #expect(r.stdout.contains("day_specific: "))
    #expect(r.stdout.contains("farewell.next_visit"))
  }

  @Test func tryReadsSituatedWordsInTheLineHeard() throws {
    let alone = try BinaryRunner.run(["lexicon", "try", "那我就不客气了"])
    #expect(alone.status == 0, "\(alone.stderr)")
    #expect(!alone.stdout.contains("compliance.gift_or_treat"))
    let offered = try BinaryRunner.run([
      "lexicon", "try", "那我就不客气了", "--heard", "这两条烟你拿着，别见外",
    ])
    #expect(offered.stdout.contains("after 「这两条烟你拿着，别见外」"))
    #expect(offered.stdout.contains("compliance.gift_or_treat"), "\(offered.stdout)")
  }

  @Test func showListsAFamilyAndSuggestsANearName() throws {
    let r = try BinaryRunner.run(["lexicon", "show", "day_specific"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("礼拜三"))
    let wrong = try BinaryRunner.run(["lexicon", "show", "day_specifc"])
    #expect(wrong.status == 2)
    #expect(wrong.stderr.contains("did you mean 'day_specific'?"))
  }
}
