import Foundation
import Testing
import VisitCoachTestSupport

/// The practice REPL driven through a pseudo-terminal, keys and all.
@Suite("Practice session in a terminal", .serialized)
struct PracticeTerminalTests {
  let prompt = "我> "

  func session(
    lang: String? = "C.UTF-8", _ args: [String] = ["practice", "busy-morning-rush", "--seed", "1"],
    home existing: String? = nil, trainee: String? = "测试学员"
  ) throws
    -> (PseudoTerminal, String)
  {
    let home = existing ?? Scratch.root + "visitcoach-home-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    var env = [
      "TERM": "xterm", "HOME": home, "PATH": "/usr/bin:/bin",
      "VISITCOACH_SCENARIOS": TestLibrary.scenariosRoot,
    ]
    if let lang { env["LANG"] = lang }
    if let trainee { env["VISITCOACH_TRAINEE"] = trainee }
    let terminal = try PseudoTerminal(BinaryRunner.executable, args, environment: env)
    return (terminal, home)
  }

  /// Types 陈老X板，您好, moves four characters left, deletes the X with Backspace and sends
  /// the line: only 陈老板，您好 earns the address criterion. Then ends with Ctrl-D.
  func editChineseAndFinish(_ t: PseudoTerminal) {
    #expect(t.expect(prompt))
    t.send("陈老X板，您好")
    #expect(t.expect("您好"))
    t.send("\u{1b}[D\u{1b}[D\u{1b}[D\u{1b}[D\u{7f}\r")
    #expect(t.expect("✓ 称呼得体"), "\(t.text.suffix(400))")
    #expect(t.expect(prompt))
    t.send("\u{04}")
    #expect(t.expect("总分"))
    #expect(t.exitStatus() == 0)
  }

  @Test func chineseLineEditingWithArrowsAndBackspace() throws {
    let (t, _) = try session()
    #expect(t.expect("Ctrl-D"))
    editChineseAndFinish(t)
  }

  @Test func tabCompletesCommandsAndHintIsShown() throws {
    let (t, _) = try session()
    #expect(t.expect(prompt))
    t.send("/hi\t")
    #expect(t.expect("/hint"))
    t.send("\r")
    #expect(t.expect("提示："))
    #expect(t.expect(prompt))
    t.send("/quit\r")
    #expect(t.expect("使用提示: 打招呼"))
    #expect(t.exitStatus() == 0)
  }

  @Test func ctrlCDiscardsTheLineAndKeepsTheSession() throws {
    let (t, _) = try session()
    #expect(t.expect(prompt))
    t.send("我不想说这句")
    #expect(t.expect("这句"))
    t.send("\u{03}")
    #expect(t.expect("^C"))
    #expect(t.expect(prompt))
    t.send("/status\r")
    #expect(t.expect("时间 00:00/20:00"), "the discarded line must not have been said")
    #expect(t.expect(prompt))
    t.send("\u{04}")
    #expect(t.exitStatus() == 0)
  }

  @Test func statusShowsTheVisitMap() throws {
    let (t, _) = try session()
    #expect(t.expect(prompt))
    t.send("/status\r")
    #expect(t.expect("环节：▶打招呼 → 开场白 → 业务沟通 → 拜别致谢"))
    #expect(t.expect(prompt))
    t.send("陈老板，您好！\r")
    #expect(t.expect(prompt))
    t.send("/next\r")
    #expect(t.expect(prompt))
    t.send("/next\r")
    #expect(t.expect(prompt))
    t.send("/status\r")
    #expect(t.expect("环节：✓打招呼 → –开场白（跳过） → ▶业务沟通 → 拜别致谢"))
    #expect(t.expect(prompt))
    t.send("\u{04}")
    #expect(t.exitStatus() == 0)
  }

  @Test func undoTakesBackTheLastLine() throws {
    let (t, _) = try session()
    #expect(t.expect(prompt))
    t.send("陈老板，您好！\r")
    #expect(t.expect("✓ 礼貌问候"))
    #expect(t.expect(prompt))
    t.send("/undo\r")
    #expect(t.expect("已撤回：「陈老板，您好！」"))
    #expect(t.expect("[打招呼 00:00/20:00]"))
    t.send("\u{04}")
    #expect(t.expect("总分 0/100"))
    #expect(t.exitStatus() == 0)
  }

  @Test func nextInTheLastPhaseSaysSoAndALongLineSaysWhyTheMoodFell() throws {
    let (t, _) = try session()
    #expect(t.expect(prompt))
    t.send("老板，我今天来主要是想跟您说说新品的事情、价签的事情、还有这个月订货的事情，您看看？\r")
    // The line may wrap after 40 on an 80-column terminal once penalties precede it.
    #expect(t.expect("忙碌：话超过 40"))
    #expect(t.expect(prompt))
    t.send("/score\r")
    #expect(t.expect("打招呼与称呼"))
    #expect(t.expect("「打招呼」环节还可以做到：礼貌问候"))
    #expect(t.expect(prompt))
    for _ in 0..<3 {
      t.send("/next\r")
      #expect(t.expect(prompt))
    }
    t.send("/next\r")
    #expect(t.expect("已经是最后一个环节「拜别致谢」了"))
    #expect(t.expect(prompt))
    t.send("/quit\r")
    #expect(t.exitStatus() == 0)
  }
  @Test func theFirstPracticeAsksTheNameAndKeepsIt() throws {
    let (t, home) = try session(trainee: nil)
    #expect(t.expect("请输入你的名字"))
    #expect(t.expect("名字> "))
    t.send("王小明\r")
    #expect(t.expect("好的，王小明。"))
    #expect(t.expect("小组或班级（可以不填，直接回车）> "))
    t.send("2026届二班\r")
    #expect(t.expect(prompt))
    t.send("陈老板，您好！\r")
    #expect(t.expect(prompt))
    t.send("/quit\r")
    #expect(t.exitStatus() == 0)
    let kept = try String(contentsOfFile: home + "/.config/visitcoach/trainee", encoding: .utf8)
    #expect(kept == "王小明\n")
    let group = try String(contentsOfFile: home + "/.config/visitcoach/group", encoding: .utf8)
    #expect(group == "2026届二班\n")
    let db = home + "/.local/share/visitcoach/visitcoach.sqlite"
    let cohort = try BinaryRunner.run([
      "cohort", "--group", "2026届二班", "--format", "json", "--db", db,
    ])
    #expect(cohort.stdout.contains("\"group\" : \"2026届二班\""), "\(cohort.stdout)")
    let mode =
      try FileManager.default.attributesOfItem(
        atPath: home + "/.config/visitcoach/trainee")[.posixPermissions] as? Int
    #expect(mode == 0o600)
    // The second practice does not ask again.
    let (again, _) = try session(home: home, trainee: nil)
    #expect(again.expect(prompt))
    #expect(!again.text.contains("请输入你的名字"))
    again.send("/quit\r")
    #expect(again.exitStatus() == 0)
  }
  @Test func aTagFixedDuringTheVisitIsFixedInTheStockTable() throws {
    let (t, _) = try session(["practice", "full-visit-urban-a", "--seed", "1"])
    #expect(t.expect(prompt))
    for line in [
      "/pack 价签", "周姐，您好！我是烟草的小李。", "/next", "金桥细支您这儿一包实际卖多少钱？",
      "我现在就把17元的价签补上，今天下午把这批价签都核实一遍。",
    ] {
      t.send(line + "\r")
      #expect(t.expect(prompt))
    }
    #expect(t.text.contains("当场换上"))
    t.send("/stock\r")
    #expect(t.expect("周销量"))
    #expect(t.expect(prompt))
    let table = t.text.components(separatedBy: "周销量").last ?? ""
    let row = table.split(separator: "\n").first { $0.contains("金桥(细支)") } ?? ""
    #expect(row.contains("17/17"), "\(row)")
    t.send("/quit\r")
    #expect(t.expect("拜访记录"))
    t.send("/quit\r")  // the record form
    #expect(t.exitStatus() == 0)
  }
  @Test func takingLeaveEndsTheSessionWithItsReport() throws {
    let (t, _) = try session()
    #expect(t.expect(prompt))
    t.send("陈老板早，我是烟草公司的小李。\r")
    #expect(t.expect(prompt))
    t.send("走了。\r")
    #expect(t.expect("嗯，走吧"), "\(t.text.suffix(400))")
    // No prompt again: the visit is over and its report follows.
    #expect(t.expect("总分"))
    #expect(t.expect("中途结束"))
    #expect(t.exitStatus() == 0)
  }

  @Test func unknownCommandSuggestsTheNearest() throws {
    let (t, _) = try session()
    #expect(t.expect(prompt))
    t.send("/stauts\r")
    #expect(t.expect("你是想输入 /status 吗"))
    #expect(t.expect(prompt))
    t.send("\u{04}")
    #expect(t.exitStatus() == 0)
  }

  @Test func worksWithNoLocaleInTheEnvironment() throws {
    let (t, _) = try session(lang: nil)
    editChineseAndFinish(t)
  }

  @Test func historyIsKeptBetweenSessions() throws {
    let (first, home) = try session()
    #expect(first.expect(prompt))
    first.send("陈老板，早上好\r")
    #expect(first.expect(prompt))
    first.send("\u{04}")
    #expect(first.exitStatus() == 0)
    let history = try String(
      contentsOfFile: home + "/.local/state/visitcoach/history", encoding: .utf8)
    #expect(history.contains("陈老板，早上好"))
    let env = [
      "TERM": "xterm", "HOME": home, "LANG": "C.UTF-8",
      "VISITCOACH_SCENARIOS": TestLibrary.scenariosRoot, "VISITCOACH_TRAINEE": "测试学员",
    ]
    let second = try PseudoTerminal(
      BinaryRunner.executable, ["practice", "busy-morning-rush"], environment: env)
    #expect(second.expect(prompt))
    second.send("\u{1b}[A")
    #expect(second.expect("陈老板，早上好"))
    second.send("\u{03}")
    #expect(second.expect(prompt))
    second.send("\u{04}")
    #expect(second.exitStatus() == 0)
  }

  @Test func sigtermEndsTheVisitWithTheReportAndKeepsTheTranscript() throws {
    let (t, home) = try session()
    #expect(t.expect(prompt))
    t.send("陈老板，您好！\r")
    #expect(t.expect("✓ 礼貌问候"))
    #expect(t.expect(prompt))
    let pids = try BinaryRunner.processIDs(named: "visitcoach", environmentContaining: home)
    for pid in pids { kill(pid, SIGTERM) }
    #expect(t.expect("总分"))
    #expect(t.exitStatus() == 0)
    let db = home + "/.local/share/visitcoach/visitcoach.sqlite"
    let report = try BinaryRunner.run(["report", "--last", "--format", "json", "--db", db])
    #expect(report.stdout.contains("陈老板，您好！"))
    let history = try BinaryRunner.run(["history", "--db", db])
    #expect(!history.stdout.contains("未完成"), "SIGTERM ends the visit like Ctrl-D")
  }

  @Test func theVisitIsPreparedBeforeTheFirstWord() throws {
    let (t, home) = try session(["practice", "supply-complaint", "--seed", "1"])
    #expect(t.expect("/ready"), "the start screen mentions the plan and appearance")
    #expect(t.expect("/pack"), "the start screen mentions packing")
    #expect(t.expect(prompt))
    t.send("/plan\r")
    #expect(t.expect("在 /plan 后面写上"))
    #expect(t.expect(prompt))
    t.send("/plan 回复金桥细支限量的事，点库存\r")
    #expect(t.expect("这次的计划：回复金桥细支限量的事，点库存"))
    #expect(t.expect("✓ 出发前想清这次拜访的目的和计划："), "the scorer's verdict on the plan")
    #expect(t.expect(prompt))
    t.send("/ready\r")
    #expect(t.expect("出门前照照镜子"), "alone, /ready lists the wardrobe")
    #expect(t.expect("6. 短裤"))
    #expect(t.expect(prompt))
    t.send("/ready 1 2 3 4 5\r")
    #expect(t.expect("出门前：工装、工作证、皮鞋、头发整齐、进店前不抽烟"))
    #expect(t.expect("✓ 出门前检查仪容仪表"))
    #expect(t.expect(prompt))
    t.send("/pack\r")
    #expect(t.expect("可带的物品"))
    #expect(t.expect(prompt))
    t.send("/pack 价存表、本子 雨伞\r")
    #expect(t.expect("清单里没有：雨伞"))
    #expect(t.expect("拜访包里："))
    #expect(t.expect("价存采集表、笔记本"))
    #expect(t.expect("✓ 拜访包带齐这次要用的东西：需要的 2 样带了 2 样"))
    #expect(t.expect(prompt))
    t.send("/help\r")
    #expect(t.expect("/record 内容|诉求|承诺|下次目标"), "/help lists every command")
    #expect(t.expect(prompt))
    t.send("赵老板，您好！\r")
    #expect(t.expect(prompt))
    t.send("/pack 价签\r")
    #expect(t.expect("已经进店开口了"))
    #expect(t.expect(prompt))
    t.send("/ready 工装\r")
    #expect(t.expect("这一步要在出发前做"))
    #expect(t.expect(prompt))
    t.send("/quit\r")
    #expect(t.expect("拜访内容> "))
    t.send("\u{04}")
    #expect(t.exitStatus() == 0)
    let db = home + "/.local/share/visitcoach/visitcoach.sqlite"
    let report = try BinaryRunner.run(["report", "--last", "--db", db])
    #expect(report.stdout.contains("✓ 拜访包带齐这次要用的东西"), "\(report.stdout)")
    #expect(report.stdout.contains("访前准备: 需要的 2 样带了 2 样"))
    #expect(report.stdout.contains("✓ 出发前想清这次拜访的目的和计划"), "\(report.stdout)")
    #expect(report.stdout.contains("✓ 出门前检查仪容仪表"))
  }

  @Test func theVisitRecordIsAskedForAfterTheVisit() throws {
    let (t, home) = try session(["practice", "supply-complaint", "--seed", "1"])
    #expect(t.expect("/brief"), "the start screen mentions the brief")
    #expect(t.expect(prompt))
    t.send("/stock\r")
    #expect(t.expect("海韵(细支)"))
    #expect(t.expect(prompt))
    t.send("赵老板，您好！\r")
    #expect(t.expect("抱怨化解"))
    #expect(t.expect(prompt))
    t.send("我现在就报给公司，明天上午给您回话。\r")
    #expect(t.expect(prompt))
    t.send("/quit\r")
    #expect(t.expect("拜访内容> "))
    t.send("听取意见，点了库存\r")
    #expect(t.expect("客户诉求或抱怨> "))
    t.send("金桥细支断货\r")
    #expect(t.expect("承诺事项及日期> "))
    t.send("明天上午给赵老板回话\r")
    #expect(t.expect("下次拜访目标> "))
    t.send("两周后回访跟进\r")
    #expect(t.expect("拜访记录"))
    #expect(t.exitStatus() == 0)
    let db = home + "/.local/share/visitcoach/visitcoach.sqlite"
    let report = try BinaryRunner.run(["report", "--last", "--db", db])
    #expect(report.stdout.contains("✓ 答应的事都记下并写明日期"), "\(report.stdout)")
  }

  @Test func theRecordFormTakesAWholeRecordLineOrStopsOnQuit() throws {
    let (t, home) = try session(["practice", "supply-complaint", "--seed", "1"])
    #expect(t.expect(prompt))
    t.send("我明天上午给您回话。\r")
    #expect(t.expect(prompt))
    t.send("/quit\r")
    #expect(t.expect("拜访内容> "))
    t.send("/look\r")
    #expect(t.expect("一行写完"), "other commands get a hint, not stored as text")
    #expect(t.expect("拜访内容> "))
    t.send("/record 听取意见 | 金桥细支断货 | 明天上午给赵老板回话 | 两周后回访\r")
    #expect(t.expect("拜访记录已保存"))
    #expect(t.exitStatus() == 0)
    let db = home + "/.local/share/visitcoach/visitcoach.sqlite"
    let report = try BinaryRunner.run(["report", "--last", "--db", db])
    #expect(report.stdout.contains("✓ 写明下次拜访目标"), "\(report.stdout)")
    #expect(report.stdout.contains("下次目标 5 字"))
    #expect(!report.stdout.contains("/record"))

    let (second, _) = try session(["practice", "supply-complaint", "--seed", "1"], home: home)
    #expect(second.expect(prompt))
    second.send("赵老板，您好！\r")
    #expect(second.expect(prompt))
    second.send("/quit\r")
    #expect(second.expect("拜访内容> "))
    second.send("听取意见，点了库存\r")
    #expect(second.expect("客户诉求或抱怨> "))
    second.send("/quit\r")
    #expect(second.expect("总分"))
    #expect(second.exitStatus() == 0)
    let partial = try BinaryRunner.run(["report", "--last", "--db", db])
    #expect(partial.stdout.contains("✓ 记下拜访内容"), "fields typed before /quit are kept")

    // Leaving before the first word: nothing to record, so no form.
    let (third, _) = try session(["practice", "supply-complaint", "--seed", "1"], home: home)
    #expect(third.expect(prompt))
    third.send("/quit\r")
    #expect(third.expect("总分"))
    #expect(!third.text.contains("拜访内容> "))
    #expect(third.exitStatus() == 0)
  }

  @Test func anUnknownScenarioOffersTheChooser() throws {
    let (t, _) = try session(["practice", "busy-mornin"])
    #expect(t.expect("没有找到剧本 “busy-mornin”"))
    #expect(t.expect("选择一个练习剧本"))
    #expect(t.expect("> "))
    t.send("1\r")
    #expect(t.expect(prompt))
    t.send("\u{04}")
    #expect(t.exitStatus() == 0)
  }

  @Test func englishInterface() throws {
    let (t, _) = try session(["practice", "busy-morning-rush", "--lang", "en"])
    #expect(t.expect("What this visit is scored on"))
    #expect(t.expect("Me> "))
    t.send("/quit\r")
    #expect(t.expect("Total"))
    #expect(t.exitStatus() == 0)
  }

  @Test func pickShowsANumberedChooser() throws {
    let (t, _) = try session(["practice", "--pick"])
    #expect(t.expect("选择一个练习剧本"))
    #expect(t.expect("busy-morning-rush"))
    #expect(t.expect("> "))
    t.send("elderly-f\t")
    #expect(t.expect("elderly-first-visit"))
    t.send("\r")
    #expect(t.expect("王秀兰"))
    #expect(t.expect(prompt))
    t.send("\u{04}")
    #expect(t.exitStatus() == 0)
  }
}

@Suite("Practice with piped input")
struct PracticePipedTests {
  @Test func pipedPracticeEqualsReplay() throws {
    let input = TestLibrary.scenariosRoot + "/samples/supply-complaint.good.txt"
    let data = try Data(contentsOf: URL(fileURLWithPath: input))
    let practice = try BinaryRunner.run(["practice", "supply-complaint"], stdin: data)
    let replay = try BinaryRunner.run(["replay", "supply-complaint", "--input", input])
    #expect(practice.status == 0)
    #expect(practice.stdout == replay.stdout)
    #expect(practice.stdout.contains("通过"))
  }

  @Test func pipedPracticeWithNoInputEndsCleanly() throws {
    let r = try BinaryRunner.run(["practice"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("总分 0/100"))
  }
}
