import Foundation
import Reporting
import Simulation
import VisitCoachModel

/// How the practice session looks in the terminal: colour only on a terminal (and never with
/// NO_COLOR or --no-color), retailer lines wrapped to the width with CJK counted as two cells.
struct SessionScreen {
  var strings: InterfaceStrings
  var color: Bool
  var width: Int

  private func paint(_ code: String, _ text: String) -> String {
    color ? "\u{1b}[\(code)m\(text)\u{1b}[0m" : text
  }

  func bold(_ text: String) -> String { paint("1", text) }
  func dim(_ text: String) -> String { paint("2", text) }
  func green(_ text: String) -> String { paint("32", text) }
  func red(_ text: String) -> String { paint("31", text) }
  func cyan(_ text: String) -> String { paint("36", text) }
  func yellow(_ text: String) -> String { paint("33", text) }

  /// `text` wrapped to the screen, each line after the first indented by `indent` cells.
  func wrapped(_ text: String, firstPrefix: String = "", indent: Int = 0) -> String {
    let available = max(20, width - max(indent, DisplayWidth.of(firstPrefix)) - 1)
    let lines = DisplayWidth.wrap(text, width: available)
    var out: [String] = []
    for (i, line) in lines.enumerated() {
      out.append(i == 0 ? firstPrefix + line : String(repeating: " ", count: indent) + line)
    }
    return out.joined(separator: "\n")
  }

  /// What the earlier visit left (a series): the retailer's requests, what the trainee
  /// promised, and the goal set for this visit.
  func previous(_ p: PreviousVisit) -> [String] {
    let s = strings
    var out = [
      bold(
        p.when.isEmpty ? s.previousHeadingUndated : InterfaceStrings.fill(s.previousHeading, p.when)
      )
    ]
    let requests = p.record?.requests ?? ""
    if !requests.isEmpty {
      out.append(
        wrapped(InterfaceStrings.fill(s.previousRequests, requests), firstPrefix: "  · ", indent: 4)
      )
    }
    for promise in p.promisesToKeep {
      out.append(
        wrapped(InterfaceStrings.fill(s.previousPromised, promise), firstPrefix: "  · ", indent: 4))
    }
    let goal = p.record?.nextGoal ?? ""
    if !goal.isEmpty {
      out.append(
        wrapped(InterfaceStrings.fill(s.previousNextGoal, goal), firstPrefix: "  · ", indent: 4))
    }
    return out
  }

  /// The start screen: scenario, customer, budget, what the trainee sees, what the earlier
  /// visit left, the scored goals and how to get help.
  func start(_ scenario: Scenario) -> String {
    let s = strings
    let c = scenario.customer
    let p = scenario.persona
    var out: [String] = []
    out.append(bold(s.appTitle))
    out.append(bold("《\(scenario.title)》"))
    if !scenario.summary.isEmpty { out.append(wrapped(scenario.summary)) }
    out.append(
      InterfaceStrings.fill(
        s.customerLine, c.customerClass.rawValue,
        s.networks[c.network.rawValue] ?? c.network.rawValue,
        s.visitKinds[c.visit.rawValue] ?? c.visit.rawValue,
        String(c.timeBudgetSeconds / 60),
        s.difficulty[scenario.difficulty] ?? String(scenario.difficulty)))
    out.append("")
    out.append(bold(s.youSee))
    out.append(wrapped(scenario.arrival, firstPrefix: "  ", indent: 2))
    // What can be seen, not the age or the traits: reading them is the trainee's job (action 5).
    if !p.attire.isEmpty {
      out.append(
        wrapped(
          InterfaceStrings.fill(s.retailerLine, p.name, p.attire), firstPrefix: "  ", indent: 2))
    }
    for fact in scenario.scene where fact.visibleOnArrival {
      out.append(wrapped(fact.text, firstPrefix: "  · ", indent: 4))
    }
    if let previous = scenario.previous {
      out.append("")
      out += self.previous(previous)
    }
    out.append("")
    out.append(bold(s.goalsHeading))
    for rubric in scenario.rubrics {
      // Alternatives of one group (赞美、建议、共同话题 openings) are one goal: any of them
      // meets it, and the others are then not scored.
      var titles: [String] = []
      var groupSlot: [String: Int] = [:]
      for criterion in rubric.criteria where criterion.canApply(in: scenario) {
        if let group = criterion.group, let slot = groupSlot[group] {
          titles[slot] += s.orBetweenAlternatives + criterion.title
        } else {
          if let group = criterion.group { groupSlot[group] = titles.count }
          titles.append(criterion.title)
        }
      }
      guard !titles.isEmpty else { continue }
      out.append(
        wrapped(
          titles.joined(separator: "、"), firstPrefix: "  \(rubric.title)（\(rubric.weight)）：",
          indent: 4))
    }
    out.append("")
    if scenario.brief != nil { out.append(wrapped(s.briefAvailable)) }
    if scenario.hasPreparation { out.append(wrapped(s.planAvailable)) }
    if !scenario.packingNeeds.isEmpty { out.append(wrapped(s.packAvailable)) }
    out.append(wrapped(s.howToStart))
    return out.joined(separator: "\n")
  }

