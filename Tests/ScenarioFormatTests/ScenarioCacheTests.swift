import CompactCoding
import Foundation
import Testing
import VisitCoachModel
import VisitCoachTestSupport

@testable import ScenarioFormat

/// The binary form caches use: whatever goes in comes out equal, and damaged bytes are an error,
/// never a crash or a wrong value.
@Suite("Binary coding")
struct BinaryCodingTests {
  enum Shape: Codable, Hashable {
    case dot
    case circle(radius: Double)
    case label(String, size: Int?)
  }

  struct Sample: Codable, Hashable {
    var name: String
    var count: Int
    var negative: Int64
    var big: UInt64
    var small: Int8
    var ratio: Double
    var flag: Bool
    var maybe: String?
    var missing: Int?
    var words: [String]
    var nested: [[String]]
    var shapes: [Shape]
    var table: [String: [Int]]
    var numbers: [Int: String]
    var set: Set<String>
    var optionals: [String?]
  }

  let sample = Sample(
    name: "金桥硬盒", count: 42, negative: -9_000_000_000, big: .max, small: -3, ratio: 0.125,
    flag: true, maybe: "海韵", missing: nil, words: ["您好", "", "a"],
    nested: [["老板", "王姐"], []], shapes: [.dot, .circle(radius: 2.5), .label("价签", size: nil)],
    table: ["点": [1, 2], "空": []], numbers: [3: "三", -1: "负一"], set: ["甲", "乙"],
    optionals: ["有", nil])

  @Test func valuesRoundTrip() throws {
    let bytes = try BinaryCoding.encode(sample)
    let back = try bytes.withUnsafeBytes { try BinaryCoding.decode(Sample.self, from: $0) }
    #expect(back == sample)
  }

  @Test func everyShippedScenarioRoundTrips() throws {
    #expect(!TestLibrary.shipped.scenarios.isEmpty)
    for scenario in TestLibrary.shipped.scenarios {
      let bytes = try BinaryCoding.encode(scenario)
      let back = try bytes.withUnsafeBytes { try BinaryCoding.decode(Scenario.self, from: $0) }
      #expect(back == scenario, "\(scenario.id)")
    }
  }

  @Test func damagedBytesThrowAndNeverCrash() throws {
    let bytes = try BinaryCoding.encode(sample)
    for cut in 0..<bytes.count {
      let prefix = Array(bytes.prefix(cut))
      #expect(
        (try? prefix.withUnsafeBytes { try BinaryCoding.decode(Sample.self, from: $0) }) == nil,
        "cut at \(cut)")
    }
    // Every single byte changed to every value decodes to something or throws; none crashes.
    var survived = 0
    for at in 0..<bytes.count {
      for value in [0x00, 0x07, 0x08, 0x7F, 0x80, 0xFF] as [UInt8] {
        var damaged = bytes
        damaged[at] = value
        if (try? damaged.withUnsafeBytes { try BinaryCoding.decode(Sample.self, from: $0) }) != nil
        {
          survived += 1
        }
      }
    }
    #expect(survived < bytes.count * 6)
  }
}

/// The assembled scenario kept between starts: a hit must give exactly what reading the YAML
/// gives, and anything changed must be read again.
@Suite("Scenario cache")
struct ScenarioCacheTests {
  func cacheFiles(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
      .filter { $0.hasPrefix("scenario-") }.sorted()
  }

  func load(_ root: String, _ cache: String, _ id: String = "supply-complaint") -> LoadResult {
    ScenarioLibrary.load(
      scenarioID: id, root: root, lexiconCache: LexiconCache(directory: cache),
      scenarioCache: ScenarioCache(directory: cache))
  }

