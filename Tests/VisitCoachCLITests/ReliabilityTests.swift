import Foundation
import GRDB
import Testing
import VisitCoachTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Faults and hostile input, driven through the real binary: a closed terminal, a full disk, a
/// killed pipe, a locked database, a changed scenario, Windows line ends, escape sequences.
/// Each test failed before the fix it pins.
@Suite("Reliability", .serialized)
struct ReliabilityTests {
  let good = TestLibrary.scenariosRoot + "/samples/busy-morning-rush.good.txt"

  /// A fresh folder for one test's database and state files.
  func workspace() throws -> String {
    let folder = Scratch.root + "visitcoach-reliability-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
  }

  func environment(_ folder: String) -> [String: String] {
    [
      "VISITCOACH_DB": folder + "/db.sqlite", "XDG_STATE_HOME": folder + "/state",
      "HOME": folder, "VISITCOACH_SCENARIOS": TestLibrary.scenariosRoot,
      "VISITCOACH_TRAINEE": "测试学员",
    ]
  }

  func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  func sessions(_ env: [String: String]) throws -> [[String: Any]] {
    let history = try BinaryRunner.run(["history", "--json"], environment: env)
    return try #require(
      try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
  }

  func storedTurns(_ id: String, _ env: [String: String]) throws -> [[String: Any]] {
    let report = try BinaryRunner.run(["report", id, "--format", "json"], environment: env)
    return try json(report.stdout)["turns"] as? [[String: Any]] ?? []
  }

  // MARK: 1. Failed writes

  @Test func closingTheTerminalStillFinishesAndStoresTheVisit() throws {
    let folder = try workspace()
    var env = environment(folder)
    env["TERM"] = "xterm"
    env["LANG"] = "C.UTF-8"
    let t = try PseudoTerminal(
      BinaryRunner.executable, ["practice", "busy-morning-rush", "--seed", "3"], environment: env)
    #expect(t.expect("我> "))
    t.send("陈老板，您好！我是烟草公司的客户经理小李。\r")
    #expect(t.expect("我> "))
    let status = t.closeTerminal()
    #expect(status == 0 || status == 1, "the program crashed: status \(String(describing: status))")
    let stored = try sessions(env)
    #expect(stored.count == 1)
    #expect(stored.first?["finished_at"] is String, "how the visit ended was never written")
    #expect(stored.first?["total"] is Int)
  }

  @Test func aFullDiskIsAMessageNotACrash() throws {
    for args in [["list"], ["replay", "busy-morning-rush", "-i", good], ["check"]] {
      let p = Process()
      p.executableURL = URL(fileURLWithPath: BinaryRunner.executable)
      p.arguments = args
      p.currentDirectoryURL = URL(fileURLWithPath: TestLibrary.repoRoot)
      p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
      let errors = Pipe()
      p.standardError = errors
      try p.run()
      let message = String(
        decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      p.waitUntilExit()
      #expect(p.terminationReason == .exit, "\(args) died of a signal")
      #expect(p.terminationStatus == 1, "\(args)")
      #expect(message.contains("cannot write to standard output"), "\(args): \(message)")
      #expect(!message.contains("Fatal error"))
    }
  }

  // MARK: 2. Piped practice keeps each turn as it is played

  @Test func pipedPracticeStoresEveryTurnBeforeReadingTheNext() throws {
    let folder = try workspace()
    let env = environment(folder)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: BinaryRunner.executable)
    p.arguments = ["practice", "busy-morning-rush"]
    p.currentDirectoryURL = URL(fileURLWithPath: TestLibrary.repoRoot)
    p.environment = ProcessInfo.processInfo.environment.merging(env) { $1 }
    let input = Pipe()
    p.standardInput = input
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    let lines = try String(contentsOfFile: good, encoding: .utf8).split(separator: "\n").prefix(3)
    input.fileHandleForWriting.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    // The pipe stays open: the program is waiting for more when it is killed.
    var turns = 0
    for _ in 0..<200 where turns < 3 {
      usleep(50_000)
      if let id = try sessions(env).first?["id"] as? String {
        turns = try storedTurns(id, env).count
      }
    }
    kill(p.processIdentifier, SIGKILL)
    p.waitUntilExit()
    #expect(turns == 3)
    let id = try #require(try sessions(env).first?["id"] as? String)
    #expect(try storedTurns(id, env).count == 3, "turns lost to kill -9")
  }

