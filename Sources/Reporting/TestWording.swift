import VisitCoachModel

/// `visitcoach test` (and the test part of `watch`): what a failing conversation test expected
/// and what happened, the failing visit's turns, and the summary.
extension InterfaceStrings {
  /// A failure located at the expectation it is about: `file:line:col: 期望总分 ≥ 90，实际 39`.
  public func testFailure(_ problem: TestProblem, at mark: TestMark, file: String) -> String {
    "\(file):\(mark.line):\(mark.column): \(testProblem(problem))"
  }

  /// What the visit did differently from what the test expected.
  public func testProblem(_ p: TestProblem) -> String {
    language == .zh ? chineseTest(p) : englishTest(p)
  }

  /// After a failing test's failures, the visit as it went: `总分 39，未通过，结束方式：拜访完成` /
  /// `total 39, not passed, ended by trainee`.
  public func testVisitResult(_ report: ScoreReport) -> String {
    language == .zh
      ? "总分 \(report.total)，\(report.passed ? "通过" : "未通过")，结束方式：\(ended(report.endedBy))"
      : "total \(report.total), \(report.passed ? "passed" : "not passed"), ended by \(report.endedBy.rawValue)"
  }

  /// The trainee's side of a turn shown with a failure: `2. [greeting] 我：您先忙，我等您`
  /// (a command turn shows the command as typed).
  public func testTurnTrainee(_ turn: Turn) -> String {
    let said = turn.kind == .say ? turn.trainee : "/\(turn.kind.rawValue)"
    return "\(turn.index). [\(turn.phase)] \(trainee)\(language == .zh ? "：" : ": ")\(said)"
  }

  /// The retailer's side of a turn: `陈建华（busy-thanks-for-waiting）：……`, or nil when the
  /// retailer said nothing.
  public func testTurnRetailer(_ turn: Turn, retailer: String) -> String? {
    guard let line = turn.retailer else { return nil }
    let id = turn.retailerLineID ?? "-"
    return language == .zh ? "\(retailer)（\(id)）：\(line)" : "\(retailer) (\(id)): \(line)"
  }

  /// The last line of `visitcoach test`: `通过 5 个，失败 0 个` / `5 passed, 0 failed`, and the
  /// files that could not be run.
  public func testSummary(passed: Int, failed: Int, brokenFiles: Int) -> String {
    if language == .zh {
      return "通过 \(passed) 个，失败 \(failed) 个" + (brokenFiles > 0 ? "，\(brokenFiles) 个文件有错误" : "")
    }
    return "\(passed) passed, \(failed) failed"
      + (brokenFiles > 0 ? ", \(brokenFiles) file\(brokenFiles == 1 ? "" : "s") with errors" : "")
  }

  /// No conversation-test file at any of `targets`.
  public func noTestFiles(in targets: [String]) -> String {
    language == .zh
      ? "\(targets.joined(separator: "、")) 里没有对话测试文件（tests/剧本id.yaml）"
      : "no test files in \(targets.joined(separator: ", "))"
  }

  /// A score range as a test writes it: `39`, `≤ 49`, `≥ 75`, `60-80`.
  static func scoreRange(_ range: ValueRange) -> String {
    if range.lower == range.upper { return "\(range.lower)" }
    if range.lower == 0 { return "≤ \(range.upper)" }
    if range.upper == 100 { return "≥ \(range.lower)" }
    return "\(range.lower)-\(range.upper)"
  }

  /// A status as a trainer reads it, with the key a test writes it under:
  /// `met（做到）`.
  static func chineseStatus(_ status: CriterionStatus) -> String {
    let word: String
    switch status {
    case .met: word = "做到"
    case .partial: word = "部分做到"
    case .missed: word = "没做到"
    case .notApplicable: word = "不适用"
    case .triggered: word = "扣了分"
    case .clear: word = "没扣分"
    }
    return "\(status.rawValue)（\(word)）"
  }

