import Foundation
import Reporting
import ScenarioFormat
import Testing
import VisitCoachModel
import VisitCoachTestSupport

extension Diagnostic {
  /// The problem as `--lang en` words it: the tests read the English form.
  var message: String { InterfaceStrings.forLanguage(.en).problem(problem) }

  /// The whole line as `--lang en` prints it.
  var englishLine: String { InterfaceStrings.forLanguage(.en).diagnostic(self) }
}

/// A small valid scenario; each test breaks one thing in it.
let validScenario = """
  version: 1
  id: fixture
  title: 测试剧本
  arrival: 一家小店。
  customer: { class: C, network: rural, visit: first }
  persona:
    name: 王秀兰
    age: 68
    gender: female
    traits: [elderly]
  phases:
    - id: greeting
      title: 打招呼
    - id: farewell
      title: 拜别致谢
      enter_on: [farewell.closing]
  lines:
    - id: hello
      when: { phase: greeting }
      text: 哎，你好。
  rubrics:
    - use: greeting
    - use: farewell
  """

/// Loads `yaml` against the shipped traits and rubrics.
func diagnose(_ yaml: String) -> LoadResult {
  TestLibrary.scenario(yaml: yaml, file: "case.yaml")
}

/// The 1-based line of the first line containing `marker`.
func line(of marker: String, in text: String) -> Int {
  text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(marker) }!
    + 1
}

@Suite("Scenario diagnostics")
struct DiagnosticsTests {
  @Test func theValidFixtureLoads() {
    let result = diagnose(validScenario)
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    #expect(result.scenarios.first?.id == "fixture")
  }

  @Test func syntaxErrorHasItsPosition() {
    let yaml = validScenario.replacingOccurrences(of: "title: 测试剧本", with: "title: \"测试剧本")
    let errors = diagnose(yaml).errors
    #expect(errors.count == 1)
    #expect(errors.first?.message.hasPrefix("YAML syntax") == true)
    #expect(errors.first?.location.file == "case.yaml")
    #expect((errors.first?.location.line ?? 0) >= line(of: "title:", in: yaml))
  }

