import Foundation
import VisitCoachModel

/// Progress of one trainee over attempts: text and HTML.
public struct ProgressReport {
  public var language: InterfaceLanguage
  public var passMark: Int
  /// The zone dates are shown in.
  public var time: LocalTime

  public init(language: InterfaceLanguage = .zh, passMark: Int = 60, time: LocalTime = LocalTime())
  {
    self.language = language
    self.passMark = passMark
    self.time = time
  }

  private var zh: Bool { language == .zh }

  public func text(_ p: ProgressSummary) -> String {
    var out: [String] = []
    out.append(
      zh
        ? "学员 \(p.trainee) 的练习进度（\(p.attempts.count) 次）"
        : "Progress of \(p.trainee) (\(p.attempts.count) attempts)")
    guard let first = p.first, let best = p.best, let latest = p.latest else {
      out.append(zh ? "还没有完成的练习。" : "No finished attempts yet.")
      return TerminalText.visible(out.joined(separator: "\n") + "\n")
    }
    out.append(
      (zh
        ? "总分  首次 \(first.total)  最好 \(best.total)  最近 \(latest.total)"
        : "Total  first \(first.total)  best \(best.total)  latest \(latest.total)"))
    out.append(
      (zh ? "趋势  " : "Trend  ") + Self.sparkline(p.counted.map(\.total)) + "  "
        + p.counted.map { String($0.total) }.joined(separator: " → "))
    let short = p.attempts.count - p.counted.count
    if short > 0 {
      out.append(
        zh
          ? "另有 \(short) 次未完成（说了不到 \(AttemptSummary.minimumSpokenTurns) 句），不计入趋势和达成率"
          : "\(short) more unfinished (fewer than \(AttemptSummary.minimumSpokenTurns) lines), left out of trends and rates"
      )
    }
    out.append("")
    out.append(zh ? "各剧本" : "By scenario")
    for group in p.byScenario {
      out.append("  \(group.title)（\(group.scenarioID)）")
      out.append(
        "    "
          + group.attempts.map { "\(time.minute($0.startedAt).dropFirst(5)) \($0.total)" }
          .joined(separator: " → "))
    }
    out.append("")
    let width = p.areas.map { DisplayWidth.of($0.title) }.max() ?? 0
    out.append(
      DisplayWidth.pad(zh ? "领域" : "Area", to: width)
        + (zh ? "  首次  最好  最近" : "  first best latest"))
    for area in p.areas {
      let a = p.area(area.id)
      func cell(_ v: Int?) -> String {
        v.map { String(repeating: " ", count: max(0, 4 - String($0).count)) + String($0) } ?? "   –"
      }
      out.append(
        "\(DisplayWidth.pad(area.title, to: width))  \(cell(a.first))  \(cell(a.best))  \(cell(a.latest))"
      )
    }
    out.append("")
    out.append(zh ? "最常没做到的要点" : "Most often missed")
    for c in p.criteria.filter({ $0.misses > 0 }).prefix(5) {
      out.append("  \(c.title)：\(c.misses)/\(c.applicable) \(zh ? "次没做到" : "missed")")
    }
    out.append("")
    out.append(zh ? "每条要点的达成率" : "Hit rate per criterion")
    let titleWidth = p.criteria.map { DisplayWidth.of($0.title) }.max() ?? 0
    for c in p.criteria {
      out.append(
        "  \(DisplayWidth.pad(c.title, to: titleWidth))  \(TextReport.bar(Int((c.rate * 100).rounded()))) \(c.hits)/\(c.applicable)"
      )
    }
    return TerminalText.visible(out.joined(separator: "\n") + "\n")
  }

