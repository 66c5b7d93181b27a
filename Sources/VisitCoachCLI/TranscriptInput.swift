import Foundation

/// One line of a replay input: something said, or a command.
enum ScriptStep: Equatable {
  case say(String)
  case wait
  case look
  case next
  case hint
  case quit
}

/// Reads trainee input for `replay`: one utterance per line; lines starting with `/` are
/// commands. Invalid UTF-8 is replaced, never fatal; blank lines are skipped.
enum TranscriptInput {
  static let commands = ["/wait", "/look", "/next", "/hint", "/quit"]

  static func read(_ path: String) throws -> Data {
    if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw UserFacingError("cannot read input file '\(path)'")
    }
    return data
  }

  static func steps(from data: Data, name: String) throws -> [ScriptStep] {
    let text = String(decoding: data, as: UTF8.self)
    var steps: [ScriptStep] = []
    var lineNumber = 0
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      var line = String(raw)
      if line.hasSuffix("\r") { line.removeLast() }
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty { continue }
      if let step = try command(trimmed, at: "\(name):\(lineNumber)") {
        steps.append(step)
      } else {
        steps.append(.say(line))
      }
    }
    return steps
  }

  /// The command on a line starting with `/`, nil for an utterance.
  static func command(_ line: String, at location: String) throws -> ScriptStep? {
    guard line.hasPrefix("/") else { return nil }
    switch line.split(separator: " ").first.map(String.init) ?? line {
    case "/wait": return .wait
    case "/look": return .look
    case "/next": return .next
    case "/hint": return .hint
    case "/quit": return .quit
    default:
      throw UserFacingError(
        "\(location): unknown command '\(line)'; replay understands \(commands.joined(separator: " "))")
    }
  }
}
