import Foundation
import ScenarioFormat
import Testing
import VisitCoachTestSupport

/// Inputs built to make the loader slow or huge: each is answered quickly, with a located,
/// bounded message.
@Suite("Loader limits")
struct LoaderLimitTests {
  /// `levels` named conditions, each including the one below it twice (a diamond per level):
  /// resolving them naively costs 2^levels.
  func diamond(levels: Int) -> String {
    var conditions = "conditions:\n  c0: { mood: \">=0\" }\n"
    for level in 1...levels {
      conditions += "  c\(level): { if: [c\(level - 1), c\(level - 1)] }\n"
    }
    return validScenario.replacingOccurrences(of: "lines:\n", with: conditions + "lines:\n")
      .replacingOccurrences(
        of: "when: { phase: greeting }", with: "when: { phase: greeting, if: [c\(levels)] }")
  }

  @Test func conditionsIncludingEachOtherInADiamondResolveOnce() {
    // 2^60 resolutions before named conditions were resolved once each.
    let result = diagnose(diamond(levels: 60))
    #expect(!result.hasErrors, "\(result.errors)")
    #expect(result.scenarios.count == 1)
  }

  @Test func aHugeValueIsRefusedWithABoundedMessage() {
    let huge = String(repeating: "甲", count: 300_000)
    let result = diagnose(
      validScenario.replacingOccurrences(of: "use: farewell", with: "use: \(huge)"))
    let error = result.errors.first { $0.message.contains("characters; the limit is") }
    #expect(error != nil, "\(result.errors.map(\.message).map { $0.prefix(100) })")
    #expect(
      result.errors.allSatisfy { $0.englishLine.count < 2_000 && $0.description.count < 2_000 },
      "a diagnostic echoes the value")
  }

  @Test func everyWeightZeroIsAnError() {
    let zero = validScenario.replacingOccurrences(
      of: "  - use: greeting\n  - use: farewell",
      with: "  - use: greeting\n    weight: 0\n  - use: farewell\n    weight: 0")
    #expect(zero != validScenario)
    let result = diagnose(zero)
    #expect(result.errors.contains { $0.message.contains("every rubric has weight 0") })
  }
}