  @Test func unknownTraitSaysWhatIsValid() throws {
    let yaml = validScenario.replacingOccurrences(of: "traits: [elderly]", with: "traits: [eldery]")
    let error = try #require(diagnose(yaml).errors.first)
    #expect(error.message.contains("unknown trait 'eldery' (did you mean 'elderly'?)"))
    #expect(error.message.contains("'busy'"))
    #expect(error.keyPath == "persona.traits[0]")
    #expect(error.location.line == line(of: "traits: [eldery]", in: yaml))
    #expect(error.location.column == 12)
    #expect(
      error.englishLine.hasPrefix(
        "case.yaml:\(error.location.line):12: error: persona.traits[0]: unknown trait"))
    #expect(
      InterfaceStrings.forLanguage(.zh).diagnostic(error).hasPrefix(
        "case.yaml:\(error.location.line):12: 错误: persona.traits[0]: 没有特质 ‘eldery’"))
  }

  @Test func anUnknownVisitBagItemListsTheBag() throws {
    let yaml = validScenario.replacingOccurrences(
      of: "rubrics:\n",
      with: """
        preparation:
          needs:
            - { item: 价签, why: 补价签 }
            - { item: price-tag, why: 补价签 }
        rubrics:

        """)
    let error = try #require(diagnose(yaml).errors.first)
    #expect(
      error.message.contains("unknown visit-bag item 'price-tag' (did you mean 'price-tags'?)"))
    #expect(error.message.contains("'notebook'"))
    #expect(error.keyPath == "preparation.needs[1].item")
    #expect(error.location.line == line(of: "item: price-tag,", in: yaml))
    #expect(diagnose(yaml).errors.count == 1, "价签 names an item by its name")
  }

  @Test func packedConditionsAreCheckedAgainstTheBag() throws {
    let unknown = validScenario.replacingOccurrences(
      of: "when: { phase: greeting }", with: "when: { phase: greeting, packed: [notebok] }")
    let error = try #require(diagnose(unknown).errors.first)
    #expect(error.message.contains("unknown visit-bag item 'notebok' (did you mean 'notebook'?)"))
    #expect(error.keyPath == "lines[0].when.packed[0]")
    let contradiction = validScenario.replacingOccurrences(
      of: "when: { phase: greeting }",
      with: "when: { phase: greeting, packed: [pen], not_packed: [pen] }")
    let never = try #require(diagnose(contradiction).errors.first)
    #expect(never.message.contains("both packed and not packed"))
  }

  @Test func linesNameTheBrandsTheyAreAboutAndTheWordsTheyAnswer() throws {
    let fine = validScenario.replacingOccurrences(
      of: "    when: { phase: greeting }",
      with:
        "    about: [海韵细支, jinqiao-hard]\n    when: { phase: greeting, heard: [海韵], not_heard: [云岭] }"
    )
    let loaded = diagnose(fine)
    #expect(loaded.errors.isEmpty, "\(loaded.errors)")
    let hello = try #require(loaded.scenarios.first?.lines.first { $0.id == "hello" })
    #expect(hello.about == ["海韵", "金桥"])
    #expect(hello.condition.heard == [["海韵"]])
    #expect(hello.condition.notHeard == ["云岭"])
    let unknown = validScenario.replacingOccurrences(
      of: "    when: { phase: greeting }", with: "    about: [海运]\n    when: { phase: greeting }")
    let error = try #require(diagnose(unknown).errors.first)
    #expect(error.message.contains("unknown brand '海运'"))
    #expect(error.location.line == line(of: "海运", in: unknown))
    let never = validScenario.replacingOccurrences(
      of: "when: { phase: greeting }", with: "when: { heard: [云岭], not_heard: [云岭] }")
    let contradiction = try #require(diagnose(never).errors.first)
    #expect(contradiction.message.contains("can never hold"))
  }

  @Test func mistakesThatMakeSomethingImpossibleStopCheck() throws {
    // met and missed of the same criterion
    let both = validScenario.replacingOccurrences(
      of: "when: { phase: greeting }",
      with: "when: { met: [greeting.polite_opener], missed: [greeting.polite_opener] }")
    let contradiction = try #require(diagnose(both).errors.first).message
    #expect(contradiction.contains("required both met and missed"), "\(contradiction)")
    #expect(contradiction.contains("greeting.polite_opener"))
    // turn 0 on a reply
    let turnZero = validScenario.replacingOccurrences(
      of: "when: { phase: greeting }", with: "when: { phase: greeting, turn: 0 }")
    #expect(
      try #require(diagnose(turnZero).errors.first).message.contains(
        "a reply line with turn 0 can never be said"))
    // a phase after the farewell
    let late = validScenario.replacingOccurrences(
      of: "    enter_on: [farewell.closing]\n",
      with: "    enter_on: [farewell.closing]\n  - id: complaint\n    title: 抱怨\n")
    let after = try #require(diagnose(late).errors.first)
    #expect(after.message.contains("phase 'complaint' comes after 'farewell'"))
    #expect(after.location.line == line(of: "- id: complaint", in: late))
    // two scene facts with one id
    let scene = validScenario.replacingOccurrences(
      of: "arrival: 一家小店。",
      with:
        "arrival: 一家小店。\nscene:\n  - { id: counter, text: 柜台很干净 }\n  - { id: counter, text: 价签手写 }")
    #expect(
      try #require(diagnose(scene).errors.first).message.contains(
        "duplicate scene fact id 'counter' (first at line"))
  }

  @Test func enteringAPhaseByACriterionThatNeverAppliesIsAnError() throws {
    // greeting.wait_when_busy applies only to busy retailers; this one is elderly.
    let yaml = validScenario.replacingOccurrences(
      of: "enter_on: [farewell.closing]", with: "enter_on: [greeting.wait_when_busy]")
    let error = try #require(diagnose(yaml).errors.first)
    #expect(error.message.contains("'greeting.wait_when_busy' never applies to this retailer"))
  }

  @Test func misspeltConditionIsAnError() throws {
    let yaml = validScenario.replacingOccurrences(
      of: "when: { phase: greeting }", with: "when: { phse: greeting }")
    let error = try #require(diagnose(yaml).errors.first)
    #expect(error.message.contains("unknown key 'phse' (did you mean 'phase'?)"))
    #expect(error.location.line == line(of: "phse", in: yaml))
    #expect(error.location.column == 13)
  }

  @Test func conditionOnAnUnknownCriterion() throws {
    let yaml = validScenario.replacingOccurrences(
      of: "when: { phase: greeting }", with: "when: { met_now: [greeting.polite] }")
    let error = try #require(diagnose(yaml).errors.first)
    #expect(error.message.contains("unknown criterion 'greeting.polite'"))
    guard case .unknownReference(.criterion, _, _, let known) = error.problem else {
      Issue.record("\(error.problem)")
      return
    }
    #expect(known.contains("greeting.polite_opener"))
    #expect(error.location.line == line(of: "met_now", in: yaml))
  }

  @Test func conditionOnAFlagNoLineSets() throws {
    let yaml = validScenario.replacingOccurrences(
      of: "when: { phase: greeting }", with: "when: { flags: [angry] }")
    let error = try #require(diagnose(yaml).errors.first)
    #expect(error.message.contains("unknown flag (no line sets it) 'angry'"))
  }

  @Test func conditionReferringToItself() throws {
    let yaml = validScenario.replacingOccurrences(
      of: "lines:\n", with: "conditions:\n  loop: { if: [loop] }\nlines:\n")
    let error = try #require(diagnose(yaml).errors.first)
    #expect(error.message.contains("refers to itself (loop -> loop)"))
    #expect(error.location.line == line(of: "loop:", in: yaml))
  }

  @Test func missingRequiredField() throws {
    let yaml = validScenario.replacingOccurrences(of: "title: 测试剧本\n", with: "")
    let error = try #require(diagnose(yaml).errors.first)
    #expect(error.message == "missing required key 'title' (the scenario's Chinese title)")
    #expect(error.location.line == 1)
  }

  @Test func wrongType() throws {
    let yaml = validScenario.replacingOccurrences(of: "age: 68", with: "age: 六十八")
    let error = try #require(diagnose(yaml).errors.first)
    #expect(error.message == "expected a whole number, found '六十八'")
    #expect(error.keyPath == "persona.age")
    #expect(error.location.line == line(of: "age:", in: yaml))
    #expect(error.location.column == 8)
  }

  @Test func fullWidthColonIsExplained() throws {
    let yaml = validScenario.replacingOccurrences(of: "title: 测试剧本", with: "title： 测试剧本")
    let errors = diagnose(yaml).errors
    let error = try #require(errors.first)
    #expect(errors.count == 1)
    #expect(error.problem == .fullWidthColon(key: "title"))
    #expect(error.location.line == line(of: "title：", in: yaml))
    #expect(error.location.column == 6)
  }

  @Test func ideographicSpaceIndentationIsExplained() throws {
    let yaml = validScenario.replacingOccurrences(of: "  name: 王秀兰", with: "\u{3000}name: 王秀兰")
    let error = try #require(diagnose(yaml).errors.first)
    #expect(error.message.contains("ideographic space (U+3000"))
    #expect(error.location.line == line(of: "name: 王秀兰", in: yaml))
    #expect(error.location.column == 1)
  }

  @Test func unknownKeyIsAnErrorWithASuggestion() throws {
    let yaml = validScenario.replacingOccurrences(of: "arrival:", with: "arival:")
    let result = diagnose(yaml)
    #expect(
      result.errors.contains {
        $0.message.contains("unknown key 'arival'") && $0.message.contains("did you mean")
      })
    #expect(result.errors.contains { $0.message.contains("missing required key 'arrival'") })
  }

  @Test func aMisspeltConditionKeyStopsCheck() throws {
    let yaml = validScenario.replacingOccurrences(
      of: "when: { phase: greeting }", with: "whne: { phase: greeting }")
    #expect(yaml != validScenario)
    let result = diagnose(yaml)
    #expect(
      result.errors.contains { $0.message.contains("unknown key 'whne'") }, "\(result.diagnostics)")
  }

  @Test func unsupportedVersion() throws {
    let yaml = validScenario.replacingOccurrences(of: "version: 1", with: "version: 2")
    let error = try #require(diagnose(yaml).errors.first)
    #expect(error.message == "unsupported version 2; this VisitCoach reads version 1")
  }

  @Test func everyProblemIsReportedAtOnce() {
    let yaml =
      validScenario
      .replacingOccurrences(of: "traits: [elderly]", with: "traits: [eldery]")
      .replacingOccurrences(of: "age: 68", with: "age: old")
      .replacingOccurrences(of: "use: greeting", with: "use: greting")
    let messages = diagnose(yaml).errors.map(\.message)
    #expect(messages.count == 3, "\(messages)")
  }

  @Test func unknownPhaseInGoto() throws {
    let yaml = validScenario.replacingOccurrences(
      of: "text: 哎，你好。", with: "text: 哎，你好。\n    then: { goto: complain }")
    let error = try #require(diagnose(yaml).errors.first)
    #expect(error.message.contains("unknown phase 'complain'"))
  }

  @Test func duplicateLineID() {
    let yaml = validScenario.replacingOccurrences(
      of: "rubrics:\n", with: "  - id: hello\n    text: 又是我。\nrubrics:\n")
    let messages = diagnose(yaml).errors.map(\.message)
    #expect(messages.contains { $0.contains("duplicate line id 'hello'") }, "\(messages)")
  }

  @Test func aHugeScenarioFileLoadsWithoutTrouble() {
    var yaml = validScenario.components(separatedBy: "rubrics:")[0]
    for i in 0..<3_300 {
      yaml +=
        "  - id: line\(i)\n    when: { phase: greeting }\n    text: 第\(i)句话。\n    then: { mood: 1 }\n"
    }
    yaml += "rubrics:\n  - use: greeting\n  - use: farewell\n"
    #expect(yaml.split(separator: "\n").count > 10_000)
    let result = diagnose(yaml)
    #expect(result.errors.isEmpty, "\(result.errors.prefix(3))")
    #expect(result.scenarios.first?.lines.count ?? 0 > 3_300)
  }

  @Test func anErrorInTheDocumentStopsTheScenario() {
    let result = diagnose(validScenario.replacingOccurrences(of: "version: 1", with: "version: 2"))
    #expect(result.scenarios.isEmpty)
  }

  @Test func namedConditionsWithDisjointPhasesCanNeverHold() throws {
    let yaml = validScenario.replacingOccurrences(
      of: "lines:\n", with: "conditions:\n  at_end: { phase: farewell }\nlines:\n"
    ).replacingOccurrences(
      of: "when: { phase: greeting }", with: "when: { phase: greeting, if: [at_end] }")
    let error = try #require(diagnose(yaml).errors.first)
    #expect(error.message.contains("can never hold"))
  }

  @Test func chineseTextWithAFullWidthColonIsNotAKey() {
    let yaml = validScenario.replacingOccurrences(
      of: "text: 哎，你好。", with: "text: |\n      新品：海韵\n      价格：二十元")
    #expect(diagnose(yaml).diagnostics.isEmpty, "\(diagnose(yaml).diagnostics)")
  }

  @Test func scenarioPhrasesMayUsePlaceholders() throws {
    let yaml = validScenario.replacingOccurrences(
      of: "  - use: greeting\n",
      with: "  - use: greeting\n    phrases: { polite_opener: [\"{persona.surname}姐好\"] }\n")
    let scenario = try #require(diagnose(yaml).scenarios.first)
    let opener = try #require(scenario.checks.first { $0.id == "greeting.polite_opener" })
    #expect(opener.phrases.any.contains("王姐好"))
  }

  @Test func aLineWithoutAnIDGetsOneClearError() {
    let yaml = validScenario.replacingOccurrences(of: "  - id: hello\n", with: "  - priority: 1\n")
    let result = diagnose(yaml)
    #expect(
      result.errors.map(\.message) == [
        "missing required key 'id' (a unique name for the line, e.g. busy-interrupt)"
      ])
    #expect(result.warnings.isEmpty, "\(result.warnings)")
  }

  @Test func emptyFile() throws {
    let error = try #require(diagnose("").errors.first)
    #expect(error.message == "the file is empty")
  }

  @Test func notAMapping() throws {
    let error = try #require(diagnose("- 一\n- 二\n").errors.first)
    #expect(error.message.contains("expected a mapping"))
  }
}

