import Foundation
import GRDB
import Testing
import VisitCoachTestSupport

/// Sessions kept in SQLite, driven through the real binary.
@Suite("Stored sessions", .serialized)
struct SessionStorageTests {
  func database() -> String {
    Scratch.root + "visitcoach-sessions-\(UUID().uuidString).sqlite"
  }

  @Test func severalProcessesWriteToOneDatabaseAtOnce() throws {
    let db = database()
    let input = TestLibrary.scenariosRoot + "/samples/busy-morning-rush.good.txt"
    let lines = try String(contentsOfFile: input, encoding: .utf8).split(separator: "\n").count
    var processes: [Process] = []
    for n in 0..<8 {
      let p = Process()
      p.executableURL = URL(fileURLWithPath: BinaryRunner.executable)
      p.arguments = ["practice", "busy-morning-rush", "--trainee", "学员\(n)", "--db", db]
      p.currentDirectoryURL = URL(fileURLWithPath: TestLibrary.repoRoot)
      p.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: input))
      p.standardOutput = FileHandle.nullDevice
      try p.run()
      processes.append(p)
    }
    for p in processes { p.waitUntilExit() }
    #expect(processes.allSatisfy { $0.terminationStatus == 0 })
    let history = try BinaryRunner.run(["history", "--json", "--db", db])
    let sessions = try #require(
      try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
    #expect(sessions.count == 8)
    #expect(Set(sessions.compactMap { $0["trainee"] as? String }) == Set((0..<8).map { "学员\($0)" }))
    for s in sessions {
      let id = try #require(s["id"] as? String)
      let report = try BinaryRunner.run(["report", id, "--format", "json", "--db", db])
      let json = try #require(
        try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
      #expect((json["turns"] as? [Any])?.count == lines, "session \(id) lost or mixed turns")
      #expect(json["passed"] as? Bool == true)
    }
  }

  @Test func aKilledSessionKeepsItsTurnsAndCanBeResumed() throws {
    let db = database()
    let home = Scratch.root + "visitcoach-home-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    let env = [
      "TERM": "xterm", "HOME": home, "LANG": "C.UTF-8", "VISITCOACH_DB": db,
      "VISITCOACH_SCENARIOS": TestLibrary.scenariosRoot,
    ]
    let t = try PseudoTerminal(
      BinaryRunner.executable, ["practice", "supply-complaint", "--seed", "2", "--trainee", "小王"],
      environment: env)
    #expect(t.expect("我> "))
    t.send("赵老板，您好！我是烟草的小李。\r")
    #expect(t.expect("我> "))
    t.send("您慢慢说，我听着，换谁都着急。\r")
    #expect(t.expect("共情体谅"))
    #expect(t.expect("我> "))
    for pid in try BinaryRunner.processIDs(named: "visitcoach", environmentContaining: home) {
      kill(pid, SIGKILL)
    }
    _ = t.exitStatus(timeout: 5)

    let history = try BinaryRunner.run(["history", "--db", db])
    #expect(history.stdout.contains("小王"))
    #expect(history.stdout.contains("未完成"))
    let unfinished = try BinaryRunner.run(["report", "--last", "--db", db])
    #expect(unfinished.stdout.contains("未完成"))
    #expect(unfinished.stdout.contains("换谁都着急"))

    let resumed = try BinaryRunner.run(
      ["resume", "--db", db], stdin: Data("您说的是金桥细支吧？这礼拜订了几条？\n/quit\n".utf8))
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(resumed.stdout.contains("换谁都着急"), "the recap shows the turns said before the kill")
    #expect(resumed.stdout.contains("✓ 问清具体情况"))
    let report = try BinaryRunner.run(["report", "--last", "--format", "json", "--db", db])
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
    #expect((json["turns"] as? [Any])?.count == 3)
    let after = try BinaryRunner.run(["history", "--db", db])
    #expect(!after.stdout.contains("未完成"))
  }

  @Test func afterARescoreEveryViewReadsTheSameTotal() throws {
    let db = database()
    let input = TestLibrary.scenariosRoot + "/samples/elderly-first-visit.mediocre.txt"
    let first = try BinaryRunner.run(
      ["practice", "elderly-first-visit", "--trainee", "小何", "--db", db],
      stdin: try Data(contentsOf: URL(fileURLWithPath: input)))
    #expect(first.status == 0)
    let unchanged = try BinaryRunner.run(["rescore", "--all", "--db", db])
    #expect(unchanged.stdout.contains("1 already scored with the current content"))
    // A trainer makes the farewell area count for much more.
    let library = Scratch.root + "visitcoach-rescore-\(UUID().uuidString)"
    try FileManager.default.copyItem(atPath: TestLibrary.scenariosRoot, toPath: library)
    let rubric = library + "/rubrics/farewell.yaml"
    try String(contentsOfFile: rubric, encoding: .utf8).replacingOccurrences(
      of: "weight: 20", with: "weight: 60"
    )
    .write(toFile: rubric, atomically: true, encoding: .utf8)
    let rescore = try BinaryRunner.run(["rescore", "--all", "--db", db, "--scenarios", library])
    #expect(rescore.status == 0, "\(rescore.stderr)")
    #expect(rescore.stdout.contains("re-scored 1 session(s), 1 changed"))
    func json(_ arguments: [String]) throws -> Any {
      let r = try BinaryRunner.run(arguments + ["--db", db])
      #expect(r.status == 0, "\(arguments): \(r.stderr)")
      return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
    }
    let history = try #require(try json(["history", "--json"]) as? [[String: Any]])
    let original = try #require(history.first?["original_total"] as? Int)
    let total = try #require(history.first?["total"] as? Int)
    #expect(original != total)
    #expect(
      history.first?["rescored_fingerprint"] as? String != history.first?["fingerprint"] as? String)
    // The stored report is the re-scored one: it reads the same with the changed library gone.
    try FileManager.default.removeItem(atPath: library)
    let report = try #require(try json(["report", "--last", "--format", "json"]) as? [String: Any])
    #expect(report["total"] as? Int == total)
    let progress = try #require(
      try json(["progress", "--trainee", "小何", "--format", "json"]) as? [String: Any])
    let attempts = try #require(progress["attempts"] as? [[String: Any]])
    #expect(attempts.map { $0["total"] as? Int } == [total])
    let cohort = try #require(try json(["cohort", "--format", "json"]) as? [String: Any])
    let trainees = try #require(cohort["trainees"] as? [[String: Any]])
    #expect(trainees.first?["latest_total"] as? Int == total)
    // The area scores follow too: farewell now weighs 60 in the report, progress and history.
    let areas = try #require(report["areas"] as? [[String: Any]])
    #expect(areas.first { $0["id"] as? String == "farewell" }?["weight"] as? Int == 60)
    // The first total stays visible above the report.
    let text = try BinaryRunner.run(["report", "--last", "--db", db])
    #expect(text.stdout.contains("重新评分（原 \(original) 分）"), "\(text.stdout.prefix(300))")
  }

  @Test func aReportStoredBeforeAnOldRescoreIsScoredAgainWhileItsContentIsAtHand() throws {
    let db = database()
    let sample = TestLibrary.scenariosRoot + "/samples/elderly-first-visit.mediocre.txt"
    // Played with content A (farewell weighs more)...
    let library = Scratch.root + "visitcoach-stale-\(UUID().uuidString)"
    try FileManager.default.copyItem(atPath: TestLibrary.scenariosRoot, toPath: library)
    let rubric = library + "/rubrics/farewell.yaml"
    try String(contentsOfFile: rubric, encoding: .utf8).replacingOccurrences(
      of: "weight: 20", with: "weight: 60"
    ).write(toFile: rubric, atomically: true, encoding: .utf8)
    let played = try BinaryRunner.run(
      ["practice", "elderly-first-visit", "--db", db, "--scenarios", library],
      stdin: try Data(contentsOf: URL(fileURLWithPath: sample)))
    #expect(played.status == 0, "\(played.stderr)")
    func report(_ extra: [String]) throws -> [String: Any] {
      let r = try BinaryRunner.run(["report", "--last", "--format", "json", "--db", db] + extra)
      #expect(r.status == 0, "\(r.stderr)")
      return try #require(
        try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }
    let contentA = try #require(try report([])["fingerprint"] as? String)
    // ...then re-scored with the shipped content B the way schema v14 did it: the numbers
    // changed, the stored report stayed the first one.
    let replayed = try BinaryRunner.run([
      "replay", "elderly-first-visit", "-i", sample, "--format", "json",
    ])
    let shipped = try #require(
      try JSONSerialization.jsonObject(with: Data(replayed.stdout.utf8)) as? [String: Any])
    let contentB = try #require(shipped["fingerprint"] as? String)
    let totalB = try #require(shipped["total"] as? Int)
    #expect(contentA != contentB)
    try DatabaseQueue(path: db).write { db in
      try db.execute(
        sql: """
          UPDATE session SET original_total = total, total = ?, rescored_at = '2026-12-01T10:00:00Z',
                             rescored_fingerprint = ?
          """, arguments: [totalB, contentB])
    }
    // With content B at hand the report is scored again and agrees with history.
    let current = try report([])
    #expect(current["fingerprint"] as? String == contentB)
    #expect(current["total"] as? Int == totalB)
    // Without it, the stored report is shown, and it names the content that scored it.
    try FileManager.default.removeItem(atPath: library)
    let stored = try report(["--scenarios", library])
    #expect(stored["fingerprint"] as? String == contentA)
  }

  @Test func aStoredReportRendersWithItsScenarioGone() throws {
    let db = database()
    let library = Scratch.root + "visitcoach-gone-\(UUID().uuidString)"
    try FileManager.default.copyItem(atPath: TestLibrary.scenariosRoot, toPath: library)
    let input = TestLibrary.scenariosRoot + "/samples/busy-morning-rush.good.txt"
    let played = try BinaryRunner.run(
      ["practice", "busy-morning-rush", "--trainee", "小周", "--db", db, "--scenarios", library],
      stdin: try Data(contentsOf: URL(fileURLWithPath: input)))
    #expect(played.status == 0, "\(played.stderr)")
    try FileManager.default.removeItem(atPath: library)
    for format in ["text", "markdown", "html", "json"] {
      let r = try BinaryRunner.run([
        "report", "--last", "--format", format, "--db", db, "--scenarios", library,
      ])
      #expect(r.status == 0, "\(format): \(r.stderr)")
      // The retailer's name and the phase titles come from the stored report itself.
      #expect(r.stdout.contains("陈建华"), "\(format)")
      #expect(r.stdout.contains("打招呼"), "\(format)")
      #expect(!r.stdout.contains("零售户:"), "\(format)")
      if format != "json" {
        #expect(!r.stdout.contains("[greeting "), "\(format): a raw phase id")
        #expect(!r.stdout.contains(">greeting<"), "\(format): a raw phase id")
      }
    }
  }

  @Test func markdownReportOfAStoredSession() throws {
    let db = database()
    let input = TestLibrary.scenariosRoot + "/samples/busy-morning-rush.poor.txt"
    _ = try BinaryRunner.run(
      ["practice", "busy-morning-rush", "--trainee", "<script>alert(1)</script>", "--db", db],
      stdin: try Data(contentsOf: URL(fileURLWithPath: input)))
    let r = try BinaryRunner.run(["report", "--last", "--format", "markdown", "--db", db])
    #expect(r.status == 0)
    #expect(r.stdout.contains("# 拜访评分报告"))
    #expect(r.stdout.contains("\\<script\\>alert\\(1\\)\\</script\\>"))
    #expect(!r.stdout.contains("<script>"))
  }
}

