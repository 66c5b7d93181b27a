import VisitCoachModel
import Yams

extension Yams.Node {
  var sourceMark: SourceMark {
    guard let mark else { return .start }
    return SourceMark(line: mark.line, column: mark.column)
  }

  /// The node's kind, for "expected X, found Y" problems.
  var kind: YAMLNodeKind {
    switch self {
    case .scalar: return .text
    case .mapping: return .mapping
    case .sequence: return .list
    case .alias: return .alias
    }
  }

  /// The text of a scalar, nil for anything else.
  var scalarText: String? {
    if case .scalar(let scalar) = self { return scalar.string }
    return nil
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
  sink.error(at: mark, path, .textTooLong(length: length, limit: maximumTextLength))
  return false
}

/// What the items of a list are, which decides whether a full-width comma inside a `[...]`
/// list is a mistake: ids never hold one; words and phrases only as a clause mark next to a gap
/// (`…，…`) or at an end; sentences (examples, the trainee's lines) may hold any.
enum ListItems {
  case ids
  case words
  case sentences
}

/// Reads one YAML mapping with located, collected diagnostics: wrong types, missing keys and
/// (at `finish`) unknown keys, each with the position of the offending node.
final class MapReader {
  let node: Yams.Node
  let path: String
  let sink: DiagnosticSink
  /// The kind of file, for saying what a missing key is for.
  let document: DocumentKind
  /// The section for ``FormatRegistry``: the key path with list items as `[]` and keys the
  /// author names as `*`.
  let schemaPath: String
  private var pairs: [(key: String, keyNode: Yams.Node, value: Yams.Node)] = []
  private var used = Set<String>()
  /// Keys are the author's names (phase ids, condition names): the section is open.
  private var isOpen = false

  /// Nil (with an error) when `node` is not a mapping. `schemaPath` names the section for the
  /// format registry (the root of the document when not given).
  init?(
    _ node: Yams.Node, path: String, sink: DiagnosticSink, document: DocumentKind = .scenario,
    schemaPath: String = ""
  ) {
    self.node = node
    self.path = path
    self.sink = sink
    self.document = document
    self.schemaPath = schemaPath
    guard case .mapping(let mapping) = node else {
      sink.error(
        at: node.sourceMark, path,
        .wrongKind(expected: .mapping, found: node.kind, written: node.scalarText))
      return nil
    }
    for (key, value) in mapping {
      var name = key.string ?? ""
      if name.count > 200 {
        sink.error(at: key.sourceMark, path, .keyTooLong(length: name.count))
        name = String(name.prefix(40)) + "…"
      }
      pairs.append((name, key, value))
    }
  }

  var mark: SourceMark { node.sourceMark }

  func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

  /// The key path of this mapping without list indices (`lines[3].then` → `lines.then`), which
  /// with the document kind names what a key is for.
  var section: String {
    var out = ""
    var inIndex = false
    for c in path {
      if c == "[" {
        inIndex = true
      } else if c == "]" {
        inIndex = false
      } else if !inIndex {
        out.append(c)
      }
    }
    return out
  }

  /// The value node for `key`, marking the key as known (and, while the format registry
  /// records, noting it with the kind of value read).
  func value(_ key: String, as kind: FormatRegistry.ValueKind = .any) -> Yams.Node? {
    used.insert(key)
    if FormatRegistry.isRecording && !isOpen {
      FormatRegistry.note(.init(document: document, path: schemaPath), key, kind)
    }
    return pairs.first { $0.key == key }?.value
  }

  /// The keys of a mapping whose keys the author names (phase ids in `hints`, condition
  /// names): every key is taken as known, and the registry records the section as open, its
  /// values of `kind`.
  func authorKeys(as kind: FormatRegistry.ValueKind) -> [(String, Yams.Node, Yams.Node)] {
    isOpen = true
    if FormatRegistry.isRecording {
      FormatRegistry.noteOpen(.init(document: document, path: schemaPath), kind)
    }
    for pair in pairs { used.insert(pair.key) }
    return keys
  }

  /// The registry section of the value under `key`: `*` in a mapping of the author's keys.
  func schemaChild(_ key: String) -> String {
    let name = isOpen ? "*" : key
    return schemaPath.isEmpty ? name : "\(schemaPath).\(name)"
  }

  func has(_ key: String) -> Bool { pairs.contains { $0.key == key } }

  /// Takes `key` as dealt with, without recording it in the format registry: for a key
  /// already reported, or skipped because its entry is broken.
  func markDealtWith(_ key: String) { used.insert(key) }

  /// Every key present, in document order.
  var keys: [(String, Yams.Node, Yams.Node)] { pairs.map { ($0.key, $0.keyNode, $0.value) } }

  /// Reports `key` as missing; `choices` lists the values it may take, when it is a choice.
  func missing(_ key: String, choices: [String] = []) {
    sink.error(
      at: mark, path,
      .missingKey(key: key, document: document, section: section, choices: choices))
  }

