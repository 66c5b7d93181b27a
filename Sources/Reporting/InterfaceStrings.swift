import VisitCoachModel

/// The interface language: reports and the practice session.
public enum InterfaceLanguage: String, Sendable, CaseIterable {
  case zh
  case en
}

/// Every interface string, in one place per language. Scenario content (titles, retailer
/// lines, tips) stays as authored. Templates use `{0}`, `{1}`, ... for values.
public struct InterfaceStrings: Sendable {
  // Reports.
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
  public var turnPrefix: String
  public var turnSuffix: String
  public var mood: String
  public var improve: String
  /// How a turn that was a command, not words, shows in a transcript: (静候).
  var commandTurns: [TurnKind: String]
  /// The retailer's name when a report does not carry one (a version 1 report).
  public var retailerFallback: String

  // The practice session.
  public var appTitle: String
  public var customerLine: String
  public var visitKinds: [String: String]
  public var networks: [String: String]
  /// A rubric's line in the goals list: title, weight.
  public var goalArea: String
  public var difficulty: [Int: String]
  public var youSee: String
  public var retailerLine: String
  public var goalsHeading: String
  /// Joins alternatives that meet one goal in the goals list.
  public var orBetweenAlternatives: String
  public var howToStart: String
  /// What each command of ``Script/commands`` does, by command: how it is typed (with its
  /// argument, if any) and one line of help. `/help` lists the commands in the table's order.
  public var commandHelp: [String: (usage: String, text: String)]
  public var unknownCommand: String
  public var unknownCommandNoGuess: String
  public var enteredPhase: String
  /// `/next` in the last phase: {0} the phase.
  public var alreadyLastPhase: String
  public var patience: String
  public var lookHeading: String
  public var hintHeading: String
  public var noHint: String
  /// `/hint` during an exam.
  public var noHintInExam: String
  public var scoreSoFar: String
  /// The first practice asks for the trainee's name: the question, the prompt, and where it
  /// was kept ({0} the name, {1} the file).
  public var askName: String
  public var namePrompt: String
  public var nameKept: String
  /// Asked once after the name: the trainee's group, optional.
  public var groupPrompt: String
  /// `/score`: what can still be earned in the current phase ({0} the phase).
  public var openInPhase: String
  public var undone: String
  public var nothingToUndo: String
  public var restarted: String
  public var visitOver: String
  public var reportSaved: String
  public var transcriptSaved: String
  /// A line longer than the limit was cut: {0} its length, {1} the limit.
  public var lineCut: String
  /// The visit is only in the fallback file: {0} the file.
  public var transcriptInFile: String
  public var chooserTitle: String
  public var chooserPrompt: String
  public var chooserInvalid: String
  public var unknownScenario: String
  public var stuffing: String
  public var briefRecord: String
  public var briefNews: String
  public var noBrief: String
  /// A visit that follows an earlier one (a series): {0} when it was; the heading without a
  /// date.
  public var previousHeading: String
  public var previousHeadingUndated: String
  /// The earlier visit's requests ({0}).
  public var previousRequests: String
  /// A promise of the earlier visit ({0}).
  public var previousPromised: String
  /// The goal the earlier visit set for this one ({0}).
  public var previousNextGoal: String
  /// `practice --series`: {0} series title, {1} this visit's number, {2} how many, {3} title.
  public var seriesVisitHeading: String
  /// The end of a series: its heading.
  public var seriesSummaryHeading: String
  /// One line per visit of a series: {0} number, {1} title, {2} total, {3} the follow-up.
  public var seriesSummaryLine: String
  /// How a visit followed up the earlier promise: met, partly, missed, or nothing to follow up.
  public var followUpMet: String
  public var followUpPartial: String
  public var followUpMissed: String
  public var followUpNone: String
  public var stockHeading: String
  public var stockColumns: String
  /// The days-out cell of an item out of stock: the count shows it is out, not for how long.
  public var stockOutAsk: String
  /// Under the count: how long an item has been out is the retailer's to say.
  public var stockOutNote: String
  public var noStock: String
  public var briefAvailable: String
  /// `/pack`: the start-screen line, the list, what is packed, and the refusals.
  public var packAvailable: String
  public var visitBagList: String
  public var packedHeading: String
  public var packedNothing: String
  public var packUnknown: String
  public var packTooLate: String
  public var noVisitBag: String
  /// `/plan` and `/ready`: the start-screen line, what was noted, how to use it, and the
  /// refusal once the visit has begun.
  public var planAvailable: String
  public var planNoted: String
  public var planUsage: String
  public var readyNoted: String
  /// `/ready` with a wardrobe: how to choose (the numbered list follows), what was chosen ({0}),
  /// and words that name nothing in it ({0}).
  public var wardrobeUsage: String
  public var wardrobeChosen: String
  public var wardrobeUnknown: String
  public var preparationTooLate: String
  /// After `/plan` or `/pack`, when the step does not yet cover what this visit needs.
  public var preparationMore: String
  public var recordHeading: String
  public var recordFields: [String]
  public var recordSaved: String
  /// Shown when a command other than `/record` or `/quit` is typed into the record form.
  public var recordFormCommands: String
  /// Labels evidence taken from the visit record rather than from a turn.
  public var recordFieldsSource: String
  /// Labels evidence taken from the preparation before the visit.
  public var preparationSource: String
  /// The language these strings are in.
  public var language: InterfaceLanguage = .zh

