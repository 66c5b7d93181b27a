import Foundation
import VisitCoachModel
import Yams

/// Reads conversation-test files (`scenarios/tests/*.yaml`, format version 1).
public enum ConversationTestLoader {
  /// The test file at `path`, with every problem found in it.
  public static func load(_ path: String) -> (
    file: ConversationTestFile?, diagnostics: [Diagnostic]
  ) {
    let sink = DiagnosticSink(file: path)
    guard let text = ScenarioLibrary.readText(path, sink: sink),
      let root = ScenarioLibrary.compose(text, sink: sink),
      let r = MapReader(root, path: "", sink: sink, document: .test)
    else { return (nil, DiagnosticOrder.arrange(sink.items)) }
    FormatVersion.check(r)
    let scenario = r.string("scenario", required: true)?.value ?? ""
    var tests: [ConversationTest] = []
    r.list("tests", required: true) { item, _ in
      if let test = self.test(item, testFile: path) { tests.append(test) }
    }
    r.finish()
    let file =
      sink.hasErrors ? nil : ConversationTestFile(path: path, scenarioID: scenario, tests: tests)
    return (file, DiagnosticOrder.arrange(sink.items))
  }

  /// `*.yaml` files in a folder, or the file itself.
  public static func files(at path: String) -> [String] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      return [path]
    }
    return isDirectory.boolValue ? ScenarioLibrary.yamlFiles(in: path) : [path]
  }

  private static func mark(_ m: SourceMark) -> TestMark { TestMark(line: m.line, column: m.column) }

  private static func test(_ r: MapReader, testFile: String) -> ConversationTest? {
    let name = r.string("name", required: true)?.value ?? "?"
    let seed = r.int("seed", in: 0...Int.max)?.value ?? 1
    var lines: [String] = []
    var inputPath: String?
    if let input = r.string("input") {
      let base = (testFile as NSString).deletingLastPathComponent
      let path =
        input.value.hasPrefix("/")
        ? input.value : (base as NSString).appendingPathComponent(input.value)
      if let data = FileManager.default.contents(atPath: path) {
        lines = TextLines.split(String(decoding: data, as: UTF8.self))
        inputPath = path
      } else {
        r.sink.error(
          at: input.mark, input.keyPath,
          .unreadableInputFile(written: input.value, lookedFor: path))
      }
    }
    let said = r.strings("say")
    lines += said.map(\.value)
    if !r.has("input") && said.isEmpty {
      r.sink.error(at: r.mark, r.path, .noTraineeLines)
    }
    var expect = TestExpectations()
    if let e = r.map("expect", required: true) {
      if let v = e.bool("passed") { expect.passed = Expected(v.value, at: mark(v.mark)) }
      if let v = range(e, "total") { expect.total = v }
      if let v = e.choice("ended_by", EndReason.allCases.map(\.rawValue)) {
        expect.endedBy = Expected(EndReason(rawValue: v.value)!, at: mark(v.mark))
      }
      if let areas = e.map("areas") {
        for (key, _, _) in areas.authorKeys(as: .range) {
          if let v = range(areas, key) {
            expect.areas.append(v)
            expect.areaIDs.append(key)
          }
        }
        areas.finish()
      }
      func ids(_ key: String) -> [Expected<String>] {
        e.strings(key, items: .ids).map { Expected($0.value, at: mark($0.mark)) }
      }
      expect.met = ids("met")
      expect.partial = ids("partial")
      expect.missed = ids("missed")
      expect.triggered = ids("triggered")
      expect.clear = ids("clear")
      e.list("turns") { t, _ in
        guard let turn = t.int("turn", in: 1...100_000, required: true) else {
          return
        }
        expect.turns.append(
          TurnExpectation(
            turn: turn.value, line: t.string("line")?.value, says: t.strings("says").map(\.value),
            phase: t.string("phase")?.value, mark: mark(t.mark)))
      }
      e.finish()
    }
    return ConversationTest(
      name: name, seed: UInt64(seed), lines: lines, inputPath: inputPath, expect: expect,
      mark: mark(r.mark))
  }

  private static func range(_ r: MapReader, _ key: String) -> Expected<ValueRange>? {
    guard let node = r.value(key, as: .range) else { return nil }
    guard case .scalar(let scalar) = node, let range = ConditionDocument.parseRange(scalar.string)
    else {
      r.sink.error(
        at: node.sourceMark, r.child(key),
        ConditionDocument.notARange(node, upper: 100, isScore: true))
      return nil
    }
    return Expected(range, at: mark(node.sourceMark))
  }
}
