import VisitCoachModel

/// The words of a route day: the route before setting out, the questions of the plan, the
/// heading of each stop and the day's report.
public struct RouteWording {
  public let language: InterfaceLanguage

  public init(language: InterfaceLanguage = .zh) {
    self.language = language
  }

  private var zh: Bool { language == .zh }

  /// A store by its retailer's name: 孙玉梅的店.
  public func store(_ retailer: String) -> String { zh ? "\(retailer)的店" : "\(retailer)'s store" }

  /// A store as the route lists it: its number, its retailer, what the system shows of it and
  /// the last visit.
  public struct StoreLine {
    public var number: Int
    public var store: String
    public var facts: String
    public var daysSinceVisit: Int

    public init(number: Int, store: String, facts: String, daysSinceVisit: Int) {
      self.number = number
      self.store = store
      self.facts = facts
      self.daysSinceVisit = daysSinceVisit
    }
  }

  /// What the trainee reads before setting out: the route, the standard, the stores, and what
  /// to do.
  public func introduction(_ route: RouteDay, stores: [StoreLine]) -> String {
    var lines: [String] = []
    lines.append(zh ? "片区线路：\(route.title)" : "Route: \(route.title)")
    if !route.summary.isEmpty { lines.append(route.summary) }
    lines.append(
      zh
        ? "今天能用在拜访上的时间：\(route.dayMinutes) 分钟（两家店之间路上 \(route.travelMinutes) 分钟）。"
        : "Time for visits today: \(route.dayMinutes) minutes (\(route.travelMinutes) minutes between two stores)."
    )
    lines.append(zh ? "分类标准：\(route.standard)" : "Classification standard: \(route.standard)")
    lines.append(zh ? "线路上的店（系统里的数据）：" : "The stores on the route (data from the system):")
    for s in stores {
      lines.append(
        zh
          ? "  \(s.number). \(store(s.store))：\(s.facts)；上次拜访是 \(s.daysSinceVisit) 天前"
          : "  \(s.number). \(store(s.store)): \(s.facts); last visited \(s.daysSinceVisit) days ago"
      )
    }
    lines.append(
      zh
        ? "出发前两件事：先给每家店分类（A、B、C），再定今天跑哪几家（A 类每周一次、B 类两周一次、C 类每月一次）。"
        : "Two things before you set out: classify every store (A, B or C), then choose today's stores (A weekly, B every two weeks, C monthly)."
    )
    return lines.joined(separator: "\n")
  }

  /// The prompt that asks a store's class.
  public func classPrompt(_ store: StoreLine) -> String {
    zh
      ? "\(store.number). \(self.store(store.store)) 是哪类客户（A/B/C）> "
      : "\(store.number). \(self.store(store.store)): class (A/B/C)> "
  }

  /// An answer that names no class.
  public var notAClass: String { zh ? "请输入 A、B 或 C" : "Type A, B or C" }

  /// The prompt that asks which stores to visit today.
  public var choicePrompt: String {
    zh
      ? "今天跑哪几家？输入编号，用空格隔开（如 1 3 4）> "
      : "Which stores today? Their numbers, separated by spaces (e.g. 1 3 4)> "
  }

  /// An answer that names no store of the route.
  public func notStores(count: Int) -> String {
    zh ? "请输入 1 到 \(count) 之间的编号" : "Type numbers from 1 to \(count)"
  }

  /// The heading before a stop: its place in the day, the store (by its retailer), its budget
  /// and the day's clock.
  public func stopHeading(
    number: Int, of total: Int, store: String, budgetMinutes: Int, usedMinutes: Int,
    dayMinutes: Int
  ) -> String {
    zh
      ? "—— 第 \(number)/\(total) 站：\(self.store(store))（这家限时 \(budgetMinutes) 分钟；今天已用 \(usedMinutes)/\(dayMinutes) 分钟）——"
      : "—— Stop \(number)/\(total): \(self.store(store)) (\(budgetMinutes) minutes for this store; \(usedMinutes)/\(dayMinutes) minutes of the day used) ——"
  }

  /// The day ran out before this store.
  public func outOfTime(_ store: String) -> String {
    zh
      ? "时间不够了，\(self.store(store)) 今天去不成。"
      : "Out of time: \(self.store(store)) is not reached today."
  }