  public static func forLanguage(_ language: InterfaceLanguage) -> InterfaceStrings {
    language == .zh ? .chinese : .english
  }

  /// What the trainee did in a turn, as a transcript shows it: the words, or the command's
  /// label for a turn that was a command.
  public func said(_ kind: TurnKind, _ words: String) -> String {
    kind == .say ? words : commandTurns[kind] ?? kind.rawValue
  }

  /// The retailer's name in a report, or a plain word when the report does not carry it.
  public func retailer(of report: ScoreReport) -> String {
    report.retailer.isEmpty ? retailerFallback : report.retailer
  }

  /// The phases where hints were used, by title, or "none".
  public func hints(of report: ScoreReport) -> String {
    report.hintsUsed.isEmpty
      ? none : report.hintsUsed.map { report.phaseTitle($0) }.joined(separator: "、")
  }

  /// The name a turn log gives a criterion, penalty or keyword stuffing, from a report's
  /// ``ScoreReport/findingTitles``.
  public func findingName(_ id: String, titles: [String: String]) -> String {
    id == keywordStuffingID ? stuffing : titles[id] ?? id
  }

  /// Where a piece of evidence comes from: a turn (`第3轮`, "turn 3"), the visit record or the
  /// preparation.
  public func turnLabel(_ n: Int) -> String {
    switch n {
    case Evidence.visitRecord: return recordFieldsSource
    case Evidence.preparation: return preparationSource
    default: return "\(turnPrefix)\(n)\(turnSuffix)"
    }
  }

  /// `template` with `{0}`, `{1}`, ... replaced by `values`.
  public static func fill(_ template: String, _ values: String...) -> String {
    var out = template
    for (i, v) in values.enumerated() {
      out = out.split(separator: "{\(i)}", omittingEmptySubsequences: false).joined(separator: v)
    }
    return out
  }

