import Foundation
import Reporting
import ScenarioFormat
import Testing
import VisitCoachModel
import VisitCoachTestSupport

/// Diagnostics as trainers read them: the root cause first with its follow-ons folded, plain
/// explanations of the mistakes Chinese input methods and YAML cause, in Chinese by default.
@Suite("Diagnostic wording")
struct DiagnosticWordingTests {
  static let zh = InterfaceStrings.forLanguage(.zh)
  static let en = InterfaceStrings.forLanguage(.en)

  /// The first error of `yaml` (the fixture with one thing broken).
  func firstError(_ yaml: String) throws -> Diagnostic {
    #expect(yaml != validScenario, "the replacement did not apply")
    return try #require(diagnose(yaml).errors.first)
  }

  @Test func aMisspeltRubricComesFirstWithItsFollowOnsFolded() throws {
    let root = Scratch.root + "visitcoach-use-\(UUID().uuidString)"
    try FileManager.default.copyItem(atPath: TestLibrary.scenariosRoot, toPath: root)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let file = root + "/supply-complaint.yaml"
    let text = try String(contentsOfFile: file, encoding: .utf8)
    let broken = text.replacingOccurrences(of: "- use: complaint\n", with: "- use: complain\n")
    #expect(broken != text)
    try broken.write(toFile: file, atomically: true, encoding: .utf8)
    let result = ScenarioLibrary.load(paths: [file])
    #expect(result.errors.count == 1, "\(result.errors.map(\.description))")
    let error = try #require(result.errors.first)
    guard case .unknownReference(.rubric, let written, let suggestion, let known) = error.problem
    else {
      Issue.record("\(error.problem)")
      return
    }
    #expect(written == "complain")
    #expect(suggestion == "complaint")
    #expect(known.contains("complaint"))
    #expect(error.location.line == line(of: "- use: complain", in: broken))
    #expect(error.followOns.count == 19)
    #expect(error.followOns.allSatisfy { $0.file == file && $0.line < error.location.line })
    #expect(error.followOns == error.followOns.sorted())
    let chinese = Self.zh.diagnostic(error)
    #expect(chinese.contains("错误: rubrics[3].use: 没有评分细则 ‘complain’：是不是想写 ‘complaint’？"))
    #expect(chinese.contains("\n  另有 19 处由此引起（第 \(error.followOns[0].line)、"))
    #expect(chinese.hasSuffix("……）"), "eight lines named, the rest counted")
    #expect(Self.en.diagnostic(error).contains("\n  19 more errors follow from this (lines "))
  }

  @Test func theSameUnknownIDIsReportedOnceWithItsOtherUses() throws {
    let yaml = validScenario.replacingOccurrences(
      of: "  - id: hello\n",
      with: """
          - id: first
            when: { flags: [angry] }
            text: 一。
          - id: second
            when: { flags: [angry] }
            text: 二。
          - id: hello

        """)
    let result = diagnose(yaml)
    let flags = result.errors.filter { $0.problem.code == "unknown-reference" }
    #expect(flags.count == 1, "\(result.errors.map(\.description))")
    #expect(flags.first?.followOns.count == 1)
    #expect(flags.first?.location.line == line(of: "id: first", in: yaml) + 1)
  }

