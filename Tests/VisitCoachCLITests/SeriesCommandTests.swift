import Foundation
import Testing
import VisitCoachTestSupport

@Suite("visitcoach practice --series")
struct SeriesCommandTests {
  /// The shipped series played from a pipe: every visit follows what the trainee really said
  /// and recorded in the one before, the thread is summed up at the end, and re-scoring the
  /// stored visits changes nothing.
  @Test func aSeriesCarriesThePromiseFromVisitToVisit() throws {
    let db = Scratch.root + "visitcoach-series-\(UUID().uuidString)/v.sqlite"
    let samples = TestLibrary.scenariosRoot + "/samples/"
    var input = ""
    for n in 1...3 {
      input += try String(contentsOfFile: samples + "deng-store-\(n).good.txt", encoding: .utf8)
      if !input.hasSuffix("\n") { input += "\n" }
    }
    let played = try BinaryRunner.run(
      ["practice", "--series", "deng-store", "--trainee", "张三", "--db", db],
      stdin: Data(input.utf8))
    #expect(played.status == 0, "\(played.stderr)")
    #expect(played.stdout.contains("第 2/3 次"))
    // The trainee's own words of visit 1 (not the scenario's stand-in) are quoted back.
    #expect(played.stdout.contains("你答应过：我今天下午就去市场部，查清楚您家排没排上"), "\(played.stdout.prefix(4000))")
    #expect(played.stdout.contains("系列拜访小结："))
    #expect(
      played.stdout.contains("第 2 次 邓姐的便民超市（二）：给她回话：100 分，回复了上次的承诺"), "\(played.stdout.suffix(600))"
    )
    let rescore = try BinaryRunner.run(["rescore", "--all", "--force", "--db", db])
    #expect(rescore.status == 0, "\(rescore.stderr)")
    let history = try BinaryRunner.run(["history", "--json", "--db", db])
    let sessions = try #require(
      try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
    #expect(sessions.count == 3)
    for session in sessions {
      #expect(session["total"] as? Int == session["original_total"] as? Int, "\(session)")
    }
  }

  @Test func anUnknownSeriesIsNamed() throws {
    let result = try BinaryRunner.run(["practice", "--series", "deng-stor"], stdin: Data())
    #expect(result.status != 0)
    #expect(result.stderr.contains("deng-store"), "\(result.stderr)")
  }
}