  // MARK: 3. A locked database

  @Test func aLockedDatabaseKeepsTheVisitInAFileThatResumeTakesIn() throws {
    let folder = try workspace()
    var env = environment(folder)
    env["VISITCOACH_DB_WAIT"] = "0.2"
    // An earlier visit created the database.
    let created = try BinaryRunner.run(
      ["practice", "busy-morning-rush"], stdin: Data("/quit\n".utf8), environment: env)
    #expect(created.status == 0)
    var configuration = Configuration()
    configuration.allowsUnsafeTransactions = true  // the lock is held across accesses on purpose
    let other = try DatabaseQueue(path: folder + "/db.sqlite", configuration: configuration)
    try other.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") }
    let played = try BinaryRunner.run(
      ["practice", "busy-morning-rush"], stdin: try Data(contentsOf: URL(fileURLWithPath: good)),
      environment: env)
    #expect(played.status == 0)
    #expect(played.stdout.contains("总分 100/100"))
    let file = try #require(
      played.stderr.split(whereSeparator: \.isWhitespace).map(String.init).first {
        $0.hasSuffix(".json")
      },
      "the warning names the file: \(played.stderr)")
    let kept = try json(try String(contentsOfFile: file, encoding: .utf8))
    #expect((kept["transcript"] as? [String: Any])?["turns"] as? [Any] != nil)
    #expect(((kept["transcript"] as? [String: Any])?["turns"] as? [Any])?.count == 7)
    // While the database is locked, history lists the visit kept in the file.
    let listed = try BinaryRunner.run(["history"], environment: env)
    #expect(listed.stdout.contains(file))
    try other.writeWithoutTransaction { try $0.execute(sql: "COMMIT") }

