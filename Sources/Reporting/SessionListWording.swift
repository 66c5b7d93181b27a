import VisitCoachModel

/// The wording of stored sessions: the line above a stored report and the `history` list.
extension InterfaceStrings {
  /// The line above a stored session's report: id, trainee, start, whether it was finished, and
  /// the first total of a re-scored session.
  public func sessionSubtitle(
    id: String, trainee: String, startedAt: String, finished: Bool, originalTotal: Int? = nil
  ) -> String {
    let zh = language == .zh
    let mark = finished ? "" : (zh ? " · 未完成" : " · unfinished")
    let rescored =
      originalTotal.map { zh ? " · 重新评分（原 \($0) 分）" : " · re-scored (was \($0))" } ?? ""
    return "\(id) · \(trainee) · \(startedAt)\(mark)\(rescored)"
  }

  /// What `history` says when nothing has been practised yet.
  public var noSessionsYet: String {
    language == .zh
      ? "还没有练习记录。输入 visitcoach 开始练习。"
      : "No practice sessions yet. Type visitcoach to start one."
  }

  /// A session's result in the `history` list, padded to one width: `87 通过`.
  public func sessionResult(total: Int?, passed: Bool?) -> String {
    guard let total else { return "  –       " }
    let padded = "\(total < 10 ? "  " : total < 100 ? " " : "")\(total)"
    if language == .zh { return "\(padded) \(passed == true ? "通过  " : "未通过")" }
    return "\(padded) \(passed == true ? "passed" : "failed")"
  }

  /// The notes after a session in the `history` list: unfinished (and how to resume it),
  /// re-scored (and the original total), continuing an older session.
  public func sessionNotes(id: String, finished: Bool, originalTotal: Int?, continues: String?)
    -> String
  {
    let zh = language == .zh
    var notes = ""
    if !finished {
      notes += zh ? "未完成（visitcoach resume \(id)）" : "unfinished (visitcoach resume \(id))"
    }
    if let originalTotal {
      notes += zh ? " 重新评分（原 \(originalTotal)）" : " re-scored (was \(originalTotal))"
    }
    if let continues {
      notes += zh ? " 接续 \(continues)（剧本已修改）" : " continues \(continues) (scenario changed)"
    }
    return notes
  }

  /// The heading of visits kept in fallback files because the database could not be written.
  public var keptVisitsHeading: String {
    language == .zh
      ? "保存在文件里、还没存进数据库的练习（数据库当时写不进去）："
      : "Visits kept in files, not yet in the database (it could not be written then):"
  }

  /// One visit kept in a fallback file.
  public func keptVisit(
    date: String, trainee: String, scenario: String, turns: Int, finished: Bool, path: String
  ) -> String {
    let zh = language == .zh
    let state = finished ? (zh ? "已结束" : "finished") : (zh ? "未完成" : "unfinished")
    return
      "  \(date)  \(trainee)  \(scenario)  \(turns)\(zh ? " 轮" : " turns")  \(state)  visitcoach resume \(path)"
  }
}
