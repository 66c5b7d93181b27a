/// What reading one line produced.
public enum LineInput: Sendable, Equatable {
  /// A line of text (without the newline).
  case line(String)
  /// Ctrl-C: the line being typed was discarded; ask again.
  case interrupted
  /// End of input: Ctrl-D on an empty line, a closed terminal, SIGTERM, or end of a pipe.
  case end
}

/// Reads the trainee's lines: GNU readline on a terminal, plain reads otherwise.
public protocol LineReader: AnyObject {
  /// Shows `prompt` (terminals only) and reads one line.
  func read(prompt: String) -> LineInput
  /// Words Tab completes at the start of the line.
  func setCompletions(_ words: [String])
  /// Remembers a line in the history.
  func remember(_ line: String)
  /// Saves and trims the history; restores the terminal.
  func finish()
}

/// Reads lines from a pipe or file: no prompt, no echo, no editing.
public final class PlainLineReader: LineReader {
  public init() {}

  public func read(prompt: String) -> LineInput {
    if TerminationSignal.requested { return .end }
    guard let line = Swift.readLine(strippingNewline: true) else { return .end }
    return .line(line.hasSuffix("\r") ? String(line.dropLast()) : line)
  }

  public func setCompletions(_ words: [String]) {}
  public func remember(_ line: String) {}
  public func finish() {}
}