@Suite("Coaching views", .serialized)
struct CoachingViewTests {
  /// A database with three trainees, each with a poor, a mediocre and a good visit.
  static let db: String = {
    let db = Scratch.root + "visitcoach-coaching-\(UUID().uuidString).sqlite"
    for trainee in ["小王", "小李", "<script>alert(1)</script>", "=HYPERLINK(\"x\"),\"q\""] {
      for kind in ["poor", "mediocre", "good"] {
        let input = TestLibrary.scenariosRoot + "/samples/busy-morning-rush.\(kind).txt"
        _ = try? BinaryRunner.run(
          ["practice", "busy-morning-rush", "--trainee", trainee, "--db", db],
          stdin: (try? Data(contentsOf: URL(fileURLWithPath: input))) ?? Data())
      }
    }
    return db
  }()

  @Test func progressShowsFirstBestLatest() throws {
    let r = try BinaryRunner.run(["progress", "--trainee", "小王", "--db", Self.db])
    #expect(r.status == 0)
    #expect(r.stdout.contains("学员 小王 的练习进度（3 次）"))
    let json = try BinaryRunner.run([
      "progress", "--trainee", "小王", "--format", "json", "--db", Self.db,
    ])
    let parsed = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let totals = (parsed["attempts"] as? [[String: Any]])?.compactMap { $0["total"] as? Int } ?? []
    #expect(totals.count == 3)
    #expect(totals.last == 100)
    #expect(totals.first ?? 100 < 10)
  }

