import VisitCoachModel

/// The score report of one session as a self-contained HTML page: verdict, a radar of the
/// areas, each criterion with a bar, its evidence or tip and model example, penalties, and the
/// annotated transcript.
public struct HTMLReport {
  public var strings: InterfaceStrings
  public var language: InterfaceLanguage
  /// A line above the title, e.g. session id, trainee and date.
  public var subtitle: String

  public init(language: InterfaceLanguage = .zh, subtitle: String = "") {
    strings = .forLanguage(language)
    self.language = language
    self.subtitle = subtitle
  }

  public func render(_ report: ScoreReport) -> String {
    let s = strings
    let e = HTMLPage.escape
    var page = HTMLPage(title: "\(s.heading) · \(report.scenarioTitle)", language: language)
    if !subtitle.isEmpty { page.add("<p class=\"meta\">\(e(subtitle))</p>") }
    page.add("<h1>\(e(s.heading)) · \(e(report.scenarioTitle))</h1>")
    let verdict =
      report.passed
      ? "<span class=\"verdict pass\">\(e(s.passed))</span>"
      : "<span class=\"verdict fail\">\(e(s.failed))</span>"
    var summary =
      "<div class=\"card grid\"><div><div class=\"verdict\">\(report.total)<span class=\"meta\">/100</span></div>\(verdict)"
    summary +=
      "<p class=\"meta\">\(e(s.passMark)) \(report.passMark) · \(e(s.endedBy[report.endedBy.rawValue] ?? report.endedBy.rawValue)) · \(e(s.time)) \(TextReport.clock(report.clock))/\(TextReport.clock(report.budget))"
    let hints = s.hints(of: report)
    summary += " · \(e(s.hintsUsed)): \(e(hints))</p>"
    if !report.blockers.isEmpty {
      summary +=
        "<p class=\"missed\"><strong>\(e(s.blockers))</strong>: \(e(report.blockers.joined(separator: "、")))</p>"
    }
    summary +=
      "</div><div>\(Charts.radar(report.areas.compactMap { a in a.score.map { (a.title, $0) } }))</div></div>"
    page.add(summary)
    let improvements = TextReport.improvements(report)
    if !improvements.isEmpty {
      var html = "<h2>\(e(s.improve))</h2><div class=\"card\"><ol>"
      for improvement in improvements {
        let f = improvement.finding
        html += "<li><strong>\(e(f.title))</strong>: \(e(f.tip))"
        if let quote = improvement.quote {
          html += "<div class=\"evidence\">「\(e(quote))」</div>"
        }
        if !f.example.isEmpty {
          html += "<div class=\"tip\">\(e(s.example)): \(e(f.example))</div>"
        }
        html += "</li>"
      }
      page.add(html + "</ol></div>")
    }
    for area in report.areas {
      var html =
        "<h2>\(e(area.title)) <span class=\"meta\">\(area.score.map { "\($0)/100" } ?? e(s.notApplicable)) · \(e(s.weight)) \(area.weight)</span></h2><div class=\"card\"><table>"
      for c in area.criteria {
        let css = Self.css(c.status)
        let fraction = c.max > 0 ? c.points * 100 / c.max : 0
        html += "<tr><td class=\"\(css)\">\(TextReport.mark(c.status)) \(e(c.title))"
        for ev in c.evidence {
          html += "<div class=\"evidence\">\(e(s.turnLabel(ev.turn))): \(e(s.evidence(ev)))</div>"
        }
        if c.status == .missed || c.status == .partial {
          if !c.tip.isEmpty { html += "<div class=\"tip\">\(e(s.tip)): \(e(c.tip))</div>" }
          if !c.example.isEmpty {
            html += "<div class=\"tip\">\(e(s.example)): \(e(c.example))</div>"
          }
        }
        html += "</td><td style=\"width:30%\">"
        html +=
          c.status == .notApplicable
          ? "<span class=\"na\">\(e(s.notApplicable))</span>"
          : "<div class=\"bar\"><span style=\"width:\(fraction)%\"></span></div>"
        html +=
          "</td><td class=\"num\">\(c.status == .notApplicable ? "" : "\(c.points)/\(c.max)")</td></tr>"
      }
      for p in area.penalties where p.status == .triggered {
        html +=
          "<tr><td class=\"missed\">! \(e(s.penalty)) \(e(p.title))\(p.isBlocker ? " (\(e(s.blockers)))" : "")"
        for ev in p.evidence {
          html +=
            "<div class=\"evidence\">\(e(s.turnLabel(ev.turn))): 「\(e(ev.utterance))」 → \(e(s.evidence(ev)))</div>"
        }
        if !p.tip.isEmpty { html += "<div class=\"tip\">\(e(s.tip)): \(e(p.tip))</div>" }
        html += "</td><td></td><td class=\"num missed\">\(p.points)</td></tr>"
      }
      page.add(html + "</table></div>")
    }
    if !report.turns.isEmpty {
      let titles = report.findingTitles
      var html = "<h2>\(e(s.turnLog))</h2><div class=\"card\">"
      for t in report.turns {
        let said = s.said(t.kind, t.trainee)
        html +=
          "<div class=\"turn\"><div class=\"meta\">\(t.index). \(e(report.phaseTitle(t.phase))) · \(TextReport.clock(t.clock))</div>"
        html += "<div class=\"me\">\(e(s.trainee)): \(e(said))</div>"
        if let r = t.retailer {
          html += "<div class=\"them\">\(e(s.retailer(of: report))): \(e(r))</div>"
        }
        var notes = t.met.map {
          "<span class=\"tag met\">✓ \(e(s.findingName($0, titles: titles)))</span>"
        }
        notes += t.partial.map {
          "<span class=\"tag partial\">◐ \(e(s.findingName($0, titles: titles)))</span>"
        }
        notes += t.violated.map {
          "<span class=\"tag bad\">✗ \(e(s.findingName($0, titles: titles)))</span>"
        }
        if t.moodChange != 0 {
          notes.append(
            "<span class=\"meta\">\(e(s.mood)) \(t.moodChange > 0 ? "+" : "")\(t.moodChange)</span>"
          )
        }
        if !notes.isEmpty { html += "<div class=\"notes\">\(notes.joined())</div>" }
        html += "</div>"
      }
      page.add(html + "</div>")
    }
    return page.rendered
  }

  static func css(_ status: CriterionStatus) -> String {
    switch status {
    case .met, .clear: return "met"
    case .partial: return "partial"
    case .missed, .triggered: return "missed"
    case .notApplicable: return "na"
    }
  }
}
