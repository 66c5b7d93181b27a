import Foundation
import Reporting
import Testing
import VisitCoachModel
import VisitCoachTestSupport

@testable import ScenarioFormat
@testable import ScenarioTesting

/// Learned model files (`learned/NAME.tsv`): read with located diagnostics, written the same way
/// every time, and named from rubrics with `learned:`.
@Suite("Learned model files")
struct LearnedModelFileTests {
  func read(_ text: String) -> (LearnedModel?, [Diagnostic]) {
    let sink = DiagnosticSink(file: "learned/x.tsv")
    let model = LearnedModelFile.read(text, name: "x", sink: sink)
    return (model, sink.items)
  }

  @Test func aWrittenModelReadsBackTheSame() {
    let model = LearnedModel(
      name: "x", bias: -3.25, threshold: 0.5, weights: ["没人查": 1.5, "放心": 0.75, "谢谢": -1])
    let text = LearnedModelFile.text(model, header: ["made by a test"])
    #expect(text.hasPrefix("# made by a test\nbias\t-3.2500\nthreshold\t0.5000\n"))
    let (back, problems) = read(text)
    #expect(problems.isEmpty, "\(problems)")
    #expect(back == model)
  }

  @Test func badLinesAreLocated() {
    let (model, problems) = read("bias\t-3\n放心\tlots\n")
    #expect(model == nil)
    #expect(problems.map(\.location.line) == [2])
    #expect(problems.first?.problem == .badLearnedLine(written: "放心\tlots"))
    let (_, long) = read("bias\t-3\n四个字了\t1\n")
    #expect(long.first?.problem == .badLearnedLine(written: "四个字了\t1"))
    let (_, twice) = read("bias\t-3\n放心\t1\n放心\t2\n")
    #expect(twice.map(\.location.line) == [3])
    let (_, threshold) = read("bias\t-3\nthreshold\t1.5\n")
    #expect(threshold.map { [$0.location.line, $0.location.column] } == [[2, 11]])
    let (none, noBias) = read("放心\t1\n")
    #expect(none == nil)
    #expect(noBias.first?.problem == .learnedModelWithoutBias)
  }

  @Test func aRubricNamingAnUnknownModelIsAnError() throws {
    let base = Scratch.root + "visitcoach-learned-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: base) }
    try TestLibrary.copyLibrary(to: base, scenario: "busy-morning-rush")
    let conduct = base + "/rubrics/conduct.yaml"
    let text = try String(contentsOfFile: conduct, encoding: .utf8)
    try text.replacingOccurrences(of: "learned: contempt\n", with: "learned: contemp\n")
      .write(toFile: conduct, atomically: true, encoding: .utf8)
    let result = ScenarioLibrary.load(root: base)
    let problem = result.diagnostics.first { $0.location.file == conduct }
    guard case .unknownReference(let kind, let written, let suggestion, _) = problem?.problem else {
      Issue.record("no unknown-model error: \(result.diagnostics.map(\.description))")
      return
    }
    #expect(kind == .learnedModel && written == "contemp" && suggestion == "contempt")
    let line = text.components(separatedBy: "\n").firstIndex { $0.contains("learned: contempt") }
    #expect(problem?.location.line == line.map { $0 + 1 })
  }

  @Test func anUmbrellaYieldsOnlyToOtherPenaltiesThatStandAlone() throws {
    let base = Scratch.root + "visitcoach-yields-\(UUID().uuidString)"
    try TestLibrary.copyLibrary(to: base, scenario: "busy-morning-rush")
    let conduct = base + "/rubrics/conduct.yaml"
    let text = try String(contentsOfFile: conduct, encoding: .utf8)
    let shipped = "yields_to: [threat, sarcasm,"
    #expect(text.contains(shipped))
    #expect(ScenarioLibrary.load(root: base).errors.isEmpty)
    let line = text.components(separatedBy: "\n").firstIndex { $0.contains(shipped) }.map { $0 + 1 }
    // A credit of the same rubric, the penalty itself, `*`, and a name that is nothing.
    for (written, expected) in [
      ("courtesy", AuthoringProblem.yieldsToNoPenalty(written: "courtesy", isItself: false)),
      ("barbed_remark", .yieldsToNoPenalty(written: "barbed_remark", isItself: true)),
      ("\"*\"", .yieldsToNoPenalty(written: "*", isItself: false)),
    ] {
      try text.replacingOccurrences(of: shipped, with: "yields_to: [\(written), sarcasm,")
        .write(toFile: conduct, atomically: true, encoding: .utf8)
      let result = ScenarioLibrary.load(root: base)
      let problem = result.errors.first { $0.location.file == conduct }
      #expect(problem?.problem == expected, "\(result.diagnostics.map(\.description))")
      #expect(problem?.location.line == line)
    }
    try text.replacingOccurrences(of: shipped, with: "yields_to: [threats, sarcasm,")
      .write(toFile: conduct, atomically: true, encoding: .utf8)
    let unknown = ScenarioLibrary.load(root: base).errors.first { $0.location.file == conduct }
    guard case .unknownReference(.check, "threats", "conduct.threat", _) = unknown?.problem else {
      Issue.record("no unknown-reference error: \(String(describing: unknown))")
      return
    }
  }

  @Test func learningIsDeterministicAndFindsTheFaultsWords() {
    let context = EvaluationContext(
      id: "t", area: "complaint",
      retailer: EvaluationRetailer(
        traits: [], ageBand: "middle", gender: "male", mood: "calm", role: "owner"),
      situation: [], context: [], retailerSaid: "")
    var items: [EvaluationItem] = []
    let rude = ["你又来了，教不会", "教不会就算了", "跟你说了多少遍，教不会", "这都教不会", "你真是教不会"]
    let kind = ["我再慢慢说一遍", "您看这样行不行", "没关系，我们一步一步来", "不着急，您先忙", "我帮您记下来"]
    for _ in 0..<3 {
      for line in rude {
        items.append(.label(context, utterance: line, judgements: ["contempt": true]))
      }
      for line in kind {
        items.append(.label(context, utterance: line, judgements: ["contempt": false]))
      }
    }
    let learner = FaultLearner()
    let first = learner.learn(items, faults: ["contempt"])
    let second = learner.learn(items, faults: ["contempt"])
    #expect(first.map(\.model) == second.map(\.model))
    #expect(first.count == 1)
    let weights = first.first?.model.weights ?? [:]
    #expect((weights["教不会"] ?? 0) > 0.5, "\(weights)")
    #expect((weights["我"] ?? 0) < 0, "\(weights)")
    #expect(first.first?.positives == 15)
  }

  @Test func reportsAndExplainSayWhatTheModelSaw() {
    var evidence = Evidence(turn: 3, text: "", utterance: "您这柜台总算像样了")
    evidence.basis = .learned(words: ["总算", "像样"], percent: 87)
    #expect(InterfaceStrings.chinese.evidence(evidence) == "像标注过的这类说法（87%，主要是 总算、像样）")
    #expect(
      InterfaceStrings.forLanguage(.en).evidence(evidence)
        == "like labelled examples of it (87%, mostly 总算, 像样)")
    let explained = CheckExplanation(
      id: "opening.hidden_criticism", title: "夸奖里带批评", isPenalty: true,
      verdict: .learned(words: "总算、像样", percent: 87))
    #expect(
      InterfaceStrings.chinese.explanation(explained, all: false)
        == "! 夸奖里带批评（opening.hidden_criticism）：扣分，和标注过的这类说法很像（87%），主要是 总算、像样")
  }
}
