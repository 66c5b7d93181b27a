import Foundation
import VisitCoachModel

/// The versioned JSON form of a score report (documented in docs/Scoring.md).
public enum JSONReport {
  /// Pretty-printed JSON with sorted keys, so the same report always gives the same bytes.
  public static func render(_ report: ScoreReport) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(report), let text = String(data: data, encoding: .utf8)
    else {
      return "{}"
    }
    return TerminalText.jsonSafe(text) + "\n"
  }
}