  @Test func cohortHTMLEscapesEverything() throws {
    let r = try BinaryRunner.run(["cohort", "--format", "html", "--db", Self.db])
    #expect(r.status == 0)
    #expect(!r.stdout.contains("<script>alert"))
    #expect(r.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(r.stdout.contains("<svg"))
    #expect(!r.stdout.contains("http://") && !r.stdout.contains("https://"), "no network resources")
  }

  @Test func reportHTMLIsSelfContained() throws {
    let r = try BinaryRunner.run(["report", "--last", "--format", "html", "--db", Self.db])
    #expect(r.status == 0)
    #expect(r.stdout.hasPrefix("<!DOCTYPE html>"))
    #expect(r.stdout.contains("<style>"))
    #expect(r.stdout.contains("<polygon"), "radar chart of the areas")
    #expect(!r.stdout.contains("<script"))
  }

  @Test func utterancesAreEscapedInHTML() throws {
    let db = Scratch.root + "visitcoach-escape-\(UUID().uuidString).sqlite"
    _ = try BinaryRunner.run(
      ["practice", "busy-morning-rush", "--db", db],
      stdin: Data("陈老板 & 您好 <b>\"加粗\"</b> 'x'\n".utf8))
    let r = try BinaryRunner.run(["report", "--last", "--format", "html", "--db", db])
    #expect(r.stdout.contains("陈老板 &amp; 您好 &lt;b&gt;&quot;加粗&quot;&lt;/b&gt; &#39;x&#39;"))
    #expect(!r.stdout.contains("<b>\"加粗"))
  }