  public static let chinese = InterfaceStrings(
    heading: "拜访评分报告", total: "总分", passed: "通过", failed: "未通过", passMark: "及格线",
    endedBy: [
      "trainee": "拜访完成", "stopped": "中途结束（没有走完拜访）", "retailer_left": "零售户请你离开",
      "time_up": "超出拜访时间",
    ],
    time: "用时", hintsUsed: "使用提示", none: "无", weight: "权重", notApplicable: "不适用",
    tip: "提示", example: "示范", penalty: "扣分", blockers: "一票否决", turnLog: "逐轮记录",
    trainee: "我", turnPrefix: "第", turnSuffix: "轮", mood: "好感", improve: "最需要改进的三点",
    commandTurns: [.say: "", .wait: "(静候)", .look: "(观察店面)", .next: "(进入下一环节)", .stock: "(盘点库存)"],
    retailerFallback: "零售户",
    appTitle: "拜访教练 · 零售户拜访练习",
    customerLine: "客户：{0}类 · {1} · {2} · 时间预算 {3} 分钟 · 难度：{4}",
    visitKinds: ["first": "首次拜访", "repeat": "回访"], networks: ["urban": "城网", "rural": "农网"],
    goalArea: "{0}（{1}）：",
    difficulty: [1: "入门", 2: "进阶", 3: "挑战"],
    youSee: "你看到的：", retailerLine: "零售户：{0}，{1}",
    goalsHeading: "本次拜访评分要点（没有隐藏规则）：", orBetweenAlternatives: " 或 ",
    howToStart: "直接输入你要对零售户说的话，回车发送。/help 查看命令，Tab 补全命令，Ctrl-D 或 /quit 结束拜访并查看报告。",
    commandHelp: [
      "/look": ("/look", "观察店面和零售户（花一点时间）"), "/wait": ("/wait", "静静等候（零售户忙时很有用，花时间）"),
      "/next": ("/next", "进入下一个环节"), "/hint": ("/hint", "看本环节的提示（报告里会注明）"),
      "/brief": ("/brief", "访前资料：客户档案和公司动态"),
      "/plan": ("/plan 目的和计划", "出发前说清这次拜访的目的和计划"),
      "/pack": ("/pack 物品…", "出发前收拾拜访包（不带物品名时显示清单）"), "/ready": ("/ready", "出门前检查仪容仪表"),
      "/record": ("/record 内容|诉求|承诺|下次目标", "填写拜访记录（四栏用 | 隔开）"),
      "/stock": ("/stock", "和零售户一起点库存（花一点时间，先征得同意）"),
      "/status": ("/status", "拜访进度（各环节）、好感、耐心和时间"), "/score": ("/score", "目前的得分"),
      "/undo": ("/undo", "撤回上一句和零售户的回答"), "/restart": ("/restart", "从头再来"),
      "/help": ("/help", "显示这些命令"), "/quit": ("/quit", "结束拜访，查看报告"),
    ],
    unknownCommand: "没有命令 {0}。你是想输入 {1} 吗？（/help 查看全部命令）",
    unknownCommandNoGuess: "没有命令 {0}。/help 查看全部命令。",
    enteredPhase: "—— 进入「{0}」——", alreadyLastPhase: "已经是最后一个环节「{0}」了：道别之后拜访就结束，也可以输入 /quit 结束。",
    patience: "耐心",
    lookHeading: "你仔细看了看：", hintHeading: "提示：", noHint: "这个环节没有提示。",
    noHintInExam: "考试中没有提示。",
    scoreSoFar: "目前得分：{0}/100",
    askName: "第一次练习：请输入你的名字（报告和教练看板上显示，以后不再问；--trainee 可以临时换人）。",
    namePrompt: "名字> ", nameKept: "好的，{0}。名字记在 {1}。",
    groupPrompt: "小组或班级（可以不填，直接回车）> ",
    openInPhase: "「{0}」环节还可以做到：",
    undone: "已撤回：{0}",
    nothingToUndo: "还没有可以撤回的话。",
    restarted: "重新开始这次拜访。", visitOver: "拜访已经结束。",
    reportSaved: "报告已保存：{0}", transcriptSaved: "拜访记录已保存：{0}",
    lineCut: "这句话有 {0} 个字，太长了，只保留前 {1} 个字。",
    transcriptInFile: "数据库暂时写不进去，拜访记录先保存在文件里：{0}（visitcoach resume 可以接着练，并把它存回数据库）",
    chooserTitle: "选择一个练习剧本：", chooserPrompt: "输入编号或剧本 id（Tab 补全）> ",
    chooserInvalid: "请输入 1 到 {0} 的编号，或列表里的剧本 id。",
    unknownScenario: "没有找到剧本 “{0}”。", stuffing: "堆砌关键词不得分",
    briefRecord: "客户档案", briefNews: "公司动态", noBrief: "这个剧本没有访前资料。",
    previousHeading: "接上次拜访（{0}）", previousHeadingUndated: "接上次拜访",
    previousRequests: "客户的诉求：{0}", previousPromised: "你答应过：{0}",
    previousNextGoal: "上次定的下次目标：{0}",
    seriesVisitHeading: "系列拜访《{0}》第 {1}/{2} 次：{3}", seriesSummaryHeading: "系列拜访小结：",
    seriesSummaryLine: "  第 {0} 次 {1}：{2} 分，{3}",
    followUpMet: "回复了上次的承诺", followUpPartial: "提了上次的事，没说到答应的那件",
    followUpMissed: "没回复上次的承诺", followUpNone: "没有要回复的承诺",
    stockHeading: "你和零售户一起点了库存：", stockColumns: "品牌  库存(条)  价签/实际卖价(元/包)  周销量(条)  断货",
    stockOutAsk: "断了", stockOutNote: "断了几天、哪天卖空的，账本上看不出来：问问零售户。",
    noStock: "这个剧本没有库存表。", briefAvailable: "访前资料（客户档案、公司动态）：输入 /brief 查看。",
    packAvailable: "出发前先收拾拜访包：输入 /pack 查看可带的物品，/pack 价签 笔记本 … 装包。带了什么会计分，开口之后就不能再补。",
    visitBagList: "可带的物品：{0}", packedHeading: "拜访包里：", packedNothing: "（还是空的）",
    packUnknown: "清单里没有：{0}（用 /pack 查看清单）", packTooLate: "已经进店开口了，拜访包要在出发前收拾好。",
    noVisitBag: "这个剧本不需要收拾拜访包。",
    planAvailable: "出发前想好这次去做什么：/plan 说出目的和计划（比如 /plan 回复上次答应的事，点库存，补价签），/ready 检查仪容仪表。计划和仪表都会计分。",
    planNoted: "这次的计划：{0}", planUsage: "在 /plan 后面写上这次拜访的目的和计划，比如：/plan 回复上次答应的事，点库存，补价签",
    readyNoted: "出门前检查：工装整洁、工作证戴好、进店前不抽烟、心态放平。已确认。",
    wardrobeUsage: "出门前照照镜子：今天怎么穿、进店前做什么？从下面选，写名字或编号，用空格隔开（如 /ready 1 3 5）；选了不合规矩的要扣分：",
    wardrobeChosen: "出门前：{0}", wardrobeUnknown: "清单里没有：{0}（/ready 查看清单）",
    preparationTooLate: "已经进店开口了，这一步要在出发前做。",
    preparationMore: "对照访前资料（/brief）再想想，出发前都可以补上。",
    recordHeading: "拜访结束，请当场录入拜访记录（每项一行，回车确认；Ctrl-D 跳过）：",
    recordFields: ["拜访内容", "客户诉求或抱怨", "承诺事项及日期", "下次拜访目标"], recordSaved: "拜访记录已保存。",
    recordFormCommands: "记录表里直接填文字；也可以用 /record 内容 | 诉求 | 承诺 | 下次目标 一行写完，/quit 结束填写。",
    recordFieldsSource: "拜访记录", preparationSource: "访前准备")

