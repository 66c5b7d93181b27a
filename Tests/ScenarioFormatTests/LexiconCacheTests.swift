import Foundation
import ScenarioFormat
import Testing
import VisitCoachTestSupport

@testable import ScenarioFormat

/// The compiled lexicon kept between starts: a hit must give exactly what reading the YAML gives,
/// and anything changed or broken must be read again.
@Suite("Lexicon cache")
struct LexiconCacheTests {
  /// A copy of the shipped library (scenario files, traits, rubrics, catalogue, lexicon) and an
  /// empty cache folder, both removed by the caller.
  func copyOfLibrary() throws -> (root: String, cache: String) {
    let base = Scratch.root + "visitcoach-lexcache-\(UUID().uuidString)"
    let root = base + "/scenarios"
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    for entry in try FileManager.default.contentsOfDirectory(atPath: TestLibrary.scenariosRoot)
    where TestLibrary.libraryFolders.contains(entry)
      || entry.hasSuffix(".yaml")
    {
      try FileManager.default.copyItem(
        atPath: TestLibrary.scenariosRoot + "/" + entry, toPath: root + "/" + entry)
    }
    return (root, base + "/cache")
  }

  func cacheFiles(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
  }

  @Test func aCachedStartGivesTheSameScenarioAsReadingTheYAML() throws {
    let (root, cache) = try copyOfLibrary()
    defer {
      try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent)
    }
    let plain = ScenarioLibrary.load(scenarioID: "supply-complaint", root: root)
    let first = ScenarioLibrary.load(
      scenarioID: "supply-complaint", root: root, lexiconCache: LexiconCache(directory: cache))
    #expect(cacheFiles(cache).count == 1, "the first start writes the cache")
    let second = ScenarioLibrary.load(
      scenarioID: "supply-complaint", root: root, lexiconCache: LexiconCache(directory: cache))
    #expect(!plain.hasErrors)
    #expect(plain.scenarios == first.scenarios)
    #expect(plain.scenarios == second.scenarios, "a hit gives the same criteria and fingerprint")
    #expect(plain.diagnostics == second.diagnostics)
  }

  @Test func oldCacheFilesAreRemovedAsNewOnesAreWritten() throws {
    let cache = Scratch.root + "visitcoach-lexprune-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: cache) }
    let lexiconCache = LexiconCache(directory: cache)
    for n in 0..<(LexiconCache.filesKept + 3) {
      lexiconCache.store(["family": ["词\(n)"]], key: "key\(n)")
    }
    let files = cacheFiles(cache)
    #expect(files.count == LexiconCache.filesKept, "\(files)")
    #expect(files.contains("lexicon-key\(LexiconCache.filesKept + 2).bin"), "the newest stays")
    #expect(
      lexiconCache.load(key: "key\(LexiconCache.filesKept + 2)") == [
        "family": ["词\(LexiconCache.filesKept + 2)"]
      ])
  }

  @Test func anEditedLexiconFileIsReadAgain() throws {
    let (root, cache) = try copyOfLibrary()
    defer {
      try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent)
    }
    let lexiconCache = LexiconCache(directory: cache)
    let before = ScenarioLibrary.load(
      scenarioID: "supply-complaint", root: root, lexiconCache: lexiconCache)
    let file = root + "/lexicon/complaint.yaml"
    let text = try String(contentsOfFile: file, encoding: .utf8)
    // A family every complaint rubric uses gains a word nobody would write by accident.
    let edited = text.replacingOccurrences(
      of: "concepts:\n", with: "concepts:\n  cache_probe_family: [缓存探针词]\n")
    #expect(edited != text)
    try edited.write(toFile: file, atomically: true, encoding: .utf8)
    let after = ScenarioLibrary.load(
      scenarioID: "supply-complaint", root: root, lexiconCache: lexiconCache)
    let plain = ScenarioLibrary.load(scenarioID: "supply-complaint", root: root)
    #expect(cacheFiles(cache).count == 2, "the edited lexicon is cached under a new key")
    #expect(after.scenarios == plain.scenarios)
    #expect(after.scenarios.first?.fingerprint != before.scenarios.first?.fingerprint)
  }

  @Test func aBrokenCacheFileIsAMissNotAWrongLexicon() throws {
    let (root, cache) = try copyOfLibrary()
    defer {
      try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent)
    }
    let lexiconCache = LexiconCache(directory: cache)
    let plain = ScenarioLibrary.load(scenarioID: "supply-complaint", root: root)
    _ = ScenarioLibrary.load(scenarioID: "supply-complaint", root: root, lexiconCache: lexiconCache)
    let path = cache + "/" + cacheFiles(cache)[0]
    var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    bytes[bytes.count / 2] ^= 0x5A  // one flipped byte in the middle of a word list
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let again = ScenarioLibrary.load(
      scenarioID: "supply-complaint", root: root, lexiconCache: lexiconCache)
    #expect(again.scenarios == plain.scenarios)
    try Data(bytes.prefix(100)).write(to: URL(fileURLWithPath: path))
    let truncated = ScenarioLibrary.load(
      scenarioID: "supply-complaint", root: root, lexiconCache: lexiconCache)
    #expect(truncated.scenarios == plain.scenarios)
  }

  @Test func aLexiconWithMistakesIsNeverCachedAndAlwaysReported() throws {
    let (root, cache) = try copyOfLibrary()
    defer {
      try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent)
    }
    let file = root + "/lexicon/discourse.yaml"
    let text = try String(contentsOfFile: file, encoding: .utf8)
    try text.replacingOccurrences(of: "concepts:\n", with: "concepts:\n  Bad-Name: [词]\n")
      .write(toFile: file, atomically: true, encoding: .utf8)
    for _ in 0..<2 {
      let result = ScenarioLibrary.load(
        scenarioID: "supply-complaint", root: root, lexiconCache: LexiconCache(directory: cache))
      #expect(result.errors.contains { $0.message.contains("is not a concept name") })
    }
    #expect(cacheFiles(cache).isEmpty)
  }

  @Test func theLayoutRoundTripsAndRefusesDamage() {
    let lexicon = ["apology": ["对不起", "抱歉", "是我们没做好"], "empty_word_free": ["嗯"]]
    let bytes = LexiconCache.encode(lexicon)
    #expect(bytes.withUnsafeBufferPointer { LexiconCache.decode($0) } == lexicon)
    for cut in [0, 5, 20, bytes.count - 1] {
      let prefix = Array(bytes.prefix(cut))
      #expect(prefix.withUnsafeBufferPointer { LexiconCache.decode($0) } == nil, "cut at \(cut)")
    }
  }
}