  /// The day's report: the score, the classification, the plan, each visit and the clock.
  public func report(_ r: RouteDayResult) -> String {
    var lines: [String] = []
    lines.append(
      zh
        ? "\(r.routeTitle)：今天 \(r.total) 分，\(r.passed ? "合格" : "不合格")"
        : "\(r.routeTitle): \(r.total) today, \(r.passed ? "passed" : "not passed")")
    let right = r.stops.filter(\.classifiedRight).count
    lines.append(
      zh
        ? "  客户分类：对了 \(right)/\(r.stops.count)（\(r.classificationPercent)%）"
        : "  Classification: \(right)/\(r.stops.count) right (\(r.classificationPercent)%)")
    for s in r.stops where !s.classifiedRight {
      let given = s.classifiedAs ?? (zh ? "没答" : "none")
      lines.append(
        zh
          ? "    ✗ \(store(s.store))：你分的是 \(given)，应是 \(s.actualClass) 类"
          : "    ✗ \(store(s.store)): you said \(given), it is class \(s.actualClass)")
    }
    lines.append(
      zh
        ? "  今天跑哪几家：\(r.planPercent)% 合乎拜访频次"
        : "  Today's stores: \(r.planPercent)% follow the visit rhythm")
    for s in r.stops where s.chosen != s.due {
      lines.append(
        zh
          ? (s.due
            ? "    ✗ \(store(s.store)) 今天该去（\(s.actualClass) 类到期了）却没排上"
            : "    ✗ \(store(s.store)) 还没到拜访周期（\(s.actualClass) 类），今天不用去")
          : (s.due
            ? "    ✗ \(store(s.store)) was due today (class \(s.actualClass)) but not chosen"
            : "    ✗ \(store(s.store)) was not due yet (class \(s.actualClass))"))
    }
    lines.append(
      zh
        ? "  拜访（到期的店，没去的算 0 分）：平均 \(r.visitsPercent) 分"
        : "  Visits (due stores; one not visited counts 0): mean \(r.visitsPercent)")
    for s in r.stops where s.visit != nil || s.chosen {
      guard let v = s.visit else {
        lines.append(zh ? "    \(store(s.store))：没去成" : "    \(store(s.store)): not reached")
        continue
      }
      let time =
        zh
        ? "用时 \(v.minutes) 分钟（限 \(v.budgetMinutes) 分钟）"
        : "\(v.minutes) minutes (budget \(v.budgetMinutes))"
      let blockers =
        v.blockers.isEmpty
        ? "" : (zh ? "；一票否决：" : "; blockers: ") + v.blockers.joined(separator: zh ? "、" : ", ")
      lines.append(
        zh
          ? "    \(store(s.store))：\(v.total) 分，\(v.passed ? "通过" : "未通过")，\(time)\(blockers)"
          : "    \(store(s.store)): \(v.total), \(v.passed ? "passed" : "not passed"), \(time)\(blockers)"
      )
    }
    lines.append(
      zh
        ? "  今天用了 \(r.minutesUsed)/\(r.dayMinutes) 分钟（含路上）"
        : "  Used \(r.minutesUsed)/\(r.dayMinutes) minutes of the day (travel included)")
    if !r.notReached.isEmpty {
      lines.append(
        zh
          ? "  时间不够没去成：\(r.notReached.map(store).joined(separator: "、"))"
          : "  Not reached: \(r.notReached.map(store).joined(separator: ", "))")
    }
    let w = RouteDayResult.weights
    let mark = RouteDayResult.passMark
    lines.append(
      zh
        ? "  （计分：到期各店的拜访占 \(w.visits)%，分类占 \(w.classification)%，排店占 \(w.plan)%；及格 \(mark) 分，任何一家触犯一票否决或漏掉到期的店都不合格）"
        : "  (Scoring: the due stores' visits \(w.visits)%, classification \(w.classification)%, choice of stores \(w.plan)%; \(mark) passes; a blocker in any visit or a due store missed fails the day)"
    )
    return lines.joined(separator: "\n")
  }

  /// The trainee's stored route days, newest first, one line each.
  public func history(_ days: [RouteDayResult], trainee: String) -> String {
    guard !days.isEmpty else {
      return zh
        ? "\(trainee) 还没有跑过片区线路（visitcoach route）\n"
        : "\(trainee) has no route days yet ('visitcoach route')\n"
    }
    return days.map { d in
      let date = String(d.date.prefix(10))
      return zh
        ? "\(date)  \(d.routeTitle)  \(d.total) 分  \(d.passed ? "合格" : "不合格")"
        : "\(date)  \(d.routeTitle)  \(d.total)  \(d.passed ? "passed" : "not passed")"
    }.joined(separator: "\n") + "\n"
  }
}
