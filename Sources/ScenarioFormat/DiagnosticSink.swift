import VisitCoachModel

/// Collects diagnostics while a file is read, so every problem is reported at once.
final class DiagnosticSink: @unchecked Sendable {
  private(set) var items: [Diagnostic] = []
  let file: String
  /// The text being read, when the sink was handed it: some mistakes are told by what is
  /// written at a place, which the node tree does not keep.
  var source: String?

  init(file: String) {
    self.file = file
  }

  func error(_ line: Int, _ column: Int, _ keyPath: String, _ problem: AuthoringProblem) {
    items.append(
      Diagnostic(
        .error, at: .init(file: file, line: line, column: column), keyPath: keyPath, problem))
  }

  func warning(_ line: Int, _ column: Int, _ keyPath: String, _ problem: AuthoringProblem) {
    items.append(
      Diagnostic(
        .warning, at: .init(file: file, line: line, column: column), keyPath: keyPath, problem))
  }

  func error(at mark: SourceMark, _ keyPath: String, _ problem: AuthoringProblem) {
    error(mark.line, mark.column, keyPath, problem)
  }

  func warning(at mark: SourceMark, _ keyPath: String, _ problem: AuthoringProblem) {
    warning(mark.line, mark.column, keyPath, problem)
  }

  /// Reports `item` as naming no `kind` among `known`: with the nearest known id as a
  /// suggestion, or as Chinese quotation marks around an id when that is what went wrong.
  func unknown(_ kind: ReferenceKind, _ item: Located<String>, in known: some Collection<String>) {
    error(at: item.mark, item.keyPath, Self.unknown(kind, item.value, in: known))
  }

  /// The problem of `written` naming no `kind` among `known`.
  static func unknown(_ kind: ReferenceKind, _ written: String, in known: some Collection<String>)
    -> AuthoringProblem
  {
    if ChineseQuotes.inner(written) != nil {
      return .chineseQuotes(written: written, expected: .id)
    }
    return .unknownReference(
      kind: kind, written: written, suggestion: EditDistance.nearest(to: written, in: known),
      known: known.sorted())
  }

  var hasErrors: Bool { items.contains { $0.severity == .error } }

  /// Whether a `[` is written at `mark`: the list there is in flow style (`[a, b]`). Yams
  /// reports every sequence's style as "any", so the source is read instead.
  func opensFlowList(at mark: SourceMark) -> Bool {
    guard let source, mark.line >= 1, mark.column >= 1 else { return false }
    var line = 1
    var column = 1
    for scalar in source.unicodeScalars {
      if line == mark.line && column == mark.column { return scalar == "[" }
      if scalar == "\n" {
        if line == mark.line { return false }
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    return false
  }
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

/// Chinese quotation marks typed around a value (`age: “50”`, `mood: ‘>=35’`): YAML keeps them as
/// part of the text, so a number, range or id no longer reads as one.
enum ChineseQuotes {
  private static let pairs: [(Character, Character)] = [
    ("“", "”"), ("‘", "’"), ("”", "”"), ("“", "“"), ("＂", "＂"), ("「", "」"),
  ]

  /// The text inside the quotes, when `text` is wrapped in Chinese quotation marks.
  static func inner(_ text: String) -> String? {
    let t = text.trimmingWhitespace
    guard t.count >= 2, let first = t.first, let last = t.last else { return nil }
    guard pairs.contains(where: { $0.0 == first && $0.1 == last }) else { return nil }
    return String(t.dropFirst().dropLast())
  }
}