@Suite("Rubric and trait file diagnostics")
struct LibraryDiagnosticsTests {
  /// A copy of the shipped library with one extra file.
  func library(adding file: String, _ text: String) throws -> String {
    let root = Scratch.root + "visitcoach-lib-\(UUID().uuidString)"
    let fm = FileManager.default
    try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
    for sub in ["traits", "rubrics", "lexicon", "learned"] {
      try fm.copyItem(atPath: TestLibrary.scenariosRoot + "/" + sub, toPath: root + "/" + sub)
    }
    try text.write(toFile: root + "/" + file, atomically: true, encoding: .utf8)
    return root
  }

  @Test func rubricWithNoCriteria() throws {
    let root = try library(
      adding: "rubrics/empty.yaml", "version: 1\nid: empty\ntitle: 空\nweight: 5\n")
    let result = ScenarioLibrary.load(paths: [root])
    let error = try #require(result.errors.first)
    #expect(error.message.contains("rubric 'empty' has no criteria"))
    #expect(error.location.file.hasSuffix("rubrics/empty.yaml"))
  }

  @Test func unknownPlaceholderInARubric() throws {
    let rubric = """
      version: 1
      id: extra
      title: 额外
      weight: 5
      criteria:
        - id: x
          title: 测试
          points: 1
          tip: 提示
          match: { any: ["{address.fiting}"] }
      """
    let root = try library(adding: "rubrics/extra.yaml", rubric)
    try validScenario.replacingOccurrences(
      of: "  - use: farewell", with: "  - use: farewell\n  - use: extra"
    )
    .write(toFile: root + "/s.yaml", atomically: true, encoding: .utf8)
    let result = ScenarioLibrary.load(paths: [root])
    let error = try #require(result.errors.first)
    #expect(
      error.message.contains(
        "unknown placeholder '{address.fiting}' (did you mean 'address.fitting'?)"))
    #expect(error.location.file.hasSuffix("rubrics/extra.yaml"))
    #expect(error.location.line == 10)
    #expect(result.scenarios.isEmpty)
  }

  @Test func criterionThatCanNeverBeMet() throws {
    let rubric =
      "version: 1\nid: never\ntitle: 永远\nweight: 5\ncriteria:\n  - id: x\n    title: 测试\n    points: 1\n    tip: 提示\n"
    let root = try library(adding: "rubrics/never.yaml", rubric)
    let error = try #require(ScenarioLibrary.load(paths: [root]).errors.first)
    #expect(error.message.contains("'x' can never be met"))
  }

  @Test func situatedWordsNeedTheirSituation() throws {
    let rubric =
      "version: 1\nid: moment\ntitle: 情境\nweight: 5\npenalties:\n  - id: sells\n    title: 放行\n    points: 5\n    situated:\n      any: [卖吧]\n"
    let root = try library(adding: "rubrics/moment.yaml", rubric)
    let error = try #require(ScenarioLibrary.load(paths: [root]).errors.first)
    #expect(error.message.contains("situated needs both 'when'"))
    #expect(error.location.line == 10)  // inside the situated block
  }

  @Test func reactionOnAnUnknownCriterion() throws {
    let trait = """
      version: 1
      id: moody
      title: 情绪化
      reactions:
        - on: { met: greeting.politeness }
          mood: 5
      """
    let root = try library(adding: "traits/moody.yaml", trait)
    let error = try #require(ScenarioLibrary.load(paths: [root]).errors.first)
    #expect(error.message.contains("unknown criterion 'greeting.politeness'"))
    #expect(error.location.line == 5)
  }

  @Test func shippedLibraryIsClean() {
    let result = TestLibrary.shipped
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
    #expect(result.scenarios.count >= 1)
  }
}
