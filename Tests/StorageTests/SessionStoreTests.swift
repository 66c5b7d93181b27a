import Foundation
import GRDB
import Scoring
import Testing
import VisitCoachModel
import VisitCoachTestSupport

@testable import Storage

func temporaryDatabase() -> String {
  Scratch.root + "visitcoach-store-\(UUID().uuidString)/visitcoach.sqlite"
}

func turn(_ i: Int, _ text: String, retailer: String? = "嗯。") -> Turn {
  Turn(
    index: i, kind: .say, phase: "greeting", trainee: text, retailer: retailer,
    retailerLineID: "plain",
    moodBefore: 50, mood: 52, patience: 60, clockStart: (i - 1) * 10, clock: i * 10)
}

@Suite("Session store")
struct SessionStoreTests {
  let scenario = TestLibrary.scenario("busy-morning-rush")

  @Test func theNewestSessionIsTheOneThatEndedLast() throws {
    let store = try SessionStore(path: temporaryDatabase())
    let resumed = try store.start(
      trainee: "小王", scenario: scenario, seed: 1, openingLine: nil,
      startedAt: "2026-12-01T10:00:00+08:00")
    let later = try store.start(
      trainee: "小王", scenario: scenario, seed: 2, openingLine: nil,
      startedAt: "2026-12-01T11:00:00+08:00")
    #expect(try store.newestSession()?.id == later)
    // The first one is resumed and finished now: it is what "the last session" means.
    let transcript = Transcript(scenarioID: scenario.id, seed: 1, turns: [turn(1, "陈老板，您好！")])
    try store.finish(
      resumed, transcript: transcript, report: Scorer.score(transcript, scenario: scenario))
    #expect(try store.newestSession()?.id == resumed)
  }

  @Test func migratesAnEmptyDatabase() throws {
    let store = try SessionStore(path: temporaryDatabase())
    #expect(
      try store.appliedMigrations() == [
        "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9", "v10", "v11", "v12", "v13", "v14",
        "v15",
      ])
  }

  @Test func migratesFromThePreviousSchemaKeepingData() throws {
    let path = temporaryDatabase()
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    let old = try SessionStore(path: path, upTo: "v1")
    #expect(try old.appliedMigrations() == ["v1"])
    let id = try old.start(trainee: "小王", scenario: scenario, seed: 7, openingLine: "来了？")
    // What a v1-era binary wrote: a turn row, no later columns.
    try old.pool.write { db in
      try db.execute(
        sql: """
          INSERT INTO turn (session_id, idx, kind, phase, trainee, retailer, retailer_line, mood_before, mood,
                            patience, clock_start, clock)
          VALUES (?, 1, 'say', 'greeting', '您好', '嗯。', 'plain', 50, 52, 60, 0, 10)
          """, arguments: [id])
    }
    let upgraded = try SessionStore(path: path)
    #expect(
      try upgraded.appliedMigrations() == [
        "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9", "v10", "v11", "v12", "v13", "v14",
        "v15",
      ])
    #expect(try upgraded.transcript(id).turns.map(\.trainee) == ["您好"])
    #expect(try upgraded.sessions().first?.trainee == "小王")
  }

  @Test func upgradingToV3FillsAreaScoresFromStoredReports() throws {
    let path = temporaryDatabase()
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    let v2 = try SessionStore(path: path, upTo: "v2")
    defer { _ = v2 }
    let id = try v2.start(trainee: "小张", scenario: scenario, seed: 1, openingLine: nil)
    let transcript = Transcript(scenarioID: scenario.id, seed: 1, turns: [turn(1, "陈老板，您好！")])
    // What a v2-era binary stored: the report as JSON and the findings, no area scores.
    let report = Scorer.score(transcript, scenario: scenario)
    let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
    try v2.pool.write { db in
      try db.execute(
        sql:
          "UPDATE session SET finished_at = ?, total = ?, passed = ?, report_json = ? WHERE id = ?",
        arguments: ["2026-11-27T10:00:00Z", report.total, report.passed, json, id])
    }
    let upgraded = try SessionStore(path: path)
    let progress = try upgraded.progress(trainee: "小张")
    #expect(
      progress.areas.map(\.id) == ["greeting", "opening", "farewell", "conduct", "compliance"])
    // The attempt is listed with its area scores (one line said: shown, not counted in trends).
    #expect(progress.attempts.last?.areas["greeting"] != nil)
  }

  @Test func theVisitRecordAndThePreparationAreStored() throws {
    let store = try SessionStore(path: temporaryDatabase())
    let id = try store.start(trainee: "李", scenario: scenario, seed: 1, openingLine: nil)
    var t = Transcript(scenarioID: scenario.id, seed: 1, turns: [turn(1, "您好")])
    t.record = VisitRecord(line: "内容：看了库存 | 诉求：金桥断货 | 承诺：明天回话 | 下次：两周后")
    t.packed = ["stock-form", "notebook"]
    t.plan = "回复金桥细支限量的事；点库存"
    t.appearanceChecked = true
    try store.sync(id, transcript: t)
    let back = try store.transcript(id)
    #expect(back.packed == ["stock-form", "notebook"])
    #expect(back.plan == "回复金桥细支限量的事；点库存")
    #expect(back.appearanceChecked == true)
    let stored = try #require(try store.transcript(id).record)
    #expect(
      stored == VisitRecord(content: "看了库存", requests: "金桥断货", promises: "明天回话", nextGoal: "两周后"))
  }

  @Test func turnsAreSyncedIncludingUndo() throws {
    let store = try SessionStore(path: temporaryDatabase())
    let id = try store.start(trainee: "李", scenario: scenario, seed: 1, openingLine: nil)
    var t = Transcript(scenarioID: scenario.id, seed: 1)
    t.turns = [turn(1, "一"), turn(2, "二"), turn(3, "三")]
    try store.sync(id, transcript: t)
    t.turns = [turn(1, "一"), turn(2, "另一句")]
    try store.sync(id, transcript: t)
    #expect(try store.transcript(id).turns.map(\.trainee) == ["一", "另一句"])
    t.hintsUsed = ["greeting"]
    try store.sync(id, transcript: t)
    #expect(try store.transcript(id).hintsUsed == ["greeting"])
  }

  @Test func sessionsAreFoundByPrefixAndFinishedWithFindings() throws {
    let store = try SessionStore(path: temporaryDatabase())
    let id = try store.start(
      trainee: "<script>alert(1)</script>", scenario: scenario, seed: 1, openingLine: nil)
    #expect(try store.session(matching: String(id.prefix(17)))?.id == id)
    #expect(try store.session(matching: "nope") == nil)
    let transcript = Transcript(scenarioID: scenario.id, seed: 1, turns: [turn(1, "您好 & <b>")])
    let report = Scorer.score(transcript, scenario: scenario)
    try store.finish(id, transcript: transcript, report: report)
    let record = try #require(try store.sessions(trainee: "<script>alert(1)</script>").first)
    #expect(record.isFinished)
    #expect(record.total == report.total)
    #expect(try store.report(id) == report)
    let findings = try store.findings(of: [id])[id] ?? []
    #expect(findings.contains { $0.criterionID == "greeting.polite_opener" && $0.status == .met })
  }
}
