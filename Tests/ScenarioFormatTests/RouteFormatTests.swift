import Foundation
import ScenarioFormat
import Testing
import VisitCoachModel
import VisitCoachTestSupport

/// Route days (`routes/ID.yaml`) and how a day is judged.
@Suite("Route days")
struct RouteFormatTests {
  func library(route: String) throws -> String {
    let root = Scratch.root + "visitcoach-route-\(UUID().uuidString)"
    try FileManager.default.createDirectory(
      atPath: root + "/routes", withIntermediateDirectories: true)
    try route.write(toFile: root + "/routes/day.yaml", atomically: true, encoding: .utf8)
    return root
  }

  static let route = """
    version: 1
    id: day
    title: 周一
    standard: 月销 100 条以上为 A 类
    day_minutes: 90
    stops:
      - { scenario: one, facts: 月销 120 条, days_since_visit: 7 }
      - { scenario: two, facts: 月销 10 条, days_since_visit: 12 }
    """

  @Test func aRouteListsItsStoresInOrder() throws {
    let loaded = RouteLibrary.load(
      id: "day", root: try library(route: Self.route), scenarios: ["one", "two"])
    #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
    let route = try #require(loaded.route)
    #expect(route.stops.map(\.scenarioID) == ["one", "two"])
    #expect(route.travelMinutes == 10)
    #expect(route.dayMinutes == 90)
  }

  @Test func anUnknownOrRepeatedStoreIsLocated() throws {
    let unknown = RouteLibrary.load(
      id: "day", root: try library(route: Self.route), scenarios: ["one", "tow"])
    #expect(unknown.route == nil)
    #expect(unknown.diagnostics.first?.location.line == 8, "\(unknown.diagnostics)")
    let twice = Self.route.replacingOccurrences(of: "scenario: two", with: "scenario: one")
    let repeated = RouteLibrary.load(id: "day", root: try library(route: twice), scenarios: ["one"])
    #expect(repeated.route == nil)
    #expect(repeated.diagnostics.first?.problem.code == "duplicate-id", "\(repeated.diagnostics)")
  }

  @Test func theShippedRouteLoads() throws {
    let root = TestLibrary.scenariosRoot
    let ids = RouteLibrary.ids(root: root)
    #expect(!ids.isEmpty)
    for id in ids {
      let loaded = RouteLibrary.load(
        id: id, root: root, scenarios: TestLibrary.shipped.scenarios.map(\.id))
      #expect(loaded.diagnostics.isEmpty, "\(id): \(loaded.diagnostics)")
    }
  }

  @Test func theRhythmDecidesWhatIsDue() {
    #expect(CustomerClass.a.isDue(daysSinceVisit: 7))
    #expect(!CustomerClass.b.isDue(daysSinceVisit: 8))
    #expect(CustomerClass.b.isDue(daysSinceVisit: 14))
    #expect(!CustomerClass.c.isDue(daysSinceVisit: 27))
    #expect(CustomerClass.c.isDue(daysSinceVisit: 28))
  }

  func stop(
    _ store: String, class actual: String, as given: String?, due: Bool, chosen: Bool, total: Int?
  )
    -> RouteDayResult.Stop
  {
    RouteDayResult.Stop(
      scenarioID: store, store: store, actualClass: actual, classifiedAs: given, due: due,
      chosen: chosen,
      visit: total.map {
        RouteDayResult.Visit(
          sessionID: nil, total: $0, passed: $0 >= 60, blockers: [], minutes: 10, budgetMinutes: 20)
      })
  }

  @Test func theDayWeighsVisitsClassificationAndChoice() {
    let day = RouteDayResult(
      routeID: "day", routeTitle: "周一", trainee: "张三", date: "2026-12-06T00:00:00Z",
      stops: [
        stop("a", class: "A", as: "A", due: true, chosen: true, total: 90),
        stop("b", class: "B", as: "C", due: false, chosen: true, total: 80),
        stop("c", class: "C", as: "C", due: true, chosen: false, total: nil),
      ],
      minutesUsed: 30, dayMinutes: 120, notReached: [])
    #expect(day.classificationPercent == 66)
    #expect(day.planPercent == 33)
    // Due stores only: 90 and a missed one (0).
    #expect(day.visitsPercent == 45)
    #expect(day.total == (45 * 70 + 66 * 15 + 33 * 15 + 50) / 100)
    // A due store left out fails the day whatever the score.
    #expect(!day.passed)
  }
}
