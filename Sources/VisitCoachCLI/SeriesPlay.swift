import ArgumentParser
import Foundation
import LineEditing
import Reporting
import ScenarioFormat
import Scoring
import Simulation
import Storage
import VisitCoachModel

/// `visitcoach practice --series ID`: the visits of a series in order, each following what the
/// trainee promised and recorded in the one before; a short thread of the series at the end.
struct SeriesPlay {
  let location: ScenarioLocation
  let language: InterfaceLanguage
  let trainee: String?
  let group: String?
  let seed: UInt64?
  let noColor: Bool
  let db: String?

  func play(_ id: String) throws {
    let library = try location.loadLibrary(language: language)
    let strings = InterfaceStrings.forLanguage(language)
    let loaded = SeriesLibrary.load(
      id: id, root: location.root, scenarios: library.scenarios.map(\.id))
    let series = try ArrangementChoice.loaded(loaded.series, loaded.diagnostics, strings: strings)
    let terminal = VisitTerminal(language: language, noColor: noColor)
    let screen = terminal.screen
    let name = TraineeIdentity.resolve(
      option: trainee, reader: terminal.isTerminal ? terminal.reader : nil, strings: strings)
    let visits = series.scenarioIDs.compactMap { library.scenario($0) }
    var previous: PreviousVisit?
    var thread: [String] = []
    for (n, base) in visits.enumerated() {
      let place = SeriesPlace(series: series.id, title: series.title, step: n + 1, of: visits.count)
      let scenario = base.following(previous, in: place)
      if n > 0 { Console.line() }
      Console.line(
        screen.bold(
          InterfaceStrings.fill(
            strings.seriesVisitHeading, series.title, String(n + 1), String(visits.count),
            scenario.title)))
      Console.line()
      guard
        let played = terminal.play(
          scenario, seed: terminal.seed(seed), trainee: name, group: group, database: db,
          exam: false)
      else { break }
      let report = played.report
      thread.append(
        InterfaceStrings.fill(
          strings.seriesSummaryLine, String(n + 1), scenario.title, String(report.total),
          followUp(report, scenario, strings)))
      // A visit left unfinished ends the series: the next visit would follow nothing real.
      if report.endedBy == .stopped { break }
      let next = n + 1 < visits.count ? visits[n + 1] : nil
      let left = PreviousVisit.left(
        by: played.transcript, report: report, scenario: scenario, sessionID: played.sessionID,
        when: next?.previous?.when ?? "")
      // A visit that promised nothing leaves the next one its scenario's stand-in: the retailer
      // still remembers what the story says was promised.
      previous = left.promisesToKeep.isEmpty ? nil : left
    }
    Console.line()
    Console.line(screen.bold(strings.seriesSummaryHeading))
    for line in thread { Console.line(line) }
  }

  /// How the visit followed up the earlier promise: the best status of its `recalls_promise`
  /// criteria, as the scorer decided it.
  private func followUp(_ report: ScoreReport, _ scenario: Scenario, _ strings: InterfaceStrings)
    -> String
  {
    let ids = Set(scenario.checks.filter(\.recallsPromise).map(\.id))
    let statuses = report.areas.flatMap(\.criteria).filter { ids.contains($0.id) }.map(\.status)
    let best = [CriterionStatus.met, .partial, .missed].first { statuses.contains($0) }
    return strings.followUp(best)
  }
}