  @Test func aCachedStartGivesTheSameScenarioAsReadingTheYAML() throws {
    let (root, cache) = try LexiconCacheTests().copyOfLibrary()
    defer {
      try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent)
    }
    for id in ["supply-complaint", "full-visit-rural-c"] {
      let plain = ScenarioLibrary.load(scenarioID: id, root: root)
      let first = load(root, cache, id)
      let second = load(root, cache, id)
      #expect(!plain.hasErrors)
      #expect(first.scenarios == plain.scenarios)
      #expect(second.scenarios == plain.scenarios, "a hit gives the same scenario")
      #expect(second.diagnostics == plain.diagnostics)
      #expect(second.fileCount == plain.fileCount)
    }
    #expect(cacheFiles(cache).count == 2, "one file per scenario")
  }

  @Test func anyEditedFileTheScenarioReadIsReadAgain() throws {
    let (root, cache) = try LexiconCacheTests().copyOfLibrary()
    defer {
      try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent)
    }
    let before = load(root, cache)
    // A rubric, a trait, the scenario itself, a new lexicon file: each edit must show.
    let edits: [(file: String, from: String, to: String)] = [
      ("rubrics/farewell.yaml", "title:", "title: 缓存探针"),
      ("traits/complaining.yaml", "title:", "title: 缓存探针"),
      ("supply-complaint.yaml", "title:", "title: 缓存探针"),
    ]
    var previous = before.scenarios
    for edit in edits {
      let path = root + "/" + edit.file
      let text = try String(contentsOfFile: path, encoding: .utf8)
      guard let range = text.range(of: edit.from) else {
        Issue.record("no \(edit.from) in \(edit.file)")
        continue
      }
      try text.replacingCharacters(in: range, with: edit.to)
        .write(toFile: path, atomically: true, encoding: .utf8)
      let after = load(root, cache)
      let plain = ScenarioLibrary.load(scenarioID: "supply-complaint", root: root)
      #expect(after.scenarios == plain.scenarios, "\(edit.file)")
      #expect(after.scenarios != previous, "\(edit.file) changed what was loaded")
      previous = after.scenarios
    }
    // An edited lexicon file: every rubric reads families from the lexicon folder.
    let lexiconFile = root + "/lexicon/complaint.yaml"
    let lexiconText = try String(contentsOfFile: lexiconFile, encoding: .utf8)
    let editedLexicon = lexiconText.replacingOccurrences(
      of: "concepts:\n", with: "concepts:\n  cache_probe_edit: [缓存探针改词]\n")
    #expect(editedLexicon != lexiconText)
    try editedLexicon.write(toFile: lexiconFile, atomically: true, encoding: .utf8)
    let withEditedLexicon = load(root, cache)
    #expect(
      withEditedLexicon.scenarios
        == ScenarioLibrary.load(scenarioID: "supply-complaint", root: root)
        .scenarios)
    #expect(
      withEditedLexicon.scenarios.first?.fingerprint != previous.first?.fingerprint,
      "an edited lexicon file is read again")
    previous = withEditedLexicon.scenarios
    try "concepts:\n  cache_probe_family: [缓存探针词]\n".write(
      toFile: root + "/lexicon/zz-probe.yaml", atomically: true, encoding: .utf8)
    let withNewFile = load(root, cache)
    #expect(
      withNewFile.scenarios.first?.fingerprint != previous.first?.fingerprint,
      "a new lexicon file is read")
    #expect(cacheFiles(cache).count == 1, "the entry for the scenario is replaced, not added")
  }

  @Test func aBrokenCacheFileIsAMissNotAWrongScenario() throws {
    let (root, cache) = try LexiconCacheTests().copyOfLibrary()
    defer {
      try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent)
    }
    let plain = ScenarioLibrary.load(scenarioID: "supply-complaint", root: root)
    _ = load(root, cache)
    let path = cache + "/" + cacheFiles(cache)[0]
    var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    bytes[bytes.count / 2] ^= 0x5A
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    #expect(load(root, cache).scenarios == plain.scenarios)
    try Data(bytes.prefix(100)).write(to: URL(fileURLWithPath: path))
    #expect(load(root, cache).scenarios == plain.scenarios)
  }

  @Test func aScenarioWithAWarningIsNeverCachedAndAlwaysWarned() throws {
    let (root, cache) = try LexiconCacheTests().copyOfLibrary()
    defer {
      try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent)
    }
    let path = root + "/rubrics/farewell.yaml"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    // A criterion without a tip is a warning.
    let lines = text.components(separatedBy: "\n")
    guard
      let tip = lines.firstIndex(where: {
        $0.trimmingCharacters(in: .whitespaces).hasPrefix("tip:")
      })
    else {
      Issue.record("no tip in farewell.yaml")
      return
    }
    var without = lines
    without.remove(at: tip)
    try without.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    for _ in 0..<2 {
      let result = load(root, cache)
      #expect(!result.hasErrors)
      #expect(!result.warnings.isEmpty, "the warning is reported on every start")
    }
    #expect(cacheFiles(cache).isEmpty)
  }
}
