/// The three sample visits a scenario ships with (`samples/<id>.good.txt`, `.mediocre.txt`,
/// `.poor.txt`, one line per turn).
public enum SampleKind: String, Sendable, CaseIterable {
  case good, mediocre, poor
}

/// A rule a sample visit breaks (`check --samples`, `watch`), as a value; Reporting words it
/// (`InterfaceStrings.sampleProblem(_:)`).
public enum SampleProblem: Sendable, Hashable {
  /// A line of the sample file is a command VisitCoach does not have.
  case unknownCommand(line: Int, command: String)
  /// The good visit did not pass.
  case goodMustPass
  /// The good visit scored below `minimum`.
  case goodBelowMinimum(minimum: Int)
  /// The good visit triggered these blockers.
  case goodHasBlockers([String])
  /// The good visit did not end with the trainee taking leave in the last phase.
  case goodMustEndByTrainee(endedBy: EndReason)
  /// The poor visit passed, or scored `limit` or more.
  case poorMustFailBelow(limit: Int)
  /// The poor visit triggered no penalty.
  case poorWithoutPenalty
  /// The mediocre visit scored no less than the good one (`good`, its total).
  case mediocreNotBelowGood(good: Int)
  /// The mediocre visit scored no more than the poor one (`poor`, its total).
  case mediocreNotAbovePoor(poor: Int)

  /// The line of the sample file the problem is about (1 when it is about the whole visit).
  public var line: Int {
    if case .unknownCommand(let line, _) = self { return line }
    return 1
  }
}

/// One sample visit played on its scenario, and the rules it broke.
public struct SampleResult: Sendable {
  public var kind: SampleKind
  public var file: String
  public var total: Int
  public var passed: Bool
  public var problems: [SampleProblem]

  public init(
    kind: SampleKind, file: String, total: Int, passed: Bool, problems: [SampleProblem]
  ) {
    self.kind = kind
    self.file = file
    self.total = total
    self.passed = passed
    self.problems = problems
  }
}
