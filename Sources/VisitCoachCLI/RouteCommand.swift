import ArgumentParser
import Foundation
import LineEditing
import Reporting
import ScenarioFormat
import Scoring
import Simulation
import Storage
import TraineeInput
import VisitCoachModel

/// `visitcoach route`: a day on one route (网格化): classify the stores from their data, choose
/// the ones due today by their class's rhythm, visit them against the day's clock, then the
/// day's report, which is stored.
struct RouteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "route",
    abstract:
      "Run a day on a route: classify its stores (A/B/C) from their data, choose today's stores by visit rhythm, visit them against the day's clock; the day's report is stored.",
    discussion: """
      Routes live in the library's routes/ folder. With standard input not a terminal, the \
      classes, then the chosen store numbers, then each visit's lines are read in order (a \
      visit ends when it is over or at /quit).
      """)

  @Argument(help: "The route id (default: the library's only route).")
  var route: String?

  @Flag(help: "List the library's routes.")
  var list = false

  @Flag(help: "Show the trainee's stored route days (with --trainee, or the kept name) instead.")
  var history = false

  @Option(help: "The trainee's name (default: as for practice).")
  var trainee: String?

  @Option(help: "The trainee's group (default: as for practice).")
  var group: String?

  @Option(help: "Interface language: zh or en (scenario content stays as written).")
  var lang: Language = .zh

  @Option(
    help: "Seed for the retailers' choice of lines (default: random on a terminal, 1 otherwise).")
  var seed: UInt64?

  @Flag(name: .customLong("no-color"), help: "No colours (NO_COLOR is respected too).")
  var noColor = false

  @OptionGroup var store: StoreOptions

  func run() throws {
    try Failure.reported {
      if history {
        let name = TraineeIdentity.resolve(
          option: trainee, reader: nil, strings: InterfaceStrings.forLanguage(lang.interface))
        let days = try store.open().routeDays(trainee: name)
        let wording = RouteWording(language: lang.interface)
        Console.out(wording.history(days, trainee: name))
        return
      }
      let location = try ScenarioLocation.resolve(store.scenarios)
      guard
        let id = try ArrangementChoice.pick(
          route, from: RouteLibrary.ids(root: location.root), list: list, root: location.root,
          singular: "route", plural: "routes", folder: "routes")
      else { return }
      let library = try location.loadLibrary(language: lang.interface)
      let strings = InterfaceStrings.forLanguage(lang.interface)
      let loaded = RouteLibrary.load(
        id: id, root: location.root, scenarios: library.scenarios.map(\.id))
      let day = try ArrangementChoice.loaded(loaded.route, loaded.diagnostics, strings: strings)
      try walk(day, library: library, strings: strings)
    }
  }

  private func walk(_ day: RouteDay, library: LoadResult, strings: InterfaceStrings) throws {
    let terminal = VisitTerminal(language: lang.interface, noColor: noColor)
    let wording = RouteWording(language: lang.interface)
    let name = TraineeIdentity.resolve(
      option: trainee, reader: terminal.isTerminal ? terminal.reader : nil, strings: strings)
    let scenarios = day.stops.compactMap { library.scenario($0.scenarioID) }
    let stores = zip(day.stops, scenarios).enumerated().map { n, pair in
      RouteWording.StoreLine(
        number: n + 1, store: pair.1.persona.name, facts: pair.0.facts,
        daysSinceVisit: pair.0.daysSinceVisit)
    }
    show(wording.introduction(day, stores: stores), on: terminal.screen)
    Console.line()
    let classes = stores.map { classify($0, reader: terminal.reader, wording: wording) }
    let chosen = choose(count: stores.count, reader: terminal.reader, wording: wording)
    var results = zip(day.stops, scenarios).enumerated().map { n, pair in
      RouteDayResult.Stop(
        scenarioID: pair.1.id, store: pair.1.persona.name,
        actualClass: pair.1.customer.customerClass.rawValue, classifiedAs: classes[n],
        due: pair.1.customer.customerClass.isDue(daysSinceVisit: pair.0.daysSinceVisit),
        chosen: chosen.contains(n), visit: nil)
    }
    var used = 0
    var notReached: [String] = []
    let order = chosen.sorted()
    for (k, n) in order.enumerated() {
      let scenario = scenarios[n]
      if k > 0 { used += day.travelMinutes }
      guard used < day.dayMinutes else {
        notReached.append(scenario.persona.name)
        Console.line(wording.outOfTime(scenario.persona.name))
        continue
      }
      let budget = scenario.customer.timeBudgetSeconds / 60
      Console.line()
      Console.line(
        terminal.screen.bold(
          wording.stopHeading(
            number: k + 1, of: order.count, store: scenario.persona.name, budgetMinutes: budget,
            usedMinutes: used, dayMinutes: day.dayMinutes)))
      Console.line()
      guard
        let played = terminal.play(
          scenario, seed: terminal.seed(seed), trainee: name, group: group, database: store.db,
          exam: false)
      else { continue }
      let minutes = (played.report.clock + 59) / 60
      used += minutes
      results[n].visit = RouteDayResult.Visit(
        sessionID: played.sessionID, total: played.report.total, passed: played.report.passed,
        blockers: played.report.blockers, minutes: minutes, budgetMinutes: budget)
    }
    let result = RouteDayResult(
      routeID: day.id, routeTitle: day.title, trainee: name,
      date: ISO8601DateFormatter().string(from: Date()), stops: results, minutesUsed: used,
      dayMinutes: day.dayMinutes, notReached: notReached)
    Console.line()
    show(wording.report(result), on: terminal.screen)
    do {
      try store.open().saveRouteDay(result)
    } catch {
      Console.error("visitcoach: the route day could not be saved: \(error.localizedDescription)")
      throw ExitCode(1)
    }
  }

  /// Prints `text` wrapped to the terminal, each line hanging under its own indentation.
  private func show(_ text: String, on screen: SessionScreen) {
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let indent = String(line.prefix { $0 == " " })
      Console.line(
        screen.wrapped(
          String(line.dropFirst(indent.count)), firstPrefix: indent, indent: indent.count + 2))
    }
  }

  /// Asks a store's class until the answer is A, B or C; nil at the end of input.
  private func classify(
    _ store: RouteWording.StoreLine, reader: LineReader, wording: RouteWording
  ) -> String? {
    while true {
      switch reader.read(prompt: wording.classPrompt(store)) {
      case .end: return nil
      case .interrupted: continue
      case .line(let text):
        // ａ, Ｂ类 and c all name a class: normalised text is half-width and lower case.
        let letters = TextNormalizer.normalize(Script.clean(text).text).filter {
          "abc".contains($0)
        }
        if letters.count == 1, let c = CustomerClass(rawValue: letters.uppercased()) {
          return c.rawValue
        }
        Console.line(wording.notAClass)
      }
    }
  }

  /// Asks which stores to visit until the answer names only stores of the route; 0-based
  /// indices, none at the end of input.
  private func choose(count: Int, reader: LineReader, wording: RouteWording) -> Set<Int> {
    while true {
      switch reader.read(prompt: wording.choicePrompt) {
      case .end: return []
      case .interrupted: continue
      case .line(let text):
        // Full-width digits (１ ３) count; anything else separates numbers.
        let digits = Script.clean(text).text.unicodeScalars.map { scalar -> Character in
          (0xFF10...0xFF19).contains(scalar.value)
            ? Character(UnicodeScalar(scalar.value - 0xFF10 + 0x30)!) : Character(scalar)
        }
        let words = String(digits).split { !($0.isASCII && $0.isNumber) }
        let numbers = words.compactMap { Int($0) }
        if !words.isEmpty && numbers.count == words.count
          && numbers.allSatisfy({ (1...count).contains($0) })
        {
          return Set(numbers.map { $0 - 1 })
        }
        Console.line(wording.notStores(count: count))
      }
    }
  }
}