  @Test func aFullWidthCommaInAListIsExplainedAtTheComma() throws {
    let yaml = validScenario.replacingOccurrences(
      of: "traits: [elderly]", with: "traits: [elderly，busy]")
    let result = diagnose(yaml)
    let error = try #require(
      result.errors.first { $0.problem.code == "full-width-comma-in-list" },
      "\(result.errors.map(\.description))")
    #expect(error.problem == .fullWidthCommaInList(written: "elderly，busy"))
    #expect(error.location.line == line(of: "traits: [elderly，busy]", in: yaml))
    #expect(error.location.column == 19)
    #expect(!result.errors.contains { $0.problem.code == "unknown-reference" }, "read as meant")
    #expect(Self.zh.problem(error.problem).contains("把 ‘，’ 改成英文逗号 ‘,’"))
  }

  @Test func aFullWidthCommaAsAClauseMarkInAPhraseIsFine() {
    let yaml = validScenario.replacingOccurrences(
      of: "  - use: greeting\n",
      with: "  - use: greeting\n    phrases: { polite_opener: [您好…，…王姐, 王姐好，] }\n")
    #expect(diagnose(yaml).errors.isEmpty, "\(diagnose(yaml).errors.map(\.description))")
  }

  @Test func chineseQuotesAroundANumberAreExplained() throws {
    let yaml = validScenario.replacingOccurrences(of: "age: 68", with: "age: “68”")
    let error = try firstError(yaml)
    #expect(error.problem == .chineseQuotes(written: "“68”", expected: .wholeNumber))
    #expect(error.location.line == line(of: "age:", in: yaml))
    #expect(error.location.column == 8)
    #expect(Self.zh.problem(error.problem).contains("数字不要加引号：写成 68"))
  }

  @Test func chineseQuotesAroundARangeAreExplained() throws {
    let yaml = validScenario.replacingOccurrences(
      of: "when: { phase: greeting }", with: "when: { phase: greeting, mood: “>=35” }")
    let error = try firstError(yaml)
    #expect(error.problem == .chineseQuotes(written: "“>=35”", expected: .range))
    #expect(error.keyPath == "lines[0].when.mood")
    #expect(Self.zh.problem(error.problem).contains("写成 \">=35\""))
  }

  @Test func anUnquotedComparisonIsExplained() throws {
    let yaml = validScenario.replacingOccurrences(
      of: "when: { phase: greeting }", with: "when: { phase: greeting, mood: >=35 }")
    let errors = diagnose(yaml).errors
    #expect(errors.count == 1, "\(errors.map(\.description))")
    let error = try #require(errors.first)
    #expect(error.problem == .unquotedComparison(written: ">=35"))
    #expect(error.location.line == line(of: "mood: >=35", in: yaml))
    #expect(error.location.column == 36)
    #expect(Self.zh.problem(error.problem).hasPrefix("把 >=35 写成 \">=35\"（加英文引号）"))
    // In block style too.
    let block = validScenario.replacingOccurrences(
      of: "when: { phase: greeting }", with: "when:\n      phase: greeting\n      mood: >=35")
    let blockError = try firstError(block)
    #expect(blockError.problem == .unquotedComparison(written: ">=35"))
    #expect(blockError.location.column == 13)
  }

  @Test func aLineIndentedUnlikeItsSiblingsIsExplained() throws {
    for (spaces, column) in [("   ", 4), (" ", 2)] {
      let yaml = validScenario.replacingOccurrences(of: "  age: 68", with: "\(spaces)age: 68")
      let error = try firstError(yaml)
      #expect(error.problem == .badIndentation(found: spaces.count, expected: 2))
      #expect(error.location.line == line(of: "age: 68", in: yaml))
      #expect(error.location.column == column)
      #expect(Self.zh.problem(error.problem).contains("改成 2 个空格"))
    }
  }

  @Test func anUnclosedListSaysWhereItOpened() throws {
    let yaml = validScenario.replacingOccurrences(of: "traits: [elderly]", with: "traits: [elderly")
    let error = try firstError(yaml)
    guard case .yamlSyntax(.unclosedList, let parserText, let startLine) = error.problem else {
      Issue.record("\(error.problem)")
      return
    }
    #expect(startLine == line(of: "traits: [elderly", in: yaml))
    #expect(parserText.contains("did not find expected ',' or ']'"))
    #expect(Self.en.problem(error.problem).hasPrefix("YAML syntax: did not find expected"))
    #expect(Self.zh.problem(error.problem).contains("‘[’ 缺少对应的 ‘]’"))
  }

  @Test func aPenaltyWhereACriterionIsExpectedSaysItIsAPenalty() throws {
    let yaml = validScenario.replacingOccurrences(
      of: "enter_on: [farewell.closing]", with: "enter_on: [compliance.gift_or_treat]")
    let error = try firstError(yaml)
    guard
      case .wrongCheckKind("compliance.gift_or_treat", .criterion, let suggestion) = error.problem
    else {
      Issue.record("\(error.problem)")
      return
    }
    #expect(suggestion == nil || suggestion?.hasPrefix("compliance.") == true)
    #expect(Self.zh.problem(error.problem).contains("是扣分项，不是得分点"))
    #expect(Self.en.problem(error.problem).contains("is a penalty, not a criterion"))
  }

  @Test func chineseIsTheDefaultAndNamesTheFix() throws {
    let yaml = validScenario.replacingOccurrences(
      of: "when: { phase: greeting }", with: "whne: { phase: greeting }")
    let error = try #require(diagnose(yaml).errors.first { $0.problem.code == "unknown-key" })
    #expect(InterfaceLanguage.allCases.first == .zh)
    #expect(InterfaceStrings.chinese.language == .zh)
    let worded = Self.zh.diagnostic(error)
    #expect(worded.contains(": 错误: lines[0].whne: 不认识的键 ‘whne’：是不是想写 ‘when’？把 ‘whne’ 改成 ‘when’"))
  }

  @Test func everyProblemHasWordsInBothLanguagesAndEnglishHasNoChinese() {
    #expect(Set(AuthoringProblemSamples.all.map(\.code)).count == AuthoringProblemSamples.all.count)
    #expect(AuthoringProblemSamples.all.count == 60, "one sample of each case")
    for problem in AuthoringProblemSamples.all {
      let chinese = Self.zh.problem(problem)
      let english = Self.en.problem(problem)
      #expect(!chinese.isEmpty && !english.isEmpty, "\(problem)")
      #expect(chinese.unicodeScalars.contains(where: Self.isCJK), "not Chinese: \(chinese)")
      #expect(!english.unicodeScalars.contains(where: Self.isCJK), "Chinese in: \(english)")
      let d = Diagnostic(
        .error, at: .init(file: "f.yaml", line: 2, column: 3), keyPath: "k", problem)
      #expect(Self.zh.diagnostic(d).hasPrefix("f.yaml:2:3: 错误: k: "))
      #expect(Self.en.diagnostic(d).hasPrefix("f.yaml:2:3: error: k: "))
    }
  }

  @Test func knownListsShowTwelveAndCountTheRest() {
    let ids = (1...40).map { "id\($0)" }
    let problem = AuthoringProblem.unknownReference(
      kind: .trait, written: "x", suggestion: nil, known: ids)
    #expect(Self.zh.problem(problem).contains(" 等 40 个"))
    #expect(Self.en.problem(problem).contains(" and 28 more"))
    #expect(!Self.en.problem(problem).contains("'id13'"))
  }

  @Test func writtenTextIsCutWhenTheDiagnosticIsMade() {
    let long = String(repeating: "很", count: 5_000)
    let d = Diagnostic(
      .error, at: .init(file: "f.yaml", line: 1, column: 1), keyPath: "",
      .unknownReference(kind: .trait, written: long, suggestion: nil, known: []))
    guard case .unknownReference(_, let written, _, _) = d.problem else { return }
    #expect(written.count <= Diagnostic.maximumQuotedLength + 1)
  }

  static func isCJK(_ s: Unicode.Scalar) -> Bool {
    (0x3000...0x303F).contains(s.value) || (0x3400...0x4DBF).contains(s.value)
      || (0x4E00...0x9FFF).contains(s.value) || (0xFF00...0xFFEF).contains(s.value)
  }
}

