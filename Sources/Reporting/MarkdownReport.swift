import VisitCoachModel

/// The score report as Markdown: a summary table of areas, each criterion with its evidence or
/// tip, penalties, and the annotated turn log.
public struct MarkdownReport {
  public var strings: InterfaceStrings

  public init(language: InterfaceLanguage = .zh) {
    strings = .forLanguage(language)
  }

  public func render(_ report: ScoreReport) -> String {
    let s = strings
    var out: [String] = []
    out.append("# \(s.heading): \(Self.escape(report.scenarioTitle))")
    out.append("")
    out.append(
      "**\(s.total) \(report.total)/100 · \(report.passed ? s.passed : s.failed)** (\(s.passMark) \(report.passMark))  "
    )
    out.append(
      "\(s.endedBy[report.endedBy.rawValue] ?? report.endedBy.rawValue) · \(s.time) \(TextReport.clock(report.clock))/\(TextReport.clock(report.budget))"
    )
    if !report.blockers.isEmpty {
      out.append("")
      out.append("**\(s.blockers)**: \(report.blockers.map(Self.escape).joined(separator: "、"))")
    }
    out.append("")
    out.append("| | \(s.weight) | \(s.total) |")
    out.append("|---|---:|---:|")
    for area in report.areas {
      out.append(
        "| \(Self.escape(area.title)) | \(area.weight) | \(area.score.map(String.init) ?? s.notApplicable) |"
      )
    }
    let improvements = TextReport.improvements(report)
    if !improvements.isEmpty {
      out.append("")
      out.append("## \(s.improve)")
      out.append("")
      for (n, improvement) in improvements.enumerated() {
        let f = improvement.finding
        out.append("\(n + 1). **\(Self.escape(f.title))**: \(Self.escape(f.tip))")
        if let quote = improvement.quote { out.append("   > \(Self.escape(quote))") }
        if !f.example.isEmpty { out.append("   \(s.example): \(Self.escape(f.example))") }
      }
    }
    for area in report.areas {
      out.append("")
      out.append(
        "## \(Self.escape(area.title)) (\(area.score.map(String.init) ?? s.notApplicable))")
      out.append("")
      for c in area.criteria {
        let points = c.status == .notApplicable ? s.notApplicable : "\(c.points)/\(c.max)"
        out.append("- \(TextReport.mark(c.status)) \(Self.escape(c.title)) — \(points)")
        for e in c.evidence {
          out.append("  - \(s.turnLabel(e.turn)): \(Self.escape(s.evidence(e)))")
        }
        if c.status == .missed || c.status == .partial, !c.tip.isEmpty {
          out.append("  - \(s.tip): \(Self.escape(c.tip))")
          if !c.example.isEmpty { out.append("  - \(s.example): \(Self.escape(c.example))") }
        }
      }
      for p in area.penalties where p.status == .triggered {
        out.append(
          "- ! \(s.penalty) \(Self.escape(p.title)) \(p.points)\(p.isBlocker ? " (\(s.blockers))" : "")"
        )
        for e in p.evidence {
          out.append(
            "  - \(s.turnLabel(e.turn)): \(Self.escape(e.utterance)) → \(Self.escape(s.evidence(e)))"
          )
        }
      }
    }
    out.append("")
    out.append("## \(s.turnLog)")
    out.append("")
    for t in report.turns {
      let said = s.said(t.kind, t.trainee)
      out.append(
        "\(t.index). *[\(Self.escape(report.phaseTitle(t.phase))) \(TextReport.clock(t.clock))]* **\(s.trainee)**: \(Self.escape(said))  "
      )
      if let r = t.retailer {
        out.append("   **\(Self.escape(s.retailer(of: report)))**: \(Self.escape(r))")
      }
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// Escapes characters Markdown would read as markup, and strips control characters.
  public static func escape(_ text: String) -> String {
    var out = ""
    for c in TerminalText.visible(text).unicodeScalars {
      if c.value < 0x20 { continue }
      if "\\`*_{}[]<>()#+-.!|".unicodeScalars.contains(c) { out.append("\\") }
      out.unicodeScalars.append(c)
    }
    return out
  }
}
