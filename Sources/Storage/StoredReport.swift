import CompactCoding
import Foundation
import VisitCoachModel

/// A report as the database keeps it: split into what the scenario's content decided (its
/// *frame*: titles, tips, examples, maxima, weights, phases, the pass mark) and what the visit
/// decided (its *outcome*: totals, statuses, points, evidence, the turn log).
///
/// Sessions played on the same content share one frame row (a report is about 25 KB, of which
/// all but 1–2 KB is frame; the frame is binary-coded and compressed); the outcome is JSON,
/// compressed, per session. The turn texts and utterances a report repeats from the stored
/// transcript are left out of the outcome and put back when it is read. The split is exact:
/// ``assemble(frame:body:turns:)`` gives back the report ``init(_:turns:)`` took apart, field for
/// field, whatever the report holds, because everything not moved into the outcome stays in the
/// frame (a field added to the report later that differs per visit only makes frames less
/// shared, never a report wrong).
struct StoredReport: Sendable {
  /// The report with every outcome emptied.
  var frame: ScoreReport
  /// ``Outcome`` as JSON, compressed.
  var body: [UInt8]

  /// Splits `report`; `turns` are the session's stored turns (their texts are not stored twice).
  init(_ report: ScoreReport, turns: [Turn]) throws {
    frame = Self.frame(of: report)
    body = Deflate.deflate(
      try OutcomeJSON.encode(Outcome(report, turns: turns), encoder: Self.outcomeEncoder))
  }