  /// Report text wrapped to the screen: continuation lines keep the line's indentation (plus
  /// the width of a list number such as "1. ").
  func wrappedReport(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { raw -> String in
      let line = String(raw)
      guard DisplayWidth.of(line) > width - 1 else { return line }
      let leading = line.prefix { $0 == " " }.count
      let rest = line.dropFirst(leading)
      var indent = leading
      if let dot = rest.firstIndex(of: "."), rest[rest.startIndex..<dot].allSatisfy(\.isNumber),
        !rest[rest.startIndex..<dot].isEmpty
      {
        indent += rest.distance(from: rest.startIndex, to: dot) + 2
      }
      return wrapped(
        String(rest), firstPrefix: String(repeating: " ", count: leading), indent: indent)
    }.joined(separator: "\n")
  }

  /// A retailer line: the name, then the text wrapped under it.
  func retailer(_ name: String, _ text: String) -> String {
    let prefix = "\(name)："
    let width = DisplayWidth.of(prefix)
    let body = wrapped(text, firstPrefix: prefix, indent: width)
    return cyan(String(body.prefix(prefix.count))) + String(body.dropFirst(prefix.count))
  }

  /// `/score`: the total, each area's score, and what can still be earned in this phase.
  func scoreSoFar(_ report: ScoreReport, phase: Phase, scenario: Scenario) -> String {
    var out = [bold(InterfaceStrings.fill(strings.scoreSoFar, String(report.total)))]
    let width = report.areas.map { DisplayWidth.of($0.title) }.max() ?? 0
    for area in report.areas {
      guard let score = area.score else { continue }
      out.append("  \(DisplayWidth.pad(area.title, to: width))  \(TextReport.bar(score)) \(score)")
    }
    // Criteria of this phase (or of every phase) not yet fully met, that can apply here.
    let applies = Dictionary(
      scenario.checks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let open = report.areas.flatMap(\.criteria).filter { finding in
      guard finding.status == .missed || finding.status == .partial,
        let criterion = applies[finding.id], criterion.canApply(in: scenario),
        criterion.measure.isPerUtterance
      else { return false }
      return criterion.applies.phases.isEmpty || criterion.applies.phases.contains(phase.id)
    }
    if !open.isEmpty {
      out.append(
        wrapped(
          open.map { ($0.status == .partial ? "◐ " : "") + $0.title }.joined(separator: "、"),
          firstPrefix: "  " + InterfaceStrings.fill(strings.openInPhase, phase.title), indent: 4))
    }
    return out.joined(separator: "\n")
  }

  /// What the scorer decided about a preparation step (`/plan`, `/pack`, `/ready`) as it
  /// stands: its mark, title and the first piece of evidence (what it covers, not the answers).
  func preparation(_ finding: Finding) -> String {
    let summary = finding.evidence.first.map {
      (strings.language == .zh ? "：" : ": ") + strings.evidence($0)
    }
    let line = finding.title + (summary ?? "")
    switch finding.status {
    case .met: return wrapped(green("✓ " + line), firstPrefix: "  ", indent: 4)
    case .partial, .missed:
      let mark = finding.status == .partial ? yellow("◐ " + line) : red("✗ " + line)
      return wrapped(mark, firstPrefix: "  ", indent: 4) + "\n"
        + wrapped(strings.preparationMore, firstPrefix: "    ", indent: 4)
    default: return wrapped(line, firstPrefix: "  ", indent: 4)
    }
  }

  /// The coach line after a turn: what it earned or cost and the mood change.
  func coach(_ summary: TurnScoreSummary, titles: [String: String]) -> String? {
    var parts: [String] = []
    parts += summary.met.map { green("✓ " + (titles[$0] ?? $0)) }
    parts += summary.partial.map { yellow("◐ " + (titles[$0] ?? $0)) }
    parts += summary.violated.map { id in
      red("✗ " + strings.findingName(id, titles: titles))
    }
    if summary.moodChange != 0 {
      let change = "\(strings.mood) \(summary.moodChange > 0 ? "+" : "")\(summary.moodChange)"
      // Why, when more than the ✓ and ✗ already shown moved it (a trait's reaction, the
      // retailer's own line, stuffing).
      let reasons = summary.moodCauses
      let onlyWords = reasons.allSatisfy { if case .words = $0 { true } else { false } }
      parts.append(
        dim(
          onlyWords
            ? change
            : change + (strings.language == .zh ? "（" : " (")
              + strings.moodReasons(reasons, titles: titles)
              + (strings.language == .zh ? "）" : ")")))
    }
    guard !parts.isEmpty else { return nil }
    return wrapped(parts.joined(separator: " "), firstPrefix: "  ", indent: 2)
  }

  /// The prompt: phase and clock against the budget. Escape codes are wrapped in readline's
  /// invisible-text markers so the cursor stays right.
  func prompt(phase: String, clock: Int, budget: Int) -> String {
    let text = "[\(phase) \(TextReport.clock(clock))/\(TextReport.clock(budget))]"
    let shown = color ? "\u{1}\u{1b}[2m\u{2}\(text)\u{1}\u{1b}[0m\u{2}" : text
    return "\(shown) \(strings.trainee)> "
  }
}
