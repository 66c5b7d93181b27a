import Foundation
import Reporting
import Testing
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
    let phases = Dictionary(
      scenario.phases.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
    let renderings = [
      "txt": TextReport(retailerName: scenario.persona.name, phaseTitles: phases).render(report),
      "md": MarkdownReport(retailerName: scenario.persona.name, phaseTitles: phases).render(report),
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
