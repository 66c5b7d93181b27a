import Foundation
import VisitCoachModel

/// Library folders whose files are named by their ids (`exams/`, `quiz/`, `series/`): listing
/// them, checking a file's `id`, and opening one for reading.
enum NamedFiles {
  /// The names of the YAML files in `folder`, without `.yaml`, sorted.
  static func names(in folder: String) -> [String] {
    ScenarioLibrary.yamlFiles(in: folder).map {
      URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent
    }
  }

  /// A file's `id` must be its file name.
  static func checkID(_ written: Located<String>?, is name: String, _ sink: DiagnosticSink) {
    guard let written, written.value != name else { return }
    sink.error(
      at: written.mark, written.keyPath,
      .notInChoices(written: written.value, choices: [name], suggestion: name))
  }

  /// The top-level mapping of the file at `path`, its version checked; nil (with the problem
  /// reported) when it cannot be read or parsed.
  static func reader(_ path: String, sink: DiagnosticSink, document: DocumentKind) -> MapReader? {
    guard let text = ScenarioLibrary.readText(path, sink: sink),
      let node = ScenarioLibrary.compose(text, sink: sink),
      let r = MapReader(node, path: "", sink: sink, document: document)
    else { return nil }
    FormatVersion.check(r)
    return r
  }
}
