import Foundation

/// An exam: a knowledge quiz, then a fixed set of visits played without hints or feedback
/// (`scenarios/exams/ID.yaml`). Its result is a certificate when every part reaches its mark.
public struct Exam: Sendable, Hashable, Identifiable {
  public var id: String
  public var title: String
  /// Bumped when the exam's content changes; printed on the certificate.
  public var revision: Int
  public var quiz: Quiz
  /// Percent of the quiz's questions that must be answered right.
  public var quizPassMark: Int
  /// The visits, in the order they are played.
  public var scenarioIDs: [String]
  /// The total every visit must reach.
  public var passMark: Int
  /// The percent of its points every scored area of every visit must reach.
  public var areaMinimum: Int

  public init(
    id: String, title: String, revision: Int, quiz: Quiz, quizPassMark: Int,
    scenarioIDs: [String], passMark: Int, areaMinimum: Int
  ) {
    self.id = id
    self.title = title
    self.revision = revision
    self.quiz = quiz
    self.quizPassMark = quizPassMark
    self.scenarioIDs = scenarioIDs
    self.passMark = passMark
    self.areaMinimum = areaMinimum
  }
}

/// A multiple-choice knowledge quiz (`scenarios/quiz/ID.yaml`).
public struct Quiz: Sendable, Hashable, Identifiable {
  public var id: String
  public var title: String
  public var questions: [QuizQuestion]

  public init(id: String, title: String, questions: [QuizQuestion]) {
    self.id = id
    self.title = title
    self.questions = questions
  }
}

/// One question with its choices, the right one and why.
public struct QuizQuestion: Sendable, Hashable, Identifiable {
  public var id: String
  /// The action of the 26 the question is about.
  public var action: Int?
  public var question: String
  public var choices: [String]
  /// The index of the right choice (0-based).
  public var answer: Int
  public var why: String

  public init(
    id: String, action: Int?, question: String, choices: [String], answer: Int, why: String
  ) {
    self.id = id
    self.action = action
    self.question = question
    self.choices = choices
    self.answer = answer
    self.why = why
  }

  /// The choice an answer names: a letter (A, b) or a number counted from 1; nil if it names
  /// none of the choices.
  public func choice(named answer: String) -> Int? {
    let text = answer.trimmingCharacters(in: .whitespaces).uppercased()
    guard text.count == 1, let c = text.unicodeScalars.first else { return nil }
    let index: Int
    switch c.value {
    case 65...90: index = Int(c.value) - 65
    case 0xFF21...0xFF3A: index = Int(c.value) - 0xFF21  // full-width Ａ-Ｚ
    case 49...57: index = Int(c.value) - 49
    case 0xFF11...0xFF19: index = Int(c.value) - 0xFF11  // full-width １-９
    default: return nil
    }
    return choices.indices.contains(index) ? index : nil
  }
}

/// How one exam sitting went: the quiz's answers and each visit's report, judged against the
/// exam's marks. Pure data: the same sitting always gets the same verdict.
public struct ExamResult: Sendable, Hashable, Codable {
  /// One visit of the exam.
  public struct Visit: Sendable, Hashable, Codable {
    public var scenarioID: String
    public var scenarioTitle: String
    public var sessionID: String?
    public var total: Int
    /// Area title and percent of its points, in report order; areas worth nothing are left out.
    public var areas: [Area]
    /// Titles of the blockers triggered.
    public var blockers: [String]
    /// The visit was played to its end (not cut off).
    public var finished: Bool

    public init(
      scenarioID: String, scenarioTitle: String, sessionID: String?, total: Int, areas: [Area],
      blockers: [String], finished: Bool
    ) {
      self.scenarioID = scenarioID
      self.scenarioTitle = scenarioTitle
      self.sessionID = sessionID
      self.total = total
      self.areas = areas
      self.blockers = blockers
      self.finished = finished
    }
  }

  /// One scored area of a visit.
  public struct Area: Sendable, Hashable, Codable {
    public var title: String
    public var percent: Int

    public init(title: String, percent: Int) {
      self.title = title
      self.percent = percent
    }
  }

  /// Why a sitting did not pass; Reporting words them.
  public enum Shortfall: Sendable, Hashable, Codable {
    case quiz(correct: Int, total: Int, needed: Int)
    case total(scenario: String, total: Int, needed: Int)
    case area(scenario: String, area: String, percent: Int, needed: Int)
    case blocker(scenario: String, title: String)
    case unfinished(scenario: String)
  }

  public var examID: String
  public var examTitle: String
  public var revision: Int
  public var trainee: String
  /// When the sitting ended, ISO 8601 in UTC.
  public var date: String
  public var quizCorrect: Int
  public var quizTotal: Int
  public var visits: [Visit]
  public var shortfalls: [Shortfall]

  public var passed: Bool { shortfalls.isEmpty }

  /// Judges a sitting: the quiz's mark, then every visit's total, areas, blockers and ending.
  /// A visit not played at all counts as unfinished.
  public init(
    exam: Exam, trainee: String, date: String, quizCorrect: Int, visits: [Visit]
  ) {
    examID = exam.id
    examTitle = exam.title
    revision = exam.revision
    self.trainee = trainee
    self.date = date
    self.quizCorrect = quizCorrect
    quizTotal = exam.quiz.questions.count
    self.visits = visits
    var shortfalls: [Shortfall] = []
    let needed = (quizTotal * exam.quizPassMark + 99) / 100
    if quizCorrect < needed {
      shortfalls.append(.quiz(correct: quizCorrect, total: quizTotal, needed: needed))
    }
    for id in exam.scenarioIDs {
      let played = visits.first { $0.scenarioID == id }
      guard let visit = played, visit.finished else {
        shortfalls.append(.unfinished(scenario: played?.scenarioTitle ?? id))
        continue
      }
      let name = visit.scenarioTitle
      if visit.total < exam.passMark {
        shortfalls.append(.total(scenario: name, total: visit.total, needed: exam.passMark))
      }
      for area in visit.areas where area.percent < exam.areaMinimum {
        shortfalls.append(
          .area(scenario: name, area: area.title, percent: area.percent, needed: exam.areaMinimum))
      }
      for blocker in visit.blockers {
        shortfalls.append(.blocker(scenario: name, title: blocker))
      }
    }
    self.shortfalls = shortfalls
  }
}

extension ExamResult.Visit {
  /// A visit of the exam from its score report. A visit the trainee stopped before its end is
  /// unfinished; one the retailer ended (sent away, time up) was played to its end.
  public init(report: ScoreReport, sessionID: String?) {
    self.init(
      scenarioID: report.scenario, scenarioTitle: report.scenarioTitle, sessionID: sessionID,
      total: report.total,
      areas: report.areas.compactMap { area in
        guard area.weight > 0, let score = area.score else { return nil }
        return ExamResult.Area(title: area.title, percent: score)
      },
      blockers: report.blockers, finished: report.endedBy != .stopped)
  }
}
