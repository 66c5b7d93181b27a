import Yams

extension Yams.Node {
  var sourceMark: SourceMark {
    guard let mark else { return .start }
    return SourceMark(line: mark.line, column: mark.column)
  }

  /// A short name for the node's kind, for "expected X, found Y" messages.
  var kindName: String {
    switch self {
    case .scalar: return "a scalar"
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .alias: return "an alias"
    }
  }
}

/// How strict the readers are about keys they don't know.
public enum FormatStrictness {
  /// Unknown keys are warnings instead of errors (`--lenient`, for files written for an older
  /// VisitCoach). Set once, before anything is loaded.
  nonisolated(unsafe) public static var lenient = false
}

/// The longest text one YAML value may hold, in characters. The longest shipped value is under
/// 200; a cap keeps a pasted or generated monster (millions of characters) from costing seconds
/// and gigabytes in matching and from flooding diagnostics.
let maximumTextLength = 4000

/// Whether `text` is within ``maximumTextLength``; reports an error at `mark` when not.
func withinTextLimit(_ text: String, at mark: SourceMark, _ path: String, _ sink: DiagnosticSink)
  -> Bool
{
  guard text.utf8.count > maximumTextLength else { return true }
  let length = text.count
  guard length > maximumTextLength else { return true }
  sink.error(
    at: mark, path,
    "this text has \(length) characters; the limit is \(maximumTextLength). Shorten it or split it into several lines"
  )
  return false
}

/// Reads one YAML mapping with located, collected diagnostics: wrong types, missing keys and
/// (at `finish`) unknown keys, each with the position of the offending node.
final class MapReader {
  let node: Yams.Node
  let path: String
  let sink: DiagnosticSink
  private var pairs: [(key: String, keyNode: Yams.Node, value: Yams.Node)] = []
  private var used = Set<String>()

  /// Nil (with an error) when `node` is not a mapping.
  init?(_ node: Yams.Node, path: String, sink: DiagnosticSink) {
    self.node = node
    self.path = path
    self.sink = sink
    guard case .mapping(let mapping) = node else {
      sink.error(
        at: node.sourceMark, path, "expected a mapping (key: value lines), found \(node.kindName)")
      return nil
    }
    for (key, value) in mapping {
      var name = key.string ?? ""
      if name.count > 200 {
        sink.error(
          at: key.sourceMark, path,
          "a key of \(name.count) characters; keys are short names such as 'id' or 'when'")
        name = String(name.prefix(40)) + "…"
      }
      pairs.append((name, key, value))
    }
  }

  var mark: SourceMark { node.sourceMark }

  func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

  /// The value node for `key`, marking the key as known.
  func value(_ key: String) -> Yams.Node? {
    used.insert(key)
    return pairs.first { $0.key == key }?.value
  }

  func has(_ key: String) -> Bool { pairs.contains { $0.key == key } }

  /// Every key present, in document order.
  var keys: [(String, Yams.Node, Yams.Node)] { pairs.map { ($0.key, $0.keyNode, $0.value) } }

  func missing(_ key: String, _ what: String) {
    sink.error(at: mark, path, "missing required key '\(key)' (\(what))")
  }

  func string(_ key: String, required: String? = nil) -> Located<String>? {
    guard let node = value(key) else {
      if let required { missing(key, required) }
      return nil
    }
    guard case .scalar(let scalar) = node else {
      sink.error(at: node.sourceMark, child(key), "expected text, found \(node.kindName)")
      return nil
    }
    let text = scalar.string
    guard withinTextLimit(text, at: node.sourceMark, child(key), sink) else { return nil }
    if let required, text.trimmingWhitespace.isEmpty {
      sink.error(at: node.sourceMark, child(key), "must not be empty (\(required))")
      return nil
    }
    return Located(value: text, mark: node.sourceMark, keyPath: child(key))
  }

  func int(_ key: String, in range: ClosedRange<Int>? = nil, required: String? = nil) -> Located<
    Int
  >? {
    guard let node = value(key) else {
      if let required { missing(key, required) }
      return nil
    }
    guard case .scalar(let scalar) = node, let number = Int(scalar.string.trimmingWhitespace) else {
      sink.error(
        at: node.sourceMark, child(key), "expected a whole number, found \(describe(node))")
      return nil
    }
    if let range, !range.contains(number) {
      sink.error(
        at: node.sourceMark, child(key),
        "\(number) is out of range; use a number from \(range.lowerBound) to \(range.upperBound)")
      return nil
    }
    return Located(value: number, mark: node.sourceMark, keyPath: child(key))
  }

