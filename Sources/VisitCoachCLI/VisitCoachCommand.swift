import ArgumentParser

/// The `visitcoach` command and its subcommands.
public struct VisitCoachCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "visitcoach",
    abstract: "拜访教练 VisitCoach: practise the tobacco retail-store visit with a simulated retailer.",
    version: "0.1.0",
    subcommands: [
      PracticeCommand.self, ReplayCommand.self, CheckCommand.self, TestCommand.self,
      ExplainCommand.self, CoverageCommand.self, HistoryCommand.self, ReportCommand.self,
      RescoreCommand.self, ProgressCommand.self, CohortCommand.self,
      ResumeCommand.self,
      ListCommand.self,
    ],
    defaultSubcommand: PracticeCommand.self)

  public init() {}
}
