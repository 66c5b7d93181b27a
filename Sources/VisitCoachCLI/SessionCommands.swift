import ArgumentParser
import Foundation
import Reporting
import Scoring
import Simulation
import Storage
import VisitCoachModel

/// Options every session command shares: where the database and the library are.
struct StoreOptions: ParsableArguments {
  @Option(
    help:
      "The session database (default: $VISITCOACH_DB or $XDG_DATA_HOME/visitcoach/visitcoach.sqlite)."
  )
  var db: String?

  @Option(help: "The scenario library folder (default: ./scenarios or $VISITCOACH_SCENARIOS).")
  var scenarios: String?

  func open() throws -> SessionStore {
    let path = SessionStore.defaultPath(option: db)
    do {
      return try SessionStore(path: path)
    } catch {
      throw UserFacingError("cannot open the session database \(path): \(error)", code: 1)
    }
  }

  /// The database for a command that only reads: opened read-only, never migrated or written
  /// (an upgrade still migrates). Nil when there is no database yet.
  func openForReading() throws -> SessionStore? {
    let path = SessionStore.defaultPath(option: db)
    do {
      return try SessionStore(readingFrom: path)
    } catch StoreError.noDatabase {
      return nil
    } catch {
      throw UserFacingError("cannot open the session database \(path): \(error)", code: 1)
    }
  }

  /// The session named by an id (or unambiguous prefix), or the newest one.
  func session(_ id: String?, in store: SessionStore, trainee: String? = nil) throws
    -> SessionRecord
  {
    if let id {
      guard let found = try store.session(matching: id) else {
        throw UserFacingError(
          "no session '\(id)' (or the prefix is ambiguous); 'visitcoach history' lists them")
      }
      return found
    }
    guard let newest = try store.newestSession(trainee: trainee) else {
      throw UserFacingError("no sessions yet; 'visitcoach' starts one")
    }
    return newest
  }
}

/// `visitcoach history`: the stored sessions.
struct HistoryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: "List stored sessions: date, trainee, scenario, total, pass, finished or not.")

  @Option(help: "Only this trainee's sessions.")
  var trainee: String?

  @Flag(help: "Print the list as JSON.")
  var json = false

  @Option(help: "Interface language: zh or en.")
  var lang: Language = .zh

  @OptionGroup var store: StoreOptions

  func run() throws {
    try Failure.reported {
      let sessions = try store.openForReading()?.sessions(trainee: trainee) ?? []
      if json {
        Console.out(try encodeJSON(sessions))
        return
      }
      let kept = SessionArchive.all().filter { trainee == nil || $0.record.trainee == trainee }
      let strings = InterfaceStrings.forLanguage(lang.interface)
      guard !sessions.isEmpty || !kept.isEmpty else {
        Console.line(strings.noSessionsYet)
        return
      }
      let traineeWidth = max(4, sessions.map { DisplayWidth.of($0.trainee) }.max() ?? 0)
      let scenarioWidth = sessions.map { DisplayWidth.of($0.scenarioID) }.max() ?? 0
      for s in sessions {
        let date = String(s.startedAt.prefix(16)).replacingOccurrences(of: "T", with: " ")
        let score = strings.sessionResult(total: s.total, passed: s.passed)
        let notes = strings.sessionNotes(
          id: s.id, finished: s.isFinished, originalTotal: s.originalTotal, continues: s.continues)
        Console.line(
          "\(s.id)  \(date)  \(DisplayWidth.pad(s.trainee, to: traineeWidth))  \(DisplayWidth.pad(s.scenarioID, to: scenarioWidth))  \(score) \(notes)"
        )
      }
      guard !kept.isEmpty else { return }
      Console.line()
      Console.line(strings.keptVisitsHeading)
      for (path, record) in kept {
        let date = String(record.started.prefix(16)).replacingOccurrences(of: "T", with: " ")
        Console.line(
          strings.keptVisit(
            date: date, trainee: record.trainee, scenario: record.scenario,
            turns: record.transcript.turns.count, finished: record.finished, path: path))
      }
    }
  }
}

/// `visitcoach report`: the full report of a stored session.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Show the full report of a stored session (the newest with --last or no id).")

  @Argument(help: "A session id from 'visitcoach history' (a unique prefix is enough).")
  var session: String?

  @Flag(help: "The newest session.")
  var last = false

  @Option(help: "text, markdown, html or json.")
  var format: ReportFormat = .text

  @Option(help: "Write the report to FILE instead of printing it.")
  var output: String?

  @Option(help: "Interface language of text and Markdown reports: zh or en.")
  var lang: Language = .zh

  @OptionGroup var store: StoreOptions

  func run() throws {
    try Failure.reported {
      guard let db = try store.openForReading() else {
        throw UserFacingError("no sessions yet; 'visitcoach' starts one")
      }
      let record = try store.session(last ? nil : session, in: db)
      let report = try SessionReport.current(of: record, in: db) {
        try? ScenarioLocation.resolve(store.scenarios).scenario(record.scenarioID)
      }
      let strings = InterfaceStrings.forLanguage(lang.interface)
      let subtitle = strings.sessionSubtitle(
        id: record.id, trainee: record.trainee, startedAt: record.startedAt,
        finished: record.isFinished, originalTotal: record.originalTotal)
      let text = format.render(report, language: lang.interface, subtitle: subtitle)
      try emit(text, to: output)
    }
  }
}

