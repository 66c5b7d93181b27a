import Foundation
import Reporting
import ScenarioFormat
import Testing
import VisitCoachModel
import VisitCoachTestSupport

@Suite("Exams and quizzes")
struct ExamTests {
  func library(exam: String, quiz: String) throws -> String {
    let root = Scratch.root + "visitcoach-exam-\(UUID().uuidString)"
    for folder in ["exams", "quiz"] {
      try FileManager.default.createDirectory(
        atPath: root + "/" + folder, withIntermediateDirectories: true)
    }
    try exam.write(toFile: root + "/exams/basic.yaml", atomically: true, encoding: .utf8)
    try quiz.write(toFile: root + "/quiz/basics.yaml", atomically: true, encoding: .utf8)
    return root
  }

  static let quiz = """
    version: 1
    id: basics
    title: 测验
    questions:
      - id: rhythm
        action: 2
        question: C类客户多久拜访一次？
        choices: [每周, 每月, 每天]
        answer: 2
        why: C类每月一次。
    """

  static let exam = """
    version: 1
    id: basic
    title: 基本功考试
    revision: 3
    quiz: basics
    quiz_pass_mark: 100
    scenarios: [busy-morning-rush]
    pass_mark: 70
    area_minimum: 50
    """

  @Test func theShippedExamLoads() {
    let loaded = ExamLibrary.load(
      id: "basic", root: TestLibrary.scenariosRoot,
      scenarios: TestLibrary.shipped.scenarios.map(\.id))
    #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
    let exam = try? #require(loaded.exam)
    #expect((exam?.quiz.questions.count ?? 0) >= 10)
    #expect(exam?.scenarioIDs.allSatisfy { TestLibrary.shipped.scenario($0) != nil } == true)
  }

  @Test func anExamLoadsWithItsQuiz() throws {
    let root = try library(exam: Self.exam, quiz: Self.quiz)
    let loaded = ExamLibrary.load(id: "basic", root: root, scenarios: ["busy-morning-rush"])
    let exam = try #require(loaded.exam, "\(loaded.diagnostics)")
    #expect(exam.revision == 3)
    #expect(exam.quiz.questions.first?.answer == 1)
    #expect(exam.quiz.questions.first?.choice(named: "b") == 1)
    #expect(exam.quiz.questions.first?.choice(named: "２") == 1)
    #expect(exam.quiz.questions.first?.choice(named: "D") == nil)
  }

  @Test func mistakesAreLocated() throws {
    let badQuiz = Self.quiz.replacingOccurrences(of: "answer: 2", with: "answer: 5")
    let badExam = Self.exam.replacingOccurrences(
      of: "[busy-morning-rush]", with: "[busy-morning-rsh]")
    let root = try library(exam: badExam, quiz: badQuiz)
    let loaded = ExamLibrary.load(id: "basic", root: root, scenarios: ["busy-morning-rush"])
    #expect(loaded.exam == nil)
    let words = loaded.diagnostics.map { InterfaceStrings.english.diagnostic($0) }
    #expect(
      words.contains { $0.contains("exams/basic.yaml:7:") && $0.contains("busy-morning-rush") },
      "\(words)")
    #expect(words.contains { $0.contains("quiz/basics.yaml:9:") && $0.contains("5") }, "\(words)")
    let missing = ExamLibrary.load(id: "final", root: root, scenarios: [])
    #expect(missing.exam == nil)
    #expect(
      missing.diagnostics.map { InterfaceStrings.english.diagnostic($0) }.joined().contains("basic")
    )
  }

  @Test func theVerdictNamesEveryShortfall() {
    let exam = ExamLibrary.load(
      id: "basic", root: try! library(exam: Self.exam, quiz: Self.quiz),
      scenarios: ["busy-morning-rush"]
    ).exam!
    let weak = ExamResult.Visit(
      scenarioID: "busy-morning-rush", scenarioTitle: "早高峰", sessionID: nil, total: 65,
      areas: [ExamResult.Area(title: "打招呼", percent: 40)], blockers: ["强迫订货"], finished: true)
    let result = ExamResult(
      exam: exam, trainee: "张三", date: "2026-12-05T08:00:00Z", quizCorrect: 0, visits: [weak])
    #expect(!result.passed)
    #expect(
      result.shortfalls == [
        .quiz(correct: 0, total: 1, needed: 1),
        .total(scenario: "早高峰", total: 65, needed: 70),
        .area(scenario: "早高峰", area: "打招呼", percent: 40, needed: 50),
        .blocker(scenario: "早高峰", title: "强迫订货"),
      ])
    let none = ExamResult(
      exam: exam, trainee: "张三", date: "2026-12-05T08:00:00Z", quizCorrect: 1, visits: [])
    #expect(none.shortfalls == [.unfinished(scenario: "busy-morning-rush")])
    let html = ExamWording().certificateHTML(
      ExamResult(
        exam: exam, trainee: "<b>张三</b>", date: "2026-12-05T08:00:00Z", quizCorrect: 1,
        visits: []))
    #expect(html.contains("&lt;b&gt;张三&lt;/b&gt;") && !html.contains("<b>张三</b>"))
    let english = ExamWording(language: .en).verdict(result)
    #expect(english.contains("not passed") && english.contains("total 65, 70 needed"))
  }
}
