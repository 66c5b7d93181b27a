import Foundation
import Testing
import VisitCoachTestSupport

@testable import Scoring

/// Reading an utterance costs time linear in its length, whatever it holds: doubling the input
/// at most doubles the work (with 10% slack), counted in steps, not seconds.
@Suite("Linear cost")
struct LinearCostTests {
  static let plan = ScoringPlan(scenario: TestLibrary.scenario("full-visit-urban-a"))

  /// Inputs built to hit each part of the analysis many times.
  static let shapes: [(String, String)] = [
    ("a natural sentence", "周姐您好，金桥硬盒断了四天，我明天上午给您回话，您看行吗？"),
    ("quotation marks everywhere", "他说“跟我没关系”，“谢谢”“理解”"),
    ("negators before phrases", "不会给您回话不是来推销的没有不管"),
    ("phrase after phrase", "谢谢理解抱歉您好再见下周再来"),
    ("no boundary at all", "好"),
  ]

  @Test(arguments: shapes.map(\.0))
  func doublingTheInputAtMostDoublesTheWork(_ name: String) {
    let unit = Self.shapes.first { $0.0 == name }!.1
    var previous: Int?
    for size in [2_000, 4_000, 8_000, 16_000] {
      let text = String(repeating: unit, count: max(1, size / unit.count))
      let work = PreparedUtterance(text, plan: Self.plan).work
      if let previous {
        #expect(
          Double(work) <= 2.2 * Double(previous),
          "\(name): \(previous) steps for half the text, \(work) for \(text.count) characters")
      }
      previous = work
    }
  }
}