extension ReportFormat: ExpressibleByArgument {}

/// Where a coaching view goes, in which language, from which database.
struct ViewOptions: ParsableArguments {
  @Option(help: "Write to FILE instead of printing.")
  var output: String?

  @Option(help: "Interface language: zh or en.")
  var lang: Language = .zh

  @Option(
    help: "Show dates and times in this time zone, e.g. Asia/Shanghai (default: this machine's).")
  var tz: String?

  @OptionGroup var store: StoreOptions

  /// The zone of `--tz`, or the machine's.
  func localTime() throws -> LocalTime { try Self.localTime(tz) }

  /// The zone `tz` names, or the machine's.
  static func localTime(_ tz: String?) throws -> LocalTime {
    guard let tz else { return LocalTime() }
    guard let zone = LocalTime.zone(named: tz) else {
      throw UserFacingError(
        "--tz: unknown time zone '\(tz)'; use a name such as Asia/Shanghai or UTC")
    }
    return LocalTime(timeZone: zone)
  }
}

/// Formats of the coaching views.
enum CoachingFormat: String, ExpressibleByArgument, CaseIterable {
  case text
  case html
  case csv
  case json
}

/// Writes `text` to `output`, or prints it.
/// Writes a view to `output` or standard output. A CSV (`csv: true`) made its cells visible
/// itself and keeps its CRLF row ends.
func emit(_ text: String, to output: String?, csv: Bool = false) throws {
  if let output {
    try text.write(toFile: output, atomically: true, encoding: .utf8)
  } else if csv {
    Console.outDocument(text)
  } else {
    Console.out(text)
  }
}

func encodeJSON<T: Encodable>(_ value: T) throws -> String {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
  return TerminalText.jsonSafe(String(decoding: try encoder.encode(value), as: UTF8.self)) + "\n"
}

/// `visitcoach progress`: one trainee over attempts.
struct ProgressCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "progress",
    abstract:
      "A trainee's progress: first, best and latest total and per area, hit rate per criterion, trend."
  )

  @Option(help: "The trainee (default: the login name).")
  var trainee: String?

  @Option(help: "text, html or json.")
  var format: CoachingFormat = .text

  @OptionGroup var view: ViewOptions

  func run() throws {
    try Failure.reported {
      let summary = try (view.store.openForReading() ?? view.store.open()).progress(
        trainee: TraineeIdentity.known(option: trainee) ?? PracticeCommand.loginName)
      let rendering = ProgressReport(language: view.lang.interface, time: try view.localTime())
      switch format {
      case .text: try emit(rendering.text(summary), to: view.output)
      case .html: try emit(rendering.html(summary), to: view.output)
      case .json: try emit(try encodeJSON(summary), to: view.output)
      case .csv: throw UserFacingError("progress has no CSV form; use cohort --format csv")
      }
    }
  }
}

/// `visitcoach cohort`: the group view for coaches.
struct CohortCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cohort",
    abstract:
      "For coaches: each trainee's attempts, latest and best; most missed criteria; pass rate per scenario."
  )

  @Option(help: "Only sessions started on or after this date (YYYY-MM-DD).")
  var since: String?

  @Option(help: "Only this scenario.")
  var scenario: String?

  @Option(help: "Only trainees practising in this group (as given with practice --group).")
  var group: String?

  @Option(help: "text, html, csv or json.")
  var format: CoachingFormat = .text

  @Option(help: "With --format csv, the table to write: trainees, criteria or scenarios.")
  var table: CohortReport.Table = .trainees

  @OptionGroup var view: ViewOptions

  func run() throws {
    try Failure.reported {
      if let since, !Self.isDate(since) {
        throw UserFacingError("--since wants a real date like 2026-11-01, not '\(since)'")
      }
      let summary = try (view.store.openForReading() ?? view.store.open()).cohort(
        since: since, scenario: scenario, group: group)
      let rendering = CohortReport(language: view.lang.interface, time: try view.localTime())
      switch format {
      case .text: try emit(rendering.text(summary), to: view.output)
      case .html: try emit(rendering.html(summary), to: view.output)
      case .csv: try emit(rendering.csv(summary, table: table), to: view.output, csv: true)
      case .json: try emit(try encodeJSON(summary), to: view.output)
      }
    }
  }
}

extension CohortCommand {
  /// Whether `text` is a calendar date written YYYY-MM-DD (2026-13-45 is not).
  static func isDate(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard text.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2,
      parts[2].count == 2, let year = Int(parts[0]), let month = Int(parts[1]),
      let day = Int(parts[2]), (1...12).contains(month), day >= 1
    else { return false }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let first = DateComponents(year: year, month: month, day: 1)
    guard let date = calendar.date(from: first),
      let days = calendar.range(of: .day, in: .month, for: date)
    else { return false }
    return days.contains(day)
  }
}