    let resumed = try BinaryRunner.run(["resume", file], environment: env)
    #expect(resumed.stderr.contains("is now stored as session"))
    #expect(!FileManager.default.fileExists(atPath: file))
    let stored = try sessions(env)
    #expect(stored.count == 2)
    #expect(stored.contains { $0["total"] as? Int == 100 })
  }

  @Test func nowhereToStoreTheVisitIsSaidPlainly() throws {
    let folder = try workspace()
    let blocker = folder + "/not-a-folder"
    try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
    let env = [
      "VISITCOACH_DB": blocker + "/db.sqlite", "XDG_STATE_HOME": blocker + "/state",
      "VISITCOACH_SCENARIOS": TestLibrary.scenariosRoot,
    ]
    let played = try BinaryRunner.run(
      ["practice", "busy-morning-rush"], stdin: Data("陈老板，您好！\n".utf8), environment: env)
    #expect(played.stderr.contains("will NOT be stored"))
    #expect(!played.stderr.contains("kept in the file"))
  }

  // MARK: 4. resume after the scenario changed

  @Test func resumeAfterAScenarioChangeNeverRewritesTheStoredTurns() throws {
    let folder = try workspace()
    let library = folder + "/scenarios"
    try FileManager.default.copyItem(atPath: TestLibrary.scenariosRoot, toPath: library)
    var env = environment(folder)
    env["VISITCOACH_SCENARIOS"] = library
    // Four turns, then the process dies (kill -9 leaves the session unfinished).
    let p = Process()
    p.executableURL = URL(fileURLWithPath: BinaryRunner.executable)
    p.arguments = ["practice", "busy-morning-rush"]
    p.environment = ProcessInfo.processInfo.environment.merging(env) { $1 }
    let input = Pipe()
    p.standardInput = input
    p.standardOutput = FileHandle.nullDevice
    try p.run()
    let lines = try String(contentsOfFile: good, encoding: .utf8).split(separator: "\n").prefix(4)
    input.fileHandleForWriting.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    var id = ""
    for _ in 0..<200 {
      usleep(50_000)
      if let found = try sessions(env).first?["id"] as? String,
        try storedTurns(found, env).count == 4
      {
        id = found
        break
      }
    }
    kill(p.processIdentifier, SIGKILL)
    p.waitUntilExit()
    let before = try storedTurns(id, env)
    #expect(before.count == 4)

    // A trainer edits the scenario: every retailer line changes.
    let file = library + "/busy-morning-rush.yaml"
    let text = try String(contentsOfFile: file, encoding: .utf8)
    try text.replacingOccurrences(of: "text: ", with: "text: 【改】").write(
      toFile: file, atomically: true, encoding: .utf8)

    let resumed = try BinaryRunner.run(
      ["resume", id], stdin: Data("/quit\n".utf8), environment: env)
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(resumed.stderr.contains("changed since session \(id)"))
    let after = try storedTurns(id, env)
    #expect(after.count == 4, "the trainee's stored turns were deleted")
    #expect(
      after.map { $0["retailer"] as? String } == before.map { $0["retailer"] as? String },
      "stored retailer lines were rewritten")
    let all = try sessions(env)
    #expect(all.count == 2)
    let continued = try #require(all.first { $0["continues"] as? String == id })
    let newID = try #require(continued["id"] as? String)
    #expect(try storedTurns(newID, env).count == 4)
  }

  @Test func readingCommandsLeaveTheDatabaseUntouched() throws {
    let folder = try workspace()
    let env = environment(folder)
    _ = try BinaryRunner.run(
      ["practice", "busy-morning-rush"], stdin: try Data(contentsOf: URL(fileURLWithPath: good)),
      environment: env)
    let file = folder + "/db.sqlite"
    let before = try Data(contentsOf: URL(fileURLWithPath: file))
    // A read-only file (a coach's copy): every reading command works on it.
    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: file)
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file) }
    for command in [
      ["history"], ["report", "--last"], ["report", "--last", "--format", "html"], ["cohort"],
      ["progress"],
    ] {
      let r = try BinaryRunner.run(command, environment: env)
      #expect(r.status == 0, "\(command): \(r.stderr)")
    }
    let after = try Data(contentsOf: URL(fileURLWithPath: file))
    #expect(before == after, "a command that only reads changed the database file")
  }

  // MARK: 5. Line ends

  @Test(arguments: ["\r\n", "\r"])
  func windowsAndOldMacLineEndsAreLines(_ end: String) throws {
    let text = try String(contentsOfFile: good, encoding: .utf8)
    let converted = text.replacingOccurrences(of: "\n", with: end)
    let path = try BinaryRunner.temporaryFile(Data(converted.utf8))
    let unix = try BinaryRunner.run(["replay", "busy-morning-rush", "-i", good, "--format", "json"])
    let other = try BinaryRunner.run([
      "replay", "busy-morning-rush", "-i", path, "--format", "json",
    ])
    #expect(other.status == 0)
    #expect(other.stdout == unix.stdout)
    let piped = try BinaryRunner.run(
      ["practice", "busy-morning-rush"], stdin: Data(converted.utf8),
      environment: ["XDG_STATE_HOME": try workspace()])
    #expect(piped.stdout.contains("总分 100/100"))
  }

  // MARK: 6. Escape sequences never reach the terminal

  static let hostile = [
    "\u{1b}[2J", "\u{1b}]0;pwned\u{7}", "\u{1b}]8;;http://x\u{1b}\\link\u{1b}]8;;\u{1b}\\",
    "\u{1b}[6n", "\u{7}", "\r", "\u{9b}31m", "\u{1b}[31m",
  ]

  /// Whether `text` holds a byte a terminal acts on (line breaks and tabs aside).
  func hasRawControls(_ text: String, allowingCRLF: Bool = false) -> Bool {
    let scalars = Array(text.unicodeScalars)
    for (i, c) in scalars.enumerated() {
      if c == "\r", allowingCRLF, i + 1 < scalars.count, scalars[i + 1] == "\n" { continue }
      if (c.value < 0x20 && c != "\n" && c != "\t") || (0x7F...0x9F).contains(c.value) {
        return true
      }
    }
    return false
  }

  @Test func escapeSequencesAreShownNotObeyedInEveryTextOutput() throws {
    let folder = try workspace()
    let env = environment(folder)
    let evil = Self.hostile.joined(separator: "x")
    let input = "陈老板\(evil)，您好！\n/undo\n您好\(evil)\n"
    let path = try BinaryRunner.temporaryFile(Data(input.utf8))
    var outputs: [(String, String)] = []
    let replay = try BinaryRunner.run(["replay", "busy-morning-rush", "-i", path])
    outputs.append(("replay", replay.stdout + replay.stderr))
    let piped = try BinaryRunner.run(
      ["practice", "busy-morning-rush", "--trainee", "学员\(evil)"], stdin: Data(input.utf8),
      environment: env)
    outputs.append(("piped practice", piped.stdout + piped.stderr))
    for format in ["text", "markdown", "html", "json"] {
      let r = try BinaryRunner.run(["report", "--last", "--format", format], environment: env)
      outputs.append(("report \(format)", r.stdout))
    }
    for command in [["history"], ["progress", "--trainee", "学员\(evil)"], ["cohort"]] {
      let r = try BinaryRunner.run(command, environment: env)
      outputs.append((command[0], r.stdout))
    }
    let html = try BinaryRunner.run(["cohort", "--format", "html"], environment: env)
    outputs.append(("cohort html", html.stdout))
    for (name, text) in outputs {
      #expect(!hasRawControls(text), "\(name) lets a control character through")
    }
    // Typed input loses its control characters; names keep them, shown visibly.
    #expect(replay.stdout.contains("陈老板[2Jx"))
    #expect(outputs.first { $0.0 == "history" }?.1.contains("学员␛[2J") == true)
    let csv = try BinaryRunner.run(["cohort", "--format", "csv"], environment: env)
    #expect(!hasRawControls(csv.stdout, allowingCRLF: true), "CSV keeps a control character")
  }

  @Test func csvCellsNeverStartAFormula() throws {
    let folder = try workspace()
    let env = environment(folder)
    for name in ["\t=HYPERLINK(\"x\")", " =1+1", "@SUM(A1)", "-2+3"] {
      _ = try BinaryRunner.run(
        ["practice", "busy-morning-rush", "--trainee", name], stdin: Data("您好\n".utf8),
        environment: env)
    }
    let csv = try BinaryRunner.run(["cohort", "--format", "csv"], environment: env)
    for row in csv.stdout.split(separator: "\r\n").dropFirst() {
      let cell = String(row.split(separator: ",", maxSplits: 2)[0])
      let unquoted = cell.hasPrefix("\"") ? String(cell.dropFirst()) : cell
      #expect(
        unquoted.hasPrefix("'") || unquoted.first.map { !"=+-@\t ".contains($0) } ?? true,
        "cell \(cell) could run as a formula")
    }
  }

  // MARK: 7–10. Loader and input limits

  @Test func idsNeverReachFilesOutsideTheLibrary() throws {
    let folder = try workspace()
    let library = folder + "/lib"
    try FileManager.default.copyItem(atPath: TestLibrary.scenariosRoot, toPath: library)
    let outside = folder + "/outside"
    try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: library + "/traits/busy.yaml", toPath: outside + "/evil.yaml")
    let file = library + "/busy-morning-rush.yaml"
    let text = try String(contentsOfFile: file, encoding: .utf8)
    try text.replacingOccurrences(of: "traits: [busy]", with: "traits: [\"../../outside/evil\"]")
      .write(toFile: file, atomically: true, encoding: .utf8)
    #expect(try String(contentsOfFile: file, encoding: .utf8).contains("outside/evil"))
    let r = try BinaryRunner.run([
      "replay", "busy-morning-rush", "-i", good, "--scenarios", library,
    ])
    #expect(r.status != 0, "a scenario using a trait outside the library was played")
    #expect(r.stderr.contains("没有特质 ‘../../outside/evil’"), "\(r.stderr)")
  }

  @Test func invisibleAndFullWidthInputIsReadAsMeant() throws {
    let input = "\u{200B}\u{200B}\u{FEFF}\n陈老板，您好！\n／ｑｕｉｔ\n您好\n"
    let path = try BinaryRunner.temporaryFile(Data(input.utf8))
    let r = try BinaryRunner.run(["replay", "busy-morning-rush", "-i", path, "--format", "json"])
    #expect(r.status == 0, "\(r.stderr)")
    let turns = try json(r.stdout)["turns"] as? [Any]
    #expect(turns?.count == 1, "a zero-width line is no turn, and ／ｑｕｉｔ ends the visit")
  }

  @Test func cohortRejectsImpossibleDates() throws {
    let folder = try workspace()
    for bad in ["2026-13-45", "2026-02-30", "yesterday", "2026-1-5"] {
      let r = try BinaryRunner.run(["cohort", "--since", bad], environment: environment(folder))
      #expect(r.status == 2, "\(bad)")
      #expect(r.stderr.contains("real date"))
    }
    let ok = try BinaryRunner.run(
      ["cohort", "--since", "2024-02-29"], environment: environment(folder))
    #expect(ok.status == 0)
  }
}
