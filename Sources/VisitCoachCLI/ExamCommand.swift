import ArgumentParser
import Foundation
import LineEditing
import Reporting
import ScenarioFormat
import Scoring
import Simulation
import Storage
import VisitCoachModel

/// `visitcoach exam`: a knowledge quiz, then the exam's visits without hints or feedback; the
/// verdict is stored for `visitcoach certificate`.
struct ExamCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "exam",
    abstract:
      "Sit an exam: a multiple-choice quiz, then a fixed set of visits with no hints or feedback; the result is stored for 'certificate'.",
    discussion: """
      Exams live in the library's exams/ folder and their quizzes in quiz/. With standard input \
      not a terminal, the answers and then each visit's lines are read in order (a visit ends \
      when it is over or at /quit).
      """)

  @Argument(help: "The exam id (default: the library's only exam).")
  var exam: String?

  @Flag(help: "List the library's exams.")
  var list = false

  @Option(help: "The trainee's name (default: as for practice).")
  var trainee: String?

  @Option(help: "The trainee's group (default: as for practice).")
  var group: String?

  @Option(help: "Interface language: zh or en (scenario content stays as written).")
  var lang: Language = .zh

  @Option(help: "Seed for the retailers' choice of lines (default: 1, so every sitting is alike).")
  var seed: UInt64 = 1

  @Flag(name: .customLong("no-color"), help: "No colours (NO_COLOR is respected too).")
  var noColor = false

  @OptionGroup var store: StoreOptions

  func run() throws {
    try Failure.reported {
      let location = try ScenarioLocation.resolve(store.scenarios)
      guard
        let id = try ArrangementChoice.pick(
          exam, from: ExamLibrary.ids(root: location.root), list: list, root: location.root,
          singular: "exam", plural: "exams", folder: "exams")
      else { return }
      let library = try location.loadLibrary(language: lang.interface)
      let strings = InterfaceStrings.forLanguage(lang.interface)
      let loaded = ExamLibrary.load(
        id: id, root: location.root, scenarios: library.scenarios.map(\.id))
      let exam = try ArrangementChoice.loaded(loaded.exam, loaded.diagnostics, strings: strings)
      try sit(exam, library: library, strings: strings)
    }
  }

  private func sit(_ exam: Exam, library: LoadResult, strings: InterfaceStrings) throws {
    let terminal = VisitTerminal(language: lang.interface, noColor: noColor)
    let wording = ExamWording(language: lang.interface)
    let name = TraineeIdentity.resolve(
      option: trainee, reader: terminal.isTerminal ? terminal.reader : nil, strings: strings)
    Console.line(wording.rules(exam))
    Console.line()
    let correct = quiz(exam.quiz, reader: terminal.reader, wording: wording)
    var visits: [ExamResult.Visit] = []
    for (n, id) in exam.scenarioIDs.enumerated() {
      guard let scenario = library.scenario(id) else { continue }
      Console.line()
      Console.line(
        wording.visitHeading(scenario.title, number: n + 1, of: exam.scenarioIDs.count))
      if let played = terminal.play(
        scenario, seed: seed, trainee: name, group: group, database: store.db, exam: true)
      {
        visits.append(ExamResult.Visit(report: played.report, sessionID: played.sessionID))
      }
    }
    let date = ISO8601DateFormatter().string(from: Date())
    let result = ExamResult(
      exam: exam, trainee: name, date: date, quizCorrect: correct, visits: visits)
    Console.line()
    Console.line(wording.verdict(result))
    do {
      try store.open().saveExam(result)
      Console.line(
        lang == .zh
          ? "成绩已保存；打印证书：visitcoach certificate \(name) --format html --output 证书.html"
          : "Result saved; print the certificate: visitcoach certificate \(name) --format html --output certificate.html"
      )
    } catch {
      Console.error("visitcoach: the exam result could not be saved: \(error.localizedDescription)")
      throw ExitCode(1)
    }
  }

  /// Asks every question until it gets an answer that names a choice; the number right. The
  /// end of input leaves the remaining questions unanswered (wrong).
  private func quiz(_ quiz: Quiz, reader: LineReader, wording: ExamWording) -> Int {
    var correct = 0
    for (n, q) in quiz.questions.enumerated() {
      Console.line(wording.question(q, number: n + 1, of: quiz.questions.count))
      var chosen: Int?
      asking: while chosen == nil {
        switch reader.read(prompt: wording.answerPrompt) {
        case .end: break asking
        case .interrupted: continue
        case .line(let text):
          chosen = q.choice(named: text)
          if chosen == nil { Console.line(wording.notAChoice(q)) }
        }
      }
      guard let chosen else { return correct }
      if chosen == q.answer { correct += 1 }
      Console.line(wording.feedback(q, chosen: chosen))
      Console.line()
    }
    return correct
  }
}

/// `visitcoach certificate TRAINEE`: the trainee's exam result as a one-page certificate.
struct CertificateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "certificate",
    abstract:
      "Print a trainee's exam certificate: the latest passed sitting (or, with none, the latest sitting as a record), with scores per area, date and the exam's revision."
  )

  @Argument(help: "The trainee's name, as on their sessions.")
  var trainee: String

  @Option(help: "Only this exam.")
  var exam: String?

  @Option(help: "text or html.")
  var format: CertificateFormat = .text

  @Option(help: "Write to FILE instead of printing.")
  var output: String?

  @Option(help: "Interface language: zh or en.")
  var lang: Language = .zh

  @Option(help: "Show the date in this time zone, e.g. Asia/Shanghai (default: this machine's).")
  var tz: String?

  @OptionGroup var store: StoreOptions

  func run() throws {
    try Failure.reported {
      let time = try ViewOptions.localTime(tz)
      let results = try store.open().examResults(trainee: trainee, examID: exam)
      guard let result = results.first(where: \.passed) ?? results.first else {
        throw UserFacingError(
          lang == .zh
            ? "\(trainee) 还没有考试成绩（visitcoach exam 参加考试）"
            : "\(trainee) has not sat an exam yet ('visitcoach exam' sits one)")
      }
      let wording = ExamWording(language: lang.interface, time: time)
      let text =
        format == .html ? wording.certificateHTML(result) : wording.certificateText(result)
      if let output {
        do {
          try text.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
          throw UserFacingError("cannot write \(output): \(error.localizedDescription)")
        }
      } else {
        Console.out(text)
      }
    }
  }
}

/// Formats of the certificate.
enum CertificateFormat: String, ExpressibleByArgument, CaseIterable {
  case text
  case html
}