  @Test func cohortCSVOpensInASpreadsheet() throws {
    let r = try BinaryRunner.run(["cohort", "--format", "csv", "--db", Self.db])
    #expect(r.status == 0)
    #expect(r.stdout.hasPrefix("\u{FEFF}"), "UTF-8 with BOM for Excel")
    let path = try BinaryRunner.temporaryFile(Data(r.stdout.utf8), suffix: ".csv")
    let python = Process()
    python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    python.arguments = [
      "python3", "-c",
      "import csv,sys,json; print(json.dumps(list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))))",
      path,
    ]
    let pipe = Pipe()
    python.standardOutput = pipe
    try python.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    python.waitUntilExit()
    let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[String]])
    #expect(rows.first == ["学员", "小组", "练习次数", "最近得分", "最近是否通过", "最好得分", "最近一次练习"])
    let trainees = rows.dropFirst().map { $0[0] }
    #expect(Set(trainees) == ["小王", "小李", "<script>alert(1)</script>", "'=HYPERLINK(\"x\"),\"q\""])
    #expect(rows.allSatisfy { $0.count == 7 }, "one table: every row has the header's columns")
  }

  @Test func aVisitCutOffAfterAWordIsShownButNotCounted() throws {
    let db = Scratch.root + "visitcoach-short-\(UUID().uuidString).sqlite"
    let good = try String(
      contentsOfFile: TestLibrary.scenariosRoot + "/samples/busy-morning-rush.good.txt",
      encoding: .utf8)
    for input in [good, "陈老板，您好\n"] {
      let r = try BinaryRunner.run(
        ["practice", "busy-morning-rush", "--trainee", "小短", "--db", db], stdin: Data(input.utf8))
      #expect(r.status == 0)
    }
    let progress = try BinaryRunner.run(["progress", "--trainee", "小短", "--db", db])
    #expect(progress.stdout.contains("另有 1 次未完成"), "\(progress.stdout)")
    #expect(!progress.stdout.contains("→ 0"), "the cut-off visit is not in the trend")
    let html = try BinaryRunner.run(["progress", "--trainee", "小短", "--format", "html", "--db", db])
    #expect(html.stdout.contains("未完成"))
    let cohort = try BinaryRunner.run(["cohort", "--format", "json", "--db", db])
    let parsed = try #require(
      try JSONSerialization.jsonObject(with: Data(cohort.stdout.utf8)) as? [String: Any])
    let rows = try #require(parsed["trainees"] as? [[String: Any]])
    #expect(rows.first?["attempts"] as? Int == 1, "only the whole visit counts")
  }

  @Test func cohortWritesOneTablePerFileInTheCoachsZone() throws {
    for (table, header) in [
      ("criteria", "要点,要点编号,适用次数,没做到次数,没做到比例"),
      ("scenarios", "剧本,剧本编号,练习次数,通过次数,通过率,平均分"),
    ] {
      let r = try BinaryRunner.run(
        ["cohort", "--format", "csv", "--table", table, "--db", Self.db])
      #expect(r.status == 0)
      #expect(r.stdout.hasPrefix("\u{FEFF}" + header + "\r\n"), "\(r.stdout.prefix(80))")
    }
    let english = try BinaryRunner.run(
      ["cohort", "--format", "csv", "--table", "scenarios", "--lang", "en", "--db", Self.db])
    #expect(english.stdout.hasPrefix("\u{FEFF}scenario,id,attempts,passed,pass rate,mean total"))
    // The same session's time, eight hours apart in Shanghai and in UTC.
    let utc = try BinaryRunner.run(["cohort", "--tz", "UTC", "--db", Self.db])
    let shanghai = try BinaryRunner.run(["cohort", "--tz", "Asia/Shanghai", "--db", Self.db])
    func times(_ text: String) -> [String] {
      text.split(separator: "\n").compactMap { line in
        line.range(of: #"\d{4}-\d\d-\d\d \d\d:\d\d$"#, options: .regularExpression).map {
          String(line[$0])
        }
      }
    }
    let a = times(utc.stdout)
    let b = times(shanghai.stdout)
    #expect(!a.isEmpty && a.count == b.count)
    let parse = DateFormatter()
    parse.dateFormat = "yyyy-MM-dd HH:mm"
    parse.timeZone = TimeZone(identifier: "UTC")
    for (x, y) in zip(a, b) {
      let gap = parse.date(from: y)!.timeIntervalSince(parse.date(from: x)!)
      #expect(gap == 8 * 3600, "\(x) in UTC is \(y) in Shanghai")
    }
    #expect(utc.stdout.contains("名学员"), "the heading says what the view covers")
    let wrong = try BinaryRunner.run(["cohort", "--tz", "Mars/Base", "--db", Self.db])
    #expect(wrong.status != 0)
    #expect(wrong.stderr.contains("unknown time zone"))
  }
}
