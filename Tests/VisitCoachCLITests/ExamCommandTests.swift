import Foundation
import Testing
import VisitCoachTestSupport

@Suite("visitcoach exam and certificate")
struct ExamCommandTests {
  /// A sitting played from a pipe: the quiz's answers, then each visit's lines; the verdict is
  /// stored and `certificate` prints it.
  @Test func anExamIsSatAndCertified() throws {
    let db = Scratch.root + "visitcoach-exam-\(UUID().uuidString)/v.sqlite"
    let samples = TestLibrary.scenariosRoot + "/samples/"
    var input = "Z\n" + String(repeating: "A\n", count: 12)
    for id in ["busy-morning-rush", "supply-complaint", "compliance-minor-at-counter"] {
      input += try String(contentsOfFile: samples + id + ".good.txt", encoding: .utf8)
      if !input.hasSuffix("\n") { input += "\n" }
    }
    let sat = try BinaryRunner.run(
      ["exam", "basic", "--trainee", "张三", "--db", db], stdin: Data(input.utf8))
    #expect(sat.status == 0, "\(sat.stderr)")
    #expect(sat.stdout.contains("请输入 A、B"), "an answer that names no choice is asked again")
    #expect(sat.stdout.contains("第 12/12 题"))
    #expect(sat.stdout.contains("—— 第 3/3 场拜访"))
    // The start screen shows what can be seen; the age is the trainee's to read (action 5).
    #expect(sat.stdout.contains("零售户：陈建华，") && !sat.stdout.contains("42岁"))
    #expect(sat.stdout.contains("新任客户经理拜访基本功考试（第 1 版）："))
    // All-A answers are not 80% right: the quiz is named as what fell short.
    #expect(sat.stdout.contains("选择题答对"), "\(sat.stdout.suffix(800))")
    let text = try BinaryRunner.run(["certificate", "张三", "--db", db])
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.hasPrefix("考试成绩单"))
    #expect(text.stdout.contains("早高峰的便利店：总分 100"))
    let html = try BinaryRunner.run(
      ["certificate", "张三", "--db", db, "--format", "html", "--lang", "en"])
    #expect(html.stdout.contains("<!DOCTYPE html>") && html.stdout.contains("Exam record"))
    let nobody = try BinaryRunner.run(["certificate", "李四", "--db", db])
    #expect(nobody.status != 0)
    #expect(nobody.stderr.contains("李四 还没有考试成绩"))
  }
}