  func string(_ key: String, required: Bool = false) -> Located<String>? {
    guard let node = value(key, as: .text) else {
      if required { missing(key) }
      return nil
    }
    guard case .scalar(let scalar) = node else {
      sink.error(
        at: node.sourceMark, child(key), .wrongKind(expected: .text, found: node.kind, written: nil)
      )
      return nil
    }
    let text = scalar.string
    guard withinTextLimit(text, at: node.sourceMark, child(key), sink) else { return nil }
    if required, text.trimmingWhitespace.isEmpty {
      sink.error(
        at: node.sourceMark, child(key),
        .emptyValue(key: key, document: document, section: section))
      return nil
    }
    return Located(value: text, mark: node.sourceMark, keyPath: child(key))
  }

  func int(_ key: String, in range: ClosedRange<Int>? = nil, required: Bool = false) -> Located<
    Int
  >? {
    guard let node = value(key, as: .integer(range)) else {
      if required { missing(key) }
      return nil
    }
    guard case .scalar(let scalar) = node, let number = Int(scalar.string.trimmingWhitespace) else {
      sink.error(at: node.sourceMark, child(key), notA(.wholeNumber, node))
      return nil
    }
    if let range, !range.contains(number) {
      sink.error(
        at: node.sourceMark, child(key),
        .outOfRange(
          written: "\(number)", lower: Double(range.lowerBound), upper: Double(range.upperBound)))
      return nil
    }
    return Located(value: number, mark: node.sourceMark, keyPath: child(key))
  }

  func double(_ key: String, in range: ClosedRange<Double>) -> Located<Double>? {
    guard let node = value(key, as: .number(range)) else { return nil }
    guard case .scalar(let scalar) = node, let number = Double(scalar.string.trimmingWhitespace)
    else {
      sink.error(at: node.sourceMark, child(key), notA(.number, node))
      return nil
    }
    guard range.contains(number) else {
      sink.error(
        at: node.sourceMark, child(key),
        .outOfRange(
          written: scalar.string.trimmingWhitespace, lower: range.lowerBound,
          upper: range.upperBound))
      return nil
    }
    return Located(value: number, mark: node.sourceMark, keyPath: child(key))
  }

  func bool(_ key: String) -> Located<Bool>? {
    guard let node = value(key, as: .boolean) else { return nil }
    guard case .scalar(let scalar) = node, let flag = Bool(scalar.string.lowercased()) else {
      sink.error(at: node.sourceMark, child(key), notA(.trueOrFalse, node))
      return nil
    }
    return Located(value: flag, mark: node.sourceMark, keyPath: child(key))
  }

  /// One of `choices` (case-sensitive), with the valid ones listed on error.
  func choice(_ key: String, _ choices: [String], required: Bool = false) -> Located<String>? {
    _ = value(key, as: .choice(choices))
    if required && !has(key) {
      missing(key, choices: choices)
      return nil
    }
    guard let text = string(key, required: required) else { return nil }
    return chosen(text, from: choices)
  }

  /// A list of `choices` (a single one counts as a list of one); each other value is reported
  /// with the valid ones and left out.
  func choices(_ key: String, _ choices: [String]) -> [Located<String>] {
    strings(key, items: .ids).compactMap { chosen($0, from: choices) }
  }

  /// `text` trimmed when it is one of `choices`; otherwise reported, with the valid ones.
  private func chosen(_ text: Located<String>, from choices: [String]) -> Located<String>? {
    let value = text.value.trimmingWhitespace
    guard choices.contains(value) else {
      if ChineseQuotes.inner(value) != nil {
        sink.error(at: text.mark, text.keyPath, .chineseQuotes(written: value, expected: .choice))
      } else {
        sink.error(
          at: text.mark, text.keyPath,
          .notInChoices(
            written: value, choices: choices,
            suggestion: EditDistance.nearest(to: value, in: choices)))
      }
      return nil
    }
    return Located(value: value, mark: text.mark, keyPath: text.keyPath)
  }

  /// A list of texts; a single scalar counts as a list of one.
  func strings(_ key: String, items: ListItems = .sentences) -> [Located<String>] {
    guard let node = value(key, as: .texts) else { return [] }
    return MapReader.strings(node, path: child(key), sink: sink, items: items)
  }