  public func html(_ p: ProgressSummary) -> String {
    let e = HTMLPage.escape
    var page = HTMLPage(title: (zh ? "练习进度 · " : "Progress · ") + p.trainee, language: language)
    page.add("<h1>\(zh ? "练习进度" : "Progress") · \(e(p.trainee))</h1>")
    guard let first = p.first, let best = p.best, let latest = p.latest else {
      page.add("<p>\(zh ? "还没有完成的练习。" : "No finished attempts yet.")</p>")
      return page.rendered
    }
    page.add(
      "<div class=\"card grid\"><div><p class=\"meta\">\(zh ? "首次 / 最好 / 最近" : "first / best / latest")</p><div class=\"verdict\">\(first.total) / \(best.total) / \(latest.total)</div><p class=\"meta\">\(p.attempts.count) \(zh ? "次练习" : "attempts")</p></div><div>\(Charts.trend(p.counted.map { (String(time.minute($0.startedAt).dropFirst(5)), $0.total) }, passMark: passMark))</div></div>"
    )
    if p.byScenario.count > 1 {
      var groups = "<h2>\(zh ? "各剧本" : "By scenario")</h2><div class=\"grid\">"
      for group in p.byScenario {
        groups +=
          "<div class=\"card\"><p class=\"meta\">\(e(group.title)) · \(e(group.scenarioID))</p>\(Charts.trend(group.attempts.map { (String(time.minute($0.startedAt).dropFirst(5)), $0.total) }, passMark: passMark, width: 420, height: 180))</div>"
      }
      page.add(groups + "</div>")
    }
    var table =
      "<h2>\(zh ? "各领域" : "Areas")</h2><div class=\"card\"><table><tr><th></th><th class=\"num\">\(zh ? "首次" : "first")</th><th class=\"num\">\(zh ? "最好" : "best")</th><th class=\"num\">\(zh ? "最近" : "latest")</th></tr>"
    for area in p.areas {
      let a = p.area(area.id)
      table +=
        "<tr><td>\(e(area.title))</td><td class=\"num\">\(a.first.map(String.init) ?? "–")</td><td class=\"num\">\(a.best.map(String.init) ?? "–")</td><td class=\"num\">\(a.latest.map(String.init) ?? "–")</td></tr>"
    }
    page.add(table + "</table></div>")
    var rates = "<h2>\(zh ? "每条要点的达成率" : "Hit rate per criterion")</h2><div class=\"card\"><table>"
    for c in p.criteria {
      let pct = Int((c.rate * 100).rounded())
      rates +=
        "<tr><td>\(e(c.title))</td><td style=\"width:40%\"><div class=\"bar\"><span style=\"width:\(pct)%\"></span></div></td><td class=\"num\">\(c.hits)/\(c.applicable)</td></tr>"
    }
    page.add(rates + "</table></div>")
    var list =
      "<h2>\(zh ? "练习记录" : "Attempts")</h2><div class=\"card\"><table><tr><th>\(zh ? "时间" : "date")</th><th>\(zh ? "剧本" : "scenario")</th><th class=\"num\">\(zh ? "总分" : "total")</th></tr>"
    for a in p.attempts.reversed() {
      list +=
        "<tr><td>\(e(time.minute(a.startedAt)))</td><td>\(e(a.scenarioTitle))</td>"
        + (a.counts
          ? "<td class=\"num \(a.passed ? "met" : "missed")\">\(a.total)</td></tr>"
          : "<td class=\"num\">\(zh ? "未完成" : "unfinished")</td></tr>")
    }
    page.add(list + "</table></div>")
    return page.rendered
  }

  /// ▁▂▃▄▅▆▇█ for 0-100 values.
  public static func sparkline(_ values: [Int]) -> String {
    let marks = Array("▁▂▃▄▅▆▇█")
    return String(values.map { marks[min(7, max(0, $0 * 8 / 101))] })
  }
}

/// A group view for coaches: text, HTML and CSV (UTF-8 with a BOM, so Excel shows Chinese).
public struct CohortReport {
  public var language: InterfaceLanguage
  /// The zone dates are shown in.
  public var time: LocalTime

  public init(language: InterfaceLanguage = .zh, time: LocalTime = LocalTime()) {
    self.language = language
    self.time = time
  }

  /// The tables `cohort --format csv --table` writes, one per file.
  public enum Table: String, CaseIterable, Sendable {
    case trainees, criteria, scenarios
  }

  /// 「2026-11-28 至 2026-12-05 · 2 名学员 · 12 次练习」: what the view covers.
  func coverage(_ c: CohortSummary) -> String {
    let attempts = c.trainees.reduce(0) { $0 + $1.attempts }
    var parts: [String] = []
    if let first = c.firstStarted, let last = c.lastStarted {
      let from = time.day(first)
      let to = time.day(last)
      parts.append(from == to ? from : from + (zh ? " 至 " : " to ") + to)
    }
    parts.append(zh ? "\(c.trainees.count) 名学员" : "\(c.trainees.count) trainees")
    parts.append(zh ? "\(attempts) 次练习" : "\(attempts) attempts")
    if let since = c.since { parts.append((zh ? "自 " : "since ") + since) }
    if let scenario = c.scenario { parts.append((zh ? "剧本 " : "scenario ") + scenario) }
    if let group = c.group { parts.append((zh ? "小组 " : "group ") + group) }
    return parts.joined(separator: " · ")
  }

