import Foundation
import VisitCoachModel

/// The versioned JSON form of a score report (documented in docs/Scoring.md).
public enum JSONReport {
  /// Pretty-printed JSON with sorted keys, so the same report always gives the same bytes.
  /// A measure's evidence carries its `note` as data and, for readers of the JSON, its `text`
  /// worded in Chinese.
  public static func render(_ report: ScoreReport) -> String {
    var report = report
    for a in report.areas.indices {
      for c in report.areas[a].criteria.indices {
        report.areas[a].criteria[c].evidence = report.areas[a].criteria[c].evidence.map(worded)
      }
      for p in report.areas[a].penalties.indices {
        report.areas[a].penalties[p].evidence = report.areas[a].penalties[p].evidence.map(worded)
      }
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(report), let text = String(data: data, encoding: .utf8)
    else {
      return "{}"
    }
    return TerminalText.jsonSafe(text) + "\n"
  }

  private static func worded(_ e: Evidence) -> Evidence {
    var e = e
    if e.note != nil && e.text.isEmpty { e.text = InterfaceStrings.chinese.evidence(e) }
    return e
  }
}
