import Foundation
import VisitCoachModel

/// Series of visits to one store (`series/ID.yaml`) in a scenario library.
public enum SeriesLibrary {
  /// The ids of the library's series, sorted.
  public static func ids(root: String) -> [String] { NamedFiles.names(in: root + "/series") }

  /// The series `id`, or every problem found reading it (located in its file). `scenarios` are
  /// the library's scenario ids, which the series' visits must name.
  public static func load(id: String, root: String, scenarios: [String]) -> (
    series: Series?, diagnostics: [Diagnostic]
  ) {
    let (opened, sink) = NamedFiles.open(
      id, folder: "series", root: root, kind: .series, document: .series)
    guard let r = opened else { return (nil, sink.items) }
    let title = r.string("title", required: true)?.value ?? id
    let summary = r.string("summary")?.value ?? ""
    let visits = r.strings("visits", items: .ids)
    if r.has("visits") && !(2...20).contains(visits.count) {
      sink.error(
        at: visits.first?.mark ?? r.mark, r.child("visits"),
        .outOfRange(written: String(visits.count), lower: 2, upper: 20))
    } else if !r.has("visits") {
      sink.error(at: r.mark, "visits", .emptyValue(key: "visits", document: .series, section: ""))
    }
    for visit in visits where !scenarios.contains(visit.value) {
      sink.unknown(.scenario, visit, in: scenarios)
    }
    r.finish()
    guard !sink.hasErrors else { return (nil, sink.items) }
    return (
      Series(id: id, title: title, summary: summary, scenarioIDs: visits.map(\.value)), sink.items
    )
  }
}
