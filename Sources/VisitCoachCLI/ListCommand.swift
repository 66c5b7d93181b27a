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
      let library = try location.loadLibrary()
      if json {
        Console.out(Self.json(library.scenarios, default: location.defaultScenarioID))
        return
      }
      let idWidth = library.scenarios.map { DisplayWidth.of($0.id) }.max() ?? 0
      for s in library.scenarios {
        let p = s.persona
        let traits = s.traits.map(\.title).joined(separator: "、")
        let mark = s.id == location.defaultScenarioID ? "*" : " "
        Console.line(
          "\(mark) \(DisplayWidth.pad(s.id, to: idWidth))  \(s.title)  [\(s.customer.customerClass.rawValue)类 \(s.customer.network.chineseName) \(s.customer.visit.chineseName) 难度\(s.difficulty)]  \(p.name) \(p.age)岁 \(p.gender == .male ? "男" : "女") \(traits)"
        )
      }
      if location.defaultScenarioID != nil { Console.line("(* = default scenario)") }
    }
  }

  private static func json(_ scenarios: [Scenario], default id: String?) -> String {
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
          name: s.persona.name, age: s.persona.age, gender: s.persona.gender.rawValue,
          traits: s.persona.traits),
        default: s.id == id)
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return (try? encoder.encode(items)).flatMap { String(data: $0, encoding: .utf8) }.map {
      $0 + "\n"
    } ?? "[]\n"
  }
}
