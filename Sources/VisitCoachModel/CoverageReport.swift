/// What a set of visits exercised in one scenario (`visitcoach coverage`); Reporting words it
/// (`InterfaceStrings.coverage(_:)`).
public struct CoverageReport: Sendable {
  public var scenario: Scenario
  public var visits: Int
  public var linesSaid: Set<String> = []
  public var phasesReached: Set<String> = []
  public var criteriaMet: Set<String> = []
  public var penaltiesTriggered: Set<String> = []

  public init(scenario: Scenario, visits: Int) {
    self.scenario = scenario
    self.visits = visits
  }

  /// Retailer lines (scenario and trait) never said, in scenario order.
  public var unsaidLines: [String] { scenario.lines.map(\.id).filter { !linesSaid.contains($0) } }
  public var unreachedPhases: [String] {
    scenario.phases.map(\.id).filter { !phasesReached.contains($0) }
  }
  /// The criteria that can apply to this scenario's retailer, by id.
  public var applicableCriteria: [String] {
    scenario.rubrics.flatMap(\.criteria).filter { $0.canApply(in: scenario) }.map(\.id)
  }
  /// The penalties that can apply to this scenario's retailer, by id.
  public var applicablePenalties: [String] {
    scenario.rubrics.flatMap(\.penalties).filter { $0.canApply(in: scenario) }.map(\.id)
  }
  public var unmetCriteria: [String] { applicableCriteria.filter { !criteriaMet.contains($0) } }
  public var untriggeredPenalties: [String] {
    applicablePenalties.filter { !penaltiesTriggered.contains($0) }
  }
}