  /// JSON with sorted keys: the same outcome is always the same bytes (so an unchanged re-score
  /// is seen as unchanged), and it compresses to about two thirds of the binary form. Written by
  /// ``OutcomeJSON``, which gives the bytes this encoder gives.
  static var outcomeEncoder: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }

  /// The report with every outcome emptied: what sessions on the same content share.
  static func frame(of report: ScoreReport) -> ScoreReport {
    var frame = report
    frame.seed = 0
    frame.total = 0
    frame.passed = false
    frame.blockers = []
    frame.turns = []
    frame.endedBy = .stopped
    frame.clock = 0
    frame.hintsUsed = []
    for a in frame.areas.indices {
      frame.areas[a].score = nil
      for f in frame.areas[a].criteria.indices { frame.areas[a].criteria[f].clearOutcome() }
      for f in frame.areas[a].penalties.indices { frame.areas[a].penalties[f].clearOutcome() }
    }
    return frame
  }

  /// The bytes a frame is stored as, and the digest that names it.
  static func encode(frame: ScoreReport) throws -> (bytes: [UInt8], digest: String) {
    let bytes = try BinaryCoding.encode(frame)
    return (Deflate.deflate(bytes), digest(bytes))
  }

  /// The frame stored as `bytes`.
  static func decodeFrame(_ bytes: [UInt8]) throws -> ScoreReport {
    try Deflate.inflate(bytes).withUnsafeBytes {
      try BinaryCoding.decode(ScoreReport.self, from: $0)
    }
  }

  /// The report stored as `frame` and `body`; `turns` are the session's stored turns.
  static func assemble(frame: ScoreReport, body: [UInt8], turns: [Turn]) throws -> ScoreReport {
    let outcome = try JSONDecoder().decode(Outcome.self, from: Data(Deflate.inflate(body)))
    return try outcome.applied(to: frame, turns: turns)
  }

  /// The ``Fingerprint`` of `bytes`, in hex: names a frame by its content.
  static func digest(_ bytes: [UInt8]) -> String {
    var fingerprint = Fingerprint()
    bytes.withUnsafeBytes { fingerprint.add(bytes: $0) }
    return fingerprint.hex
  }

  /// What one visit decided: everything ``StoredReport/frame(of:)`` empties.
  struct Outcome: Codable {
    var seed: UInt64
    var total: Int
    var passed: Bool
    var blockers: [String]
    var endedBy: EndReason
    var clock: Int
    var hintsUsed: [String]
    /// Per area, in order: its score, and how many criteria and penalties it has.
    var scores: [Int?]
    var sizes: [Int]
    /// Per finding, in report order (each area's criteria, then its penalties): status and points,
    /// each list as one comma-separated string. Strings, not lists or records: encoding a few
    /// hundred small values one by one cost more than scoring the visit again.
    var statuses: String
    var points: String
    /// The findings with evidence, by their place in that order.
    var evidence: [Evidenced]
    /// What each turn earned (criteria met, partly met, penalties), packed by ``pack(_:)``; nil
    /// when an id holds a separator (then ``turns`` keeps every entry whole).
    var earned: String?
    /// The whole turn log, unless each turn says what its stored turn says (index, kind, phase,
    /// texts, mood and its change, clock) and ``earned`` holds the rest.
    var turns: [TurnReport]?
    /// An evidence utterance equal to its turn's (non-empty) text is kept here as "" and put
    /// back from the turn. False when some evidence really has an empty utterance in a turn
    /// that said something (then every utterance is kept as it is).
    var utterancesAreTurns: Bool

    /// Lists of lists of ids per turn as one string: turns end with U+001E, lists with U+001D,
    /// ids with U+001F. Nil when an id is empty or holds one of those (it would not come back).
    static func pack(_ turns: [[[String]]]) -> String? {
      var out = ""
      for lists in turns {
        for list in lists {
          for id in list {
            if id.isEmpty || id.unicodeScalars.contains(where: { (0x1D...0x1F).contains($0.value) })
            {
              return nil
            }
            out += id
            out += "\u{1F}"
          }
          out += "\u{1D}"
        }
        out += "\u{1E}"
      }
      return out
    }

    /// What ``pack(_:)`` packed.
    static func unpack(_ text: String) -> [[[String]]] {
      text.split(separator: "\u{1E}", omittingEmptySubsequences: false).dropLast().map { turn in
        turn.split(separator: "\u{1D}", omittingEmptySubsequences: false).dropLast().map { list in
          list.split(separator: "\u{1F}", omittingEmptySubsequences: false).dropLast().map(
            String.init)
        }
      }
    }

    struct Evidenced: Codable {
      var finding: Int
      var evidence: [Evidence]
    }

    init(_ report: ScoreReport, turns stored: [Turn]) {
      seed = report.seed
      total = report.total
      passed = report.passed
      blockers = report.blockers
      endedBy = report.endedBy
      clock = report.clock
      hintsUsed = report.hintsUsed
      let log = report.turns
      earned = Self.pack(log.map { [$0.met, $0.partial, $0.violated] })
      let logIsStored =
        earned != nil && log.count == stored.count
        && zip(log, stored).allSatisfy {
          $0 == TurnReport(of: $1, $0) && same($0.trainee, $1.trainee)
            && same($0.retailer, $1.retailer) && same($0.phase, $1.phase)
        }
      turns = logIsStored ? nil : log
      if !logIsStored { earned = nil }
      let texts = Dictionary(log.map { ($0.index, $0.trainee) }, uniquingKeysWith: { a, _ in a })
      let findings = report.areas.flatMap { $0.criteria + $0.penalties }
      utterancesAreTurns = findings.allSatisfy { finding in
        finding.evidence.allSatisfy { e in !e.utterance.isEmpty || (texts[e.turn] ?? "").isEmpty }
      }
      scores = report.areas.map(\.score)
      sizes = report.areas.map { $0.criteria.count + $0.penalties.count }
      statuses = findings.map(\.status.rawValue).joined(separator: ",")
      points = findings.map { String($0.points) }.joined(separator: ",")
      evidence = []
      for (f, finding) in findings.enumerated() where !finding.evidence.isEmpty {
        var kept = finding.evidence
        if utterancesAreTurns {
          for e in kept.indices {
            if let text = texts[kept[e].turn], same(kept[e].utterance, text) {
              kept[e].utterance = ""
            }
          }
        }
        evidence.append(Evidenced(finding: f, evidence: kept))
      }
    }

    /// `frame` with this outcome put back; throws when they don't belong together.
    func applied(to frame: ScoreReport, turns stored: [Turn]) throws -> ScoreReport {
      let count = sizes.reduce(0, +)
      let statuses = self.statuses.split(separator: ",").compactMap {
        CriterionStatus(rawValue: String($0))
      }
      let points = self.points.split(separator: ",").compactMap { Int($0) }
      let log: [TurnReport]
      if let turns {
        log = turns
      } else if let earned = earned.flatMap(Self.unpack), earned.count == stored.count,
        earned.allSatisfy({ $0.count == 3 })
      {
        log = zip(stored, earned).map {
          TurnReport(of: $0, met: $1[0], partial: $1[1], violated: $1[2])
        }
      } else {
        throw StoreError.damagedReport
      }
      guard frame.areas.map({ $0.criteria.count + $0.penalties.count }) == sizes,
        scores.count == sizes.count, statuses.count == count, points.count == count,
        evidence.allSatisfy({ $0.finding >= 0 && $0.finding < count })
      else { throw StoreError.damagedReport }
      var report = frame
      report.seed = seed
      report.total = total
      report.passed = passed
      report.blockers = blockers
      report.endedBy = endedBy
      report.clock = clock
      report.hintsUsed = hintsUsed
      report.turns = log
      // Utterances left out are put back from their turns (unless every one was kept).
      let texts =
        utterancesAreTurns
        ? Dictionary(log.map { ($0.index, $0.trainee) }, uniquingKeysWith: { a, _ in a }) : [:]
      var evidenceOf: [Int: [Evidence]] = [:]
      for e in evidence { evidenceOf[e.finding] = e.evidence }
      var f = 0
      for a in report.areas.indices {
        report.areas[a].score = scores[a]
        for c in report.areas[a].criteria.indices {
          report.areas[a].criteria[c].apply(statuses[f], points[f], evidenceOf[f], texts)
          f += 1
        }
        for p in report.areas[a].penalties.indices {
          report.areas[a].penalties[p].apply(statuses[f], points[f], evidenceOf[f], texts)
          f += 1
        }
      }
      return report
    }
  }
}

