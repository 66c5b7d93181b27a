import Foundation
import Storage
import Testing
import VisitCoachModel

@Suite("Exam results in storage")
struct ExamRecordTests {
  static let exam = Exam(
    id: "basic", title: "基本功考试", revision: 2,
    quiz: Quiz(
      id: "q", title: "测验",
      questions: [
        QuizQuestion(id: "a", action: 1, question: "?", choices: ["x", "y"], answer: 1, why: "")
      ]),
    quizPassMark: 100, scenarioIDs: ["s1"], passMark: 70, areaMinimum: 50)

  static func visit(total: Int) -> ExamResult.Visit {
    ExamResult.Visit(
      scenarioID: "s1", scenarioTitle: "早高峰", sessionID: "x", total: total,
      areas: [ExamResult.Area(title: "打招呼", percent: total)], blockers: [], finished: true)
  }

  @Test func sittingsAreKeptNewestFirstPerTrainee() throws {
    let store = try SessionStore(path: temporaryDatabase())
    let failed = ExamResult(
      exam: Self.exam, trainee: "张三", date: "2026-12-01T08:00:00Z", quizCorrect: 1,
      visits: [Self.visit(total: 40)])
    let passed = ExamResult(
      exam: Self.exam, trainee: "张三", date: "2026-12-03T08:00:00Z", quizCorrect: 1,
      visits: [Self.visit(total: 90)])
    try store.saveExam(failed)
    try store.saveExam(passed)
    try store.saveExam(
      ExamResult(
        exam: Self.exam, trainee: "李四", date: "2026-12-04T08:00:00Z", quizCorrect: 0, visits: []))
    let mine = try store.examResults(trainee: "张三")
    #expect(mine.map(\.date) == ["2026-12-03T08:00:00Z", "2026-12-01T08:00:00Z"])
    #expect(mine.first == passed)
    #expect(mine.first?.passed == true && mine.last?.passed == false)
    #expect(try store.examResults(trainee: "张三", examID: "other").isEmpty)
  }
}
