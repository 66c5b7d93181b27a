import Foundation
import LineEditing
import Reporting
import Simulation
import TraineeInput
import VisitCoachModel

/// The numbered chooser shown by `practice --pick` or for an unknown scenario id.
enum ScenarioChooser {
  /// Lists the scenarios and asks until the trainee picks one; nil at end of input.
  static func choose(
    from scenarios: [Scenario], reader: LineReader, screen: SessionScreen, defaultID: String?
  ) -> Scenario? {
    let s = screen.strings
    Console.line(screen.bold(s.chooserTitle))
    let idWidth = scenarios.map { DisplayWidth.of($0.id) }.max() ?? 0
    for (n, scenario) in scenarios.enumerated() {
      let traits = scenario.traits.map(\.title).joined(separator: "、")
      let marker = scenario.id == defaultID ? "*" : " "
      let number = (n + 1 < 10 ? " " : "") + "\(n + 1)."
      let difficulty = s.difficulty[scenario.difficulty] ?? String(scenario.difficulty)
      Console.line(
        "\(marker)\(number) \(DisplayWidth.pad(scenario.id, to: idWidth))  \(scenario.title)  [\(traits)] \(difficulty)"
      )
    }
    reader.setCompletions(scenarios.map(\.id))
    defer { reader.setCompletions(Script.commands) }
    while true {
      switch reader.read(prompt: s.chooserPrompt) {
      case .end: return nil
      case .interrupted: continue
      case .line(let raw):
        let answer = raw.trimmingCharacters(in: .whitespaces)
        if answer.isEmpty, let defaultID, let d = scenarios.first(where: { $0.id == defaultID }) {
          return d
        }
        if let n = Int(answer), n >= 1, n <= scenarios.count { return scenarios[n - 1] }
        if let match = scenarios.first(where: { $0.id == answer }) { return match }
        Console.line(InterfaceStrings.fill(s.chooserInvalid, String(scenarios.count)))
      }
    }
  }
}
