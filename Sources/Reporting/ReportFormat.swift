import VisitCoachModel

/// The forms a score report is written in; every place that writes a report offers all of them.
public enum ReportFormat: String, Sendable, CaseIterable {
  case text
  case markdown
  case html
  case json

  /// The form a file name asks for by its extension (.json, .md, .html, anything else text).
  public init(fileExtension: String) {
    switch fileExtension.lowercased() {
    case "json": self = .json
    case "md", "markdown": self = .markdown
    case "html", "htm": self = .html
    default: self = .text
    }
  }

  /// The report in this form. `subtitle` (session, trainee, date) heads the page, when given.
  /// Everything else shown comes from the report itself, so a stored report renders the same
  /// with its scenario gone.
  public func render(_ report: ScoreReport, language: InterfaceLanguage, subtitle: String = "")
    -> String
  {
    switch self {
    case .json: return JSONReport.render(report)
    case .html: return HTMLReport(language: language, subtitle: subtitle).render(report)
    case .markdown:
      let body = MarkdownReport(language: language).render(report)
      return subtitle.isEmpty ? body : "_\(MarkdownReport.escape(subtitle))_\n\n" + body
    case .text:
      let body = TextReport(language: language).render(report)
      return subtitle.isEmpty ? body : TerminalText.visible(subtitle) + "\n" + body
    }
  }
}
