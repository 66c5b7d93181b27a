import CompactCoding
import Foundation
import GRDB
import Scoring
import Simulation
import Testing
import TraineeInput
import VisitCoachModel
import VisitCoachTestSupport

@testable import Storage

/// Every shipped sample visit, played and scored: the reports storage must give back exactly.
private let sampleVisits: [(scenario: Scenario, transcript: Transcript, report: ScoreReport)] = {
  var out: [(Scenario, Transcript, ScoreReport)] = []
  for scenario in TestLibrary.shipped.scenarios {
    for kind in ["good", "mediocre", "poor"] {
      let path = "\(TestLibrary.scenariosRoot)/samples/\(scenario.id).\(kind).txt"
      guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
      var run = VisitRun(scenario: scenario, seed: 1)
      run.play((try? Script.parse(text)) ?? [])
      var visit = run.conversation
      visit.finish()
      out.append((scenario, visit.transcript, visit.report))
    }
  }
  return out
}()

@Suite("Compact storage")
struct CompactStorageTests {
  @Test func deflateGivesBackWhatItTookAndRefusesDamage() throws {
    for text in ["", "a", String(repeating: "陈老板您好，", count: 2_000)] {
      let bytes = Array(text.utf8)
      #expect(try Deflate.inflate(Deflate.deflate(bytes)) == bytes)
    }
    var damaged = Deflate.deflate(Array(String(repeating: "金桥", count: 100).utf8))
    damaged[damaged.count / 2] ^= 0x55
    #expect((try? Deflate.inflate(damaged)) == nil)
    #expect((try? Deflate.inflate([1, 0])) == nil)
    // A length far beyond what was written is refused before anything is allocated.
    #expect((try? Deflate.inflate([0xFF, 0xFF, 0xFF, 0x7F, 0x78, 0x9C])) == nil)
  }

  @Test func everySampleReportComesBackExactly() throws {
    #expect(sampleVisits.count >= 40)
    var sharedTexts = 0
    for (_, transcript, report) in sampleVisits {
      let stored = try StoredReport(report, turns: transcript.turns)
      let frame = try StoredReport.decodeFrame(StoredReport.encode(frame: stored.frame).bytes)
      let back = try StoredReport.assemble(
        frame: frame, body: stored.body, turns: transcript.turns)
      #expect(back == report, "\(report.scenario)")
      // Without the transcript's texts the outcome keeps its own, and still comes back.
      let alone = try StoredReport(report, turns: [])
      #expect(try StoredReport.assemble(frame: frame, body: alone.body, turns: []) == report)
      if stored.body.count < alone.body.count { sharedTexts += 1 }
    }
    #expect(sharedTexts == sampleVisits.count, "turn texts are stored once, in the turn table")
  }

