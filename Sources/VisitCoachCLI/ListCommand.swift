import ArgumentParser
import Foundation
import Reporting
import ScenarioFormat
import VisitCoachModel

/// `visitcoach list`: the scenarios of the library.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the scenarios with their customer and retailer.")

  @Flag(help: "Print the list as JSON.")
  var json = false

  @Option(help: "The scenario library folder (default: ./scenarios or $VISITCOACH_SCENARIOS).")
  var scenarios: String?

  func run() throws {
    try Failure.reported {
      let location = try ScenarioLocation.resolve(scenarios)
      // Only what the list shows is read: listing stays fast for a library of any size, and
      // one broken file doesn't hide the others (`check` says what is wrong with it).
      let (found, unreadable) = ScenarioLibrary.summaries(root: location.root)
      if !unreadable.isEmpty {
        Console.error(
          "visitcoach: \(unreadable.count) scenario file(s) could not be read (\(unreadable.joined(separator: ", "))); 'visitcoach check' says why"
        )
      }
      if json {
        Console.out(Self.json(found, default: location.defaultScenarioID))
        return
      }
      let idWidth = found.map { DisplayWidth.of($0.id) }.max() ?? 0
      for s in found {
        let traits = s.traitTitles.joined(separator: "、")
        let mark = s.id == location.defaultScenarioID ? "*" : " "
        Console.line(
          "\(mark) \(DisplayWidth.pad(s.id, to: idWidth))  \(s.title)  [\(s.customer.customerClass.rawValue)类 \(s.customer.network.chineseName) \(s.customer.visit.chineseName) 难度\(s.difficulty)]  \(s.personaName) \(s.personaAge)岁 \(s.personaGender == .male ? "男" : "女") \(traits)"
        )
      }
      if location.defaultScenarioID != nil { Console.line("(* = default scenario)") }
    }
  }

  private static func json(_ scenarios: [ScenarioSummary], default id: String?) -> String {
    struct PersonaItem: Encodable {
      var name: String
      var age: Int
      var gender: String
      var traits: [String]
    }
    struct Item: Encodable {
      var id: String
      var title: String
      var summary: String
      var `class`: String
      var network: String
      var visit: String
      var difficulty: Int
      var budgetMinutes: Int
      var persona: PersonaItem
      var `default`: Bool

      enum CodingKeys: String, CodingKey {
        case id, title, summary, `class`, network, visit, difficulty, persona, `default`
        case budgetMinutes = "budget_minutes"
      }
    }
    let items = scenarios.map { s in
      Item(
        id: s.id, title: s.title, summary: s.summary, class: s.customer.customerClass.rawValue,
        network: s.customer.network.rawValue, visit: s.customer.visit.rawValue,
        difficulty: s.difficulty,
        budgetMinutes: s.customer.timeBudgetSeconds / 60,
        persona: PersonaItem(
          name: s.personaName, age: s.personaAge, gender: s.personaGender.rawValue,
          traits: s.traits),
        default: s.id == id)
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return (try? encoder.encode(items)).flatMap { String(data: $0, encoding: .utf8) }.map {
      $0 + "\n"
    } ?? "[]\n"
  }
}
