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

  /// Opens `root/folder/id.yaml` and checks its `id`: the reader, or nil with the problem in the
  /// sink (a file that cannot be read, or no such file: then the id is unknown, and the message
  /// names the folder's files).
  static func open(
    _ id: String, folder: String, root: String, kind: ReferenceKind, document: DocumentKind
  ) -> (reader: MapReader?, sink: DiagnosticSink) {
    let path = "\(root)/\(folder)/\(id).yaml"
    guard FileManager.default.fileExists(atPath: path) else {
      let sink = DiagnosticSink(file: "\(root)/\(folder)")
      sink.error(
        1, 1, "", DiagnosticSink.unknown(kind, id, in: names(in: "\(root)/\(folder)")))
      return (nil, sink)
    }
    let sink = DiagnosticSink(file: path)
    let r = reader(path, sink: sink, document: document)
    if let r { checkID(r.string("id", required: true), is: id, sink) }
    return (r, sink)
  }
}

/// The library's files that arrange scenarios (exams and their quizzes, series, route days),
/// read together.
public enum ArrangementFiles {
  /// Every problem found reading the exams, series and route days under `root`; `scenarios`
  /// are the ids their visits must name.
  public static func diagnostics(root: String, scenarios: [String]) -> [Diagnostic] {
    var found: [Diagnostic] = []
    for id in ExamLibrary.ids(root: root) {
      found += ExamLibrary.load(id: id, root: root, scenarios: scenarios).diagnostics
    }
    for id in SeriesLibrary.ids(root: root) {
      found += SeriesLibrary.load(id: id, root: root, scenarios: scenarios).diagnostics
    }
    for id in RouteLibrary.ids(root: root) {
      found += RouteLibrary.load(id: id, root: root, scenarios: scenarios).diagnostics
    }
    return found
  }
}
