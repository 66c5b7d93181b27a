import Foundation
import VisitCoachModel

/// Route days (`routes/ID.yaml`) in a scenario library.
public enum RouteLibrary {
  /// The ids of the library's route days, sorted.
  public static func ids(root: String) -> [String] { NamedFiles.names(in: root + "/routes") }

  /// The route day `id`, or every problem found reading it (located in its file). `scenarios`
  /// are the library's scenario ids, which its stops must name.
  public static func load(id: String, root: String, scenarios: [String]) -> (
    route: RouteDay?, diagnostics: [Diagnostic]
  ) {
    let (opened, sink) = NamedFiles.open(
      id, folder: "routes", root: root, kind: .route, document: .route)
    guard let r = opened else { return (nil, sink.items) }
    let title = r.string("title", required: true)?.value ?? id
    let summary = r.string("summary")?.value ?? ""
    let standard = r.string("standard", required: true)?.value ?? ""
    let dayMinutes = r.int("day_minutes", in: 10...720, required: true)?.value ?? 240
    let travelMinutes = r.int("travel_minutes", in: 0...120)?.value ?? 10
    var stops: [RouteDay.Stop] = []
    var seen = Set<String>()
    r.list("stops", required: true) { item, _ in
      guard let scenario = item.string("scenario", required: true) else { return }
      if !scenarios.contains(scenario.value) {
        sink.unknown(.scenario, scenario, in: scenarios)
      } else if !seen.insert(scenario.value).inserted {
        sink.error(
          at: scenario.mark, scenario.keyPath,
          .duplicateID(kind: .scenario, id: scenario.value, firstLine: nil, otherFile: nil))
      }
      let facts = item.string("facts", required: true)?.value ?? ""
      let days = item.int("days_since_visit", in: 0...3650, required: true)?.value ?? 0
      stops.append(
        RouteDay.Stop(scenarioID: scenario.value, facts: facts, daysSinceVisit: days))
    }
    if r.has("stops") && !(2...10).contains(stops.count) {
      sink.error(
        at: r.mark, r.child("stops"), .outOfRange(written: String(stops.count), lower: 2, upper: 10)
      )
    }
    r.finish()
    guard !sink.hasErrors else { return (nil, sink.items) }
    let route = RouteDay(
      id: id, title: title, summary: summary, standard: standard, dayMinutes: dayMinutes,
      travelMinutes: travelMinutes, stops: stops)
    return (route, sink.items)
  }
}
