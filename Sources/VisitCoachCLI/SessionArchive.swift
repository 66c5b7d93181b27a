import Foundation
import VisitCoachModel

/// Keeps every visit on disk as it happens: the transcript is rewritten (atomically) after each
/// turn, so a crash, Ctrl-C or a closed terminal loses nothing already said.
struct SessionArchive {
  /// Where the visit is kept; nil when nothing could be written.
  let path: String?

  struct Record: Encodable {
    var version = 1
    var trainee: String
    var started: String
    var scenario: String
    var fingerprint: String
    var finished: Bool
    var transcript: Transcript
  }

  let trainee: String
  let started: String
  let scenario: Scenario

  init(scenario: Scenario, trainee: String) {
    self.scenario = scenario
    self.trainee = trainee
    let now = Date()
    let stamp = ISO8601DateFormatter()
    stamp.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime]
    started = stamp.string(from: now)
    let folder = Self.stateDirectory() + "/sessions"
    let name = "\(Int(now.timeIntervalSince1970))-\(getpid())-\(scenario.id).json"
    if (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true))
      != nil
    {
      path = folder + "/" + name
    } else {
      path = nil
    }
  }

  /// `$XDG_STATE_HOME/visitcoach`, or `~/.local/state/visitcoach`.
  static func stateDirectory() -> String {
    let env = ProcessInfo.processInfo.environment
    if let state = env["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/visitcoach" }
    let home = env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return home + "/.local/state/visitcoach"
  }

  /// Writes the transcript so far.
  func save(_ transcript: Transcript, finished: Bool) {
    guard let path else { return }
    let record = Record(
      trainee: trainee, started: started, scenario: scenario.id, fingerprint: scenario.fingerprint,
      finished: finished, transcript: transcript)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(record) else { return }
    try? data.write(to: URL(fileURLWithPath: path), options: .atomic)
  }
}
