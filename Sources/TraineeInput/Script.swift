import VisitCoachModel

/// A problem in a script: an unknown command on a line.
public struct ScriptError: Error, Sendable, Equatable {
  /// 1-based line number.
  public var line: Int
  public var command: String
}

/// Trainee input as text: one utterance per line; lines starting with `/` are commands. The
/// command grammar lives here, apart from the engine, which only plays the steps it yields.
/// Invalid UTF-8 has already been replaced by the caller; blank lines are skipped.
public enum Script {
  /// Every command, as typed.
  public static let commands = [
    "/look", "/wait", "/next", "/hint", "/stock", "/brief", "/plan", "/pack", "/ready", "/record",
    "/status", "/score",
    "/undo", "/restart", "/help", "/quit",
  ]

  /// The longest utterance kept, in characters. Longer lines keep their first part and the
  /// reader is told; nothing a person types at a counter is this long, and scoring stays fast.
  public static let maximumLineLength = 2000

  /// One line of input, cleaned: control characters and invisible format characters (zero-width
  /// spaces, byte-order marks) removed, a full-width `／` or `／ｑｕｉｔ` read as a command, and
  /// the text cut to ``maximumLineLength``.
  public struct Line: Sendable, Equatable {
    /// The cleaned text, trimmed of surrounding spaces (empty when nothing visible was typed).
    public var text: String
    /// The length in characters before cutting, when the line was cut.
    public var cutFrom: Int?

    /// Whether the line holds nothing to say or do.
    public var isEmpty: Bool { text.isEmpty }
    /// Whether the line is a command (starts with `/`).
    public var isCommand: Bool { text.hasPrefix("/") }
  }

  /// Cleans one raw line of input (see ``Line``).
  public static func clean(_ raw: String) -> Line {
    var kept = String.UnicodeScalarView()
    var count = 0
    var total = 0
    var leading = true
    for scalar in raw.unicodeScalars {
      if isInvisible(scalar) { continue }
      if leading && scalar.properties.isWhitespace { continue }
      leading = false
      if scalar.properties.generalCategory != .nonspacingMark
        && scalar.properties.generalCategory != .enclosingMark
      {
        total += 1
      }
      guard total <= maximumLineLength else { continue }
      kept.append(scalar)
      count = total
    }
    var text = String(kept).trimmingSpaces
    if text.hasPrefix("／") || text.hasPrefix("/") {
      // Input methods in full-width mode type ／ｑｕｉｔ; commands are ASCII.
      let word = text.prefix { !$0.isWhitespace }
      text = halfWidth(String(word)) + text.dropFirst(word.count)
    }
    return Line(text: text, cutFrom: total > count ? total : nil)
  }

  /// Characters with no visible form that a trainee never means: controls, zero-width spaces,
  /// byte-order marks, soft hyphens, bidirectional overrides.
  private static func isInvisible(_ c: Unicode.Scalar) -> Bool {
    if c.value < 0x20 { return c != "\t" }
    if (0x7F...0x9F).contains(c.value) { return true }
    return c.properties.generalCategory == .format
  }

  private static func halfWidth(_ word: String) -> String {
    String(
      String.UnicodeScalarView(
        word.unicodeScalars.map { c in
          (0xFF01...0xFF5E).contains(c.value) ? Unicode.Scalar(c.value - 0xFEE0)! : c
        }))
  }

  /// The steps of a script, or the first line with an unknown command. Any line ends work
  /// (`\n`, `\r\n`, `\r`).
  public static func parse(_ text: String) throws(ScriptError) -> [ScriptStep] {
    try read(text).steps
  }

  /// A script read line by line: its steps, and the numbers of the lines that were cut to
  /// ``maximumLineLength``.
  public struct Reading: Sendable, Equatable {
    public var steps: [ScriptStep] = []
    /// (1-based line number, length before cutting) of every cut line.
    public var cutLines: [(line: Int, length: Int)] = []

    public static func == (a: Reading, b: Reading) -> Bool {
      a.steps == b.steps && a.cutLines.map(\.line) == b.cutLines.map(\.line)
    }
  }

  /// Reads a script (see ``parse(_:)``), noting the lines that were cut.
  public static func read(_ text: String) throws(ScriptError) -> Reading {
    var reading = Reading()
    for (offset, raw) in TextLines.split(text).enumerated() {
      let line = clean(raw)
      if line.isEmpty { continue }
      if let length = line.cutFrom { reading.cutLines.append((offset + 1, length)) }
      guard let step = step(for: line) else {
        throw ScriptError(line: offset + 1, command: line.text)
      }
      reading.steps.append(step)
    }
    return reading
  }

  /// The step a cleaned, non-empty line asks for: a command, or something said. Nil for an
  /// unknown command.
  public static func step(for line: Line) -> ScriptStep? {
    line.isCommand ? command(line.text) : .say(line.text)
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
    case "/ready": return .ready(String(line.dropFirst("/ready".count)))
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