  @Test func aBodyFromAnotherReportIsRefusedNotMisread() throws {
    let a = try #require(sampleVisits.first { $0.scenario.id == "busy-morning-rush" })
    let b = try #require(sampleVisits.first { $0.scenario.id == "full-visit-urban-a" })
    let stored = try StoredReport(b.report, turns: b.transcript.turns)
    #expect(
      throws: StoreError.self,
      performing: {
        try StoredReport.assemble(
          frame: StoredReport.frame(of: a.report), body: stored.body, turns: b.transcript.turns)
      })
  }

  @Test func sessionsOnOneContentShareOneFrameAndKeepOnlyCountedFindings() throws {
    let store = try SessionStore(path: temporaryDatabase())
    let visits = sampleVisits.filter { $0.scenario.id == "busy-morning-rush" }
    #expect(visits.count == 3)
    var ids: [String] = []
    for (scenario, transcript, report) in visits {
      let id = try store.start(trainee: "小王", scenario: scenario, seed: 1, openingLine: nil)
      try store.sync(id, transcript: transcript)
      try store.finish(id, transcript: transcript, report: report)
      #expect(try store.report(id) == report)
      ids.append(id)
    }
    let counts = try store.pool.read { db in
      try ["report_frame", "report"].map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") }
    }
    #expect(counts == [1, 3])
    // Re-scored with other content, every session names the new frame and the old one goes.
    var changed = visits[0].report
    changed.areas[0].title += "（新）"
    try store.rescore(ids[0], report: changed, transcript: visits[0].transcript)
    #expect(try store.report(ids[0]) == changed)
    let frames = try store.pool.read { db in
      try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM report_frame")
    }
    #expect(frames == 2, "one frame per content in use")
    for (i, visit) in visits.enumerated() {
      try store.rescore(ids[i], report: visit.report, transcript: visit.transcript)
    }
    let left = try store.pool.read { db in
      try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM report_frame")
    }
    #expect(left == 1)
    let findings = try store.findings(of: ids)
    for (i, id) in ids.enumerated() {
      let counted = visits[i].report.areas.flatMap { $0.criteria + $0.penalties }.filter {
        [.met, .partial, .missed, .triggered].contains($0.status)
      }
      #expect(findings[id]?.map(\.criterionID).sorted() == counted.map(\.id).sorted())
    }
  }

  @Test func aSchemaV14DatabaseKeepsEveryReportFindingAndTurn() throws {
    let path = temporaryDatabase()
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    let old = try SessionStore(path: path, upTo: "v14")
    let (scenario, transcript, report) = try #require(
      sampleVisits.first { $0.scenario.id == "elderly-first-visit" })
    let id = try old.start(trainee: "小张", scenario: scenario, seed: 1, openingLine: nil)
    // What a v14-era binary stored at the end of a visit: the report as JSON, every finding.
    let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
    try old.pool.write { db in
      for t in transcript.turns {
        try db.execute(
          sql: """
            INSERT INTO turn (session_id, idx, kind, phase, trainee, retailer, retailer_line,
                              mood_before, mood, patience, clock_start, clock)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            id, t.index, t.kind.rawValue, t.phase, t.trainee, t.retailer, t.retailerLineID,
            t.moodBefore, t.mood, t.patience, t.clockStart, t.clock,
          ])
      }
      try db.execute(
        sql: "UPDATE session SET finished_at = ?, total = ?, passed = ? WHERE id = ?",
        arguments: ["2026-12-01T10:00:00Z", report.total, report.passed, id])
      try db.execute(
        sql: "INSERT INTO report (session_id, json) VALUES (?, ?)", arguments: [id, json])
      for area in report.areas {
        for f in area.criteria + area.penalties {
          try db.execute(
            sql: """
              INSERT INTO finding (session_id, area_id, criterion_id, title, penalty, status, points, max)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?)
              """,
            arguments: [
              id, area.id, f.id, f.title, f.isPenalty, f.status.rawValue, f.points, f.max,
            ])
        }
      }
      for (position, area) in report.areas.enumerated() {
        try db.execute(
          sql: """
            INSERT INTO area_score (session_id, area_id, title, weight, score, position)
            VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [id, area.id, area.title, area.weight, area.score, position])
      }
    }
    let upgraded = try SessionStore(path: path)
    #expect(try upgraded.appliedMigrations().last == "v15")
    #expect(try upgraded.transcript(id).turns == transcript.turns)
    #expect(try upgraded.report(id) == report)
    let counted = report.areas.flatMap { $0.criteria + $0.penalties }.filter {
      [.met, .partial, .missed, .triggered].contains($0.status)
    }
    #expect(try upgraded.findings(of: [id])[id]?.count == counted.count)
    let attempt = try #require(try upgraded.progress(trainee: "小张").attempts.first)
    #expect(attempt.total == report.total)
    #expect(attempt.areas["greeting"] == report.areas.first { $0.id == "greeting" }?.score)
  }

  @Test func aStoredSessionIsSmall() throws {
    let path = temporaryDatabase()
    let store = try SessionStore(path: path)
    // Each shipped sample five times, as a training room would store them.
    let rounds = 5
    for round in 0..<rounds {
      for (scenario, transcript, report) in sampleVisits {
        let id = try store.start(
          trainee: "学员\(round)", scenario: scenario, seed: 1, openingLine: nil)
        try store.finish(id, transcript: transcript, report: report)
      }
    }
    let sessions = rounds * sampleVisits.count
    let (perSession, frames, tables) = try store.pool.writeWithoutTransaction { db in
      try db.execute(sql: "VACUUM")
      let total = try Int.fetchOne(
        db, sql: "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size")!
      let frames = try Int.fetchOne(db, sql: "SELECT SUM(LENGTH(frame)) FROM report_frame")!
      let tables = try Row.fetchAll(
        db, sql: "SELECT name, SUM(pgsize) AS size FROM dbstat GROUP BY name ORDER BY size DESC"
      ).map { "\($0["name"] as String) \(($0["size"] as Int) / sessions)" }
      return ((total - frames) / sessions, frames, tables)
    }
    // Everything a session adds beyond the frames its content shares (one per scenario).
    #expect(
      perSession <= 5_120,
      "\(perSession) bytes per session, \(frames) bytes of frames; per session: \(tables)")
  }
}

@Suite("Outcome JSON")
struct OutcomeJSONTests {
  /// The hand-written outcome writer must give exactly the bytes `JSONEncoder` gives, or an
  /// unchanged re-score would be seen as changed and the stored format would drift from the
  /// `Codable` conformance `JSONDecoder` reads.
  @Test func theOutcomeWriterGivesJSONEncodersBytes() throws {
    let encoder = StoredReport.outcomeEncoder
    var notes = 0
    for (_, transcript, report) in sampleVisits {
      for turns in [transcript.turns, []] {
        let outcome = StoredReport.Outcome(report, turns: turns)
        notes += outcome.evidence.flatMap(\.evidence).filter { $0.note != nil }.count
        #expect(
          try OutcomeJSON.encode(outcome, encoder: encoder) == Array(encoder.encode(outcome)),
          "\(report.scenario)")
      }
    }
    #expect(notes > 0, "the samples carry evidence notes")
    // Every control character, quotes, backslashes, slashes and characters beyond ASCII.
    let (_, transcript, report) = try #require(sampleVisits.first)
    var odd = report
    let text = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }.joined() + "\u{2028}é中😀/"
    odd.blockers = [text, ""]
    odd.hintsUsed = ["a\"b", "c\\d"]
    let areaWithEvidence = try #require(odd.areas.firstIndex { !$0.criteria.isEmpty })
    odd.areas[areaWithEvidence].criteria[0].evidence = [
      Evidence(turn: 1, text: text, utterance: "\u{1b}[2J"),
      Evidence(turn: Evidence.visitRecord, note: .countedWithoutAsking, utterance: ""),
    ]
    odd.areas[areaWithEvidence].score = nil
    let outcome = StoredReport.Outcome(odd, turns: transcript.turns)
    #expect(try OutcomeJSON.encode(outcome, encoder: encoder) == Array(encoder.encode(outcome)))
  }
}