/// Families that use other families: expanded once when the lexicon is read, like a rubric phrase.
@Suite("Nested lexicon families")
struct NestedLexiconTests {
  func library(_ extra: String) throws -> (root: String, result: PreparedLibrary) {
    let (root, _) = try LexiconCacheTests().copyOfLibrary()
    try extra.write(toFile: root + "/lexicon/zz-nested.yaml", atomically: true, encoding: .utf8)
    return (root, PreparedLibrary(root: root))
  }

  @Test func aFamilyCanHoldAGappedFrameOverOtherFamilies() throws {
    let (root, result) = try library(
      """
      version: 1
      concepts:
        nest_slip: [又断了, 又忘了]
        nest_praise: [真行, 佩服]
        nest_frame: ["{lexicon.nest_slip}…{lexicon.nest_praise}", 真有您的]
        nest_outer: ["{lexicon.nest_frame}", 稳定得很]
      """)
    defer {
      try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent)
    }
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
    let outer = try #require(result.lexicon["nest_outer"])
    #expect(outer.contains("真有您的") && outer.contains("稳定得很"))
    #expect(outer.contains { $0.contains("…") && $0.contains("又断了") && $0.contains("佩服") })
    #expect(!outer.contains { $0.contains("{") })
  }

  @Test func unknownAndCircularFamiliesAreErrors() throws {
    let (root, result) = try library(
      """
      version: 1
      concepts:
        nest_a: ["{lexicon.nest_b}好"]
        nest_b: ["{lexicon.nest_a}坏"]
        nest_c: ["{lexicon.no_such_family}"]
      """)
    defer {
      try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent)
    }
    #expect(
      result.diagnostics.contains { if case .refersToItself = $0.problem { true } else { false } })
    #expect(
      result.diagnostics.contains {
        if case .unknownReference(.placeholder, "lexicon.no_such_family", _, _) = $0.problem {
          true
        } else {
          false
        }
      })
  }
}