extension TurnReport {
  /// The log entry of `turn`, earning what it is given.
  fileprivate init(of turn: Turn, met: [String], partial: [String], violated: [String]) {
    self.init(
      index: turn.index, kind: turn.kind, phase: turn.phase, trainee: turn.trainee,
      retailer: turn.retailer, mood: turn.mood, moodChange: turn.mood - turn.moodBefore,
      clock: turn.clock, met: met, violated: violated)
    self.partial = partial
  }

  /// The log entry of `turn` with what `earned` says it earned.
  fileprivate init(of turn: Turn, _ earned: TurnReport) {
    self.init(of: turn, met: earned.met, partial: earned.partial, violated: earned.violated)
  }
}

/// Byte for byte (`==` on strings also equates canonically equivalent spellings, which a stored
/// copy must not).
private func same(_ a: String?, _ b: String?) -> Bool {
  guard var a, var b else { return a == nil && b == nil }
  guard a.utf8.count == b.utf8.count else { return false }
  return a.withUTF8 { x in
    b.withUTF8 { y in x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
  }
}

extension Finding {
  fileprivate mutating func clearOutcome() {
    status = .notApplicable
    points = 0
    evidence = []
  }

  /// Puts an outcome back; an empty utterance of a turn that said something is that turn's words.
  fileprivate mutating func apply(
    _ status: CriterionStatus, _ points: Int, _ evidence: [Evidence]?, _ texts: [Int: String]
  ) {
    self.status = status
    self.points = points
    self.evidence = (evidence ?? []).map {
      var e = $0
      if e.utterance.isEmpty, let text = texts[e.turn] { e.utterance = text }
      return e
    }
  }
}
