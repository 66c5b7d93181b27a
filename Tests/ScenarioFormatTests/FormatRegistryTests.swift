import Foundation
import ScenarioFormat
import Testing
import VisitCoachModel
import VisitCoachTestSupport

/// The format registry (the keys the reader asks for), the JSON Schema made from it, and the
/// reference documentation kept in step with it.
@Suite("Format registry, schema and docs")
struct FormatRegistryTests {
  static let record = FormatRegistry.record(library: TestLibrary.scenariosRoot)

  func keys(_ document: DocumentKind, _ path: String) -> [String: FormatRegistry.ValueKind] {
    Self.record.keys[.init(document: document, path: path)] ?? [:]
  }

  @Test func theReaderRecordsTheKeysItAsksFor() {
    #expect(keys(.scenario, "").keys.contains("persona"))
    #expect(keys(.scenario, "lines[]")["when"] == .condition)
    #expect(keys(.scenario, "lines[]")["priority"] == .integer(-10...10))
    #expect(keys(.scenario, "condition")["mood"] == .range)
    #expect(keys(.rubric, "criteria[]").keys.contains("picks_up"))
    #expect(keys(.trait, "").keys.contains("reactions"))
    #expect(keys(.test, "").keys.contains("tests"))
    // Keys the author names are not keys of the format.
    #expect(Self.record.open[.init(document: .lexicon, path: "concepts")] == .texts)
    #expect(!Self.record.allKeys.contains("apology"))
    #expect(!Self.record.allKeys.contains("greeting"), "a phase id under hints is not a key")
  }

  @Test func theSchemaRefusesUnknownKeysAndKnowsTheShapes() throws {
    let json = Self.record.jsonSchema(for: .scenario)
    let schema = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let defs = try #require(schema["$defs"] as? [String: Any])
    let scenario = try #require(defs["scenario"] as? [String: Any])
    #expect(scenario["additionalProperties"] as? Bool == false)
    let properties = try #require(scenario["properties"] as? [String: Any])
    let lines = try #require(properties["lines"] as? [String: Any])
    #expect(lines["type"] as? String == "array")
    let line = try #require(lines["items"] as? [String: Any])
    let lineKeys = try #require(line["properties"] as? [String: Any])
    #expect((lineKeys["when"] as? [String: Any])?["$ref"] as? String == "#/$defs/condition")
    #expect((lineKeys["on"] as? [String: Any])?["enum"] as? [String] != nil)
    let conditions = try #require(properties["conditions"] as? [String: Any])
    #expect(
      (conditions["additionalProperties"] as? [String: Any])?["$ref"] as? String
        == "#/$defs/condition", "condition names are the author's")
    // One schema for every kind of file, too.
    let all = try #require(
      try JSONSerialization.jsonObject(with: Data(Self.record.jsonSchema().utf8))
        as? [String: Any])
    #expect((all["anyOf"] as? [Any])?.count == DocumentKind.allCases.count)
  }

  /// Every key in a "Key", "Measure" or "Trigger" table of docs/ScenarioFormat.md is a key the
  /// reader knows, and every key the reader knows is named in the document.
  @Test func theReferenceNamesEveryKeyAndOnlyKeys() throws {
    let path = TestLibrary.repoRoot + "/docs/ScenarioFormat.md"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let known = Self.record.allKeys
    var tabled = Set<String>()
    var named = Set<String>()
    var header: String?
    var inFence = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      if line.hasPrefix("```") {
        inFence.toggle()
        continue
      }
      if inFence {
        // `key:` at the start of a YAML line in an example names the key too.
        let trimmed = line.drop { $0 == " " || $0 == "-" }
        if let colon = trimmed.firstIndex(of: ":") { named.insert(String(trimmed[..<colon])) }
        continue
      }
      for span in Self.codeSpans(line) {
        for part in span.split(whereSeparator: { ".[]: {},".contains($0) }) {
          named.insert(String(part))
        }
      }
      guard line.hasPrefix("|") else {
        header = nil
        continue
      }
      let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      guard let first = cells.first else { continue }
      if header == nil {
        header = first
        continue
      }
      guard ["Key", "Measure", "Trigger"].contains(header), !first.hasPrefix("-") else { continue }
      for span in Self.codeSpans(first) where !span.hasPrefix("{") {
        let key = span.split(separator: ":").first.map(String.init) ?? span
        let last = key.split(whereSeparator: { ".[]".contains($0) }).last.map(String.init) ?? key
        tabled.insert(last.trimmingCharacters(in: .whitespaces))
      }
    }
    #expect(
      tabled.subtracting(known).isEmpty,
      "documented but unknown: \(tabled.subtracting(known).sorted())")
    #expect(
      known.subtracting(named).isEmpty,
      "known but undocumented: \(known.subtracting(named).sorted())")
    #expect(tabled.count > 100, "the tables were read")
  }

  private static func codeSpans(_ line: String) -> [String] {
    let parts = line.split(separator: "`", omittingEmptySubsequences: false)
    return stride(from: 1, to: parts.count, by: 2).map { String(parts[$0]) }
  }
}
