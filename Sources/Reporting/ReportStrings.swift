/// The interface language of reports and the practice session.
public enum InterfaceLanguage: String, Sendable, CaseIterable {
  case zh
  case en
}

/// Every interface string of the text report, in one place per language. Scenario content
/// (titles, lines, tips) stays as authored.
public struct ReportStrings: Sendable {
  public var heading: String
  public var total: String
  public var passed: String
  public var failed: String
  public var passMark: String
  public var endedBy: [String: String]
  public var time: String
  public var hintsUsed: String
  public var none: String
  public var weight: String
  public var notApplicable: String
  public var tip: String
  public var example: String
  public var penalty: String
  public var blockers: String
  public var turnLog: String
  public var trainee: String
  /// Turn labels: prefix + number + suffix (第3轮, turn 3).
  public var turnPrefix: String
  public var turnSuffix: String
  public var mood: String
  public var improve: String
  public var commands: [String: String]

  /// "第3轮" or "turn 3".
  public func turnLabel(_ n: Int) -> String { "\(turnPrefix)\(n)\(turnSuffix)" }

  public static func forLanguage(_ language: InterfaceLanguage) -> ReportStrings {
    language == .zh ? .chinese : .english
  }

  public static let chinese = ReportStrings(
    heading: "拜访评分报告", total: "总分", passed: "通过", failed: "未通过", passMark: "及格线",
    endedBy: ["trainee": "拜访完成", "retailer_left": "零售户请你离开", "time_up": "超出拜访时间"],
    time: "用时", hintsUsed: "使用提示", none: "无", weight: "权重", notApplicable: "不适用",
    tip: "提示", example: "示范", penalty: "扣分", blockers: "一票否决", turnLog: "逐轮记录",
    trainee: "我", turnPrefix: "第", turnSuffix: "轮", mood: "好感", improve: "最需要改进的三点",
    commands: ["wait": "(静候)", "look": "(观察店面)", "next": "(进入下一环节)"])

  public static let english = ReportStrings(
    heading: "Visit score report", total: "Total", passed: "PASSED", failed: "NOT PASSED",
    passMark: "pass mark",
    endedBy: ["trainee": "visit completed", "retailer_left": "the retailer sent you away", "time_up": "out of time"],
    time: "Time", hintsUsed: "Hints used", none: "none", weight: "weight", notApplicable: "n/a",
    tip: "Tip", example: "Example", penalty: "Penalty", blockers: "Blockers", turnLog: "Turn by turn",
    trainee: "Me", turnPrefix: "turn ", turnSuffix: "", mood: "mood", improve: "Three things to improve",
    commands: ["wait": "(waits)", "look": "(looks around)", "next": "(moves on)"])
}