  func double(_ key: String, in range: ClosedRange<Double>) -> Located<Double>? {
    guard let node = value(key) else { return nil }
    guard case .scalar(let scalar) = node, let number = Double(scalar.string.trimmingWhitespace),
      range.contains(number)
    else {
      sink.error(
        at: node.sourceMark, child(key),
        "expected a number from \(range.lowerBound) to \(range.upperBound), found \(describe(node))"
      )
      return nil
    }
    return Located(value: number, mark: node.sourceMark, keyPath: child(key))
  }

  func bool(_ key: String) -> Located<Bool>? {
    guard let node = value(key) else { return nil }
    guard case .scalar(let scalar) = node, let flag = Bool(scalar.string.lowercased()) else {
      sink.error(at: node.sourceMark, child(key), "expected true or false, found \(describe(node))")
      return nil
    }
    return Located(value: flag, mark: node.sourceMark, keyPath: child(key))
  }

  /// One of `choices` (case-sensitive), with the valid ones listed on error.
  func choice(_ key: String, _ choices: [String], required: String? = nil) -> Located<String>? {
    guard let text = string(key, required: required) else { return nil }
    let value = text.value.trimmingWhitespace
    guard choices.contains(value) else {
      sink.error(
        at: text.mark, text.keyPath,
        "'\(value)' is not valid\(Suggestions.hint(value, in: choices)); use one of \(Suggestions.list(choices))"
      )
      return nil
    }
    return Located(value: value, mark: text.mark, keyPath: text.keyPath)
  }

  /// A list of texts; a single scalar counts as a list of one.
  func strings(_ key: String) -> [Located<String>] {
    guard let node = value(key) else { return [] }
    return MapReader.strings(node, path: child(key), sink: sink)
  }

  static func strings(_ node: Yams.Node, path: String, sink: DiagnosticSink) -> [Located<String>] {
    switch node {
    case .scalar(let scalar):
      if scalar.string.isEmpty && scalar.style == .plain { return [] }  // `key:` with no value
      guard withinTextLimit(scalar.string, at: node.sourceMark, path, sink) else { return [] }
      return [Located(value: scalar.string, mark: node.sourceMark, keyPath: path)]
    case .sequence(let sequence):
      var result: [Located<String>] = []
      for (i, item) in sequence.enumerated() {
        guard case .scalar(let scalar) = item else {
          sink.error(at: item.sourceMark, "\(path)[\(i)]", "expected text, found \(item.kindName)")
          continue
        }
        guard withinTextLimit(scalar.string, at: item.sourceMark, "\(path)[\(i)]", sink) else {
          continue
        }
        result.append(
          Located(value: scalar.string, mark: item.sourceMark, keyPath: "\(path)[\(i)]"))
      }
      return result
    default:
      sink.error(at: node.sourceMark, path, "expected a list of texts, found \(node.kindName)")
      return []
    }
  }

  /// A list of mappings, each handed to `body` with its reader.
  func list(_ key: String, required: String? = nil, _ body: (MapReader, Int) -> Void) {
    guard let node = value(key) else {
      if let required { missing(key, required) }
      return
    }
    guard case .sequence(let sequence) = node else {
      sink.error(
        at: node.sourceMark, child(key), "expected a list ('- ' items), found \(node.kindName)")
      return
    }
    for (i, item) in sequence.enumerated() {
      if let reader = MapReader(item, path: "\(child(key))[\(i)]", sink: sink) {
        body(reader, i)
        reader.finish()
      }
    }
  }

  /// A nested mapping.
  func map(_ key: String, required: String? = nil) -> MapReader? {
    guard let node = value(key) else {
      if let required { missing(key, required) }
      return nil
    }
    return MapReader(node, path: child(key), sink: sink)
  }

  /// Reports keys that were never asked for. A misspelt key (`whne:` for `when:`) silently
  /// changes what the scenario does, so it is an error, with the key it probably means; with
  /// ``FormatStrictness/lenient`` (`--lenient`, for old files) only a warning.
  func finish() {
    for pair in pairs where !used.contains(pair.key) {
      let hint = Suggestions.hint(pair.key, in: used)
      if FormatStrictness.lenient {
        sink.warning(
          at: pair.keyNode.sourceMark, child(pair.key),
          "unknown key '\(pair.key)' is ignored\(hint)")
      } else {
        sink.error(
          at: pair.keyNode.sourceMark, child(pair.key),
          "unknown key '\(pair.key)'\(hint): it would be ignored and change what the file does; fix the key, or pass --lenient to accept old files with a warning"
        )
      }
    }
  }

  private func describe(_ node: Yams.Node) -> String {
    if case .scalar(let scalar) = node { return "'\(scalar.string)'" }
    return node.kindName
  }
}

extension String {
  var trimmingWhitespace: String {
    var s = Substring(self)
    while let c = s.first, c.isWhitespace { s.removeFirst() }
    while let c = s.last, c.isWhitespace { s.removeLast() }
    return String(s)
  }
}
