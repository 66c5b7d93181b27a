import VisitCoachModel
import Yams

/// A file of the shared lexicon (`scenarios/lexicon/*.yaml`): named concept families, each a list
/// of the ways people say one thing (apology: 对不起, 抱歉, 是我们没做好 …). Every rubric can use a
/// family as `{lexicon.name}` in its phrases, so a synonym added once counts everywhere.
///
/// ```yaml
/// version: 1
/// concepts:
///   apology: [对不起, 抱歉, 给您添麻烦了]
/// ```
enum LexiconDocument {
  /// Reads the families of one file into `lexicon`, reporting malformed entries and names
  /// defined twice.
  static func read(
    _ node: Yams.Node, into lexicon: inout [String: [String]],
    nested: inout [(name: String, mark: SourceMark, sink: DiagnosticSink)], sink: DiagnosticSink
  ) {
    guard let r = MapReader(node, path: "", sink: sink, document: .lexicon) else { return }
    _ = r.int("version", in: 1...1, required: true)
    guard let concepts = r.map("concepts", required: true) else {
      r.finish()
      return
    }
    for (name, keyNode, value) in concepts.authorKeys(as: .texts) {
      guard !name.isEmpty,
        name.unicodeScalars.allSatisfy({
          ($0.value >= 0x61 && $0.value <= 0x7A) || $0 == "_"
            || ($0.value >= 0x30 && $0.value <= 0x39)
        })
      else {
        sink.error(
          at: keyNode.sourceMark, "concepts", .invalidName(written: name, kind: .concept))
        continue
      }
      if lexicon[name] != nil {
        sink.error(
          at: keyNode.sourceMark, "concepts.\(name)",
          .duplicateID(kind: .concept, id: name, firstLine: nil, otherFile: nil))
        continue
      }
      let words = MapReader.strings(value, path: "concepts.\(name)", sink: sink, items: .words)
        .map(\.value)
        .filter { !$0.isEmpty }
      if words.isEmpty {
        sink.error(at: value.sourceMark, "concepts.\(name)", .emptyConcept(name: name))
        continue
      }
      lexicon[name] = words
      if words.contains(where: { $0.utf8.contains(UInt8(ascii: "{")) }) {
        nested.append((name, keyNode.sourceMark, sink))
      }
      _ = concepts.value(name)  // mark as read
    }
    r.finish()
  }
}

extension LexiconDocument {
  /// Expands families that use other families (`refund_frame: ["{lexicon.we}…{lexicon.refund}"]`),
  /// each once, in the order they depend on each other, as a rubric phrase would be expanded. A
  /// family that names an unknown family, another kind of placeholder, or itself through others
  /// is an error at its name; its words that could not be expanded are left out.
  static func expandNested(
    _ lexicon: inout [String: [String]],
    _ nested: [(name: String, mark: SourceMark, sink: DiagnosticSink)]
  ) {
    let marks = Dictionary(
      nested.map { ($0.name, ($0.mark, $0.sink)) }, uniquingKeysWith: { a, _ in a })
    var done = Set(lexicon.keys).subtracting(marks.keys)
    func resolve(_ name: String, _ chain: [String]) {
      guard !done.contains(name), let (mark, sink) = marks[name] else { return }
      if chain.contains(name) {
        sink.error(at: mark, "concepts.\(name)", .refersToItself(chain: chain + [name]))
        lexicon[name] = (lexicon[name] ?? []).filter { !$0.utf8.contains(UInt8(ascii: "{")) }
        done.insert(name)
        return
      }
      let written = lexicon[name] ?? []
      // The families it uses first, then one interpolation over them for all its words.
      for word in written {
        for inner in references(in: word) where lexicon[inner] != nil {
          resolve(inner, chain + [name])
        }
      }
      let interpolation = PhraseInterpolation(lexicon: lexicon)
      var words: [String] = []
      for word in written {
        guard word.utf8.contains(UInt8(ascii: "{")) else {
          words.append(word)
          continue
        }
        switch interpolation.expand(word) {
        case .success(let expanded): words += expanded
        case .failure(let unknown):
          sink.error(
            at: mark, "concepts.\(name)",
            DiagnosticSink.unknown(
              .placeholder, unknown.name, in: Set(lexicon.keys.map { "lexicon.\($0)" })))
        }
      }
      lexicon[name] = words
      done.insert(name)
    }
    for (name, _, _) in nested { resolve(name, []) }
  }

  /// The family names a word refers to as `{lexicon.name}`.
  private static func references(in word: String) -> [String] {
    var names: [String] = []
    var rest = Substring(word)
    while let open = rest.firstRange(of: "{lexicon.") {
      guard let close = rest[open.upperBound...].firstIndex(of: "}") else { break }
      names.append(String(rest[open.upperBound..<close]))
      rest = rest[rest.index(after: close)...]
    }
    return names
  }
}
