import VisitCoachModel

/// The words of an exam: its rules before it starts, the quiz's feedback, the verdict, and the
/// one-page certificate (text or HTML).
public struct ExamWording {
  public let language: InterfaceLanguage
  public let time: LocalTime

  public init(language: InterfaceLanguage = .zh, time: LocalTime = LocalTime()) {
    self.language = language
    self.time = time
  }

  private var zh: Bool { language == .zh }

  /// What the trainee reads before the exam starts.
  public func rules(_ exam: Exam) -> String {
    let visits = exam.scenarioIDs.count
    if zh {
      return """
        \(exam.title)（第 \(exam.revision) 版）
        先答 \(exam.quiz.questions.count) 道选择题（答对 \(exam.quizPassMark)% 及格），再连续完成 \(visits) 次拜访。
        考试中没有提示、没有每句话后的点评；每次拜访总分要到 \(exam.passMark) 分，每个评分区域至少 \(exam.areaMinimum)%，触犯一票否决项即不通过。
        选择题输入字母（A、B、C…）回答；拜访中输入 /quit 结束这一场。
        """
    }
    return """
      \(exam.title) (revision \(exam.revision))
      First \(exam.quiz.questions.count) multiple-choice questions (\(exam.quizPassMark)% to pass), then \(visits) visits in a row.
      No hints and no feedback after each line; every visit needs a total of \(exam.passMark), every scored area at least \(exam.areaMinimum)%, and any blocker fails it.
      Answer a question with its letter (A, B, C…); in a visit, /quit ends it.
      """
  }

  /// A question with its lettered choices.
  public func question(_ q: QuizQuestion, number: Int, of total: Int) -> String {
    var lines = [
      zh ? "第 \(number)/\(total) 题：\(q.question)" : "Question \(number)/\(total): \(q.question)"
    ]
    for (i, choice) in q.choices.enumerated() { lines.append("  \(Self.letter(i)). \(choice)") }
    return lines.joined(separator: "\n")
  }

  /// The prompt for an answer.
  public var answerPrompt: String { zh ? "答案> " : "Answer> " }

  /// An answer that names no choice.
  public func notAChoice(_ q: QuizQuestion) -> String {
    let letters = q.choices.indices.map { Self.letter($0) }.joined(separator: zh ? "、" : ", ")
    return zh ? "请输入 \(letters) 中的一个字母" : "Type one of \(letters)"
  }

  /// Feedback after an answer: right, or the right choice and why.
  public func feedback(_ q: QuizQuestion, chosen: Int) -> String {
    if chosen == q.answer { return zh ? "✓ 答对了" : "✓ Right" }
    let right = "\(Self.letter(q.answer)). \(q.choices[q.answer])"
    let why = q.why.isEmpty ? "" : (zh ? "——\(q.why)" : " — \(q.why)")
    return zh ? "✗ 正确答案是 \(right)\(why)" : "✗ The answer is \(right)\(why)"
  }

  /// The heading before a visit of the exam.
  public func visitHeading(_ title: String, number: Int, of total: Int) -> String {
    zh ? "—— 第 \(number)/\(total) 场拜访：\(title) ——" : "—— Visit \(number)/\(total): \(title) ——"
  }

  /// The verdict: pass or fail, the quiz, each visit, and what fell short.
  public func verdict(_ r: ExamResult) -> String {
    var lines: [String] = []
    lines.append(
      zh
        ? "\(r.examTitle)（第 \(r.revision) 版）：\(r.passed ? "通过" : "未通过")"
        : "\(r.examTitle) (revision \(r.revision)): \(r.passed ? "passed" : "not passed")")
    lines.append(
      zh ? "  选择题 \(r.quizCorrect)/\(r.quizTotal)" : "  Quiz \(r.quizCorrect)/\(r.quizTotal)")
    for v in r.visits {
      let areas = v.areas.map { "\($0.title) \($0.percent)%" }.joined(separator: zh ? "，" : ", ")
      lines.append(
        zh
          ? "  \(v.scenarioTitle)：总分 \(v.total)\(v.finished ? "" : "（未完成）")；\(areas)"
          : "  \(v.scenarioTitle): total \(v.total)\(v.finished ? "" : " (unfinished)"); \(areas)")
    }
    if !r.shortfalls.isEmpty {
      lines.append(zh ? "没有达到的要求：" : "Short of:")
      for s in r.shortfalls { lines.append("  - " + shortfall(s)) }
    }
    return lines.joined(separator: "\n")
  }

