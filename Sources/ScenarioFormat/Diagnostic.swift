/// A position in a source file, 1-based; columns count Unicode scalars, as editors do for CJK.
public struct SourceLocation: Sendable, Hashable, Comparable {
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
    (a.file, a.line, a.column) < (b.file, b.line, b.column)
  }
}

/// A problem found in a scenario, trait or rubric file.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
  public enum Severity: String, Sendable, Hashable, Codable {
    case error
    case warning
  }

  public var severity: Severity
  public var location: SourceLocation
  /// Where in the document, e.g. `persona.traits[1]` (empty for file-level problems).
  public var keyPath: String
  public var message: String

  /// The longest message kept, in characters: a diagnostic quotes what was written, and what
  /// was written may be huge.
  public static let maximumMessageLength = 1000

  public init(_ severity: Severity, at location: SourceLocation, keyPath: String, _ message: String)
  {
    self.severity = severity
    self.location = location
    self.keyPath =
      keyPath.count > 200 ? String(keyPath.prefix(200)) + "…" : keyPath
    self.message =
      message.count > Self.maximumMessageLength
      ? String(message.prefix(Self.maximumMessageLength)) + "…（已截断 truncated）" : message
  }

  /// `path:line:col: error: key.path: message`, the form editors and compilers use.
  public var description: String {
    let l = location
    let path = keyPath.isEmpty ? "" : "\(keyPath): "
    return "\(l.file):\(l.line):\(l.column): \(severity.rawValue): \(path)\(message)"
  }
}

/// Collects diagnostics while a file is read, so every problem is reported at once.
final class DiagnosticSink: @unchecked Sendable {
  private(set) var items: [Diagnostic] = []
  let file: String

  init(file: String) {
    self.file = file
  }

  func error(_ line: Int, _ column: Int, _ keyPath: String, _ message: String) {
    items.append(
      Diagnostic(
        .error, at: .init(file: file, line: line, column: column), keyPath: keyPath, message))
  }

  func warning(_ line: Int, _ column: Int, _ keyPath: String, _ message: String) {
    items.append(
      Diagnostic(
        .warning, at: .init(file: file, line: line, column: column), keyPath: keyPath, message))
  }

  func error(at mark: SourceMark, _ keyPath: String, _ message: String) {
    error(mark.line, mark.column, keyPath, message)
  }

  func warning(at mark: SourceMark, _ keyPath: String, _ message: String) {
    warning(mark.line, mark.column, keyPath, message)
  }

  var hasErrors: Bool { items.contains { $0.severity == .error } }
}

/// A line and column in the file being read.
struct SourceMark: Sendable, Hashable {
  var line: Int
  var column: Int

  static let start = SourceMark(line: 1, column: 1)
}

/// A value read from YAML, with where it was written.
struct Located<Value: Sendable>: Sendable {
  var value: Value
  var mark: SourceMark
  var keyPath: String
}
