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
  static func read(_ node: Yams.Node, into lexicon: inout [String: [String]], sink: DiagnosticSink)
  {
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
      _ = concepts.value(name)  // mark as read
    }
    r.finish()
  }
}