/// `visitcoach rescore`: recompute stored sessions against the current rubrics.
struct RescoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rescore",
    abstract:
      "Re-score stored sessions with the current scenarios and rubrics (keeps the original total).")

  @Argument(help: "Session ids (unique prefixes are enough).")
  var sessions: [String] = []

  @Flag(help: "Every finished session.")
  var all = false

  @Flag(
    help:
      "Re-score even sessions already scored with the current scenario (the result is the same).")
  var force = false

  @OptionGroup var store: StoreOptions

  func run() throws {
    try Failure.reported {
      guard all || !sessions.isEmpty else {
        throw UserFacingError("name sessions to re-score, or pass --all")
      }
      let db = try store.open()
      let library = try ScenarioLocation.resolve(store.scenarios).loadLibrary()
      let records =
        all
        ? try db.sessions().filter(\.isFinished)
        : try sessions.map { try store.session($0, in: db) }
      var changed = 0
      var skipped: [String] = []
      var unchanged = 0
      var work: [(record: SessionRecord, scenario: Scenario)] = []
      for record in records {
        guard let scenario = library.scenario(record.scenarioID) else {
          skipped.append(record.id)
          continue
        }
        // Scoring is deterministic: a session scored with this very content needs no work.
        if !force && record.scoredFingerprint == scenario.fingerprint {
          unchanged += 1
          continue
        }
        work.append((record, scenario))
      }
      // Each scenario's plan compiled once, the scenarios on every core.
      var needed: [String: Scenario] = [:]
      for (_, scenario) in work { needed[scenario.id] = scenario }
      let scenarios = needed.values.sorted { $0.id < $1.id }
      let compiled = ParallelMap.map(scenarios.count) { ScoringPlan(scenario: scenarios[$0]) }
      let scoringPlans = Dictionary(
        uniqueKeysWithValues: zip(scenarios.map(\.id), compiled))
      let progress = ProgressBar(total: work.count)
      // Batches: read the transcripts in a few queries, score on every core, write in one
      // transaction. Reading the next batch and writing the last one happen on a thread of their
      // own while the cores score, so the cores never wait for the database.
      let batches = stride(from: 0, to: work.count, by: 1_000).map {
        Array(work[$0..<min($0 + 1_000, work.count)])
      }
      let io = DatabaseLane()
      // A batch that fails to score stops the run, but not before the writes already given.
      defer { try? io.finish() }
      var reading = io.read { try db.transcripts((batches.first ?? []).map(\.record.id)) }
      for (index, batch) in batches.enumerated() {
        progress.update(index * 1_000)
        let transcripts = try reading.wait()
        if index + 1 < batches.count {
          let next = batches[index + 1].map(\.record.id)
          reading = io.read { try db.transcripts(next) }
        }
        // Scored and made ready for storing (split and compressed) on every core.
        let reports = ParallelMap.map(batch.count) { i -> Result<PreparedReport, Error>? in
          let (record, scenario) = batch[i]
          guard let transcript = transcripts[record.id] else { return nil }
          let report = Scorer.score(transcript, scenario: scenario, plan: scoringPlans[scenario.id])
          return Result {
            try PreparedReport(sessionID: record.id, report: report, transcript: transcript)
          }
        }
        var results: [PreparedReport] = []
        for (i, prepared) in reports.enumerated() {
          guard let prepared = try prepared?.get() else { continue }
          let record = batch[i].record
          if prepared.report.total != record.total
            || prepared.report.fingerprint != record.scoredFingerprint
          {
            changed += 1
          }
          results.append(prepared)
        }
        // A failed write stops the run at the next batch (each batch is one transaction).
        try io.failure()
        let finished = results
        io.write { try db.rescore(finished) }
      }
      try io.finish()
      progress.finish()
      Console.line(
        "re-scored \(records.count - skipped.count - unchanged) session(s), \(changed) changed"
          + (unchanged > 0
            ? ", \(unchanged) already scored with the current content (use --force to redo)" : ""))
      if !skipped.isEmpty {
        Console.line(
          "skipped (scenario no longer in the library): \(skipped.joined(separator: ", "))")
      }
    }
  }
}

/// A one-line progress bar on a terminal (nothing when output is redirected).
final class ProgressBar {
  private let total: Int
  private let enabled: Bool

  init(total: Int) {
    self.total = total
    enabled = isatty(STDERR_FILENO) == 1 && total > 50
  }

  func update(_ done: Int) {
    guard enabled, done % max(1, total / 100) == 0 else { return }
    let width = 30
    let filled = total == 0 ? width : done * width / total
    Console.errorRaw(
      "\r[\(String(repeating: "█", count: filled))\(String(repeating: "░", count: width - filled))] \(done)/\(total)"
    )
  }

  func finish() {
    if enabled { Console.errorRaw("\r\u{1b}[K") }
  }
}

extension CohortReport.Table: ExpressibleByArgument {}
