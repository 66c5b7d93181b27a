import ArgumentParser
import Foundation
import ScenarioFormat

#if canImport(Glibc)
  import Glibc
#endif

/// The `visitcoach` command and its subcommands.
public struct VisitCoachCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "visitcoach",
    abstract: "拜访教练 VisitCoach: practise the tobacco retail-store visit with a simulated retailer.",
    version: "0.1.0",
    subcommands: [
      PracticeCommand.self, ReplayCommand.self, CheckCommand.self, TestCommand.self,
      WatchCommand.self,
      ExplainCommand.self, CoverageCommand.self, EvaluateCommand.self, LearnCommand.self,
      LexiconCommand.self,
      HistoryCommand.self,
      ReportCommand.self,
      RescoreCommand.self, ProgressCommand.self, CohortCommand.self,
      ResumeCommand.self,
      ListCommand.self, SchemaCommand.self, ExamCommand.self, CertificateCommand.self,
      RouteCommand.self,
    ],
    defaultSubcommand: PracticeCommand.self)

  public init() {}

  /// Runs the command line and exits. Unlike ArgumentParser's `main()`, output goes through
  /// ``Console``, so a closed terminal or a full disk never aborts the program: the command
  /// finishes (a practice session stores its ending), then exits 1 with a message on standard
  /// error when standard output could not be written.
  public static func launch() -> Never {
    // A reader that went away must show up as a failed write, not kill the process mid-save.
    signal(SIGPIPE, SIG_IGN)
    // A parent may start us with signals blocked (test runners, some shells): SIGTERM and
    // Ctrl-C must still stop every command, including `watch`, which loops until stopped.
    var none = sigset_t()
    sigemptyset(&none)
    pthread_sigmask(SIG_SETMASK, &none, nil)
    // Every command reading old files can accept unknown keys with a warning; check and test
    // also take --lenient.
    if ProcessInfo.processInfo.environment["VISITCOACH_LENIENT"] == "1" {
      FormatStrictness.lenient = true
    }
    var status: Int32 = 0
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      status = exitCode(for: error).rawValue
      let message = fullMessage(for: error)
      if !message.isEmpty {
        if status == 0 { Console.line(message) } else { Console.error(message) }
      }
    }
    if let failure = Console.outputError {
      if failure != EPIPE {
        Console.error(
          "visitcoach: cannot write to standard output: \(String(cString: strerror(failure)))")
      }
      if status == 0 { status = 1 }
    }
    Glibc.exit(status)
  }
}
