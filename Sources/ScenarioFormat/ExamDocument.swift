import Foundation
import VisitCoachModel
import Yams

/// Exams (`exams/ID.yaml`) and their quizzes (`quiz/ID.yaml`) in a scenario library.
public enum ExamLibrary {
  private typealias Files = NamedFiles
  /// The ids of the library's exams, sorted.
  public static func ids(root: String) -> [String] { Files.names(in: root + "/exams") }

  /// The exam `id` with its quiz, or every problem found reading them (located in their files).
  /// `scenarios` are the library's scenario ids, which the exam's visits must name.
  public static func load(id: String, root: String, scenarios: [String]) -> (
    exam: Exam?, diagnostics: [Diagnostic]
  ) {
    let examPath = "\(root)/exams/\(id).yaml"
    let (opened, sink) = Files.open(
      id, folder: "exams", root: root, kind: .exam, document: .exam)
    guard let r = opened else { return (nil, sink.items) }
    let title = r.string("title", required: true)?.value ?? id
    let revision = r.int("revision", in: 1...10_000)?.value ?? 1
    let quizName = r.string("quiz", required: true)
    let quizPassMark = r.int("quiz_pass_mark", in: 0...100)?.value ?? 80
    let visits = r.strings("scenarios", items: .ids)
    let passMark = r.int("pass_mark", in: 0...100)?.value ?? 60
    let areaMinimum = r.int("area_minimum", in: 0...100)?.value ?? 0
    if r.has("scenarios") && visits.isEmpty {
      sink.error(
        at: r.mark, "scenarios", .emptyValue(key: "scenarios", document: .exam, section: ""))
    }
    for visit in visits where !scenarios.contains(visit.value) {
      sink.unknown(.scenario, visit, in: scenarios)
    }
    r.finish()
    var diagnostics = sink.items
    var quiz: Quiz?
    if let quizName {
      let loaded = loadQuiz(quizName, root: root, namedIn: examPath)
      quiz = loaded.quiz
      diagnostics += loaded.diagnostics
    }
    guard let quiz, !diagnostics.contains(where: { $0.severity == .error }) else {
      return (nil, diagnostics)
    }
    let exam = Exam(
      id: id, title: title, revision: revision, quiz: quiz, quizPassMark: quizPassMark,
      scenarioIDs: visits.map(\.value), passMark: passMark, areaMinimum: areaMinimum)
    return (exam, diagnostics)
  }

  /// The quiz `name` refers to (`quiz/NAME.yaml`).
  static func loadQuiz(_ name: Located<String>, root: String, namedIn examPath: String) -> (
    quiz: Quiz?, diagnostics: [Diagnostic]
  ) {
    let path = "\(root)/quiz/\(name.value).yaml"
    guard FileManager.default.fileExists(atPath: path) else {
      let sink = DiagnosticSink(file: examPath)
      sink.unknown(.quiz, name, in: Files.names(in: root + "/quiz"))
      return (nil, sink.items)
    }
    let sink = DiagnosticSink(file: path)
    guard let r = Files.reader(path, sink: sink, document: .quiz) else { return (nil, sink.items) }
    Files.checkID(r.string("id", required: true), is: name.value, sink)
    let title = r.string("title", required: true)?.value ?? name.value
    var questions: [QuizQuestion] = []
    var seen = Set<String>()
    r.list("questions", required: true) { item, _ in
      guard let id = item.string("id", required: true) else { return }
      if !seen.insert(id.value).inserted {
        sink.error(
          at: id.mark, id.keyPath,
          .duplicateID(kind: .question, id: id.value, firstLine: nil, otherFile: nil))
      }
      let action = item.int("action", in: 1...26)?.value
      let question = item.string("question", required: true)?.value ?? ""
      let choices = item.strings("choices").map(\.value)
      if item.has("choices") && !(2...9).contains(choices.count) {
        sink.error(
          at: item.mark, item.child("choices"),
          .outOfRange(written: String(choices.count), lower: 2, upper: 9))
      }
      let answer = item.int("answer", in: 1...max(choices.count, 1), required: true)
      let why = item.string("why")?.value ?? ""
      if let answer, !choices.isEmpty {
        questions.append(
          QuizQuestion(
            id: id.value, action: action, question: question, choices: choices,
            answer: answer.value - 1, why: why))
      }
    }
    r.finish()
    return (Quiz(id: name.value, title: title, questions: questions), sink.items)
  }
}
