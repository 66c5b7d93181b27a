import Foundation
import Testing
import VisitCoachTestSupport

@Suite("visitcoach route")
struct RouteCommandTests {
  /// A day from a pipe: classes, the chosen stores, then each visit's lines. One store is
  /// classified wrong and a store not yet due is chosen instead of a due one; the report names
  /// both, and the day is stored.
  @Test func aDayOnTheRouteIsJudgedAndStored() throws {
    let db = Scratch.root + "visitcoach-route-\(UUID().uuidString)/v.sqlite"
    let samples = TestLibrary.scenariosRoot + "/samples/"
    var input = "A\nB\nB\nB\nC\n1 2 3\n"
    for id in [
      "veteran-big-account", "compliance-cross-region-goods", "compliance-unlicensed-neighbour",
    ] {
      input += try String(contentsOfFile: samples + id + ".good.txt", encoding: .utf8)
      if !input.hasSuffix("\n") { input += "\n" }
    }
    let day = try BinaryRunner.run(
      ["route", "shiqiao-liuhe-monday", "--trainee", "张三", "--db", db], stdin: Data(input.utf8))
    #expect(day.status == 0, "\(day.stderr)")
    #expect(day.stdout.contains("—— 第 3/3 站：孙玉梅的店"), "\(day.stdout.prefix(3000))")
    #expect(day.stdout.contains("客户分类：对了 4/5"))
    #expect(day.stdout.contains("✗ 何长贵的店：你分的是 B，应是 C 类"))
    #expect(day.stdout.contains("✗ 马德旺的店 还没到拜访周期"))
    #expect(day.stdout.contains("✗ 张德贵的店 今天该去"))
    // A due store left out fails the day.
    #expect(day.stdout.contains("不合格"), "\(day.stdout.suffix(1200))")
    let list = try BinaryRunner.run(["route", "--list"])
    #expect(list.stdout.contains("shiqiao-liuhe-monday"))
    let stored = try BinaryRunner.run(["route", "--history", "--trainee", "张三", "--db", db])
    #expect(stored.status == 0, "\(stored.stderr)")
    #expect(stored.stdout.contains("周一·石桥—柳河片区"), "\(stored.stdout)")
  }

  @Test func anAnswerThatIsNoClassIsAskedAgain() throws {
    let db = Scratch.root + "visitcoach-route-\(UUID().uuidString)/v.sqlite"
    let day = try BinaryRunner.run(
      ["route", "--trainee", "张三", "--db", db, "--lang", "en"],
      stdin: Data("D\nａ\n".utf8))
    #expect(day.status == 0, "\(day.stderr)")
    #expect(day.stdout.contains("Type A, B or C"), "\(day.stdout)")
    #expect(day.stdout.contains("Classification: 1/5 right"), "\(day.stdout.suffix(1500))")
  }
}
