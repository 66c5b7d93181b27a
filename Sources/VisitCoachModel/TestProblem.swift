/// How a conversation test's visit differed from what the test expected, as a value; Reporting
/// words it (`InterfaceStrings.testProblem(_:)`).
public enum TestProblem: Sendable, Hashable {
  /// Input line `inputLine` is a command VisitCoach does not have; `suggestion` is the nearest
  /// one, `commands` all of them.
  case unknownCommand(inputLine: Int, command: String, suggestion: String?, commands: [String])
  /// `passed:` expected `expected`; the visit scored `total`, with these blockers.
  case passed(expected: Bool, total: Int, blockers: [String])
  /// `total:` expected a score in `expected`, the visit scored `actual`.
  case total(expected: ValueRange, actual: Int)
  /// `ended_by:` expected `expected`, the visit ended by `actual`.
  case endedBy(expected: EndReason, actual: EndReason)
  /// An area the scenario does not score; `areas` are those it does.
  case noSuchArea(id: String, areas: [String])
  /// An area expected in `expected`, but nothing in it applied to this visit.
  case areaNotApplicable(id: String, expected: ValueRange)
  /// An area expected in `expected`, scored `actual`.
  case areaScore(id: String, expected: ValueRange, actual: Int)
  /// A criterion or penalty the scenario does not have; `suggestion` is the nearest id.
  case noSuchCheck(id: String, suggestion: String?)
  /// A criterion or penalty (`title`) expected `expected`, found `actual`, with its first
  /// evidence if any.
  case status(
    id: String, title: String, expected: CriterionStatus, actual: CriterionStatus,
    evidence: Evidence?)
  /// A turn expected that the visit did not have: it had `turns`, and ended by `endedBy`.
  case noSuchTurn(turn: Int, turns: Int, endedBy: EndReason)
  /// In `turn`, the retailer said line `actual` (nil: none), not `expected`.
  case retailerLine(turn: Int, expected: String, actual: String?)
  /// In `turn`, the retailer's words `actual` hold none of `expected`.
  case retailerWords(turn: Int, expected: [String], actual: String)
  /// In `turn`, the trainee spoke in phase `actual`, not `expected`.
  case phase(turn: Int, expected: String, actual: String)
}
