import VisitCoachModel

/// The plain-text score report: total and pass, one bar per area, each criterion with its
/// evidence or its tip, penalties, blockers, the things to improve and the turn log.
public struct TextReport {
  public var strings: InterfaceStrings
  public var showTurns: Bool

  public init(language: InterfaceLanguage = .zh, showTurns: Bool = true) {
    strings = .forLanguage(language)
    self.showTurns = showTurns
  }

  public func render(_ report: ScoreReport) -> String {
    summary(report) + details(report)
  }

  /// Total and pass, time, blockers, one bar per area and the three things to improve: what
  /// the trainee sees at the end of a session.
  public func summary(_ report: ScoreReport) -> String {
    let s = strings
    var out: [String] = []
    out.append("\(s.heading) · \(report.scenarioTitle) (\(report.scenario))")
    let verdict = report.passed ? s.passed : s.failed
    out.append("\(s.total) \(report.total)/100  \(verdict) (\(s.passMark) \(report.passMark))")
    let hints = s.hints(of: report)
    out.append(
      "\(s.endedBy[report.endedBy.rawValue] ?? report.endedBy.rawValue) · \(s.time) \(Self.clock(report.clock))/\(Self.clock(report.budget)) · \(s.hintsUsed): \(hints)"
    )
    if !report.blockers.isEmpty {
      out.append("\(s.blockers): \(report.blockers.joined(separator: "、"))")
    }
    out.append("")
    let titleWidth = report.areas.map { DisplayWidth.of($0.title) }.max() ?? 0
    for area in report.areas {
      let bar = area.score.map { Self.bar($0) + " \($0)" } ?? s.notApplicable
      out.append(
        "\(DisplayWidth.pad(area.title, to: titleWidth))  \(bar)  (\(s.weight) \(area.weight))")
    }
    let improvements = Self.improvements(report)
    if !improvements.isEmpty {
      out.append("")
      out.append(s.improve)
      for (n, improvement) in improvements.enumerated() {
        let finding = improvement.finding
        out.append("  \(n + 1). \(finding.title): \(finding.tip)")
        if let quote = improvement.quote { out.append("     「\(quote)」") }
        if !finding.example.isEmpty { out.append("     \(s.example): \(finding.example)") }
      }
    }
    return TerminalText.visible(out.joined(separator: "\n") + "\n")
  }

  /// Each criterion with evidence or tip, the penalties, and the turn log.
  public func details(_ report: ScoreReport) -> String {
    let s = strings
    var out: [String] = []
    for area in report.areas {
      out.append("")
      out.append("【\(area.title)】 \(area.score.map(String.init) ?? s.notApplicable)")
      for c in area.criteria {
        out.append(
          "  \(Self.mark(c.status)) \(c.title) \(c.status == .notApplicable ? s.notApplicable : "\(c.points)/\(c.max)")"
        )
        for e in c.evidence {
          out.append("      \(s.turnLabel(e.turn)): \(s.evidence(e))")
        }
        if c.status == .missed || c.status == .partial {
          if !c.tip.isEmpty { out.append("      \(s.tip): \(c.tip)") }
          if !c.example.isEmpty { out.append("      \(s.example): \(c.example)") }
        }
      }
      for p in area.penalties where p.status == .triggered {
        out.append(
          "  ! \(s.penalty) \(p.title) \(p.points)\(p.isBlocker ? " (\(s.blockers))" : "")")
        for e in p.evidence {
          out.append("      \(s.turnLabel(e.turn)): 「\(e.utterance)」 → \(s.evidence(e))")
        }
        if !p.tip.isEmpty { out.append("      \(s.tip): \(p.tip)") }
      }
    }
    if showTurns && !report.turns.isEmpty {
      let titles = report.findingTitles
      out.append("")
      out.append(s.turnLog)
      for t in report.turns {
        let phase = report.phaseTitle(t.phase)
        let said = s.said(t.kind, t.trainee)
        out.append("\(t.index). [\(phase) \(Self.clock(t.clock))] \(s.trainee): \(said)")
        if let r = t.retailer { out.append("   \(s.retailer(of: report)): \(r)") }
        var notes =
          t.met.map { "✓" + s.findingName($0, titles: titles) }
          + t.partial.map { "◐" + s.findingName($0, titles: titles) }
          + t.violated.map { "✗" + s.findingName($0, titles: titles) }
        if t.moodChange != 0 {
          notes.append("\(s.mood) \(t.moodChange > 0 ? "+" : "")\(t.moodChange)")
        }
        if !notes.isEmpty { out.append("   " + notes.joined(separator: " ")) }
      }
    }
    return TerminalText.visible(out.joined(separator: "\n") + "\n")
  }

  /// One of the three things to improve: the finding, and the trainee's own words to quote
  /// with it, if any.
  public struct Improvement: Sendable {
    public var finding: Finding
    /// A sentence of the evidence that did not earn this same criterion (a sentence credited ✓
    /// or ◐ for it is never held up as the thing to improve).
    public var quote: String?
  }

  /// The three most valuable misses: blocking and triggered penalties first, then missed
  /// criteria by points available. Text, Markdown and HTML reports all show these.
  public static func improvements(_ report: ScoreReport) -> [Improvement] {
    let penalties = report.areas.flatMap(\.penalties).filter { $0.status == .triggered }
      .sorted { ($0.isBlocker ? 1 : 0, -$0.points) > ($1.isBlocker ? 1 : 0, -$1.points) }
    let missed = report.areas.flatMap(\.criteria).filter {
      $0.status == .missed || $0.status == .partial
    }
    .sorted { ($0.max - $0.points) > ($1.max - $1.points) }
    let earned = Dictionary(
      report.turns.map { ($0.index, Set($0.met + $0.partial)) },
      uniquingKeysWith: { a, b in a.union(b) })
    return (penalties + missed).prefix(3).map { finding in
      let quote = finding.evidence.first { evidence in
        !evidence.utterance.isEmpty
          && (finding.isPenalty || earned[evidence.turn]?.contains(finding.id) != true)
      }?.utterance
      return Improvement(finding: finding, quote: quote)
    }
  }

  /// `mm:ss`.
  public static func clock(_ seconds: Int) -> String {
    let m = seconds / 60
    let s = seconds % 60
    return (m < 10 ? "0" : "") + "\(m):" + (s < 10 ? "0" : "") + "\(s)"
  }

  /// A ten-cell bar for a 0-100 score.
  public static func bar(_ score: Int) -> String {
    let full = max(0, min(10, (score + 5) / 10))
    return String(repeating: "█", count: full) + String(repeating: "░", count: 10 - full)
  }

  public static func mark(_ status: CriterionStatus) -> String {
    switch status {
    case .met: return "✓"
    case .partial: return "◐"
    case .missed: return "✗"
    case .notApplicable: return "–"
    case .triggered: return "!"
    case .clear: return "✓"
    }
  }
}