/// One value of each ``AuthoringProblem`` case, with ASCII user text.
enum AuthoringProblemSamples {
  static let all: [AuthoringProblem] = [
    .noSuchPath,
    .conversationTestFile(path: "tests/a.yaml"),
    .unreadableFile,
    .fileTooLarge(kilobytes: 2048, limitKilobytes: 1024),
    .notUTF8,
    .emptyFile,
    .ideographicSpaceIndentation,
    .tabIndentation,
    .fullWidthColon(key: "title"),
    .fullWidthCommaInList(written: "a,b"),
    .chineseQuotes(written: "'50'", expected: .wholeNumber),
    .unquotedComparison(written: ">=35"),
    .badIndentation(found: 3, expected: 2),
    .yamlSyntax(.unclosedList, parserText: "did not find expected ',' or ']'", startLine: 4),
    .duplicateKeys(["age"]),
    .wrongKind(expected: .wholeNumber, found: .text, written: "old"),
    .outOfRange(written: "200", lower: 0, upper: 100),
    .notInChoices(written: "mail", choices: ["female", "male"], suggestion: "male"),
    .notARange(written: "lots", upper: 100, isScore: true),
    .textTooLong(length: 5000, limit: 4000),
    .keyTooLong(length: 300),
    .missingKey(key: "title", document: .scenario, section: "", choices: []),
    .emptyValue(key: "text", document: .scenario, section: "lines"),
    .unknownKey(key: "whne", suggestion: "when", known: ["when", "text"], ignored: false),
    .invalidName(written: "a b", kind: .scenario),
    .unsupportedVersion(found: 2, supported: 1),
    .unknownReference(kind: .trait, written: "eldery", suggestion: "elderly", known: ["elderly"]),
    .wrongCheckKind(written: "a.b", expected: .criterion, suggestion: "a.c"),
    .notInRubric(rubric: "greeting", written: "x", suggestion: nil, known: ["y"]),
    .duplicateID(kind: .phase, id: "greeting", firstLine: 3, otherFile: nil),
    .duplicateLineID(id: "hello", trait: "busy", alsoIn: .scenario),
    .rubricUsedTwice(rubric: "greeting"),
    .noPhases,
    .phaseAfterFarewell(phase: "complaint", farewell: "farewell"),
    .allWeightsZero,
    .replyAtTurnZero,
    .neverApplies(check: "a.b", retailer: "Wang", traits: ["busy"], phase: "farewell"),
    .neverHolds(.metAndMissed(["a.b"])),
    .refersToItself(chain: ["loop", "loop"]),
    .noCriteria(rubric: "empty"),
    .neverMet(check: "x"),
    .noTip(check: "x"),
    .situatedIncomplete,
    .noMeasure(kinds: ["met_times"]),
    .oneTrigger(triggers: ["met", "wait"]),
    .emptyConcept(name: "apology"),
    .goalWithoutWords,
    .unreadableInputFile(written: "in.txt", lookedFor: "/tmp/in.txt"),
    .noTraineeLines,
    .exampleMismatch(
      check: "a.b", title: "Thanks", isPenalty: false, shouldMatch: true, scenario: "s",
      phase: "greeting"),
    .phraseOnlyPunctuation(phrase: "!!"),
    .phrasePunctuationInside(phrase: "a,b"),
    .phraseEarnsAndPenalises(phrase: "hurry", criterion: "a.b", penalty: "a.c", scenario: "s"),
    .lineNeverSaid(line: "never", check: "a.b", scoredIn: ["greeting"], lineIn: ["farewell"]),
    .lineShadowed(line: "low", by: "high", door: .endsVisit),
    .noPlainReply(phase: "greeting"),
    .noScenarioInFile,
    .noHint(phase: "greeting"),
    .noFittingAddress(age: 66, gender: .male, role: .owner),
    .exampleNamesOthers(check: "a.b", scenario: "s", words: ["Liu"]),
  ]
}
