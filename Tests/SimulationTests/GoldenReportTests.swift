import Foundation
import Reporting
import Testing
import VisitCoachModel
import VisitCoachTestSupport

/// Whole-visit JSON reports compared byte for byte with files under `Golden/`.
/// Record new goldens with `VISITCOACH_RECORD=1 swift test --filter GoldenReportTests` and
/// review the diff before committing.
@Suite("Golden JSON reports")
struct GoldenReportTests {
  /// The three core scenarios; the rest of the library is pinned by its conversation tests.
  static let cases: [String] = ["busy-morning-rush", "elderly-first-visit", "supply-complaint"]
    .flatMap {
      ["\($0).good", "\($0).poor"]
    }

  @Test(arguments: cases)
  func reportMatchesGolden(_ name: String) throws {
    let parts = name.split(separator: ".")
    let id = String(parts[0])
    let report = play(TestLibrary.scenario(id), seed: 1, try sample(id, String(parts[1]))).report
    let json = JSONReport.render(report)
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
      "Golden/\(name).json")
    if ProcessInfo.processInfo.environment["VISITCOACH_RECORD"] != nil {
      try json.write(to: path, atomically: true, encoding: .utf8)
      return
    }
    let golden = try String(contentsOf: path, encoding: .utf8)
    #expect(
      json == golden,
      "report for \(name) differs from Golden/\(name).json; re-record if the change is intended")
  }
}

/// The text and Markdown renderings of whole visits, compared with files under `Golden/`.
@Suite("Golden text and Markdown reports")
struct GoldenRenderingTests {
  static let cases = ["busy-morning-rush.good", "supply-complaint.poor"]

  @Test(arguments: cases)
  func renderingsMatchGolden(_ name: String) throws {
    let parts = name.split(separator: ".")
    let scenario = TestLibrary.scenario(String(parts[0]))
    let report = play(scenario, seed: 1, try sample(String(parts[0]), String(parts[1]))).report
    let renderings = [
      "txt": TextReport().render(report),
      "md": MarkdownReport().render(report),
    ]
    for (ext, text) in renderings.sorted(by: { $0.key < $1.key }) {
      let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Golden/\(name).\(ext)")
      if ProcessInfo.processInfo.environment["VISITCOACH_RECORD"] != nil {
        try text.write(to: path, atomically: true, encoding: .utf8)
        continue
      }
      let golden = try String(contentsOf: path, encoding: .utf8)
      #expect(text == golden, "\(ext) report for \(name) differs from Golden/\(name).\(ext)")
    }
  }
}

/// The three things to improve quote the trainee's words only where those words did not earn
/// the same criterion.
@Suite("Things to improve")
struct ImprovementQuoteTests {
  @Test func aSentenceCreditedForTheCriterionIsNeverQuotedAsTheThingToImprove() throws {
    var report = play(
      TestLibrary.scenario("supply-complaint"), seed: 1, try sample("supply-complaint", "poor")
    ).report
    // Only missed criteria compete for the three places.
    for a in report.areas.indices { report.areas[a].penalties = [] }
    guard let first = TextReport.improvements(report).first(where: { !$0.finding.isPenalty }),
      let turn = report.turns.first(where: { $0.kind == .say })
    else {
      Issue.record("the poor visit has a missed criterion and a spoken turn")
      return
    }
    // The finding's evidence now points at a turn that earned it, in part.
    for a in report.areas.indices {
      for c in report.areas[a].criteria.indices
      where report.areas[a].criteria[c].id == first.finding.id {
        report.areas[a].criteria[c].evidence = [
          Evidence(turn: turn.index, text: "", utterance: turn.trainee)
        ]
      }
    }
    let t = report.turns.firstIndex { $0.index == turn.index }!
    report.turns[t].partial.append(first.finding.id)
    let again = TextReport.improvements(report).first { $0.finding.id == first.finding.id }
    #expect(again != nil)
    #expect(again?.quote == nil, "quoted a sentence credited ◐ for the same criterion")
    report.turns[t].partial.removeAll { $0 == first.finding.id }
    #expect(
      TextReport.improvements(report).first { $0.finding.id == first.finding.id }?.quote
        == turn.trainee)
  }
}

/// A measure's evidence is data the report words in its own language.
@Suite("Evidence in the report's language")
struct EvidenceLanguageTests {
  @Test func anEnglishReportWordsMeasuresInEnglish() throws {
    let scenario = TestLibrary.scenario("supply-complaint")
    let report = play(scenario, seed: 1, try sample("supply-complaint", "poor")).report
    let english = TextReport(language: .en).details(report)
    let chinese = TextReport().details(report)
    #expect(english.contains("took 35 s (at most 90 s)"), "\(english)")
    #expect(!english.contains("用时"))
    #expect(chinese.contains("用时 35 秒（上限 90 秒）"))
  }
}

/// Reports stored in format version 1 (before reports carried their names) stay readable.
@Suite("Version 1 reports")
struct VersionOneReportTests {
  @Test func aVersionOneReportReadsAndTakesItsNamesFromTheScenario() throws {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
      "Golden/v1/busy-morning-rush.good.json")
    let report = try JSONDecoder().decode(ScoreReport.self, from: Data(contentsOf: path))
    #expect(report.version == 1)
    #expect(report.retailer.isEmpty && report.phases.isEmpty)
    // Without its scenario the report still renders, with plain stand-ins for the names.
    let bare = TextReport().render(report)
    #expect(bare.contains("零售户: "))
    let completed = report.completed(from: TestLibrary.scenario("busy-morning-rush"))
    let text = TextReport().render(completed)
    #expect(text.contains("陈建华: "))
    #expect(text.contains("[打招呼 "))
    #expect(completed.total == report.total)
    #expect(completed.version == ScoreReport.currentVersion, "it carries its names now")
    // A report from a newer program is refused, not read with its new fields dropped.
    let newer = try String(contentsOf: path, encoding: .utf8).replacingOccurrences(
      of: "\"version\" : 1", with: "\"version\" : 99")
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(ScoreReport.self, from: Data(newer.utf8))
    }
  }

  @Test func aNewReportCarriesItsNames() throws {
    let scenario = TestLibrary.scenario("busy-morning-rush")
    let report = play(scenario, seed: 1, try sample("busy-morning-rush", "good")).report
    #expect(report.version == ScoreReport.currentVersion)
    #expect(report.retailer == "陈建华")
    #expect(report.phases.map(\.id) == scenario.phases.map(\.id))
    let decoded = try JSONDecoder().decode(
      ScoreReport.self, from: Data(JSONReport.render(report).utf8))
    #expect(decoded.retailer == report.retailer && decoded.phases == report.phases)
  }
}

/// Keyword stuffing is no criterion: every turn log words it instead of printing its id.
@Suite("Keyword stuffing in turn logs")
struct StuffingWordingTests {
  @Test func turnLogsNameStuffingInTheirLanguage() throws {
    let scenario = TestLibrary.scenario("supply-complaint")
    let report = play(scenario, ["您好赵老板我是烟草公司客户经理今天来看看谢谢不好意思"]).report
    try #require(
      report.turns.first?.violated.contains(keywordStuffingID) == true, "\(report.turns)")
    for text in [TextReport().render(report), HTMLReport().render(report)] {
      #expect(!text.contains(keywordStuffingID))
      #expect(text.contains("堆砌关键词不得分"))
    }
    #expect(TextReport(language: .en).render(report).contains("keyword stuffing earns nothing"))
  }
}