  /// The criteria missed at least once, by the share of sessions they were missed in, then by
  /// how often.
  func rankedMisses(_ c: CohortSummary) -> [CriterionRate] {
    c.missed.filter { $0.misses > 0 }.sorted {
      (1 - $0.rate, $0.misses, $1.title) > (1 - $1.rate, $1.misses, $0.title)
    }
  }

  /// 「50%（6/12）」.
  func missLabel(_ m: CriterionRate) -> String {
    let pct = m.applicable == 0 ? 0 : Int((Double(m.misses) * 100 / Double(m.applicable)).rounded())
    return zh
      ? "\(pct)%（\(m.misses)/\(m.applicable) 次没做到）" : "\(pct)% (\(m.misses) of \(m.applicable))"
  }

  private var zh: Bool { language == .zh }

  public func text(_ c: CohortSummary) -> String {
    var out: [String] = []
    out.append((zh ? "学员概况" : "Cohort") + "  " + coverage(c))
    guard !c.trainees.isEmpty else {
      out.append(zh ? "没有完成的练习。" : "No finished sessions.")
      return TerminalText.visible(out.joined(separator: "\n") + "\n")
    }
    let width = max(4, c.trainees.map { DisplayWidth.of($0.trainee) }.max() ?? 0)
    out.append("")
    out.append(
      DisplayWidth.pad(zh ? "学员" : "Trainee", to: width)
        + (zh ? "  次数  最近  最好  最近一次" : "  tries latest best last"))
    for t in c.trainees {
      let group = t.group.map { "（\($0)）" } ?? ""
      out.append(
        "\(DisplayWidth.pad(t.trainee, to: width))  \(pad(t.attempts, 4))  \(pad(t.latestTotal, 4))\(t.latestPassed ? "✓" : " ") \(pad(t.bestTotal, 4))  \(time.minute(t.lastDate))\(group)"
      )
    }
    out.append("")
    out.append(zh ? "全组最常没做到的要点（按没做到的比例）" : "Most often missed across the group (by share)")
    let misses = rankedMisses(c)
    let titleWidth = misses.map { DisplayWidth.of($0.title) }.max() ?? 0
    for m in misses {
      out.append("  \(DisplayWidth.pad(m.title, to: titleWidth))  \(missLabel(m))")
    }
    out.append("")
    out.append(zh ? "各剧本" : "Scenarios")
    let idWidth = c.scenarios.map { DisplayWidth.of($0.scenarioID) }.max() ?? 0
    for s in c.scenarios {
      out.append(
        "  \(DisplayWidth.pad(s.scenarioID, to: idWidth))  \(zh ? "次数" : "tries") \(s.attempts)  \(zh ? "通过率" : "pass rate") \(Int((s.passRate * 100).rounded()))%  \(zh ? "平均分" : "mean") \(String(format: "%.1f", s.meanTotal))"
      )
    }
    return TerminalText.visible(out.joined(separator: "\n") + "\n")
  }