  private func chineseTest(_ p: TestProblem) -> String {
    func q(_ s: String) -> String { "‘\(s)’" }
    func range(_ r: ValueRange) -> String { Self.scoreRange(r) }
    switch p {
    case .unknownCommand(let line, let command, let suggestion, let commands):
      return "输入第 \(line) 行的 \(q(command)) 不是命令"
        + (suggestion.map { "：是不是想写 \(q($0))？" } ?? "；")
        + "命令有 \(commands.joined(separator: " "))"
    case .passed(let expected, let total, let blockers):
      return "期望这次拜访\(expected ? "通过" : "不通过")，实际\(expected ? "没通过" : "通过了")，\(total) 分"
        + (blockers.isEmpty ? "" : "（一票否决：\(blockers.joined(separator: "、"))）")
    case .total(let expected, let actual):
      return "期望总分 \(range(expected))，实际 \(actual)"
    case .endedBy(let expected, let actual):
      return
        "期望拜访以“\(ended(expected))”（\(expected.rawValue)）结束，实际是“\(ended(actual))”（\(actual.rawValue)）"
    case .noSuchArea(let id, let areas):
      return "这个剧本没有评分区域 \(q(id))；有 \(Self.names(areas, zh: true))"
    case .areaNotApplicable(let id, let expected):
      return "期望区域 \(id) 得 \(range(expected))，但这次拜访里它没有一项适用"
    case .areaScore(let id, let expected, let actual):
      return "期望区域 \(id) 得 \(range(expected))，实际 \(actual)"
    case .noSuchCheck(let id, let suggestion):
      return "这个剧本没有得分点或扣分项 \(q(id))" + (suggestion.map { "：是不是想写 \(q($0))？" } ?? "")
    case .status(let id, let title, let expected, let actual, let evidence):
      var text = "期望 \(id)（\(title)）是 \(Self.chineseStatus(expected))，实际是 \(Self.chineseStatus(actual))"
      if let evidence { text += "，\(turnLabel(evidence.turn))：\(self.evidence(evidence))" }
      return text
    case .noSuchTurn(let turn, let turns, let endedBy):
      return "期望有第 \(turn) 轮，但这次拜访只有 \(turns) 轮（\(ended(endedBy))）"
    case .retailerLine(let turn, let expected, let actual):
      return "第 \(turn) 轮：期望零售户说 \(q(expected)) 这一行，实际是 " + (actual.map(q) ?? "（没有说话）")
    case .retailerWords(let turn, let expected, let actual):
      return
        "第 \(turn) 轮：期望零售户的话里有 \(expected.map { "「\($0)」" }.joined(separator: " ")) 之一，实际是「\(actual)」"
    case .phase(let turn, let expected, let actual):
      return "第 \(turn) 轮：期望学员在环节 \(q(expected)) 说话，实际在 \(q(actual))"
    }
  }

  private func englishTest(_ p: TestProblem) -> String {
    func range(_ r: ValueRange) -> String { Self.scoreRange(r) }
    switch p {
    case .unknownCommand(let line, let command, let suggestion, let commands):
      return "input line \(line): unknown command '\(command)'"
        + (suggestion.map { " (did you mean \($0)?)" } ?? "")
        + "; commands are \(commands.joined(separator: " "))"
    case .passed(let expected, let total, let blockers):
      return
        "expected the visit to \(expected ? "pass" : "fail"), but it \(expected ? "failed" : "passed") with \(total)"
        + (blockers.isEmpty ? "" : " (blockers: \(blockers.joined(separator: ", ")))")
    case .total(let expected, let actual):
      return "expected total \(range(expected)), got \(actual)"
    case .endedBy(let expected, let actual):
      return "expected the visit to end by \(expected.rawValue), it ended by \(actual.rawValue)"
    case .noSuchArea(let id, let areas):
      return "no area '\(id)' in this scenario; areas: \(areas.joined(separator: ", "))"
    case .areaNotApplicable(let id, let expected):
      return "expected area \(id) \(range(expected)), but nothing in it applied"
    case .areaScore(let id, let expected, let actual):
      return "expected area \(id) \(range(expected)), got \(actual)"
    case .noSuchCheck(let id, let suggestion):
      return "no criterion or penalty '\(id)' in this scenario"
        + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
    case .status(let id, let title, let expected, let actual, let evidence):
      var text = "expected \(id) (\(title)) \(expected.rawValue), got \(actual.rawValue)"
      if let evidence { text += " at \(turnLabel(evidence.turn)): \(self.evidence(evidence))" }
      return text
    case .noSuchTurn(let turn, let turns, let endedBy):
      return
        "expected a turn \(turn), but the visit had \(turns) turns (ended by \(endedBy.rawValue))"
    case .retailerLine(let turn, let expected, let actual):
      return "turn \(turn): expected retailer line '\(expected)', got '\(actual ?? "none")'"
    case .retailerWords(let turn, let expected, let actual):
      return
        "turn \(turn): expected the retailer to say one of \(expected.map { "「\($0)」" }.joined(separator: " ")), got 「\(actual)」"
    case .phase(let turn, let expected, let actual):
      return "turn \(turn): expected phase '\(expected)', the trainee spoke in '\(actual)'"
    }
  }
}
