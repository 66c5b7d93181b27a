import Foundation
import ScenarioFormat
import Testing
import VisitCoachModel
import VisitCoachTestSupport

/// `previous:` and `{previous.…}` in scenarios, and series files (`series/ID.yaml`).
@Suite("Series and the earlier visit")
struct SeriesFormatTests {
  /// The valid fixture with a line that quotes the earlier visit, and `previous` as given.
  func scenario(previous: String, line: String = "上次你说“{previous.promise}”，问了没有？") -> String {
    validScenario.replacingOccurrences(of: "text: 哎，你好。", with: "text: \(line)")
      + (previous.isEmpty ? "" : "\n" + previous)
  }

  @Test func aVisitCarriesWhatTheEarlierOneLeft() throws {
    let yaml = scenario(
      previous: """
        previous:
          when: 上周二
          record: 听了意见 | 想多要金桥 | 周五前回电话 | 跟进限量
          promises: [金桥的限量我周五前给您回个电话]
        """)
    let result = diagnose(yaml)
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    let previous = try #require(result.scenarios.first?.previous)
    #expect(previous.when == "上周二")
    #expect(previous.record?.promises == "周五前回电话")
    #expect(previous.promisesToKeep == ["金桥的限量我周五前给您回个电话"])
  }

  @Test func quotingTheEarlierVisitNeedsOne() {
    let yaml = scenario(previous: "")
    let result = diagnose(yaml)
    let problem = result.errors.first
    #expect(
      problem?.problem.code == "previous-placeholder-without-previous", "\(result.diagnostics)")
    #expect(problem?.location.line == line(of: "{previous.promise}", in: yaml))
  }

  @Test func anUnknownPlaceholderIsNamed() {
    let yaml = scenario(
      previous: "previous: { promises: [周五前回电话] }", line: "上次你说{previous.promis}")
    let result = diagnose(yaml)
    #expect(result.errors.first?.message.contains("previous.promise") == true, "\(result.errors)")
  }

  @Test func anEmptyPreviousIsAnError() {
    let result = diagnose(scenario(previous: "previous: { when: 上周 }"))
    #expect(result.errors.contains { $0.problem.code == "previous-empty" }, "\(result.diagnostics)")
  }

  func library(series: String) throws -> String {
    let root = Scratch.root + "visitcoach-series-\(UUID().uuidString)"
    try FileManager.default.createDirectory(
      atPath: root + "/series", withIntermediateDirectories: true)
    try series.write(toFile: root + "/series/shop.yaml", atomically: true, encoding: .utf8)
    return root
  }

  @Test func aSeriesNamesItsVisitsInOrder() throws {
    let root = try library(
      series: """
        version: 1
        id: shop
        title: 三次拜访
        visits: [one, two, three]
        """)
    let loaded = SeriesLibrary.load(id: "shop", root: root, scenarios: ["one", "two", "three"])
    #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
    #expect(loaded.series?.scenarioIDs == ["one", "two", "three"])
    #expect(SeriesLibrary.ids(root: root) == ["shop"])
  }

  @Test func aSeriesWithAnUnknownVisitOrOnlyOneIsRefused() throws {
    let unknown = try library(
      series: "version: 1\nid: shop\ntitle: 拜访\nvisits: [one, tow]\n")
    let loaded = SeriesLibrary.load(id: "shop", root: unknown, scenarios: ["one", "two"])
    #expect(loaded.series == nil)
    #expect(loaded.diagnostics.first?.message.contains("two") == true, "\(loaded.diagnostics)")
    #expect(loaded.diagnostics.first?.location.line == 4)
    let single = try library(series: "version: 1\nid: shop\ntitle: 拜访\nvisits: [one]\n")
    #expect(SeriesLibrary.load(id: "shop", root: single, scenarios: ["one"]).series == nil)
  }

  @Test func theShippedSeriesLoads() {
    let root = TestLibrary.scenariosRoot
    for id in SeriesLibrary.ids(root: root) {
      let loaded = SeriesLibrary.load(
        id: id, root: root, scenarios: TestLibrary.shipped.scenarios.map(\.id))
      #expect(loaded.diagnostics.isEmpty, "\(id): \(loaded.diagnostics)")
      #expect((loaded.series?.scenarioIDs.count ?? 0) >= 2)
    }
    #expect(!SeriesLibrary.ids(root: root).isEmpty)
  }
}