  private func pad(_ n: Int, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - String(n).count)) + String(n)
  }

  public func html(_ c: CohortSummary) -> String {
    let e = HTMLPage.escape
    var page = HTMLPage(title: zh ? "学员概况" : "Cohort", language: language)
    page.add("<h1>\(zh ? "学员概况" : "Cohort")</h1>")
    page.add("<p class=\"meta\">\(e(coverage(c)))</p>")
    var table =
      "<div class=\"card\"><table><tr><th>\(zh ? "学员" : "trainee")</th><th class=\"num\">\(zh ? "次数" : "tries")</th><th class=\"num\">\(zh ? "最近" : "latest")</th><th class=\"num\">\(zh ? "最好" : "best")</th><th>\(zh ? "最近一次" : "last")</th></tr>"
    for t in c.trainees {
      table +=
        "<tr><td>\(e(t.trainee))</td><td class=\"num\">\(t.attempts)</td><td class=\"num \(t.latestPassed ? "met" : "missed")\">\(t.latestTotal)</td><td class=\"num\">\(t.bestTotal)</td><td>\(e(time.minute(t.lastDate)))</td></tr>"
    }
    page.add(table + "</table></div>")
    if !c.days.isEmpty {
      page.add(
        "<h2>\(zh ? "全组平均分走势" : "Group mean over time")</h2><div class=\"card\">\(Charts.trend(c.days.map { (String($0.date.dropFirst(5)), Int($0.meanTotal.rounded())) }))</div>"
      )
    }
    page.add(
      "<h2>\(zh ? "各学员最近得分" : "Latest totals")</h2><div class=\"card\">\(Charts.bars(c.trainees.map { ($0.trainee, $0.latestTotal) }))</div>"
    )
    var missed = "<h2>\(zh ? "全组最常没做到的要点" : "Most often missed")</h2><div class=\"card\"><table>"
    for m in rankedMisses(c) {
      let pct = m.applicable == 0 ? 0 : m.misses * 100 / m.applicable
      missed +=
        "<tr><td>\(e(m.title))</td><td style=\"width:40%\"><div class=\"bar\"><span style=\"width:\(pct)%;background:var(--bad)\"></span></div></td><td class=\"num\">\(e(missLabel(m)))</td></tr>"
    }
    page.add(missed + "</table></div>")
    var scenarios =
      "<h2>\(zh ? "各剧本" : "Scenarios")</h2><div class=\"card\"><table><tr><th></th><th class=\"num\">\(zh ? "次数" : "tries")</th><th class=\"num\">\(zh ? "通过率" : "pass rate")</th><th class=\"num\">\(zh ? "平均分" : "mean")</th></tr>"
    for s in c.scenarios {
      scenarios +=
        "<tr><td>\(e(s.title))<div class=\"meta\">\(e(s.scenarioID))</div></td><td class=\"num\">\(s.attempts)</td><td class=\"num\">\(Int((s.passRate * 100).rounded()))%</td><td class=\"num\">\(String(format: "%.1f", s.meanTotal))</td></tr>"
    }
    page.add(scenarios + "</table></div>")
    return page.rendered
  }

  /// One table as CSV (UTF-8 with a BOM, CRLF): a header row in the interface language, then one
  /// row per trainee, criterion or scenario; times in the report's zone.
  public func csv(_ c: CohortSummary, table: Table = .trainees) -> String {
    var rows: [[String]]
    switch table {
    case .trainees:
      rows = [
        zh
          ? ["学员", "小组", "练习次数", "最近得分", "最近是否通过", "最好得分", "最近一次练习"]
          : [
            "trainee", "group", "attempts", "latest total", "latest passed", "best total",
            "last attempt",
          ]
      ]
      for t in c.trainees {
        rows.append([
          t.trainee, t.group ?? "", String(t.attempts), String(t.latestTotal),
          t.latestPassed ? (zh ? "是" : "yes") : (zh ? "否" : "no"), String(t.bestTotal),
          time.minute(t.lastDate),
        ])
      }
    case .criteria:
      rows = [
        zh
          ? ["要点", "要点编号", "适用次数", "没做到次数", "没做到比例"]
          : ["criterion", "id", "applicable", "missed", "missed share"]
      ]
      for m in c.missed.sorted(by: { (1 - $0.rate, $0.misses) > (1 - $1.rate, $1.misses) }) {
        rows.append([
          m.title, m.id, String(m.applicable), String(m.misses), String(format: "%.3f", 1 - m.rate),
        ])
      }
    case .scenarios:
      rows = [
        zh
          ? ["剧本", "剧本编号", "练习次数", "通过次数", "通过率", "平均分"]
          : ["scenario", "id", "attempts", "passed", "pass rate", "mean total"]
      ]
      for sc in c.scenarios {
        rows.append([
          sc.title, sc.scenarioID, String(sc.attempts), String(sc.passed),
          String(format: "%.3f", sc.passRate), String(format: "%.1f", sc.meanTotal),
        ])
      }
    }
    return "\u{FEFF}"
      + rows.map { $0.map(Self.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
  }

  /// A CSV field, quoted when it holds a comma, quote or line break. A cell a spreadsheet could
  /// run as a formula (=, +, - or @ first, even after spaces or tabs, or a tab or CR first) is
  /// prefixed with ' ; numbers stay numbers. Control characters are shown visibly.
  static func field(_ text: String) -> String {
    var t = TerminalText.visible(text)
    let lead = t.first { $0 != " " && $0 != "\t" && $0 != "\u{3000}" }
    let startsFormula = lead.map { "=+-@".contains($0) } ?? false
    if (startsFormula && Double(t.trimmingCharacters(in: .whitespaces)) == nil)
      || t.first == "\t" || t.first == "\r"
    {
      t = "'" + t
    }
    if t.contains(",") || t.contains("\"") || t.contains("\n") || t.contains("\r") {
      return "\"" + t.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return t
  }
}