  /// One requirement not met.
  public func shortfall(_ s: ExamResult.Shortfall) -> String {
    switch s {
    case .quiz(let correct, let total, let needed):
      return zh
        ? "选择题答对 \(correct)/\(total)，要答对 \(needed) 道" : "quiz \(correct)/\(total), \(needed) needed"
    case .total(let scenario, let total, let needed):
      return zh
        ? "\(scenario)：总分 \(total)，要到 \(needed)" : "\(scenario): total \(total), \(needed) needed"
    case .area(let scenario, let area, let percent, let needed):
      return zh
        ? "\(scenario)：\(area) \(percent)%，至少要 \(needed)%"
        : "\(scenario): \(area) \(percent)%, at least \(needed)% needed"
    case .blocker(let scenario, let title):
      return zh ? "\(scenario)：触犯一票否决项“\(title)”" : "\(scenario): blocker '\(title)'"
    case .unfinished(let scenario):
      return zh ? "\(scenario)：没有完成" : "\(scenario): not finished"
    }
  }

  /// A passed sitting is a certificate; any other is a record of the exam.
  private func heading(_ r: ExamResult) -> String {
    zh ? (r.passed ? "合格证书" : "考试成绩单") : (r.passed ? "Certificate" : "Exam record")
  }

  /// The certificate as plain text.
  public func certificateText(_ r: ExamResult) -> String {
    var lines = [heading(r), ""]
    lines.append(zh ? "学员：\(r.trainee)" : "Trainee: \(r.trainee)")
    lines.append(
      zh ? "考试：\(r.examTitle)（第 \(r.revision) 版）" : "Exam: \(r.examTitle) (revision \(r.revision))")
    lines.append(zh ? "日期：\(time.day(r.date))" : "Date: \(time.day(r.date))")
    lines.append("")
    lines.append(verdict(r))
    return lines.joined(separator: "\n") + "\n"
  }

  /// The certificate as a one-page HTML document that prints on A4.
  public func certificateHTML(_ r: ExamResult) -> String {
    let e = HTMLPage.escape
    let title = heading(r)
    var page = HTMLPage(title: "\(title) · \(r.trainee)", language: language)
    page.add("<h1>\(e(title))</h1>")
    let intro =
      zh
      ? "学员 <b>\(e(r.trainee))</b> 于 \(e(time.day(r.date))) 参加“\(e(r.examTitle))”（第 \(r.revision) 版），结果：<b>\(r.passed ? "通过" : "未通过")</b>。"
      : "<b>\(e(r.trainee))</b> sat “\(e(r.examTitle))” (revision \(r.revision)) on \(e(time.day(r.date))): <b>\(r.passed ? "passed" : "not passed")</b>."
    page.add("<p>\(intro)</p>")
    page.add("<h2>\(zh ? "成绩" : "Scores")</h2>")
    page.add(
      "<table><tr><th>\(zh ? "项目" : "Part")</th><th>\(zh ? "成绩" : "Score")</th><th>\(zh ? "各区域" : "Areas")</th></tr>"
    )
    page.add(
      "<tr><td>\(zh ? "选择题" : "Quiz")</td><td>\(r.quizCorrect)/\(r.quizTotal)</td><td></td></tr>")
    for v in r.visits {
      let areas = v.areas.map { "\(e($0.title)) \($0.percent)%" }.joined(separator: zh ? "，" : ", ")
      let total = "\(v.total)\(v.finished ? "" : (zh ? "（未完成）" : " (unfinished)"))"
      page.add("<tr><td>\(e(v.scenarioTitle))</td><td>\(e(total))</td><td>\(areas)</td></tr>")
    }
    page.add("</table>")
    if !r.shortfalls.isEmpty {
      page.add("<h2>\(zh ? "没有达到的要求" : "Short of")</h2><ul>")
      for s in r.shortfalls { page.add("<li>\(e(shortfall(s)))</li>") }
      page.add("</ul>")
    }
    return page.rendered
  }

  static func letter(_ index: Int) -> String {
    String(UnicodeScalar(UInt8(65 + index)))
  }
}
