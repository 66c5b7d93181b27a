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

/// A problem found in a scenario, trait, rubric, catalogue, lexicon or test file. It holds what
/// is wrong as a value (``AuthoringProblem``); Reporting words it in the interface language.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
  public enum Severity: String, Sendable, Hashable, Codable {
    case error
    case warning
  }

  public var severity: Severity
  public var location: SourceLocation
  /// Where in the document, e.g. `persona.traits[1]` (empty for file-level problems).
  public var keyPath: String
  /// What is wrong.
  public var problem: AuthoringProblem
  /// Places whose problems follow from this one (a reference to a criterion of a misspelt
  /// rubric, the same unknown id used again): reported folded under this diagnostic, not on
  /// their own.
  public var followOns: [SourceLocation]

  /// The longest user-written text a diagnostic keeps, in characters: a diagnostic quotes what
  /// was written, and what was written may be huge.
  public static let maximumQuotedLength = 200

  public init(
    _ severity: Severity, at location: SourceLocation, keyPath: String, _ problem: AuthoringProblem,
    followOns: [SourceLocation] = []
  ) {
    self.severity = severity
    self.location = location
    self.keyPath = keyPath.count > 200 ? String(keyPath.prefix(200)) + "…" : keyPath
    self.problem = problem.clipped(to: Self.maximumQuotedLength)
    self.followOns = followOns
  }

  /// `path:line:col: error: key.path: code`: a stable, language-neutral form for logs and
  /// debugging. What a person reads is worded by Reporting (`InterfaceStrings.diagnostic`).
  public var description: String {
    let l = location
    let path = keyPath.isEmpty ? "" : "\(keyPath): "
    let more = followOns.isEmpty ? "" : " (+\(followOns.count))"
    return "\(l.file):\(l.line):\(l.column): \(severity.rawValue): \(path)\(problem.code)\(more)"
  }
}
