import VisitCoachModel

/// One line of trainee input: something said, or a command.
public enum ScriptStep: Sendable, Equatable {
  case say(String)
  case wait
  case look
  case next
  case hint
  case undo
  case restart
  case quit
  /// Count the stock with the retailer (costs the time of a look).
  case stock
  /// The visit record: `内容 | 诉求 | 承诺 | 下次目标`.
  case record(String)
  /// Packing the visit bag before arriving: item names separated by spaces or 、.
  case pack(String)
  /// The visit's purpose and plan, stated before arriving.
  case plan(String)
  /// The appearance checked before arriving (work clothes, badge, no smell of smoke).
  case ready
  /// Commands that only show something (/help, /status, /score): no effect on the visit.
  case show(String)
}

/// A problem in a script: an unknown command on a line.
public struct ScriptError: Error, Sendable, Equatable {
  /// 1-based line number.
  public var line: Int
  public var command: String
}

/// Trainee input as text: one utterance per line; lines starting with `/` are commands.
/// Invalid UTF-8 has already been replaced by the caller; blank lines are skipped.
public enum Script {
  /// Every command, as typed.
  public static let commands = [
    "/look", "/wait", "/next", "/hint", "/stock", "/brief", "/plan", "/pack", "/ready", "/record",
    "/status", "/score",
    "/undo", "/restart", "/help", "/quit",
  ]

  /// The steps of a script, or the first line with an unknown command.
  public static func parse(_ text: String) throws(ScriptError) -> [ScriptStep] {
    var steps: [ScriptStep] = []
    var number = 0
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
      number += 1
      var line = String(raw)
      if line.hasSuffix("\r") { line.removeLast() }
      let trimmed = line.trimmingSpaces
      if trimmed.isEmpty { continue }
      if trimmed.hasPrefix("/") {
        guard let step = command(trimmed) else { throw ScriptError(line: number, command: trimmed) }
        steps.append(step)
      } else {
        steps.append(.say(line))
      }
    }
    return steps
  }

  /// The step for a command line, or nil if there is no such command.
  public static func command(_ line: String) -> ScriptStep? {
    let word = line.split(separator: " ").first.map(String.init) ?? line
    switch word {
    case "/wait": return .wait
    case "/look": return .look
    case "/next": return .next
    case "/hint": return .hint
    case "/undo": return .undo
    case "/restart": return .restart
    case "/quit", "/exit": return .quit
    case "/stock": return .stock
    case "/record":
      return .record(String(line.dropFirst("/record".count)))
    case "/pack":
      return .pack(String(line.dropFirst("/pack".count)))
    case "/plan":
      return .plan(String(line.dropFirst("/plan".count)).trimmingSpaces)
    case "/ready": return .ready
    case "/help", "/status", "/score", "/brief": return .show(word)
    default: return nil
    }
  }

  /// The command closest to a mistyped one, for "did you mean".
  public static func nearestCommand(_ word: String) -> String? {
    var best: (String, Int)?
    for command in commands {
      let d = EditDistance.between(word, command)
      if d <= 3, best == nil || d < best!.1 { best = (command, d) }
    }
    if best == nil, let prefixMatch = commands.first(where: { $0.hasPrefix(word) }) {
      return prefixMatch
    }
    return best?.0
  }
}

extension String {
  var trimmingSpaces: String {
    var s = Substring(self)
    while let c = s.first, c.isWhitespace { s.removeFirst() }
    while let c = s.last, c.isWhitespace { s.removeLast() }
    return String(s)
  }
}
