import Foundation

/// One line of trainee input: something said, or a command.
enum ScriptStep: Equatable {
  case say(String)
  case wait
  case look
  case next
  case hint
  case undo
  case restart
  case quit
  /// Commands that only show something (/help, /status, /score): no effect on the visit.
  case show(String)
}

/// Reads trainee input for `replay`: one utterance per line; lines starting with `/` are
/// commands. Invalid UTF-8 is replaced, never fatal; blank lines are skipped.
enum TranscriptInput {
  /// Every command, as typed.
  static let commands = [
    "/look", "/wait", "/next", "/hint", "/status", "/score", "/undo", "/restart", "/help", "/quit",
  ]

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
    guard let step = parse(line) else {
      throw UserFacingError(
        "\(location): unknown command '\(line)'; commands are \(commands.joined(separator: " "))")
    }
    return step
  }

  /// The step for a command word, or nil if there is no such command.
  static func parse(_ line: String) -> ScriptStep? {
    let word = line.split(separator: " ").first.map(String.init) ?? line
    switch word {
    case "/wait": return .wait
    case "/look": return .look
    case "/next": return .next
    case "/hint": return .hint
    case "/undo": return .undo
    case "/restart": return .restart
    case "/quit", "/exit": return .quit
    case "/help", "/status", "/score": return .show(word)
    default: return nil
    }
  }

  /// The command closest to a mistyped one, for "did you mean".
  static func nearestCommand(_ word: String) -> String? {
    let typed = Array(word)
    var best: (String, Int)?
    for command in commands {
      let d = editDistance(typed, Array(command))
      if d <= 3, best == nil || d < best!.1 { best = (command, d) }
    }
    if best == nil, let prefixMatch = commands.first(where: { $0.hasPrefix(word) }) {
      return prefixMatch
    }
    return best?.0
  }

  static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var row = Array(0...b.count)
    for i in 1...a.count {
      var diagonal = row[0]
      row[0] = i
      for j in 1...b.count {
        let above = row[j]
        row[j] = min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1))
        diagonal = above
      }
    }
    return row[b.count]
  }
}