  public static let english = InterfaceStrings(
    heading: "Visit score report", total: "Total", passed: "PASSED", failed: "NOT PASSED",
    passMark: "pass mark",
    endedBy: [
      "trainee": "visit completed", "stopped": "stopped before the visit was over",
      "retailer_left": "the retailer sent you away",
      "time_up": "out of time",
    ],
    time: "Time", hintsUsed: "Hints used", none: "none", weight: "weight", notApplicable: "n/a",
    tip: "Tip", example: "Example", penalty: "Penalty", blockers: "Blockers",
    turnLog: "Turn by turn",
    trainee: "Me", turnPrefix: "turn ", turnSuffix: "", mood: "mood",
    improve: "Three things to improve",
    commandTurns: [
      .say: "", .wait: "(waits)", .look: "(looks around)", .next: "(moves on)",
      .stock: "(counts the stock)",
    ],
    retailerFallback: "Retailer",
    appTitle: "VisitCoach · retail store visit practice",
    customerLine: "Customer: class {0} · {1} · {2} · time budget {3} min · difficulty: {4}",
    visitKinds: ["first": "first visit", "repeat": "repeat visit"],
    networks: ["urban": "urban (城网)", "rural": "rural (农网)"], goalArea: "{0} ({1}): ",
    difficulty: [1: "easy", 2: "medium", 3: "hard"],
    youSee: "You see:", retailerLine: "Retailer: {0}, {1}",
    goalsHeading: "What this visit is scored on (no hidden rules):", orBetweenAlternatives: " or ",
    howToStart:
      "Type what you would say to the retailer and press Enter. /help lists commands, Tab completes them, Ctrl-D or /quit ends the visit and shows the report.",
    commandHelp: [
      "/look": ("/look", "observe the store and the retailer (takes a little time)"),
      "/wait": ("/wait", "wait quietly (useful when the retailer is busy; takes time)"),
      "/next": ("/next", "move on to the next phase"),
      "/hint": ("/hint", "a tip for this phase (noted in the report)"),
      "/brief": ("/brief", "the pre-visit brief: customer record and company news"),
      "/plan": ("/plan PURPOSE AND PLAN", "state the visit's purpose and plan before you go"),
      "/pack": ("/pack ITEM…", "pack the visit bag before you go (alone: show the list)"),
      "/ready": ("/ready", "check your appearance before you go"),
      "/record": (
        "/record WHAT|ASKED|PROMISED|NEXT GOAL",
        "fill in the visit record (four fields separated by |)"
      ),
      "/stock": ("/stock", "count the stock with the retailer (takes a little time; ask first)"),
      "/status": ("/status", "the visit map (phases), mood, patience and time"),
      "/score": ("/score", "the score so far"),
      "/undo": ("/undo", "take back your last line and the reply"),
      "/restart": ("/restart", "start the visit again"),
      "/help": ("/help", "show these commands"),
      "/quit": ("/quit", "end the visit and show the report"),
    ],
    unknownCommand: "No command {0}. Did you mean {1}? (/help lists them all)",
    unknownCommandNoGuess: "No command {0}. /help lists them all.",
    enteredPhase: "—— now: {0} ——",
    alreadyLastPhase:
      "This is already the last phase, {0}: take your leave to end the visit, or type /quit.",
    patience: "patience",
    lookHeading: "You look around:", hintHeading: "Hint:", noHint: "No hint for this phase.",
    noHintInExam: "No hints in an exam.",
    scoreSoFar: "Score so far: {0}/100",
    askName:
      "First practice: type your name (shown on reports and the coach's views; asked once; --trainee changes it for one session).",
    namePrompt: "Name> ", nameKept: "Thank you, {0}. Your name is kept in {1}.",
    groupPrompt: "Group or class (optional, Enter to skip)> ",
    openInPhase: "Still open in {0}: ",
    undone: "Taken back: {0}",
    nothingToUndo: "Nothing to take back yet.",
    restarted: "Starting the visit again.", visitOver: "The visit is over.",
    reportSaved: "Report saved: {0}", transcriptSaved: "Visit record saved: {0}",
    lineCut: "That line has {0} characters; only the first {1} are kept.",
    transcriptInFile:
      "The database could not be written; the visit is kept in the file {0} ('visitcoach resume' continues it and moves it into the database).",
    chooserTitle: "Choose a scenario:", chooserPrompt: "number or scenario id (Tab completes)> ",
    chooserInvalid: "Type a number from 1 to {0}, or a scenario id from the list.",
    unknownScenario: "No scenario '{0}'.", stuffing: "keyword stuffing earns nothing",
    briefRecord: "Customer record", briefNews: "Company news",
    noBrief: "This scenario has no pre-visit brief.",
    previousHeading: "Following the last visit ({0})",
    previousHeadingUndated: "Following the last visit", previousRequests: "The retailer asked: {0}",
    previousPromised: "You promised: {0}", previousNextGoal: "Next goal set last time: {0}",
    seriesVisitHeading: "Series '{0}', visit {1} of {2}: {3}", seriesSummaryHeading: "The series:",
    seriesSummaryLine: "  visit {0} {1}: {2} points, {3}",
    followUpMet: "reported back on the promise",
    followUpPartial: "reported back, but not on what was promised",
    followUpMissed: "did not report back on the promise",
    followUpNone: "no promise to report back on",
    stockHeading: "You count the stock with the retailer:",
    stockColumns: "brand  stock (cartons)  tag/actual price (yuan/pack)  weekly sales  out",
    stockOutAsk: "out",
    stockOutNote: "How many days it has been out is not in the books: ask the retailer.",
    noStock: "This scenario has no stock table.",
    briefAvailable: "A pre-visit brief (customer record, company news) is ready: type /brief.",
    packAvailable:
      "Pack the visit bag before you go: /pack shows the list, /pack 价签 笔记本 … packs. What you pack is scored; once you speak it is too late.",
    visitBagList: "You can pack: {0}", packedHeading: "In the bag: ", packedNothing: "(empty)",
    packUnknown: "Not on the list: {0} (type /pack to see it)",
    packTooLate: "You have already started talking; the bag is packed before you arrive.",
    noVisitBag: "This scenario has no visit bag to pack.",
    planAvailable:
      "Decide what this visit is for before you go: /plan states the purpose and plan (e.g. /plan answer last visit's promise, count stock, fix tags), /ready checks your appearance. Both are scored.",
    planNoted: "Your plan: {0}",
    planUsage:
      "Write the visit's purpose and plan after /plan, e.g. /plan answer last visit's open promise, count stock, fix tags",
    readyNoted:
      "Checked before leaving: clean work clothes, badge on, no smoking before going in, a calm mind.",
    wardrobeUsage:
      "Check yourself before you leave: what do you wear and do before going in? Choose from the list by name or number, separated by spaces (e.g. /ready 1 3 5); choices that do not fit cost points:",
    wardrobeChosen: "Before leaving: {0}",
    wardrobeUnknown: "Not in the list: {0} (/ready shows it)",
    preparationTooLate: "You have already started talking; this is done before you arrive.",
    preparationMore: "Read the brief again (/brief); you can add to this until you leave.",
    recordHeading: "The visit is over. Enter the visit record now (one line each; Ctrl-D skips):",
    recordFields: [
      "What was done", "Requests or complaints", "Promises and dates", "Next visit's goal",
    ],
    recordSaved: "Visit record saved.",
    recordFormCommands:
      "Type the field as text; or write it all in one line with /record content | requests | promises | next goal; /quit ends the form.",
    recordFieldsSource: "Visit record", preparationSource: "Preparation", language: .en)
}

extension InterfaceStrings {
  /// How a series visit followed up the earlier promise, from the status the scorer gave its
  /// `recalls_promise` criteria (nil: nothing to follow up).
  public func followUp(_ status: CriterionStatus?) -> String {
    switch status {
    case .met: return followUpMet
    case .partial: return followUpPartial
    case .missed: return followUpMissed
    case .notApplicable, .triggered, .clear, nil: return followUpNone
    }
  }
}