  static func strings(
    _ node: Yams.Node, path: String, sink: DiagnosticSink, items: ListItems = .sentences
  ) -> [Located<String>] {
    switch node {
    case .scalar(let scalar):
      if scalar.string.isEmpty && scalar.style == .plain { return [] }  // `key:` with no value
      guard withinTextLimit(scalar.string, at: node.sourceMark, path, sink) else { return [] }
      let one = Located(value: scalar.string, mark: node.sourceMark, keyPath: path)
      // `traits: busy，elderly`: one id where two were meant.
      if items == .ids, scalar.style == .plain,
        let parts = FullWidthComma.split(scalar.string, items: items)
      {
        FullWidthComma.report(one, sink: sink)
        return parts.map { Located(value: $0, mark: one.mark, keyPath: path) }
      }
      return [one]
    case .sequence(let sequence):
      var result: [Located<String>] = []
      for (i, item) in sequence.enumerated() {
        guard case .scalar(let scalar) = item else {
          sink.error(
            at: item.sourceMark, "\(path)[\(i)]",
            .wrongKind(expected: .text, found: item.kind, written: nil))
          continue
        }
        guard withinTextLimit(scalar.string, at: item.sourceMark, "\(path)[\(i)]", sink) else {
          continue
        }
        let located = Located(
          value: scalar.string, mark: item.sourceMark, keyPath: "\(path)[\(i)]")
        // `[价目表，手写]`: the full-width comma does not separate items, so the list holds
        // one item. Reported, and read as meant so nothing else follows from it. An id never
        // holds one; a phrase in a block list may (it is then warned about as punctuation).
        if scalar.style == .plain, let parts = FullWidthComma.split(scalar.string, items: items),
          items == .ids || sink.opensFlowList(at: node.sourceMark)
        {
          FullWidthComma.report(located, sink: sink)
          result += parts.map { Located(value: $0, mark: located.mark, keyPath: located.keyPath) }
          continue
        }
        result.append(located)
      }
      return result
    default:
      sink.error(
        at: node.sourceMark, path,
        .wrongKind(expected: .listOfTexts, found: node.kind, written: nil))
      return []
    }
  }

  /// A list of mappings, each handed to `body` with its reader.
  func list(_ key: String, required: Bool = false, _ body: (MapReader, Int) -> Void) {
    guard let node = value(key, as: .list) else {
      if required { missing(key) }
      return
    }
    guard case .sequence(let sequence) = node else {
      sink.error(
        at: node.sourceMark, child(key),
        .wrongKind(expected: .list, found: node.kind, written: node.scalarText))
      return
    }
    for (i, item) in sequence.enumerated() {
      if let reader = MapReader(
        item, path: "\(child(key))[\(i)]", sink: sink, document: document,
        schemaPath: schemaChild(key) + "[]")
      {
        body(reader, i)
        reader.finish()
      }
    }
  }

  /// A nested mapping.
  func map(_ key: String, required: Bool = false, choices: [String] = []) -> MapReader? {
    guard let node = value(key, as: .mapping) else {
      if required { missing(key, choices: choices) }
      return nil
    }
    return MapReader(
      node, path: child(key), sink: sink, document: document, schemaPath: schemaChild(key))
  }

  /// Reports keys that were never asked for. A misspelt key (`whne:` for `when:`) silently
  /// changes what the scenario does, so it is an error, with the key it probably means; with
  /// ``FormatStrictness/lenient`` (`--lenient`, for old files) only a warning.
  func finish() {
    let known = used.sorted()
    for pair in pairs where !used.contains(pair.key) {
      let problem = AuthoringProblem.unknownKey(
        key: pair.key, suggestion: EditDistance.nearest(to: pair.key, in: known), known: known,
        ignored: FormatStrictness.lenient)
      if FormatStrictness.lenient {
        sink.warning(at: pair.keyNode.sourceMark, child(pair.key), problem)
      } else {
        sink.error(at: pair.keyNode.sourceMark, child(pair.key), problem)
      }
    }
  }

  /// The problem of `node` not being `expected`: Chinese quotation marks around the value are
  /// named as such.
  func notA(_ expected: ExpectedValue, _ node: Yams.Node) -> AuthoringProblem {
    if let text = node.scalarText, ChineseQuotes.inner(text) != nil {
      return .chineseQuotes(written: text.trimmingWhitespace, expected: expected)
    }
    return .wrongKind(expected: expected, found: node.kind, written: node.scalarText)
  }
}

/// A full-width comma `，` (or an enumeration comma `、`) typed inside a `[...]` list.
enum FullWidthComma {
  /// The items `text` was meant to be, or nil when its commas are not a mistake for `items`.
  static func split(_ text: String, items: ListItems) -> [String]? {
    switch items {
    case .sentences:
      return nil
    case .ids:
      guard text.contains("，") || text.contains("、") else { return nil }
      let parts = text.split(whereSeparator: { $0 == "，" || $0 == "、" })
        .map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
      return parts
    case .words:
      // A comma next to a gap (`…，…`) or at either end marks a clause boundary on purpose.
      let chars = Array(text)
      var parts: [String] = []
      var current = ""
      var split = false
      for (i, c) in chars.enumerated() {
        if c == "，", i > 0, i < chars.count - 1, chars[i - 1] != "…", chars[i + 1] != "…" {
          parts.append(current.trimmingWhitespace)
          current = ""
          split = true
        } else {
          current.append(c)
        }
      }
      parts.append(current.trimmingWhitespace)
      return split ? parts.filter { !$0.isEmpty } : nil
    }
  }

  /// Reports the comma at its own column (the item is plain text on one line, so its column
  /// plus the characters before the comma).
  static func report(_ item: Located<String>, sink: DiagnosticSink) {
    var offset = 0
    for scalar in item.value.unicodeScalars {
      if scalar == "，" || scalar == "、" { break }
      offset += 1
    }
    sink.error(
      item.mark.line, item.mark.column + offset, item.keyPath,
      .fullWidthCommaInList(written: item.value))
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
